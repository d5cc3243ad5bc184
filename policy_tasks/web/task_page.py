"""The task page: the clause, its milestones and history, and the forms a unit acts with."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.http import Http404, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from accounts.models import User
from accounts.request_types import AuthenticatedHttpRequest
from duban.storage.downloads import content_disposition, file_download, file_inline
from policy_tasks.errors import ServiceError
from policy_tasks.models import Evidence, Milestone, ReportPeriod, Task, UrgeRecipient
from policy_tasks.models.audit_actions import audit_label
from policy_tasks.permissions import can
from policy_tasks.services.evidence import evidence_open_for, evidence_upload
from policy_tasks.services.evidence_names import PREVIEWABLE, download_names
from policy_tasks.services.extensions import extension_request
from policy_tasks.services.milestones import milestone_request_completion
from policy_tasks.services.reports import task_report_progress
from policy_tasks.services.urges import urge_acknowledge, urge_reply
from policy_tasks.templatetags.page_tags import place
from policy_tasks.web import queries
from policy_tasks.web.access import as_of, meta, page, viewer_for
from policy_tasks.web.forms import CompletionForm, EvidenceForm, ExtensionForm, ReportForm, UrgeReplyForm
from policy_tasks.web.highlight import clause_segments


def _task_or_404(request: AuthenticatedHttpRequest, task_id: int):
    task = queries.task_for_page(user=request.user, task_id=task_id)
    if task is None:
        raise Http404("任务不存在或无权查看")
    return task


def _default_period(periods: list[ReportPeriod], on) -> int | None:
    """The period whose report falls due next; the latest one once all deadlines have passed."""
    open_periods = [p for p in periods if p.due_on >= on]
    chosen = min(open_periods, key=lambda p: p.due_on) if open_periods else (periods[0] if periods else None)
    return chosen.pk if chosen else None


def _targets(milestones: list[Milestone]) -> list[Milestone]:
    # Closed and withdrawn (已作废) targets take no more reported values.
    return [m for m in milestones if m.target_value is not None and m.status in Milestone.LIVE_STATUSES]


def _render(request: AuthenticatedHttpRequest, task: Task, *, status: int = 200, **bound: Any) -> HttpResponse:
    viewer = viewer_for(request)
    on = as_of(request)
    user = request.user
    allowed = {
        "report": can(user, "task.report", task),
        "complete": can(user, "milestone.request_completion", task),
        "extend": can(user, "milestone.request_extension", task),
        "audit": can(user, "audit.read", task),
    }
    data = queries.task_page_data(task=task, on=on, unit_ids=viewer.unit_ids, with_audit=allowed["audit"])
    report_form = bound.get("report_form") or ReportForm(
        periods=data.periods,
        targets=_targets(data.milestones),
        initial={"period": _default_period(data.periods, on)},
    )
    for m in data.milestones:
        m.completion_form = (
            bound["completion_form"]
            if bound.get("milestone_id") == m.pk and "completion_form" in bound
            else CompletionForm(evidence=data.free_evidence, prefix=f"c{m.pk}")
        )
        m.extension_form = (
            bound["extension_form"]
            if bound.get("milestone_id") == m.pk and "extension_form" in bound
            else ExtensionForm(prefix=f"e{m.pk}")
        )
        m.latest_request = next(iter(m.completion_requests.all()), None)
        m.show_completion = m.completion_form.is_bound or (allowed["complete"] and m.status == Milestone.Status.OPEN)
        # A refused request keeps its form, with what was typed and why, even when the refusal
        # (a request already pending, the date passed) is the reason the form would be hidden.
        m.show_extension = m.extension_form.is_bound or (
            allowed["extend"]
            and m.status != Milestone.Status.CLOSED
            and m.due_date is not None
            and m.due_date >= on
            and not m.pending_extension
        )
    for event in data.audit:
        event.label = audit_label(event.action)
    awaiting = [
        (notice, r)
        for notice in data.urges
        for r in notice.recipients.all()
        if r.unit_id in viewer.unit_ids and r.replied_at is None
    ]
    context = {
        "viewer": viewer,
        "nav": "tasks",
        "on": on,
        "task": task,
        "data": data,
        "segments": clause_segments(task.text, data.milestones),
        "lead_units": [tu.unit for tu in data.task_units if tu.role == "lead"],
        "co_units": [tu.unit for tu in data.task_units if tu.role == "co"],
        "allowed": allowed,
        "report_form": report_form,
        "evidence_form": bound.get("evidence_form") or EvidenceForm(),
        "awaiting_urges": awaiting,
        "reply_form": UrgeReplyForm(),
        "reply_refused": bound.get("reply_refused"),
    }
    return render(request, "web/task.html", context, status=status)


def _back_to(task: Task, anchor: str = "") -> HttpResponse:
    return redirect(reverse("web:task", args=[task.pk]) + (f"#{anchor}" if anchor else ""))


@page
def task_detail(request: AuthenticatedHttpRequest, task_id: int) -> HttpResponse:
    return _render(request, _task_or_404(request, task_id))


@page
@require_POST
def report(request: AuthenticatedHttpRequest, task_id: int) -> HttpResponse:
    task = _task_or_404(request, task_id)
    on = as_of(request)
    periods = list(ReportPeriod.objects.filter(document_id=task.document_id, starts_on__lte=on).order_by("-starts_on"))
    targets = _targets(list(Milestone.objects.filter(task=task).order_by("position")))
    form = ReportForm(request.POST, request.FILES, periods=periods, targets=targets)
    if not form.is_valid():
        return _render(request, task, status=400, report_form=form)
    data = form.cleaned_data
    try:
        with transaction.atomic():
            filed = task_report_progress(
                user=request.user,
                task=task,
                period=next(p for p in periods if p.pk == data["period"]),
                progress=data["progress"],
                problems=data["problems"],
                next_steps=data["next_steps"],
                percent=data["percent"],
                values=form.values(),
                meta=meta(request),
            )
            if data.get("file"):
                evidence_upload(
                    user=request.user, task=task, uploaded_file=data["file"], report=filed, meta=meta(request)
                )
    except ServiceError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _render(request, task, status=400, report_form=form)
    # Say so when this filing revised the period's report: the earlier version is kept, not replaced.
    filed_text = "进度已填报" if filed.version == 1 else f"进度已修订为第{filed.version}版，以前版本仍可查看"
    messages.success(
        request, filed_text + ("，佐证材料已上传" if data.get("file") else ""), extra_tags=place("reports")
    )
    return _back_to(task, "reports")


@page
@require_POST
def upload_evidence(request: AuthenticatedHttpRequest, task_id: int) -> HttpResponse:
    task = _task_or_404(request, task_id)
    form = EvidenceForm(request.POST, request.FILES)
    if not form.is_valid():
        return _render(request, task, status=400, evidence_form=form)
    try:
        evidence_upload(user=request.user, task=task, uploaded_file=form.cleaned_data["file"], meta=meta(request))
    except ServiceError as exc:
        form.add_error("file", exc.message)
        return _render(request, task, status=400, evidence_form=form)
    messages.success(request, "佐证材料已上传", extra_tags=place("evidence"))
    return _back_to(task, "evidence")


def _milestone_or_404(request: AuthenticatedHttpRequest, milestone_id: int) -> tuple[Milestone, Task]:
    """A task milestone the user may see, and its task."""
    milestone = Milestone.objects.select_related("task").filter(pk=milestone_id, task__isnull=False).first()
    if (
        milestone is None
        or milestone.task is None
        or queries.task_for_page(user=request.user, task_id=milestone.task_id) is None
    ):
        raise Http404("任务不存在或无权查看")
    return milestone, milestone.task


def _version(request: AuthenticatedHttpRequest) -> int | None:
    raw = request.POST.get("version", "")
    return int(raw) if raw.isdigit() else None


@page
@require_POST
def request_completion(request: AuthenticatedHttpRequest, milestone_id: int) -> HttpResponse:
    milestone, task = _milestone_or_404(request, milestone_id)
    viewer = viewer_for(request)
    free = list(Evidence.objects.filter(task=task, unit_id__in=viewer.unit_ids, completion_request=None))
    form = CompletionForm(request.POST, request.FILES, evidence=free, prefix=f"c{milestone.pk}")
    if not form.is_valid():
        return _render(request, task, status=400, milestone_id=milestone.pk, completion_form=form)
    data = form.cleaned_data
    try:
        with transaction.atomic():
            ids = list(data["evidence"])
            if data.get("file"):
                ids.append(
                    evidence_upload(user=request.user, task=task, uploaded_file=data["file"], meta=meta(request)).pk
                )
            milestone_request_completion(
                user=request.user,
                milestone=milestone,
                note=data["note"],
                evidence_ids=ids,
                expected_version=_version(request),
                meta=meta(request),
            )
    except ServiceError as exc:
        field = {"evidence": "evidence", "file": "file"}.get(exc.field or "")
        form.add_error(field, exc.message)
        return _render(request, task, status=400, milestone_id=milestone.pk, completion_form=form)
    messages.success(request, f"已申请办结:{milestone.text[:30]}", extra_tags=place(f"m{milestone.pk}"))
    return _back_to(task, f"m{milestone.pk}")


@page
@require_POST
def request_extension(request: AuthenticatedHttpRequest, milestone_id: int) -> HttpResponse:
    milestone, task = _milestone_or_404(request, milestone_id)
    form = ExtensionForm(request.POST, prefix=f"e{milestone.pk}")
    if not form.is_valid():
        return _render(request, task, status=400, milestone_id=milestone.pk, extension_form=form)
    try:
        extension_request(
            user=request.user,
            milestone=milestone,
            reason=form.cleaned_data["reason"],
            proposed_date=form.cleaned_data["proposed_date"],
            expected_version=_version(request),
            meta=meta(request),
        )
    except ServiceError as exc:
        form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        return _render(request, task, status=400, milestone_id=milestone.pk, extension_form=form)
    messages.success(request, "延期申请已提交，等待督查室审批", extra_tags=place(f"m{milestone.pk}"))
    return _back_to(task, f"m{milestone.pk}")


def _recipient_or_404(user: User, recipient_id: int) -> UrgeRecipient:
    """The notice row, 404 unless its task is the user's to see: a redirect to the task would
    say that the urge exists (issue 14)."""
    recipient = UrgeRecipient.objects.select_related("notice", "notice__task").filter(pk=recipient_id).first()
    if recipient is None or not can(user, "task.view", recipient.notice.task):
        raise Http404("催办单不存在")
    return recipient


@page
@require_POST
def reply_urge(request: AuthenticatedHttpRequest, recipient_id: int) -> HttpResponse:
    recipient = _recipient_or_404(request.user, recipient_id)
    task = queries.task_for_page(user=request.user, task_id=recipient.notice.task_id)
    assert task is not None, "_recipient_or_404 found the task visible"
    form = UrgeReplyForm(request.POST)
    try:
        if not form.is_valid():
            raise ServiceError("请填写回复内容", field="reply")
        urge_reply(user=request.user, recipient=recipient, reply=form.cleaned_data["reply"], meta=meta(request))
    except ServiceError as exc:
        recipient.refresh_from_db()
        if recipient.replied_at is not None:  # no form to return to: say so in the urge history
            messages.error(request, exc.message, extra_tags=place("urges"))
            return _back_to(task, "urges")
        # The reply form again, with what was typed and why it was refused beside it.
        refused = {"recipient": recipient.pk, "message": exc.message, "reply": request.POST.get("reply", "")}
        return _render(request, task, status=400, reply_refused=refused)
    messages.success(request, "已回复催办", extra_tags=place("urges"))
    return _back_to(task, "urges")


@page
@require_POST
def acknowledge_urge(request: AuthenticatedHttpRequest, recipient_id: int) -> HttpResponse:
    recipient = _recipient_or_404(request.user, recipient_id)
    try:
        urge_acknowledge(user=request.user, recipient=recipient, meta=meta(request))
    except ServiceError as exc:
        messages.error(request, exc.message, extra_tags=place("urges"))
    else:
        messages.success(request, "已签收", extra_tags=place("urges"))
    return _back_to(recipient.notice.task, "urges")


@page
def download_evidence(request: AuthenticatedHttpRequest, evidence_id: int) -> HttpResponseBase:
    evidence = Evidence.objects.select_related("task").filter(pk=evidence_id).first()
    if evidence is None:
        raise Http404("文件不存在")
    handle = evidence_open_for(user=request.user, evidence=evidence)
    name, fallback = download_names(evidence.original_name, evidence.content_type)
    if request.GET.get("inline") == "1" and evidence.content_type in PREVIEWABLE:
        disposition = content_disposition(name, inline=True, fallback=fallback)
        return file_inline(handle, disposition=disposition, content_type=evidence.content_type)
    disposition = content_disposition(name, fallback=fallback)
    return file_download(handle, disposition=disposition, content_type=evidence.content_type)
