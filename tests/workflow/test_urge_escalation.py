"""A 督办单 whose reply date passes unanswered goes up a level, numbered, to the units that have
not replied, whose clerks and heads hear of it; at 督办 the heads and the supervision office
are told instead (issue 16)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
import time_machine
from django.core import mail

from notifications.models import Delivery
from notifications.services.timing import local_tz
from policy_tasks.models import AuditEvent, UrgeNotice
from policy_tasks.services.audit import audit_verify
from policy_tasks.services.urge_escalation import urges_escalate_overdue
from policy_tasks.services.urges import urge_issue, urge_reply
from policy_tasks.tasks import escalate_overdue_urges
from tests.notifications.conftest import ensure_default_rules, run_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules(db):
    return ensure_default_rules()


def _at(day: date, hour: int = 9) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=local_tz())


def _issue(world, level: str, reply_due: date) -> UrgeNotice:
    with time_machine.travel(_at(date(2023, 11, 2), 15), tick=False):
        return urge_issue(
            user=world.supervisor,
            task=world.task,
            milestone=world.milestone,
            level=level,
            message="请说明抽蓄项目开工滞后原因",
            reply_due=reply_due,
        )


def _users(**filters) -> list[str]:
    return sorted({d.recipient.username for d in Delivery.objects.filter(**filters)})


def test_an_unanswered_urge_is_raised_a_level_for_the_units_that_did_not_reply(world, rules):
    first = _issue(world, "remind", reply_due=date(2023, 11, 10))
    with time_machine.travel(_at(date(2023, 11, 6)), tick=False):
        urge_reply(user=world.lead_clerk, recipient=first.recipients.get(unit=world.lead_unit), reply="已开工")

    with time_machine.travel(_at(date(2023, 11, 10)), tick=False):
        assert urges_escalate_overdue() == []  # the reply date itself is still in time

    with time_machine.travel(_at(date(2023, 11, 13)), tick=False):  # Monday after
        assert escalate_overdue_urges.apply().get() == 1
    second = UrgeNotice.objects.get(escalated_from=first)
    assert second.level == UrgeNotice.Level.URGE
    assert second.number_seq == first.number_seq + 1 and second.number.endswith(f"第{second.number_seq}号")
    assert second.reply_due == date(2023, 11, 16)  # three working days on
    assert second.issued_by == world.supervisor
    assert list(second.recipients.values_list("unit", flat=True)) == [world.co_unit.pk]
    assert first.number in second.message and "逾期未回复，现升级为催办(黄色)" in second.message

    event = AuditEvent.objects.get(action="urge.escalate")
    assert event.actor_role == "system" and event.reason == f"{first.number}逾期未回复"
    assert event.before["number"] == first.number and event.after["level"] == "urge"
    assert audit_verify() is None

    # The new notice reaches the silent unit's clerk and head; the unit that replied hears nothing.
    run_day(date(2023, 11, 14))
    assert _users(subject_id=second.pk, rule__code="urge_issued") == ["co_clerk", "co_head"]
    assert any(m.subject == "【催办】第1条 重点推进工程" for m in mail.outbox)

    # Once only, however often the task runs.
    with time_machine.travel(_at(date(2023, 11, 14)), tick=False):
        assert urges_escalate_overdue() == []
    assert UrgeNotice.objects.filter(escalated_from=first).count() == 1


def test_a_notice_every_unit_answered_is_not_raised(world, rules):
    answered = _issue(world, "urge", reply_due=date(2023, 11, 10))
    silent = _issue(world, "remind", reply_due=date(2023, 11, 10))
    with time_machine.travel(_at(date(2023, 11, 8)), tick=False):
        for recipient in answered.recipients.select_related("unit"):
            clerk = world.lead_clerk if recipient.unit == world.lead_unit else world.co_clerk
            urge_reply(user=clerk, recipient=recipient, reply="已按要求推进")
    with time_machine.travel(_at(date(2023, 11, 20)), tick=False):
        assert [n.escalated_from for n in urges_escalate_overdue()] == [silent]


def test_a_notice_on_a_milestone_since_closed_is_not_raised(world, rules):
    _issue(world, "remind", reply_due=date(2023, 11, 10))
    world.milestone.status = "closed"
    world.milestone.save(update_fields=["status"])
    with time_machine.travel(_at(date(2023, 11, 20)), tick=False):
        assert urges_escalate_overdue() == []


def test_a_supervise_notice_left_unanswered_tells_heads_and_the_supervision_office(world, rules):
    notice = _issue(world, "supervise", reply_due=date(2023, 11, 10))
    with time_machine.travel(_at(date(2023, 11, 13)), tick=False):
        assert urges_escalate_overdue() == []  # nothing above 督办
    run_day(date(2023, 11, 13))
    told = _users(subject_id=notice.pk, rule__code="urge_reply_overdue")
    assert told == ["co_clerk", "co_head", "lead_clerk", "lead_head", "supervisor"]
