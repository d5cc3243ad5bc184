from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from policy_tasks.errors import Forbidden, InvalidState, NotFound, ServiceError, StaleVersion
from policy_tasks.models import AuditEvent, ExtensionRequest, Milestone
from policy_tasks.services.extensions import (
    PAST_DUE_MESSAGE,
    extension_grant,
    extension_refuse,
    extension_request,
)

SHANGHAI = ZoneInfo("Asia/Shanghai")


def on(day: date):
    """Travel to noon of `day` in Shanghai (the world's milestone is due 2023-10-31)."""
    return time_machine.travel(datetime(day.year, day.month, day.day, 12, tzinfo=SHANGHAI), tick=False)


def ask(world, proposed=date(2023, 12, 15), **kwargs):
    return extension_request(
        user=world.lead_head, milestone=world.milestone, reason="征地未完成", proposed_date=proposed, **kwargs
    )


def test_head_of_lead_unit_asks_before_the_due_date(world):
    with on(date(2023, 10, 20)):
        request = ask(world)
    assert request.status == ExtensionRequest.Status.PENDING
    assert request.current_due_date == date(2023, 10, 31)
    assert request.unit == world.lead_unit
    [event] = AuditEvent.objects.filter(action="extension.request")
    assert event.actor_unit == world.lead_unit
    assert event.after["proposed_date"] == "2023-12-15"


def test_asking_on_the_due_date_itself_is_still_in_time(world):
    with on(date(2023, 10, 31)):
        assert ask(world).status == ExtensionRequest.Status.PENDING


def test_asking_after_the_due_date_is_refused_with_a_clear_message(world):
    with on(date(2023, 11, 1)), pytest.raises(InvalidState) as exc:
        ask(world)
    assert exc.value.message == PAST_DUE_MESSAGE == "已超过完成时限，不能申请延期"
    assert not ExtensionRequest.objects.exists()
    assert not AuditEvent.objects.exists()


def test_proposed_date_must_be_later_than_the_current_due_date(world):
    with on(date(2023, 10, 1)):
        for proposed in (date(2023, 10, 31), date(2023, 10, 15)):
            with pytest.raises(ServiceError) as exc:
                ask(world, proposed=proposed)
            assert exc.value.field == "proposed_date"


def test_extension_needs_a_reason(world):
    with on(date(2023, 10, 1)), pytest.raises(ServiceError) as exc:
        extension_request(user=world.lead_head, milestone=world.milestone, reason=" ", proposed_date=date(2023, 12, 1))
    assert exc.value.field == "reason"


def test_only_one_pending_extension_per_milestone(world):
    with on(date(2023, 10, 1)):
        ask(world)
        with pytest.raises(InvalidState):
            ask(world, proposed=date(2023, 11, 30))


@pytest.mark.parametrize("who", ["lead_clerk", "co_head", "co_clerk", "supervisor"])
def test_only_the_lead_units_head_asks_for_an_extension(world, who):
    with on(date(2023, 10, 1)), pytest.raises(Forbidden):
        extension_request(
            user=getattr(world, who), milestone=world.milestone, reason="r", proposed_date=date(2023, 12, 1)
        )


def test_unrelated_unit_does_not_see_the_milestone(world):
    with on(date(2023, 10, 1)), pytest.raises(NotFound):
        extension_request(
            user=world.other_clerk, milestone=world.milestone, reason="r", proposed_date=date(2023, 12, 1)
        )


def test_grant_moves_the_due_date_keeps_the_original_and_counts_the_delay(world):
    with on(date(2023, 10, 20)):
        first = ask(world)
        extension_grant(user=world.supervisor, request=first, note="同意")
        world.milestone.refresh_from_db()
        assert world.milestone.due_date == date(2023, 12, 15)
        assert world.milestone.original_due_date == date(2023, 10, 31)
        assert world.milestone.delay_count == 1

        second = ask(world, proposed=date(2023, 12, 31))
        granted = extension_grant(user=world.supervisor, request=second)
    assert granted.status == ExtensionRequest.Status.GRANTED
    assert granted.decided_by == world.supervisor
    world.milestone.refresh_from_db()
    assert world.milestone.due_date == date(2023, 12, 31)
    assert world.milestone.original_due_date == date(2023, 10, 31)
    assert world.milestone.delay_count == 2
    event = AuditEvent.objects.filter(action="extension.grant").last()
    assert (event.before["due_date"], event.after["due_date"]) == ("2023-12-15", "2023-12-31")
    assert event.after["original_due_date"] == "2023-10-31"


def test_grant_records_the_original_date_when_none_was_kept(world):
    Milestone.objects.filter(pk=world.milestone.pk).update(original_due_date=None)
    with on(date(2023, 10, 20)):
        extension_grant(user=world.supervisor, request=ask(world))
    world.milestone.refresh_from_db()
    assert world.milestone.original_due_date == date(2023, 10, 31)


def test_refusal_needs_a_note_and_leaves_the_date_alone(world):
    with on(date(2023, 10, 20)):
        request = ask(world)
        with pytest.raises(ServiceError) as exc:
            extension_refuse(user=world.supervisor, request=request, note="")
        assert exc.value.field == "note"
        refused = extension_refuse(user=world.supervisor, request=request, note="理由不充分")
    assert refused.status == ExtensionRequest.Status.REFUSED
    world.milestone.refresh_from_db()
    assert (world.milestone.due_date, world.milestone.delay_count) == (date(2023, 10, 31), 0)
    assert AuditEvent.objects.filter(action="extension.refuse").count() == 1


def test_a_decided_request_cannot_be_decided_again(world):
    with on(date(2023, 10, 20)):
        request = ask(world)
        extension_refuse(user=world.supervisor, request=request, note="不同意")
        with pytest.raises(InvalidState):
            extension_grant(user=world.supervisor, request=request)


@pytest.mark.parametrize("who", ["lead_head", "lead_clerk", "co_head", "leader", "admin"])
def test_only_a_supervisor_decides(world, who):
    with on(date(2023, 10, 20)):
        request = ask(world)
        with pytest.raises(Forbidden):
            extension_grant(user=getattr(world, who), request=request)
        with pytest.raises(Forbidden):
            extension_refuse(user=getattr(world, who), request=request, note="x")


def test_grant_on_a_stale_milestone_version_is_refused(world):
    with on(date(2023, 10, 20)):
        seen = world.milestone.version
        request = ask(world, expected_version=seen)
        Milestone.objects.filter(pk=world.milestone.pk).update(version=seen + 1)
        with pytest.raises(StaleVersion):
            extension_grant(user=world.supervisor, request=request, expected_version=seen)
    request.refresh_from_db()
    assert request.status == ExtensionRequest.Status.PENDING
