"""The supervision console (督查室): overdue ledger, clause board, scoreboard, queues, failed deliveries.

Every action is one form posting to one service; htmx swaps the affected row, and
the same forms work as plain POST + redirect without JavaScript.
"""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import NoReverseMatch, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods, require_POST

from accounts.request_types import AuthenticatedHttpRequest
from duban.lib import clock
from duban.lib.sql import custom_plans
from duban.lib.workdays import first_uncovered
from policy_tasks.date_fields import has_window_error
from policy_tasks.errors import ServiceError, StaleVersion
from policy_tasks.models import CompletionRequest, ExtensionRequest, Milestone, UrgeNotice
from policy_tasks.selectors.figures import figures
from policy_tasks.selectors.lights import GREEN, OPEN, RED, YELLOW
from policy_tasks.selectors.reports import counted_once
from policy_tasks.selectors.scoreboard import unit_scoreboard
from policy_tasks.services.extensions import extension_grant, extension_refuse
from policy_tasks.services.milestones import milestone_return, milestone_verify
from policy_tasks.services.urges import urge_issue
from policy_tasks.web import ledger, queries
from policy_tasks.web.access import back, is_htmx, meta, page, require_viewer, viewer_for
from policy_tasks.web.figure_cards import figure_cards
from policy_tasks.web.forms import DecisionForm, LedgerFilterForm, UrgeForm

URGE_REPLY_DAYS = 5


def export_links(filters: ledger.LedgerFilters) -> dict | None:
    """The exports of this ledger (same filters) and last month's bulletin, when exports are installed."""
    document, on = filters.document, filters.as_of
    if document is None:
        return None
    params = {"document": document.pk, "as_of": on.isoformat()}
    if filters.unit is not None:
        params["unit"] = filters.unit.pk
    if filters.light:
        # The exports know lights only: still to do and not overdue is yellow or green.
        params["light"] = f"{YELLOW},{GREEN}" if filters.light == OPEN else filters.light
    for key in ("due_from", "due_to"):
        if getattr(filters, key):
            params[key] = getattr(filters, key).isoformat()
    month = on.replace(day=1) - timedelta(days=1)
    # The API (/api/v1) takes the document in its path and `light` repeated; the page and the PDF open in the browser.
    query = {key: value for key, value in params.items() if key != "document"}
    if "light" in query:
        query["light"] = str(query["light"]).split(",")
    ledger = urlencode(query, doseq=True)
    period = {"period": f"{month:%Y-%m}"}
    bulletin = {"html": urlencode(period | {"inline": "true"}), "docx": urlencode(period)}
    bulletin["pdf"] = bulletin["html"]
    try:
        return {
            "xlsx": f"{reverse('api:export-ledger-xlsx', args=[document.pk])}?{ledger}",
            "csv": f"{reverse('api:export-ledger-csv', args=[document.pk])}?{ledger}",
            # The export page with these filters preset: for a large ledger, built in the background.
            "page": f"{reverse('web:export')}?{urlencode(params)}",
            "month": f"{month:%Y年%m月}",
            "bulletin": {
                fmt: f"{reverse(f'api:export-bulletin-{fmt}', args=[document.pk])}?{bulletin[fmt]}"
                for fmt in ("html", "pdf", "docx")
            },
        }
    except NoReverseMatch:
        return None


def ledger_context(request: AuthenticatedHttpRequest, *, default_light: str) -> dict:
    """The filter form (always bound, so the page shows what is applied) and the rows."""
    documents = queries.visible_documents(request.user)
    document = queries.pick_document(request.user, request.GET.get("document"))
    data = request.GET.copy()
    data.setdefault("light", default_light)
    data["document"] = str(document.pk) if document else ""
    form = LedgerFilterForm(data, documents=documents, document=document)
    form.is_valid()  # a bad value in one filter drops that filter, not the page
    out_of_window = has_window_error(form)
    if out_of_window:  # ...except a date at the ends of time, which is refused (docs/security.md)
        raise ServiceError(out_of_window, field="as_of")
    cleaned = form.cleaned_data
    on = cleaned.get("as_of") or clock.today()
    filters = ledger.LedgerFilters(
        document=document,
        area=cleaned.get("area"),
        unit=cleaned.get("unit"),
        light=cleaned.get("light") or "",
        due_from=cleaned.get("due_from"),
        due_to=cleaned.get("due_to"),
        as_of=on,
        dated=bool(cleaned.get("dated")),
    )
    rows = ledger.ledger_page(user=request.user, filters=filters, page=request.GET.get("page")) if document else None
    # The filters as the page's links carry them (shareable URLs), without the page number.
    kept = request.GET.copy()
    kept.pop("page", None)
    return {
        "filter_form": form,
        "filters": filters,
        "document": document,
        "on": on,
        "ledger_page": rows,
        "rows": rows.rows if rows else [],
        "query": request.GET.urlencode(),
        "page_query": kept.urlencode(),
        "page_params": list(kept.lists()),
        "urge_default_due": clock.today() + timedelta(days=URGE_REPLY_DAYS),
        "urge_levels": UrgeNotice.Level.choices,
        "exports": export_links(filters),
    }


def _refused_ledger(request: AuthenticatedHttpRequest, exc: ServiceError) -> HttpResponse:
    """A filter date outside the window: when htmx asks for the ledger alone, a ledger section
    that says why (400); a whole page is refused by `page` (400 too)."""
    if request.headers.get("HX-Target") != "ledger":
        raise exc
    return render(request, "web/partials/ledger_error.html", {"message": exc.message}, status=400)


@page
@custom_plans()
def console(request: AuthenticatedHttpRequest) -> HttpResponse:
    viewer = require_viewer(request, lambda v: v.can_supervise_pages)
    try:
        context = {"viewer": viewer, "nav": "supervision", **ledger_context(request, default_light=RED)}
    except ServiceError as exc:
        return _refused_ledger(request, exc)
    if request.headers.get("HX-Target") == "ledger":
        return render(request, "web/partials/ledger.html", context)
    document, on = context["document"], context["on"]
    today = clock.today()
    # Past the calendar's known years every Monday–Friday counts as a working day: reminders
    # and lights would run through the Spring Festival unless someone enters the notice.
    context["calendar_gap"] = first_uncovered(today, today + timedelta(days=settings.HEALTH_HOLIDAY_HORIZON_DAYS))
    if document is not None:
        # Every figure of the page as of the same 统计日期 (selectors.figures), scoped like the ledger;
        # the strip's 缺报/迟报 are the scoreboard's added up, counted once for both.
        with counted_once():
            shown = figures(document=document, on=on, user=viewer.user)
            scoreboard = unit_scoreboard(document=document, on=on, user=viewer.user)
        context.update(
            figure_cards=figure_cards(shown, document=document),
            board=ledger.board(user=request.user, document=document, on=on, area=context["filters"].area),
            scoreboard=scoreboard,
            verifications=ledger.verification_queue(user=request.user, document=document),
            extensions=ledger.extension_queue(user=request.user, document=document),
        )
    return render(request, "web/supervision.html", context)


@page
@custom_plans()
def milestone_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The list behind the dashboard's charts: the ledger with any light, for every viewer."""
    viewer = require_viewer(request, lambda v: True)
    try:
        context = {"viewer": viewer, "nav": "list", **ledger_context(request, default_light="")}
    except ServiceError as exc:
        return _refused_ledger(request, exc)
    if request.headers.get("HX-Target") == "ledger":
        return render(request, "web/partials/ledger.html", context)
    return render(request, "web/milestones.html", context)


def _own_page(request: AuthenticatedHttpRequest, target: str) -> str:
    """`target` when it is a path of this site (the list to come back to), else the console."""
    ok = target.startswith("/") and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    return target if ok else "/supervision/"


def _row_answer(request: AuthenticatedHttpRequest, template: str, context: dict, *, fallback: str) -> HttpResponse:
    if is_htmx(request):
        # A stale decision is 412 like the API's; base.html tells htmx to swap that row in too.
        return render(request, template, context, status=context.get("status", 200))
    for level, text in context.get("flash", []):
        messages.add_message(request, level, text)
    return back(request, fallback)


def _refused(context: dict, exc: ServiceError) -> None:
    context["error"] = exc.message
    context["flash"] = [(messages.ERROR, exc.message)]
    if isinstance(exc, StaleVersion) or exc.status == 400:
        context["status"] = exc.status


@page
@require_POST
def decide_completion(request: AuthenticatedHttpRequest, request_id: int) -> HttpResponse:
    pending = (
        CompletionRequest.objects.select_related("milestone", "milestone__task", "unit", "requested_by")
        .filter(pk=request_id)
        .first()
    )
    if pending is None or queries.task_for_page(user=request.user, task_id=pending.milestone.task_id) is None:
        raise Http404("办结申请不存在或无权查看")
    form = DecisionForm(request.POST)
    form.is_valid()
    reason = form.cleaned_data.get("reason", "")
    decision = request.POST.get("decision")
    context = {"req": pending, "reason": reason, "viewer": viewer_for(request)}
    try:
        if decision == "verify":
            milestone_verify(
                user=request.user,
                milestone=pending.milestone,
                reason=reason,
                completion_request=pending.pk,
                meta=meta(request),
            )
            context["done"] = "已销号"
        elif decision == "return":
            milestone_return(
                user=request.user,
                milestone=pending.milestone,
                reason=reason,
                completion_request=pending.pk,
                meta=meta(request),
            )
            context["done"] = f"已退回:{reason}"
        else:
            raise ServiceError("请选择销号或退回")
    except ServiceError as exc:
        _refused(context, exc)
    else:
        context["flash"] = [(messages.SUCCESS, f"{pending.milestone.text[:30]}:{context['done']}")]
    return _row_answer(request, "web/partials/verify_row.html", context, fallback="/supervision/#verify")


@page
@require_POST
def decide_extension(request: AuthenticatedHttpRequest, request_id: int) -> HttpResponse:
    pending = (
        ExtensionRequest.objects.select_related("milestone", "milestone__task", "unit", "requested_by")
        .filter(pk=request_id)
        .first()
    )
    if pending is None or queries.task_for_page(user=request.user, task_id=pending.milestone.task_id) is None:
        raise Http404("延期申请不存在或无权查看")
    form = DecisionForm(request.POST)
    form.is_valid()
    note = form.cleaned_data.get("reason", "")
    decision = request.POST.get("decision")
    context = {"ext": pending, "reason": note, "viewer": viewer_for(request)}
    try:
        if decision == "grant":
            extension_grant(user=request.user, request=pending, note=note, meta=meta(request))
            context["done"] = f"已批准延期至 {pending.proposed_date:%Y-%m-%d}"
        elif decision == "refuse":
            extension_refuse(user=request.user, request=pending, note=note, meta=meta(request))
            context["done"] = f"不予批准:{note}"
        else:
            raise ServiceError("请选择批准或不予批准")
    except ServiceError as exc:
        _refused(context, exc)
    else:
        context["flash"] = [(messages.SUCCESS, f"{pending.milestone.text[:30]}:{context['done']}")]
    return _row_answer(request, "web/partials/extension_row.html", context, fallback="/supervision/#extensions")


@page
@require_http_methods(["GET", "POST"])
def urge(request: AuthenticatedHttpRequest, milestone_id: int) -> HttpResponse:
    milestone = Milestone.objects.select_related("task").filter(pk=milestone_id, task__isnull=False).first()
    if milestone is None or queries.task_for_page(user=request.user, task_id=milestone.task_id) is None:
        raise Http404("任务不存在或无权查看")
    if request.method == "GET":
        # The urge form on a page of its own: what the list's 催办 link opens without JavaScript.
        viewer = require_viewer(request, lambda v: v.is_supervisor)
        return render(
            request,
            "web/urge.html",
            {
                "viewer": viewer,
                "nav": "supervision",
                "m": milestone,
                "next": _own_page(request, request.GET.get("next") or ""),
                "urge_levels": UrgeNotice.Level.choices,
                "urge_default_due": clock.today() + timedelta(days=URGE_REPLY_DAYS),
            },
        )
    form = UrgeForm(request.POST)
    context: dict = {"m": milestone}
    try:
        if not form.is_valid():
            raise ServiceError(has_window_error(form) or "请填写等级和要求回复日期")
        data = form.cleaned_data
        message = data["message"] or f"请于{data['reply_due']:%Y年%m月%d日}前回复“{milestone.text}”的办理情况。"
        assert milestone.task is not None, "found with task__isnull=False"
        notice = urge_issue(
            user=request.user,
            task=milestone.task,
            milestone=milestone,
            level=data["level"],
            message=message,
            reply_due=data["reply_due"],
            meta=meta(request),
        )
    except ServiceError as exc:
        _refused(context, exc)
        # The form comes back as typed, the refusal beside its field: with htmx in the row,
        # without JavaScript as a page of its own (a redirect would lose what was typed).
        context.update(
            error_field=exc.field or next((name for name in ("level", "reply_due") if name in form.errors), ""),
            typed={key: request.POST.get(key, "") for key in ("level", "reply_due", "message")},
            urge_levels=UrgeNotice.Level.choices,
            next=_own_page(request, request.POST.get("next", "")) or reverse("web:supervision"),
        )
        if context["error_field"] not in ("level", "reply_due"):
            context["error_field"] = ""
        if not is_htmx(request):
            return render(request, "web/urge_refused.html", context, status=400)
    else:
        context["notice"] = notice
        context["flash"] = [(messages.SUCCESS, f"已{notice.get_level_display()}:{milestone.text[:30]}")]
    return _row_answer(request, "web/partials/urge_result.html", context, fallback="/supervision/")
