"""What stays at /exports/: the calendar feed, and the old download URLs, which moved to /api/v1.

The feed is the one view without a login: calendar apps cannot send a token, so its secret
URL is the credential. The downloads (ledger, bulletin, 督办单, a job's file) moved to the API
(docs/decisions.md, "One export API"); their old URLs, bookmarked and pasted into mails, answer
a permanent redirect to the same file there, the query string kept. The old JSON endpoints
(jobs, calendar tokens) are gone: 410 with the API's error body, naming what replaces them.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseBase, HttpResponsePermanentRedirect, QueryDict
from django.urls import NoReverseMatch, reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from duban.lib import safejson
from duban.lib.error_body import json_error
from policy_tasks.api.errors import service_error_response
from policy_tasks.errors import NotFound, ServiceError
from policy_tasks.exports import urge_notice
from policy_tasks.exports.calendar_feed import calendar_for_token
from policy_tasks.exports.params import BULLETIN_FORMATS, LEDGER_FORMATS, find_document, find_unit

# Shown in the browser unless ?download=1, as the old bulletin URLs did.
SHOWN_BULLETINS = ("html", "pdf")
REPLACED_BY = {
    "jobs": "/api/v1/documents/<id>/ledger-jobs/、/api/v1/documents/<id>/bulletin-jobs/ 与 /api/v1/export-jobs/",
    "calendar/tokens": "/api/v1/calendar-subscriptions/",
}


@require_safe  # calendar clients may probe with HEAD
def calendar_feed(request: HttpRequest, token: str) -> HttpResponse:
    try:
        body, _ = calendar_for_token(token)
    except NotFound:
        raise Http404("订阅不存在或已撤销") from None
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    return response


def _moved(route: str, pk: int, query: QueryDict) -> HttpResponseBase:
    try:
        path = reverse(route, args=[pk])
    except NoReverseMatch:  # an id the API's path cannot hold (0, or longer than a bigint)
        raise Http404 from None
    return HttpResponsePermanentRedirect(f"{path}?{query.urlencode()}" if query else path)


def _document_query(request: HttpRequest) -> tuple[int, QueryDict]:
    """The old query string as the API reads it: the document (number or id) moves into the path,
    a unit named by its name becomes its id, `light=red,yellow` becomes `light` repeated."""
    if any("\x00" in text for key, values in request.GET.lists() for text in (key, *values)):
        raise ServiceError(safejson.NUL_MESSAGE)  # PostgreSQL refuses NUL in text
    query = request.GET.copy()
    document = find_document(query.pop("document", [""])[-1])
    unit = query.get("unit", "")
    if unit and not unit.strip().isdigit():
        query["unit"] = str(getattr(find_unit(unit), "pk", ""))
    lights = [light.strip() for raw in query.pop("light", []) for light in raw.split(",") if light.strip()]
    if lights:
        query.setlist("light", lights)
    return document.pk, query


@require_safe
@login_required
def ledger_moved(request: HttpRequest, fmt: str) -> HttpResponseBase:
    if fmt not in LEDGER_FORMATS:
        raise Http404
    try:
        pk, query = _document_query(request)
    except ServiceError as exc:
        return service_error_response(exc)
    return _moved(f"api:export-ledger-{fmt}", pk, query)


@require_safe
@login_required
def bulletin_moved(request: HttpRequest, fmt: str) -> HttpResponseBase:
    if fmt not in BULLETIN_FORMATS:
        raise Http404
    try:
        pk, query = _document_query(request)
    except ServiceError as exc:
        return service_error_response(exc)
    download = query.pop("download", [])
    if fmt in SHOWN_BULLETINS and not any(download):
        query["inline"] = "true"
    return _moved(f"api:export-bulletin-{fmt}", pk, query)


@require_safe
@login_required
def urge_notice_moved(request: HttpRequest, pk: int, fmt: str) -> HttpResponseBase:
    if fmt not in urge_notice.FORMATS:
        raise Http404
    return _moved(f"api:export-urge-notice-{fmt}", pk, request.GET)


@require_safe
@login_required
def job_download_moved(request: HttpRequest, pk: int) -> HttpResponseBase:
    return _moved("api:export-job-download", pk, request.GET)


@csrf_exempt  # gone whatever the method; CSRF would answer a script's POST with an HTML 403 first
def gone(request: HttpRequest, what: str) -> HttpResponse:
    return json_error(410, "gone", f"此接口已停用，请改用 {REPLACED_BY[what]}（见 /api/docs/）")
