"""Prometheus metrics at /metrics: what the web processes count themselves (requests,
logins) and what the database says at scrape time (deliveries, exports, the scan, beat)."""
