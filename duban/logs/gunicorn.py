"""gunicorn's error and access logs in the project's shape (`logger_class` in
duban/gunicorn_config.py). The access line takes the request id from the response header
and the route and user from what RequestIdMiddleware left in the WSGI environ; it names
the route, never the raw path (calendar feeds carry their secret in it)."""

from __future__ import annotations

from gunicorn.glogging import Logger

from duban.logs.formatting import formatter


class DubanLogger(Logger):
    def setup(self, cfg):
        super().setup(cfg)
        for log in (self.error_log, self.access_log):
            for handler in log.handlers:
                handler.setFormatter(formatter())

    def access(self, resp, req, environ, request_time):
        if not self.access_log_enabled:
            return
        status = resp.status.split(None, 1)[0] if isinstance(resp.status, str) else resp.status
        headers = {k.lower(): v for k, v in (resp.headers or [])}
        route = environ.get("duban.route") or "unmatched"
        method = environ.get("REQUEST_METHOD")
        self.access_log.info(
            "%s %s %s",
            method,
            route,
            status,
            extra={
                "request_id": headers.get("x-request-id"),
                "user_id": environ.get("duban.user_id"),
                "route": route,
                "method": method,
                "status": int(status),
                "duration_ms": round(request_time.total_seconds() * 1000, 1),
                "bytes": getattr(resp, "sent", None),
                "remote_addr": environ.get("REMOTE_ADDR"),
                "user_agent": environ.get("HTTP_USER_AGENT"),
            },
        )
