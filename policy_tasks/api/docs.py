"""The OpenAPI schema and Swagger UI: for signed-in users, unless DUBAN_PUBLIC_API_DOCS opens them.

The schema lists every operation and parameter, which is a map for anyone probing the API;
an intranet deployment that wants it public says so in a setting (read per request, so tests
and a settings change need no restart of the URL conf).
"""

from __future__ import annotations

from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect, resolve_url
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.permissions import BasePermission


def _open(request) -> bool:
    return bool(getattr(settings, "DUBAN_PUBLIC_API_DOCS", False)) or request.user.is_authenticated


class ApiDocsPermission(BasePermission):
    message = "API 文档须登录后查看"

    def has_permission(self, request, view) -> bool:
        return _open(request)


def _page_for_signed_in(view):
    """A browser without a session is sent to the login page and back, not shown a bare 401."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not _open(request):
            return redirect(f"{resolve_url(settings.LOGIN_URL)}?{urlencode({'next': request.get_full_path()})}")
        return view(request, *args, **kwargs)

    return wrapper


schema_view = SpectacularAPIView.as_view(permission_classes=[ApiDocsPermission])
# The split view serves Swagger UI's start-up script as a file: no inline script under the CSP.
docs_view = _page_for_signed_in(
    SpectacularSwaggerSplitView.as_view(url_name="api-schema", permission_classes=[ApiDocsPermission])
)
