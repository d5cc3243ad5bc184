"""Download views for the ledger and the bulletin, background export jobs, calendar feeds.

Plain Django views (the REST API is another module's): each parses its input with
params.py, calls one function of this package and returns a file or JSON.
Service errors become their HTTP status with a Chinese message; out-of-scope
objects are 404 like missing ones. The calendar feed is the one view without a
login: its secret URL is the credential.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate, ParamSpec, TypeVar
from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, HttpResponseBase, JsonResponse, QueryDict
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST, require_safe

from accounts.request_types import AuthenticatedHttpRequest
from duban.lib import safejson
from duban.storage.downloads import signed_redirect
from policy_tasks.errors import NotFound, ServiceError
from policy_tasks.exports import urge_notice
from policy_tasks.exports.calendar_feed import calendar_for_token, calendar_token_create, calendar_token_revoke
from policy_tasks.exports.jobs import CONTENT_TYPES, ExportFile, build_export, job_disposition
from policy_tasks.exports.params import BULLETIN_FORMATS, LEDGER_FORMATS, find_document, find_unit
from policy_tasks.exports.tasks import export_job_start
from policy_tasks.models import CalendarToken, ExportJob
from policy_tasks.services.audit import RequestMeta

P = ParamSpec("P")
Req = TypeVar("Req", bound=HttpRequest)
DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"


def _error(exc: ServiceError) -> JsonResponse:
    return JsonResponse(
        {"error": exc.code, "message": exc.message, "field": exc.field},
        status=exc.status,
        json_dumps_params={"ensure_ascii": False},
    )


def service_errors(
    view: Callable[Concatenate[Req, P], HttpResponseBase],
) -> Callable[Concatenate[Req, P], HttpResponseBase]:
    @wraps(view)
    def wrapped(request: Req, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponseBase:
        try:
            _refuse_nul(request.GET)
            return view(request, *args, **kwargs)
        except ServiceError as exc:
            return _error(exc)

    return wrapped


def _json(data: Any, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def _refuse_nul(params: QueryDict) -> None:
    # PostgreSQL refuses NUL in text: a unit name holding one was a DataError (a 500).
    if any("\x00" in text for key, values in params.lists() for text in (key, *values)):
        raise ServiceError(safejson.NUL_MESSAGE)


def _body(request: HttpRequest) -> QueryDict | dict[str, Any]:
    if request.content_type == "application/json":
        try:
            data = safejson.loads(request.body or b"{}")
        except safejson.UnsafeJSON as exc:
            raise ServiceError(exc.message) from None
        except ValueError:
            raise ServiceError("请求内容不是有效的 JSON") from None
        if not isinstance(data, dict):
            raise ServiceError("请求内容应为 JSON 对象")
        return data
    _refuse_nul(request.POST)
    return request.POST


def _download(result: ExportFile, *, inline: bool = False) -> HttpResponse | FileResponse:
    # A file-backed export (the ledgers) is streamed from its temporary file, closed once sent.
    response: HttpResponse | FileResponse
    if result.file is not None:
        response = FileResponse(result.open(), content_type=result.content_type)
    else:
        response = HttpResponse(result.data, content_type=result.content_type)
    # A bulletin shown in the browser styles itself inline and runs nothing: no script at all.
    response["Content-Security-Policy"] = DOCUMENT_CSP
    disposition = "inline" if inline else "attachment"
    # RFC 6266: filename* carries the Chinese name; the ASCII fallback keeps old clients working.
    response["Content-Disposition"] = (
        f"{disposition}; filename=\"export.{result.extension}\"; filename*=UTF-8''{quote(result.name)}"
    )
    return response


@require_GET
@login_required
@service_errors
def ledger_download(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponseBase:
    if fmt not in LEDGER_FORMATS:
        raise Http404
    document = find_document(request.GET.get("document"))
    kind = ExportJob.Kind.LEDGER_XLSX if fmt == "xlsx" else ExportJob.Kind.LEDGER_CSV
    return _download(build_export(kind=kind, document=document, params=request.GET, user=request.user))


@require_GET
@login_required
@service_errors
def bulletin_download(request: AuthenticatedHttpRequest, fmt: str) -> HttpResponseBase:
    if fmt not in BULLETIN_FORMATS:
        raise Http404
    document = find_document(request.GET.get("document"))
    result = build_export(kind=f"bulletin_{fmt}", document=document, params=request.GET, user=request.user)
    return _download(result, inline=fmt in ("html", "pdf") and not request.GET.get("download"))


@require_GET
@login_required
@service_errors
def urge_notice_download(request: AuthenticatedHttpRequest, pk: int, fmt: str) -> HttpResponse:
    if fmt not in urge_notice.FORMATS:
        raise Http404
    notice = urge_notice.urge_notice_for(request.user, pk)
    response = urge_notice.urge_notice_response(notice, fmt)
    response["Content-Security-Policy"] = DOCUMENT_CSP
    return response


def _job_json(job: ExportJob) -> dict[str, Any]:
    data = {
        "id": job.pk,
        "kind": job.kind,
        "document": job.document_id,
        "params": job.params,
        "status": job.status,
        "status_display": job.get_status_display(),
        "progress": job.progress,
        "error": job.error,
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
        "status_url": reverse("exports:job", args=[job.pk]),
        "download_url": None,
        "file_name": job.file_name,
    }
    if job.status == ExportJob.Status.DONE:
        data["download_url"] = reverse("exports:job-download", args=[job.pk])
    return data


@require_http_methods(["GET", "POST"])
@login_required
@service_errors
def jobs(request: AuthenticatedHttpRequest) -> JsonResponse:
    if request.method == "GET":
        mine = ExportJob.objects.filter(requested_by=request.user).order_by("-created_at")[:20]
        return _json([_job_json(job) for job in mine])
    data = _body(request)
    params = {key: data.get(key) for key in ("as_of", "unit", "due_from", "due_to", "period")}
    params["light"] = ",".join(data.getlist("light")) if hasattr(data, "getlist") else data.get("light") or ""
    document = find_document(data.get("document"))
    job = export_job_start(user=request.user, kind=str(data.get("kind") or ""), document=document, params=params)
    return _json(_job_json(job), status=202)


def _my_job(request: AuthenticatedHttpRequest, pk: int) -> ExportJob:
    return get_object_or_404(ExportJob, pk=pk, requested_by=request.user)


@require_GET
@login_required
def job_status(request: AuthenticatedHttpRequest, pk: int) -> JsonResponse:
    return _json(_job_json(_my_job(request, pk)))


@require_GET
@login_required
def job_download(request: AuthenticatedHttpRequest, pk: int) -> HttpResponseBase:
    job = _my_job(request, pk)
    if job.status != ExportJob.Status.DONE or not job.file:
        raise Http404("文件尚未生成")
    content_type = "text/csv; charset=utf-8" if job.file_name.endswith(".csv") else None
    handle = job.file.open("rb")
    redirect = signed_redirect(handle, disposition=job_disposition(job), content_type=CONTENT_TYPES[job.kind])
    if redirect is not None:
        return redirect
    return FileResponse(handle, as_attachment=True, filename=job.file_name, content_type=content_type)


@require_safe  # calendar clients may probe with HEAD
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    try:
        body, _ = calendar_for_token(token)
    except NotFound:
        raise Http404("订阅不存在或已撤销") from None
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response


def _token_json(token: CalendarToken, request: HttpRequest, raw: str | None = None) -> dict[str, Any]:
    data = {
        "id": token.pk,
        "label": token.label,
        "unit": token.unit_id,
        "created_at": token.created_at.isoformat(),
        "revoked_at": token.revoked_at.isoformat() if token.revoked_at else None,
        "last_used_at": token.last_used_at.isoformat() if token.last_used_at else None,
    }
    if raw is not None:
        # Shown once: only the hash is stored, so this URL cannot be displayed again.
        data["url"] = request.build_absolute_uri(reverse("exports:calendar-feed", args=[raw]))
    return data


@require_http_methods(["GET", "POST"])
@login_required
@service_errors
def calendar_tokens(request: AuthenticatedHttpRequest) -> JsonResponse:
    if request.method == "GET":
        mine = CalendarToken.objects.filter(owner=request.user).order_by("-created_at")
        return _json([_token_json(t, request) for t in mine])
    data = _body(request)
    token, raw = calendar_token_create(
        user=request.user,
        unit=find_unit(data.get("unit")),
        label=str(data.get("label") or ""),
        meta=RequestMeta.from_request(request),
    )
    return _json(_token_json(token, request, raw), status=201)


@require_POST
@login_required
@service_errors
def calendar_token_revoke_view(request: AuthenticatedHttpRequest, pk: int) -> JsonResponse:
    token = CalendarToken.objects.filter(pk=pk).first()
    if token is None:
        raise NotFound("订阅不存在")
    token = calendar_token_revoke(user=request.user, token=token, meta=RequestMeta.from_request(request))
    return _json(_token_json(token, request))
