"""Request types for views that only signed-in users reach (typing only, nothing at run time).

Django and DRF type `request.user` as `User | AnonymousUser`. A page behind `web.access.page`
or `login_required`, and an API view behind the default IsAuthenticated permission, only
ever sees a `User`: its handler takes one of these types instead of casting the user
(the convention django-stubs documents).
"""

from __future__ import annotations

from django.http import HttpRequest
from rest_framework.request import Request

from accounts.models import User


class NoncedHttpRequest(HttpRequest):
    """Any request past duban.middleware, which gives each one its CSP script nonce."""

    csp_nonce: str


class AuthenticatedHttpRequest(HttpRequest):
    user: User


class AuthenticatedRequest(Request):
    user: User
