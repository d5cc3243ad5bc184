"""The instructing leader is the last rung of a source task's escalation (issue 16)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from notifications.models import Delivery
from policy_tasks.services.task_sources import SourceTaskInput, task_source_create
from tests.notifications.conftest import ensure_default_rules, run_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def rules(db):
    return ensure_default_rules()


def register(world, *, leader=None, leader_name=""):
    with time_machine.travel(datetime(2023, 10, 9, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        return task_source_create(
            user=world.supervisor,
            data=SourceTaskInput(
                kind="instruction",
                content="请区发改局抓紧研究落实",
                lead_units=[world.lead_unit],
                due_date=date(2023, 10, 31),
                leader=leader,
                leader_name=leader_name,
            ),
        )


def escalated(rule="milestone_escalation"):
    return {d.recipient.username for d in Delivery.objects.filter(rule__code=rule)}


def test_escalation_reaches_the_instructing_leader_after_the_supervisors(world, rules):
    world.milestone.status = "closed"  # the plan clause's own milestone stays out of it
    world.milestone.save()
    source = register(world, leader=world.leader)
    run_day(date(2023, 11, 1), send=False)
    overdue = {d.recipient.username for d in Delivery.objects.filter(rule__code="milestone_overdue")}
    assert "leader" not in overdue, "the clerks and the head hear first"
    run_day(date(2023, 11, 6), send=False)
    assert escalated() == set()
    run_day(date(2023, 11, 7), send=False)
    assert escalated() == {"supervisor", "leader"}
    rows = Delivery.objects.filter(rule__code="milestone_escalation", recipient=world.leader)
    assert {r.task_id for r in rows} == {source.task_id}
    assert {r.subject_id for r in rows} == set(source.task.milestones.values_list("pk", flat=True))


def test_a_leader_named_without_an_account_and_plan_clauses_escalate_to_supervisors_only(world, rules):
    register(world, leader_name="王区长")
    run_day(date(2023, 11, 7), send=False)
    assert escalated() == {"supervisor"}


def test_the_leader_is_told_once_even_when_the_scan_runs_twice(world, rules):
    register(world, leader=world.leader)
    run_day(date(2023, 11, 7), send=False)
    first = Delivery.objects.filter(recipient=world.leader).count()
    assert first > 0
    run_day(date(2023, 11, 7), send=False)
    run_day(date(2023, 11, 9), send=False)
    assert Delivery.objects.filter(recipient=world.leader).count() == first
