"""One HTTP exchange for the SMS providers that answer with their own status codes.

Unlike http.post (webhooks answering JSON), the caller gets every HTTP answer back,
status and raw body, because a gateway may put its rejection in a 4xx body and
Tencent answers 200 with an error object. Only a call that got no answer raises,
sorted by duban.lib.http_calls: refused before sending is a safe retry, a timeout or
a broken connection after sending is ambiguous (the SMS may be on its way).
"""

from __future__ import annotations

from django.conf import settings

from duban.lib import http_calls
from notifications.transports.http import transport_error


def exchange(url: str, *, method: str = "POST", data: bytes | None = None, headers: dict | None = None):
    """-> (HTTP status, raw body)."""
    try:
        answer = http_calls.exchange(
            url, method=method, data=data, headers=headers, timeout=settings.NOTIFY_HTTP_TIMEOUT_SECONDS
        )
    except http_calls.CallFailed as exc:
        raise transport_error(exc) from exc
    return answer.status, answer.body
