"""延期: the lead unit's head asks, no later than the due date, for a later date; a supervisor
grants (the due date moves, the original date and a delay count are kept) or refuses."""

from __future__ import annotations

from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import F
from django.db.models.functions import Coalesce

from accounts.models import User
from duban.lib import clock
from policy_tasks import decision_signals
from policy_tasks.errors import InvalidState, NotFound, ServiceError, StaleVersion
from policy_tasks.models import AuditAction, ExtensionRequest, Milestone
from policy_tasks.services.actors import member_actor, supervisor_actor
from policy_tasks.services.audit import RequestMeta, audit_record
from policy_tasks.services.concurrency import STALE_MESSAGE, bump, check_version
from policy_tasks.services.dates import require_in_window
from policy_tasks.services.milestones import load_milestone, refuse_own_work, require_on_milestone

PAST_DUE_MESSAGE = "已超过完成时限，不能申请延期"


@transaction.atomic
def extension_request(
    *,
    user: User,
    milestone: Milestone,
    reason: str,
    proposed_date: date,
    expected_version: int | None = None,
    meta: RequestMeta | None = None,
) -> ExtensionRequest:
    milestone = load_milestone(milestone)
    require_on_milestone(user, "milestone.request_extension", milestone)
    task = milestone.task
    if task is None:
        raise InvalidState("领域目标不适用延期申请")
    check_version(milestone, expected_version)
    if milestone.status != Milestone.Status.OPEN:
        raise InvalidState("该节点不在办理中，不能申请延期")
    if milestone.due_date is None:
        raise InvalidState("该节点没有完成时限，无需申请延期")
    # Asking on the due date itself is still in time; the day after is too late.
    if clock.today() > milestone.due_date:
        raise InvalidState(PAST_DUE_MESSAGE, code="past_due")
    if not (reason or "").strip():
        raise ServiceError("请填写延期理由", field="reason")
    if proposed_date is None or proposed_date <= milestone.due_date:
        raise ServiceError("申请延至日期须晚于当前完成时限", field="proposed_date")
    require_in_window(proposed_date, field="proposed_date")

    actor = member_actor(user, task, meta=meta, lead_only=True)
    unit = actor.unit
    assert unit is not None, "require() admits only heads of the task's lead unit"
    try:
        with transaction.atomic():
            request = ExtensionRequest.objects.create(
                milestone=milestone,
                unit=unit,
                requested_by=user,
                requested_at=clock.now(),
                reason=reason,
                current_due_date=milestone.due_date,
                proposed_date=proposed_date,
            )
    except IntegrityError as exc:  # one pending request per milestone (a DB constraint)
        raise InvalidState("该节点已有待审批的延期申请") from exc
    audit_record(
        actor=actor,
        action=AuditAction.EXTENSION_REQUEST,
        obj=request,
        after={
            "milestone": milestone.pk,
            "status": ExtensionRequest.Status.PENDING,
            "current_due_date": milestone.due_date,
            "proposed_date": proposed_date,
        },
        reason=reason,
        document=milestone.document,
        task=milestone.task,
    )
    return request


def _load_pending(
    user: User, request: ExtensionRequest | int, expected_version: int | None
) -> tuple[ExtensionRequest, Milestone]:
    pk = request.pk if isinstance(request, ExtensionRequest) else request
    found = ExtensionRequest.objects.filter(pk=pk).first()
    if found is None:
        raise NotFound("延期申请不存在或无权查看")
    milestone = load_milestone(found.milestone_id)
    require_on_milestone(user, "extension.decide", milestone)
    check_version(milestone, expected_version)
    if found.status != ExtensionRequest.Status.PENDING:
        raise InvalidState("该延期申请已处理")
    return found, milestone


def _decide(request: ExtensionRequest, user: User, status: str, note: str) -> None:
    # Conditional on PENDING: of two supervisors deciding at once, only one decision stands.
    decided = ExtensionRequest.objects.filter(pk=request.pk, status=ExtensionRequest.Status.PENDING).update(
        status=status, decided_by=user, decided_at=clock.now(), decision_note=note
    )
    if decided != 1:
        raise StaleVersion(STALE_MESSAGE)


@transaction.atomic
def extension_grant(
    *,
    user: User,
    request: ExtensionRequest,
    note: str = "",
    expected_version: int | None = None,
    meta: RequestMeta | None = None,
) -> ExtensionRequest:
    """`expected_version` is the milestone's: granting changes the milestone's due date."""
    request, milestone = _load_pending(user, request, expected_version)
    refuse_own_work(user, milestone)
    if milestone.status == Milestone.Status.CLOSED:
        raise InvalidState("该节点已销号，无需延期")
    _decide(request, user, ExtensionRequest.Status.GRANTED, note)
    # The first extension records the date the document set; later ones never overwrite it.
    bump(
        Milestone,
        milestone,
        due_date=request.proposed_date,
        original_due_date=Coalesce(F("original_due_date"), F("due_date")),
        delay_count=F("delay_count") + 1,
    )
    after_row = Milestone.objects.values("due_date", "original_due_date", "delay_count", "version").get(pk=milestone.pk)
    audit_record(
        actor=supervisor_actor(user, meta=meta),
        action=AuditAction.EXTENSION_GRANT,
        obj=request,
        before={
            "status": ExtensionRequest.Status.PENDING,
            "milestone": milestone.pk,
            "due_date": milestone.due_date,
            "original_due_date": milestone.original_due_date,
            "delay_count": milestone.delay_count,
            "version": milestone.version,
        },
        after={"status": ExtensionRequest.Status.GRANTED, "milestone": milestone.pk, **after_row},
        reason=note,
        document=milestone.document,
        task=milestone.task,
    )
    decision_signals.decided(decision_signals.EXT_GRANTED, request, user)
    request.refresh_from_db()
    return request


@transaction.atomic
def extension_refuse(
    *,
    user: User,
    request: ExtensionRequest,
    note: str,
    expected_version: int | None = None,
    meta: RequestMeta | None = None,
) -> ExtensionRequest:
    request, milestone = _load_pending(user, request, expected_version)
    if not (note or "").strip():
        raise ServiceError("不予批准须说明理由", field="note")
    _decide(request, user, ExtensionRequest.Status.REFUSED, note)
    audit_record(
        actor=supervisor_actor(user, meta=meta),
        action=AuditAction.EXTENSION_REFUSE,
        obj=request,
        before={"status": ExtensionRequest.Status.PENDING, "milestone": milestone.pk},
        after={"status": ExtensionRequest.Status.REFUSED, "milestone": milestone.pk},
        reason=note,
        document=milestone.document,
        task=milestone.task,
    )
    decision_signals.decided(decision_signals.EXT_REFUSED, request, user)
    request.refresh_from_db()
    return request
