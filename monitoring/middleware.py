from __future__ import annotations

import time

from duban.logs.context import route_of
from monitoring.metrics import REQUEST_SECONDS, REQUESTS


class RequestMetricsMiddleware:
    """Times every request by its route (the URL name, so the label set stays small)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        route, method = route_of(request), _method(request.method)
        REQUEST_SECONDS.labels(route, method).observe(time.perf_counter() - started)
        REQUESTS.labels(route, method, f"{response.status_code // 100}xx").inc()
        return response


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


def _method(method: str | None) -> str:
    # A client can send any verb; only the usual ones become label values.
    return method if method in _METHODS else "other"
