from __future__ import annotations

from accounts.roles import request_memo


class RequestMemoMiddleware:
    """One request, one reading of each user's roles and scopes (accounts.roles.request_memo)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with request_memo():
            return self.get_response(request)
