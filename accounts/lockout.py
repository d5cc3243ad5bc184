"""django-axes wiring for every sign-in, kept free of DRF imports: settings load it with the auth backends."""

from __future__ import annotations

from typing import Any

from axes.backends import AxesStandaloneBackend
from django.http import HttpResponse

from duban.lib.error_body import json_error

LOCKED_OUT_CODE = "locked_out"
LOCKED_OUT_MESSAGE = "登录失败次数过多，账号已被暂时锁定，请稍后再试或联系管理员"


class AxesRequestBackend(AxesStandaloneBackend):
    """axes' check for every login that comes with a request (the admin form, the token endpoint).

    authenticate() without a request is a call from our own code or tests (the test
    client's login()); there is no address to count, so it is let through to the
    password check instead of failing as axes' own backend does.
    """

    def authenticate(self, request=None, username=None, password=None, **kwargs: Any):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request: Any, original_response: Any = None, credentials: Any = None) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: the API's JSON error on /api/, a plain Chinese answer elsewhere."""
    if request.path.startswith("/api/"):
        return json_error(429, LOCKED_OUT_CODE, LOCKED_OUT_MESSAGE)
    return HttpResponse(LOCKED_OUT_MESSAGE, status=429, content_type="text/plain; charset=utf-8")
