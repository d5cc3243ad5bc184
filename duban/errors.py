"""Error answers Django gives outside any view: JSON under /api/, pages elsewhere.

DRF's exception handler (policy_tasks.api.errors) answers what API views raise and know;
an unknown /api/ path, an exception nobody foresaw (a database that just restarted, a bug)
and a request Django refuses before routing end here. A script gets the API's one error
shape with no stack trace; the traceback is logged by Django ("django.request") before
these run. People keep the HTML pages.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views import defaults

from policy_tasks.api.errors import json_error


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
