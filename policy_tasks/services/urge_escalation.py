"""A 督办单 whose reply date passes unanswered goes up a level (issue 16): 提醒 → 催办 → 督办.

The next notice goes to the units that have not replied, with a new number and a new reply
date (DUBAN_URGE_ESCALATION_REPLY_WORKDAYS working days on), and its issue reaches the units'
clerks and heads like any notice (the `urge_issued` reminder rule). A 督办 left unanswered has
no level above it: the `urge_reply_overdue` rule then tells the units' heads and the
supervision office every few working days instead.

The periodic task (policy_tasks.escalate_overdue_urges) runs this hourly; each notice is
escalated once (UrgeNotice.escalated_from is one-to-one), in a transaction of its own, on the
audit chain as the system's act on behalf of the supervisor who issued the first notice.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import QuerySet

from duban.lib import clock, workdays
from policy_tasks.models import DONE_STATUSES, AuditAction, UrgeNotice, UrgeRecipient
from policy_tasks.services.audit import SYSTEM, audit_record
from policy_tasks.services.urges_numbering import urge_number_next

Level = UrgeNotice.Level
NEXT_LEVEL = {Level.REMIND: Level.URGE, Level.URGE: Level.SUPERVISE}


def overdue_unanswered(today: date) -> QuerySet[UrgeNotice]:
    """Notices past their reply date with a unit yet to reply, not escalated, a level below 督办."""
    return (
        UrgeNotice.objects.filter(
            reply_due__lt=today,
            level__in=list(NEXT_LEVEL),
            escalation__isnull=True,
            recipients__replied_at__isnull=True,
        )
        .exclude(task__status__in=DONE_STATUSES)
        .exclude(milestone__status__in=DONE_STATUSES)
        .distinct()
        .order_by("issued_at", "pk")
    )


def urges_escalate_overdue(*, today: date | None = None) -> list[UrgeNotice]:
    """Escalate every overdue unanswered notice; returns the notices issued."""
    today = today or clock.today()
    issued = []
    for pk in overdue_unanswered(today).values_list("pk", flat=True):
        try:
            notice = _escalate(pk, today)
        except IntegrityError:  # escalated_from is unique: a concurrent run escalated it first
            continue
        if notice is not None:
            issued.append(notice)
    return issued


@transaction.atomic
def _escalate(pk: int, today: date) -> UrgeNotice | None:
    original = UrgeNotice.objects.select_for_update().select_related("task__document").get(pk=pk)
    if UrgeNotice.objects.filter(escalated_from=original).exists():
        return None
    silent = list(
        UrgeRecipient.objects.filter(notice=original, replied_at=None).order_by("pk").values_list("unit_id", flat=True)
    )
    if not silent:
        return None
    level = NEXT_LEVEL[Level(original.level)]
    reply_due = workdays.add_workdays(today, settings.DUBAN_URGE_ESCALATION_REPLY_WORKDAYS)
    message = (
        f"{original.number}（{Level(original.level).label}）要求于{original.reply_due:%Y年%m月%d日}前回复，"
        f"逾期未回复，现升级为{level.label}。原督办事项：{original.message}"
    )
    notice = UrgeNotice.objects.create(
        task=original.task,
        milestone=original.milestone,
        level=level,
        message=message,
        reply_due=reply_due,
        issued_by=original.issued_by,
        issued_at=clock.now(),
        escalated_from=original,
        **urge_number_next(on=today),
    )
    UrgeRecipient.objects.bulk_create([UrgeRecipient(notice=notice, unit_id=unit) for unit in silent])
    audit_record(
        actor=SYSTEM,
        action=AuditAction.URGE_ESCALATE,
        obj=notice,
        before={"notice": original.pk, "number": original.number, "level": original.level},
        after={"number": notice.number, "level": level, "reply_due": reply_due, "units": silent},
        reason=f"{original.number}逾期未回复",
        document=original.task.document,
        task=original.task,
    )
    return notice
