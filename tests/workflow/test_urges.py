from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from policy_tasks.errors import Forbidden, InvalidState, NotFound, ServiceError
from policy_tasks.models import AuditEvent, Task, UrgeNotice, UrgeRecipient
from policy_tasks.services.urges import urge_acknowledge, urge_issue, urge_reply
from tests import factories as f

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def november():
    with time_machine.travel(datetime(2023, 11, 2, 9, tzinfo=SHANGHAI), tick=False):
        yield


def issue(world, **kwargs):
    kwargs.setdefault("level", UrgeNotice.Level.URGE)
    kwargs.setdefault("message", "抽蓄项目未按期开工，请说明原因")
    kwargs.setdefault("reply_due", date(2023, 11, 7))
    return urge_issue(user=world.supervisor, task=world.task, **kwargs)


def recipient(notice, unit) -> UrgeRecipient:
    return notice.recipients.get(unit=unit)


def test_supervisor_urges_every_unit_of_the_task_by_default(world):
    notice = issue(world, milestone=world.milestone)
    assert [r.unit for r in notice.recipients.order_by("id")] == [world.lead_unit, world.co_unit]
    [event] = AuditEvent.objects.filter(action="urge.issue")
    assert event.after["units"] == [world.lead_unit.pk, world.co_unit.pk]
    assert event.after["milestone"] == world.milestone.pk
    assert event.reason == "抽蓄项目未按期开工，请说明原因"


def test_supervisor_may_urge_some_of_the_tasks_units(world):
    notice = issue(world, units=[world.co_unit])
    assert [r.unit for r in notice.recipients.all()] == [world.co_unit]


def test_units_outside_the_task_cannot_be_urged_through_it(world):
    with pytest.raises(ServiceError) as exc:
        issue(world, units=[world.other_unit])
    assert exc.value.field == "units"


def test_reply_date_cannot_be_in_the_past(world):
    with pytest.raises(ServiceError) as exc:
        issue(world, reply_due=date(2023, 11, 1))
    assert exc.value.field == "reply_due"
    assert issue(world, reply_due=date(2023, 11, 2)).reply_due == date(2023, 11, 2)


def test_level_must_be_a_known_one(world):
    with pytest.raises(ServiceError) as exc:
        issue(world, level="purple")
    assert exc.value.field == "level"


def test_milestone_must_belong_to_the_task(world):
    elsewhere = f.MilestoneFactory()
    with pytest.raises(ServiceError) as exc:
        issue(world, milestone=elsewhere)
    assert exc.value.field == "milestone"


def test_a_closed_task_is_not_urged(world):
    Task.objects.filter(pk=world.task.pk).update(status=Task.Status.CLOSED)
    world.task.refresh_from_db()
    with pytest.raises(InvalidState):
        issue(world)


@pytest.mark.parametrize(("who", "error"), [("lead_head", Forbidden), ("leader", Forbidden), ("other_clerk", NotFound)])
def test_only_a_supervisor_urges(world, who, error):
    with pytest.raises(error):
        urge_issue(user=getattr(world, who), task=world.task, level="remind", message="m", reply_due=date(2023, 11, 9))


def test_member_of_the_recipient_unit_acknowledges_once(world):
    notice = issue(world)
    row = urge_acknowledge(user=world.lead_clerk, recipient=recipient(notice, world.lead_unit))
    assert row.acknowledged_by == world.lead_clerk
    first_time = row.acknowledged_at
    assert first_time is not None
    # Idempotent: a second click changes nothing and records nothing.
    again = urge_acknowledge(user=world.lead_head, recipient=row)
    assert (again.acknowledged_at, again.acknowledged_by) == (first_time, world.lead_clerk)
    [event] = AuditEvent.objects.filter(action="urge.acknowledge")
    assert (event.actor_unit, event.actor_role) == (world.lead_unit, "clerk")


def test_a_unit_cannot_answer_for_another_unit_of_the_same_task(world):
    notice = issue(world)
    lead_row = recipient(notice, world.lead_unit)
    with pytest.raises(Forbidden):
        urge_acknowledge(user=world.co_clerk, recipient=lead_row)
    with pytest.raises(Forbidden):
        urge_reply(user=world.co_head, recipient=lead_row, reply="不是我们的事")
    with pytest.raises(Forbidden):
        urge_acknowledge(user=world.supervisor, recipient=lead_row)
    with pytest.raises(NotFound):
        urge_acknowledge(user=world.other_clerk, recipient=lead_row)


def test_reply_acknowledges_too_and_is_given_once(world):
    notice = issue(world)
    row = urge_reply(user=world.co_head, recipient=recipient(notice, world.co_unit), reply="已协调资金")
    assert row.reply == "已协调资金"
    assert row.replied_by == world.co_head
    assert row.acknowledged_at == row.replied_at
    with pytest.raises(InvalidState):
        urge_reply(user=world.co_head, recipient=row, reply="补充")
    with pytest.raises(ServiceError) as exc:
        urge_reply(user=world.lead_head, recipient=recipient(notice, world.lead_unit), reply=" ")
    assert exc.value.field == "reply"
    assert AuditEvent.objects.filter(action="urge.reply").count() == 1
    assert not AuditEvent.objects.filter(action="urge.acknowledge").exists()
