"""Error answers Django gives outside any view: JSON under /api/, pages elsewhere.

DRF's exception handler (policy_tasks.api.errors) answers what API views raise and know;
an unknown /api/ path, an exception nobody foresaw (a database that just restarted, a bug)
and a request Django refuses before routing end here. A script gets the API's one error
shape with no stack trace; the traceback is logged by Django ("django.request") before
these run. People keep the HTML pages.
"""

from __future__ import annotations

from django.conf import settings
from django.core import signals
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.log import log_response
from django.views import defaults

from duban.lib.error_body import json_error


def _api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _api(request):
        return json_error(400, "bad_request", "请求无效")
    return defaults.bad_request(request, exception)


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _api(request):
        return json_error(403, "forbidden", "无权执行此操作")
    return defaults.permission_denied(request, exception)


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    if _api(request):
        return json_error(404, "not_found", "接口不存在，请对照 /api/schema/ 检查路径")
    return defaults.page_not_found(request, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    if _api(request):
        request_id = getattr(request, "request_id", "")
        suffix = f"（请求编号 {request_id}）" if request_id else ""
        return json_error(500, "server_error", f"服务器内部错误，请稍后重试；如持续出现请联系管理员{suffix}")
    return defaults.server_error(request)


class DebugErrorPagesMiddleware:
    """With DEBUG on, the same Chinese error pages as in production (and JSON under /api/).

    Django answers a 404 and an unhandled exception with its English technical pages when
    DEBUG is on, the 404 listing every URL of the site; a developer trying the pages then sees
    something no user ever will. DUBAN_DEBUG_ERROR_PAGES=1 asks for Django's pages back. A 403
    already uses handler403 whatever DEBUG says. The traceback of a 500 is still logged.
    Last in MIDDLEWARE, so its process_exception sees a view's exception first.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def _active() -> bool:
        return settings.DEBUG and not settings.DUBAN_DEBUG_ERROR_PAGES

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        # No pattern matched (Resolver404 is raised before any view, so process_exception never
        # sees it): Django has just built its technical 404 page.
        if response.status_code == 404 and request.resolver_match is None and self._active():
            return page_not_found(request, Http404())
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not self._active():
            return None
        if isinstance(exception, Http404):
            return page_not_found(request, exception)
        if isinstance(exception, (PermissionDenied, BadRequest, SuspiciousOperation)):
            return None  # Django answers these through handler403/handler400 in DEBUG too
        # Django signals and logs a 500 on its own only when it builds the answer; this one is built here.
        signals.got_request_exception.send(sender=None, request=request)
        log_response(
            "Internal Server Error: %s",
            request.path,
            response=(response := server_error(request)),
            request=request,
            exception=exception,
        )
        return response
