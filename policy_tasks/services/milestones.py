"""A milestone's life: open → completion requested (with evidence) → verified and closed (销号),
or returned with a reason (退回) and open again. A task closes with its last milestone.

Area milestones (an area's own targets, with no task) have no unit request flow: evidence
belongs to a task, so there is nothing to attach. A supervisor in scope closes them
directly with `milestone_verify` from OPEN; requests and extensions on them are refused
(docs/permissions.md).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet

from accounts import roles
from accounts.models import User
from duban.lib import clock
from policy_tasks import decision_signals
from policy_tasks.errors import Forbidden, InvalidState, NotFound, ServiceError, StaleVersion
from policy_tasks.models import AreaUnit, AuditAction, CompletionRequest, Evidence, Milestone, Task, TaskUnit
from policy_tasks.permissions import is_scoped_supervisor, require, visible_area_targets
from policy_tasks.services.actors import member_actor, supervisor_actor
from policy_tasks.services.audit import RequestMeta, audit_record
from policy_tasks.services.concurrency import bump, check_version

REPLACED_REQUEST_MESSAGE = "该办结申请已处理或已被新的申请取代，请刷新后重试"


def require_on_milestone(user: User, action: str, milestone: Milestone) -> None:
    """`require` for a task milestone; for an area milestone, the same 404/403 split by hand
    (the rule table is over tasks): visible to supervisors in scope, leaders, admins and
    members of the area's lead units; only supervisors in scope act on it."""
    if milestone.task_id is not None:
        require(user, action, milestone.task)
        return
    supervisor = is_scoped_supervisor.test(user, milestone)
    visible = supervisor or Milestone.objects.filter(visible_area_targets(user), pk=milestone.pk).exists()
    if not visible:
        raise NotFound("任务不存在或无权查看")
    if not supervisor:
        raise Forbidden("无权执行此操作")


OWN_WORK_MESSAGE = "不能审核本单位承办的事项（职责分离），请由其他督查员办理"


def refuse_own_work(user: User, milestone: Milestone) -> None:
    """Separation of duties: a supervisor who is also a member of a unit responsible for the
    work (lead or co-responsible; for an area target, its lead units) does not decide on it,
    whatever roles they hold, and whether or not that unit is switched off since (every
    membership counts: roles.all_memberships says why). Checked after visibility, so it is a
    403, never a 404."""
    units = roles.all_memberships(user).values("unit_id")
    own: QuerySet[TaskUnit] | QuerySet[AreaUnit]
    if milestone.task_id is not None:
        own = TaskUnit.objects.filter(task_id=milestone.task_id, unit_id__in=units)
    else:
        own = AreaUnit.objects.filter(area=milestone.area_id, unit_id__in=units)
    if own.exists():
        raise Forbidden(OWN_WORK_MESSAGE, code="own_unit")


def load_milestone(milestone: Milestone | int, *, lock_task: bool = False) -> Milestone:
    """The milestone as committed now (callers may hold a stale instance)."""
    pk = milestone.pk if isinstance(milestone, Milestone) else milestone
    fresh = Milestone.objects.select_related("task", "document").filter(pk=pk).first()
    if fresh is None:
        raise NotFound("任务不存在或无权查看")
    if lock_task and fresh.task_id is not None:
        # Verifications of one task queue on the task row, so the last one sees all the others
        # closed and rolls the task up (otherwise two concurrent last-but-one verifies both miss it).
        Task.objects.select_for_update().filter(pk=fresh.task_id).first()
        fresh = Milestone.objects.select_related("task", "document").get(pk=pk)
    return fresh


def _refuse_on_area_milestone(milestone: Milestone, what: str) -> Task:
    """The milestone's task; an area milestone (no task) is refused."""
    if milestone.task is None:
        raise InvalidState(f"领域目标由督查员直接销号，不能{what}")
    return milestone.task


def _pending_request(milestone: Milestone) -> CompletionRequest | None:
    return CompletionRequest.objects.filter(milestone=milestone, status=CompletionRequest.Status.PENDING).first()


def _check_decided_request(pending: CompletionRequest | None, seen: int | None) -> None:
    """The supervisor decides the request they read. After a return and a new request with other
    evidence the milestone is REQUESTED again, so the milestone's status alone would let a stale
    form close it on evidence nobody looked at."""
    if seen is not None and (pending is None or pending.pk != seen):
        raise StaleVersion(REPLACED_REQUEST_MESSAGE)


@transaction.atomic
def milestone_request_completion(
    *,
    user: User,
    milestone: Milestone,
    note: str = "",
    evidence_ids: Iterable[int] = (),
    expected_version: int | None = None,
    meta: RequestMeta | None = None,
) -> CompletionRequest:
    milestone = load_milestone(milestone)
    require_on_milestone(user, "milestone.request_completion", milestone)
    task = _refuse_on_area_milestone(milestone, "申请办结")
    check_version(milestone, expected_version)
    if milestone.status != Milestone.Status.OPEN:
        raise InvalidState("该节点不在办理中，不能申请办结")
    actor = member_actor(user, task, meta=meta, lead_only=True)
    unit = actor.unit
    assert unit is not None, "require() admits only heads of the task's lead unit"
    ids = sorted({getattr(e, "pk", e) for e in evidence_ids})
    if not ids:
        raise ServiceError("申请办结须附佐证材料", field="evidence")
    usable = Evidence.objects.filter(pk__in=ids, task=task, unit=actor.unit, completion_request=None)
    if usable.count() != len(ids):
        raise ServiceError("佐证材料不属于本单位本任务，或已用于其他办结申请", field="evidence")

    now = clock.now()
    bump(Milestone, milestone, status=Milestone.Status.REQUESTED)
    try:
        with transaction.atomic():
            request = CompletionRequest.objects.create(
                milestone=milestone, unit=unit, requested_by=user, requested_at=now, note=note
            )
    except IntegrityError as exc:  # one pending request per milestone (a DB constraint)
        raise InvalidState("该节点已有待审核的办结申请") from exc
    # Conditional, so the same file cannot be claimed by two requests racing each other.
    if usable.update(completion_request=request) != len(ids):
        raise ServiceError("佐证材料已用于其他办结申请", field="evidence")

    audit_record(
        actor=actor,
        action=AuditAction.MILESTONE_REQUEST_COMPLETION,
        obj=milestone,
        before={"status": milestone.status, "version": milestone.version},
        after={
            "status": Milestone.Status.REQUESTED,
            "version": milestone.version + 1,
            "completion_request": request.pk,
            "evidence": ids,
        },
        reason=note,
        document=milestone.document,
        task=task,
    )
    return request


@transaction.atomic
def milestone_verify(
    *,
    user: User,
    milestone: Milestone,
    reason: str = "",
    expected_version: int | None = None,
    completion_request: int | None = None,
    meta: RequestMeta | None = None,
) -> Milestone:
    """销号. A task milestone needs a pending request; an area milestone is closed from OPEN.
    `completion_request` is the id of the request the supervisor saw (refused if replaced)."""
    milestone = load_milestone(milestone)
    require_on_milestone(user, "milestone.verify", milestone)
    refuse_own_work(user, milestone)
    milestone = load_milestone(milestone, lock_task=True)
    check_version(milestone, expected_version)
    if milestone.task_id is not None:
        _check_decided_request(_pending_request(milestone), completion_request)
    is_area = milestone.task_id is None
    if milestone.status == Milestone.Status.CLOSED:
        raise InvalidState("该节点已销号")
    if not is_area and milestone.status != Milestone.Status.REQUESTED:
        raise InvalidState("该节点尚未申请办结，不能销号")

    now = clock.now()
    bump(Milestone, milestone, status=Milestone.Status.CLOSED, closed_at=now)
    before: dict[str, Any] = {"status": milestone.status, "version": milestone.version}
    after: dict[str, Any] = {"status": Milestone.Status.CLOSED, "version": milestone.version + 1, "closed_at": now}
    if not is_area:
        request = _pending_request(milestone)
        assert request is not None, "a REQUESTED task milestone has its pending request"
        CompletionRequest.objects.filter(pk=request.pk).update(
            status=CompletionRequest.Status.VERIFIED, decided_by=user, decided_at=now, decision_reason=reason
        )
        after["completion_request"] = request.pk
        decision_signals.decided(decision_signals.VERIFIED, request, user)
        task = milestone.task
        assert task is not None, "milestone_task_xor_area: a milestone without an area has a task"
        # The task's roll-up is part of this change, so it goes in this event, not a second one.
        # Withdrawn milestones (已作废) are owed no more: the rest being closed closes the task.
        all_closed = not Milestone.objects.live().filter(task_id=task.pk).exists()
        if all_closed and task.status == Task.Status.OPEN:
            Task.objects.filter(pk=task.pk).update(status=Task.Status.CLOSED, closed_at=now, version=F("version") + 1)
            before["task_status"] = task.status
            after["task_status"] = Task.Status.CLOSED

    audit_record(
        actor=supervisor_actor(user, meta=meta),
        action=AuditAction.MILESTONE_VERIFY,
        obj=milestone,
        before=before,
        after=after,
        reason=reason,
        document=milestone.document,
        task=milestone.task,
    )
    return Milestone.objects.select_related("task").get(pk=milestone.pk)


@transaction.atomic
def milestone_return(
    *,
    user: User,
    milestone: Milestone,
    reason: str,
    expected_version: int | None = None,
    completion_request: int | None = None,
    meta: RequestMeta | None = None,
) -> Milestone:
    """退回: the pending request is returned with its evidence; the milestone is open again."""
    milestone = load_milestone(milestone)
    require_on_milestone(user, "milestone.return", milestone)
    if not (reason or "").strip():
        raise ServiceError("退回须说明理由", field="reason")
    check_version(milestone, expected_version)
    _check_decided_request(_pending_request(milestone), completion_request)
    if milestone.status != Milestone.Status.REQUESTED:
        raise InvalidState("该节点没有待审核的办结申请")

    now = clock.now()
    bump(Milestone, milestone, status=Milestone.Status.OPEN)
    request = _pending_request(milestone)
    assert request is not None, "a REQUESTED milestone has its pending request"
    CompletionRequest.objects.filter(pk=request.pk).update(
        status=CompletionRequest.Status.RETURNED, decided_by=user, decided_at=now, decision_reason=reason
    )
    decision_signals.decided(decision_signals.RETURNED, request, user)
    audit_record(
        actor=supervisor_actor(user, meta=meta),
        action=AuditAction.MILESTONE_RETURN,
        obj=milestone,
        before={"status": milestone.status, "version": milestone.version},
        after={"status": Milestone.Status.OPEN, "version": milestone.version + 1, "completion_request": request.pk},
        reason=reason,
        document=milestone.document,
        task=milestone.task,
    )
    return Milestone.objects.select_related("task").get(pk=milestone.pk)
