"""Answer the load balancer's probes before anything else runs.

First in MIDDLEWARE on purpose: a probe addressed to the node's own IP must not be
refused by ALLOWED_HOSTS, redirected to HTTPS by SecurityMiddleware, given a session,
counted by axes or need a login. The answers reveal nothing but check names and states.
"""

from __future__ import annotations

from django.http import JsonResponse

from duban.health.probe import readiness

NO_STORE = {"Cache-Control": "no-store"}


def _json(body: dict, status: int, **headers: str) -> JsonResponse:
    return JsonResponse(body, status=status, headers={**NO_STORE, **headers}, json_dumps_params={"ensure_ascii": False})


class HealthProbeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info.rstrip("/")
        if path not in ("/healthz", "/readyz"):
            return self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return _json({"status": "fail", "error": "仅支持 GET 或 HEAD 请求"}, 405, Allow="GET, HEAD")
        if path == "/healthz":
            # Liveness: the process answers. No I/O, so a database outage never gets a
            # healthy web process restarted by its supervisor.
            return _json({"status": "ok"}, 200)
        ready, body = readiness()
        response = _json(body, 200 if ready else 503)
        # The probe logs a check when it starts failing and when it recovers (probe.py);
        # Django's own "Service Unavailable" line at every probe would bury that.
        # Django's own flag (django.utils.log.log_response), private and so not in the stubs.
        response._has_been_logged = True  # type: ignore[attr-defined]
        return response
