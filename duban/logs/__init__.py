"""Log lines an operator can search: one JSON object a line (or plain text in development),
with the time in Asia/Shanghai and its offset, and the request id, user and route of the
request (or of the request that queued the task) the line belongs to."""
