"""导出与订阅: the ledger and the bulletin as files or background jobs, and calendar subscriptions.

The page only collects choices; everything else is policy_tasks.exports': `build_export`
for 立即下载, `export_job_start` for 后台生成 (the parameters go to it as posted and are
parsed by exports.params, the same parser as the download URLs and the commands), and
calendar_token_create/revoke. A job's row polls its own status with htmx (every 1–2 s)
and stops once the file is ready. Jobs are their requester's: another id is a 404.

A new subscription's feed URL is rendered in the answer to the POST and nowhere else:
only the secret's hash is stored, and a redirect would have to carry the secret through
the session or a URL.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import Unit, User
from accounts.request_types import AuthenticatedHttpRequest
from duban.lib import clock
from duban.storage.downloads import file_response
from policy_tasks.date_fields import WindowDateFormField
from policy_tasks.errors import NotFound, ServiceError
from policy_tasks.exports.calendar_feed import calendar_token_create, calendar_token_revoke
from policy_tasks.exports.jobs import build_export
from policy_tasks.exports.params import find_document, find_unit
from policy_tasks.exports.tasks import export_job_start
from policy_tasks.models import CalendarToken, ExportJob, PolicyDocument, TaskUnit
from policy_tasks.permissions import visible_tasks
from policy_tasks.selectors.lights import Light
from policy_tasks.web.access import Viewer, is_htmx, meta, page, require_viewer
from policy_tasks.web.forms import DateInput, PageForm, field_of
from policy_tasks.web.queries import visible_documents

JOBS_SHOWN = 20
ACTIVE = (ExportJob.Status.PENDING, ExportJob.Status.RUNNING)
LEDGER_FORMATS = [("xlsx", "Excel (.xlsx)"), ("csv", "CSV (.csv)")]
BULLETIN_FORMATS = [("pdf", "PDF"), ("docx", "Word (.docx)"), ("html", "网页 (可打印)")]


class LedgerExportForm(PageForm):
    document: forms.ModelChoiceField[PolicyDocument] = forms.ModelChoiceField(
        label="文件", queryset=None, empty_label=None
    )
    as_of = WindowDateFormField(label="统计日期(缺省为今天)", required=False, widget=DateInput())
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label="责任单位", queryset=None, required=False, empty_label="全部单位"
    )
    light = forms.MultipleChoiceField(
        label="灯色(不选为全部)", choices=Light.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    due_from = WindowDateFormField(label="时限自", required=False, widget=DateInput())
    due_to = WindowDateFormField(label="时限至", required=False, widget=DateInput())
    fmt = forms.ChoiceField(label="格式", choices=LEDGER_FORMATS, initial="xlsx", widget=forms.RadioSelect)

    def __init__(self, *args, documents: QuerySet, units: QuerySet, **kwargs):
        kwargs.setdefault("prefix", "ledger")
        super().__init__(*args, **kwargs)
        field_of(self, "document", forms.ModelChoiceField).queryset = documents
        field_of(self, "unit", forms.ModelChoiceField).queryset = units


class BulletinExportForm(PageForm):
    document: forms.ModelChoiceField[PolicyDocument] = forms.ModelChoiceField(
        label="文件", queryset=None, empty_label=None
    )
    period = forms.CharField(
        label="通报月份(YYYY-MM)",
        widget=forms.TextInput(attrs={"pattern": r"\d{4}-\d{1,2}", "placeholder": "2023-10", "inputmode": "numeric"}),
    )
    fmt = forms.ChoiceField(label="格式", choices=BULLETIN_FORMATS, initial="pdf", widget=forms.RadioSelect)

    def __init__(self, *args, documents: QuerySet, **kwargs):
        kwargs.setdefault("prefix", "bulletin")
        super().__init__(*args, **kwargs)
        field_of(self, "document", forms.ModelChoiceField).queryset = documents


class CalendarForm(PageForm):
    unit: forms.ModelChoiceField[Unit] = forms.ModelChoiceField(
        label="订阅范围", queryset=None, required=False, empty_label="我能看到的全部事项"
    )
    label = forms.CharField(label="名称(可选)", required=False, max_length=64)

    def __init__(self, *args, units: QuerySet, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "unit", forms.ModelChoiceField).queryset = units


def _ledger_initial(request: AuthenticatedHttpRequest) -> dict:
    """Filters arriving in the query string (a link from the overdue ledger) preset the form."""
    get = request.GET
    lights = [v for raw in get.getlist("light") for v in raw.split(",") if v]
    initial = {key: get[key] for key in ("document", "as_of", "unit", "due_from", "due_to") if get.get(key)}
    return initial | ({"light": lights} if lights else {})


def _last_month() -> str:
    first = clock.today().replace(day=1)
    return f"{first.year - (first.month == 1)}-{(first.month - 2) % 12 + 1:02d}"


def _my_jobs(user: User) -> list[ExportJob]:
    return list(ExportJob.objects.filter(requested_by=user).select_related("document").order_by("-id")[:JOBS_SHOWN])


def _context(request: AuthenticatedHttpRequest, viewer: Viewer, *, posted: str = "", **extra) -> dict:
    """The whole page. `posted` names the form to show as it was sent (to fix a mistake, not retype)."""
    user = request.user
    documents = visible_documents(user)
    units = Unit.objects.filter(
        pk__in=TaskUnit.objects.filter(task__in=visible_tasks(user).values("pk")).values("unit_id")
    ).order_by("name")
    # A unit feed is for the unit's members, or anyone with a global role (calendar_feed checks it again).
    feed_units = Unit.objects.filter(is_active=True).order_by("name")
    if not (viewer.is_supervisor or viewer.is_leader or viewer.is_admin):
        feed_units = feed_units.filter(pk__in=viewer.unit_ids)
    data = request.POST if posted else None
    return {
        "viewer": viewer,
        "nav": "export",
        "ledger_form": LedgerExportForm(
            data if posted == "ledger" else None, initial=_ledger_initial(request), documents=documents, units=units
        ),
        "bulletin_form": BulletinExportForm(
            data if posted == "bulletin" else None, initial={"period": _last_month()}, documents=documents
        ),
        "calendar_form": CalendarForm(data if posted == "calendar" else None, units=feed_units),
        "jobs": _my_jobs(user),
        "active": ACTIVE,
        "tokens": list(CalendarToken.objects.filter(owner=user).select_related("unit").order_by("-id")),
        **extra,
    }


@page
def exports_page(request: AuthenticatedHttpRequest) -> HttpResponse:
    viewer = require_viewer(request, lambda v: True)
    return render(request, "web/exports.html", _context(request, viewer))


def _posted(request: AuthenticatedHttpRequest, what: str) -> dict[str, Any]:
    """The form's fields without their prefix, as exports.params reads them (light may repeat)."""
    prefix = f"{what}-"
    data: dict[str, Any] = {
        key.removeprefix(prefix): request.POST.get(key) for key in request.POST if key.startswith(prefix)
    }
    data["light"] = request.POST.getlist(f"{prefix}light")
    return data


def _download(request: AuthenticatedHttpRequest, *, kind: str, params: dict) -> HttpResponseBase:
    document = find_document(params.get("document"))
    result = build_export(kind=kind, document=document, params=params, user=request.user)
    # The printable bulletin opens in its own tab (its button targets one); other files download.
    inline = kind in (ExportJob.Kind.BULLETIN_HTML, ExportJob.Kind.BULLETIN_PDF)
    return file_response(result.open(), filename=result.name, content_type=result.content_type, inline=inline)


@page
@require_POST
def export_start(request: AuthenticatedHttpRequest) -> HttpResponseBase:
    """后台生成 queues a job; 立即下载 answers the file itself. Errors are shown on the form."""
    viewer = require_viewer(request, lambda v: True)
    what = "bulletin" if request.POST.get("what") == "bulletin" else "ledger"
    params = _posted(request, what)
    kind = f"{what}_{params.get('fmt') or ''}"
    outcome: dict[str, str | ExportJob]
    try:
        if request.POST.get("direct"):
            return _download(request, kind=kind, params=params)
        document = find_document(params.get("document"))
        job = export_job_start(user=request.user, kind=kind, document=document, params=params)
    except ServiceError as exc:
        outcome = {"error": exc.message}
        # A 503 (the broker is down) is said as such, except to htmx, which swaps only 2xx answers.
        status = exc.status if exc.status >= 500 and not is_htmx(request) else 200
    else:
        status = 200
        outcome = {"started": job}
        if not is_htmx(request):
            messages.success(request, f"已开始生成{job.get_kind_display()},完成后在“我的导出”中下载")
            return redirect(reverse("web:export") + "#export-jobs")
    # htmx picks the form's card and the job list out of the page (hx-select, hx-select-oob).
    return render(
        request,
        "web/exports.html",
        _context(request, viewer, posted=what, **{f"{what}_outcome": outcome}),
        status=status,
    )


@page
def export_job(request: AuthenticatedHttpRequest, job_id: int) -> HttpResponse:
    """One job's row; while the job is queued or running the row asks again."""
    job = get_object_or_404(ExportJob.objects.select_related("document"), pk=job_id, requested_by=request.user)
    return render(request, "web/partials/export_job.html", {"job": job, "active": ACTIVE})


@page
@require_POST
def calendar_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Answered with the page itself, with or without htmx: the only place the feed URL ever appears."""
    viewer = require_viewer(request, lambda v: True)
    try:
        token, secret = calendar_token_create(
            user=request.user,
            unit=find_unit(request.POST.get("unit")),
            label=request.POST.get("label", "").strip(),
            meta=meta(request),
        )
    except ServiceError as exc:
        return render(
            request, "web/exports.html", _context(request, viewer, posted="calendar", calendar_error=exc.message)
        )
    url = request.build_absolute_uri(reverse("exports:calendar-feed", args=[secret]))
    new_feed = {"token": token, "url": url, "webcal": "webcal://" + url.split("://", 1)[1]}
    return render(request, "web/exports.html", _context(request, viewer, new_feed=new_feed))


@page
@require_POST
def calendar_revoke(request: AuthenticatedHttpRequest, token_id: int) -> HttpResponse:
    viewer = require_viewer(request, lambda v: True)
    token = CalendarToken.objects.filter(pk=token_id).first()
    if token is None:
        raise NotFound("订阅不存在")
    try:
        calendar_token_revoke(user=request.user, token=token, meta=meta(request))
    except NotFound:
        raise
    except ServiceError as exc:
        level, text = messages.ERROR, exc.message
    else:
        level, text = messages.SUCCESS, f"已撤销“{token.label}”,原订阅地址不再可用"
    if is_htmx(request):
        key = "calendar_error" if level == messages.ERROR else "calendar_done"
        return render(request, "web/exports.html", _context(request, viewer, **{key: text}))
    messages.add_message(request, level, text)
    return redirect(reverse("web:export") + "#calendar")
