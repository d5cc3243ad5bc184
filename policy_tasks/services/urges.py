"""催办/督办: a supervisor issues a notice on a task (or one milestone) to its units, with a
level and a date a reply is due; each recipient unit acknowledges (签收) and replies.

Acknowledging is idempotent: a second acknowledgement (a double click, a retried request)
changes nothing and writes no event. A reply acknowledges too, and is given once.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import transaction

from accounts.models import Unit, User
from duban.lib import clock
from policy_tasks.errors import Forbidden, InvalidState, NoSuchObject, NotFound, ServiceError
from policy_tasks.models import AuditAction, Milestone, Task, TaskUnit, UrgeNotice, UrgeRecipient
from policy_tasks.permissions import require
from policy_tasks.services.actors import member_role, supervisor_actor
from policy_tasks.services.audit import RequestMeta, actor_for, audit_record
from policy_tasks.services.dates import require_in_window
from policy_tasks.services.urges_numbering import urge_number_next


@transaction.atomic
def urge_issue(
    *,
    user: User,
    task: Task,
    milestone: Milestone | None = None,
    level: str,
    message: str,
    reply_due: date,
    units: Iterable[Unit | int] | None = None,
    meta: RequestMeta | None = None,
) -> UrgeNotice:
    """Recipients default to every unit of the task, lead first; `units` picks some of them."""
    require(user, "urge.issue", task)
    if task.status == Task.Status.CLOSED:
        raise InvalidState("任务已办结，无需催办")
    if task.status == Task.Status.WITHDRAWN:
        raise InvalidState("该条款已在文件新版本中撤销，无需催办")
    if milestone is not None:
        if milestone.task_id != task.pk:
            raise NoSuchObject(milestone.pk, field="milestone")
        if milestone.status == Milestone.Status.CLOSED:
            raise InvalidState("该节点已销号，无需催办")
        if milestone.status == Milestone.Status.WITHDRAWN:
            raise InvalidState("该节点已在文件新版本中作废，无需催办")
    if level not in UrgeNotice.Level.values:
        raise ServiceError("催办等级无效", field="level")
    if not (message or "").strip():
        raise ServiceError("请填写督办事项", field="message")
    if reply_due is None or reply_due < clock.today():
        raise ServiceError("要求回复日期不能早于今天", field="reply_due")
    require_in_window(reply_due, field="reply_due")

    task_unit_ids = list(TaskUnit.objects.filter(task=task).order_by("position").values_list("unit_id", flat=True))
    if units is None:
        unit_ids = task_unit_ids
    else:
        wanted = {getattr(u, "pk", u) for u in units}
        if not wanted or not wanted <= set(task_unit_ids):
            raise ServiceError("催办对象须为该任务的责任单位", field="units")
        unit_ids = [pk for pk in task_unit_ids if pk in wanted]

    notice = UrgeNotice.objects.create(
        task=task,
        milestone=milestone,
        level=level,
        message=message,
        reply_due=reply_due,
        issued_by=user,
        issued_at=clock.now(),
        **urge_number_next(on=clock.today()),
    )
    UrgeRecipient.objects.bulk_create([UrgeRecipient(notice=notice, unit_id=pk) for pk in unit_ids])
    audit_record(
        actor=supervisor_actor(user, meta=meta),
        action=AuditAction.URGE_ISSUE,
        obj=notice,
        after={
            "number": notice.number,
            "level": level,
            "milestone": milestone.pk if milestone else None,
            "reply_due": reply_due,
            "units": unit_ids,
        },
        reason=message,
        document=task.document,
        task=task,
    )
    return notice


def _load_recipient(user: User, recipient: UrgeRecipient | int, action: str) -> tuple[UrgeRecipient, str]:
    """The recipient row and the user's role in its unit; only that unit's members may answer."""
    pk = recipient.pk if isinstance(recipient, UrgeRecipient) else recipient
    found = UrgeRecipient.objects.select_related("notice__task__document", "unit").filter(pk=pk).first()
    if found is None:
        raise NotFound("催办通知不存在或无权查看")
    require(user, action, found.notice.task)
    role = member_role(user, found.unit)
    if not role:
        raise Forbidden("只能签收或回复发给本单位的催办通知")
    return found, role


@transaction.atomic
def urge_acknowledge(*, user: User, recipient: UrgeRecipient, meta: RequestMeta | None = None) -> UrgeRecipient:
    recipient, role = _load_recipient(user, recipient, "urge.acknowledge")
    now = clock.now()
    # Conditional on "not yet": a repeat (or a racing twin) matches nothing and records nothing.
    if not UrgeRecipient.objects.filter(pk=recipient.pk, acknowledged_at=None).update(
        acknowledged_at=now, acknowledged_by=user
    ):
        recipient.refresh_from_db()
        return recipient
    notice = recipient.notice
    audit_record(
        actor=actor_for(user, unit=recipient.unit, role=role, meta=meta),
        action=AuditAction.URGE_ACKNOWLEDGE,
        obj=recipient,
        before={"notice": notice.pk, "acknowledged_at": None},
        after={"notice": notice.pk, "acknowledged_at": now},
        document=notice.task.document,
        task=notice.task,
    )
    recipient.refresh_from_db()
    return recipient


@transaction.atomic
def urge_reply(*, user: User, recipient: UrgeRecipient, reply: str, meta: RequestMeta | None = None) -> UrgeRecipient:
    recipient, role = _load_recipient(user, recipient, "urge.reply")
    if not (reply or "").strip():
        raise ServiceError("请填写回复内容", field="reply")
    now = clock.now()
    if not UrgeRecipient.objects.filter(pk=recipient.pk, replied_at=None).update(
        reply=reply, replied_at=now, replied_by=user
    ):
        raise InvalidState("该催办通知已回复")
    # Replying without having acknowledged first acknowledges too (same event).
    acknowledged_at = recipient.acknowledged_at
    if UrgeRecipient.objects.filter(pk=recipient.pk, acknowledged_at=None).update(
        acknowledged_at=now, acknowledged_by=user
    ):
        acknowledged_at = None
    notice = recipient.notice
    audit_record(
        actor=actor_for(user, unit=recipient.unit, role=role, meta=meta),
        action=AuditAction.URGE_REPLY,
        obj=recipient,
        before={"notice": notice.pk, "acknowledged_at": acknowledged_at, "replied_at": None},
        after={"notice": notice.pk, "acknowledged_at": acknowledged_at or now, "replied_at": now},
        reason=reply,
        document=notice.task.document,
        task=notice.task,
    )
    recipient.refresh_from_db()
    return recipient
