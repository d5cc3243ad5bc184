"""Recurring obligations of a hand-registered task (issue 16): 每月10日前报送 generated ahead on a
rolling horizon, extended by the periodic task, reminded, lit and scored like any milestone."""

from __future__ import annotations

import threading
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.urls import reverse

from duban.lib import workdays
from notifications.models import Delivery
from policy_tasks.models import AuditEvent, Milestone, TaskSource
from policy_tasks.services.recurring import recurring_generate
from policy_tasks.tasks import generate_recurring_milestones
from tests.api.conftest import client_for
from tests.notifications.conftest import ensure_default_rules, run_day

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 10, 0, tzinfo=SHANGHAI), tick=False)


def register(client, w, day: date, **recurring) -> TaskSource:
    client.force_login(w.supervisor)
    form = {
        "content": "请区发改局牵头推进停车设施建设，每月报送进展。",
        "lead_units": [w.lead_unit.pk],
        "due_date": "2024-03-31",
        "leader": w.leader.pk,
        "recur_text": "每月报送停车设施建设进展",
        "recur_cadence": "monthly",
        **recurring,
    }
    with at(day):
        response = client.post(reverse("web:source-new") + "?kind=instruction", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    return TaskSource.objects.latest("id")


def series(source: TaskSource) -> list[tuple[int, date]]:
    rows = Milestone.objects.filter(task=source.task, recurrence="monthly").order_by("occurrence")
    return [(m.occurrence, m.due_date) for m in rows]


def run_periodic(day: date) -> int:
    with at(day):
        return generate_recurring_milestones.apply().get()


def test_monthly_obligation_is_generated_ahead_and_extended_once(client, world):
    source = register(client, world, date(2024, 1, 5), recur_day="10", recur_until="2024-03-31")
    # Within 62 days of 5 January: the 10th of January and of February, not yet March.
    assert series(source) == [(1, date(2024, 1, 10)), (2, date(2024, 2, 10))]
    first = Milestone.objects.get(task=source.task, occurrence=1)
    assert first.kind == "recurring" and first.text == "每月报送停车设施建设进展"
    assert first.time_expression == "每月10日前,至2024年3月31日"
    # The task keeps its own final deadline beside the series.
    assert Milestone.objects.filter(task=source.task, recurrence="", due_date=date(2024, 3, 31)).exists()
    with at(date(2024, 1, 5)):
        page = client.get(reverse("web:task", args=[source.task_id])).content.decode()
    assert page.count("每月报送停车设施建设进展") == 2  # each occurrence is a milestone on the task page
    assert "<b>2024-01-10</b>" in page and "<b>2024-02-10</b>" in page

    assert run_periodic(date(2024, 1, 6)) == 0  # March 10 is still beyond the horizon
    assert run_periodic(date(2024, 1, 15)) == 1
    assert series(source)[-1] == (3, date(2024, 3, 10))
    assert run_periodic(date(2024, 1, 15)) == 0  # a second run adds nothing
    # Nothing past the end date, however late the run.
    assert run_periodic(date(2024, 3, 20)) == 0
    assert len(series(source)) == 3

    generated = AuditEvent.objects.filter(task=source.task, action="milestone.recurring_generate").order_by("id")
    assert [len(e.after["occurrences"]) for e in generated] == [2, 1]
    assert generated[1].actor_role == "system"
    assert generated[0].actor == world.supervisor


def test_nth_working_day_skips_the_national_day_holiday(client, world):
    # 2023: 29 Sep – 6 Oct off, Saturday 7 and Sunday 8 October are make-up working days (调休).
    assert not workdays.is_workday(date(2023, 10, 6)) and workdays.is_workday(date(2023, 10, 7))
    third = workdays.add_workdays(date(2023, 9, 30), 3)
    assert third == date(2023, 10, 9)
    source = register(
        client, world, date(2023, 9, 20), due_date="2023-12-31", recur_workday="3", recur_until="2023-12-31"
    )
    rows = series(source)
    assert rows[0] == (1, third)
    assert rows[1] == (2, workdays.add_workdays(date(2023, 10, 31), 3))  # November's third
    assert Milestone.objects.get(task=source.task, occurrence=1).time_expression == "每月第3个工作日,至2023年12月31日"


def test_quarterly_obligation_lands_in_the_first_month_of_each_quarter(client, world):
    source = register(
        client,
        world,
        date(2024, 1, 20),
        due_date="2024-12-31",
        recur_cadence="quarterly",
        recur_day="15",
    )
    rows = Milestone.objects.filter(task=source.task, recurrence="quarterly").order_by("occurrence")
    # 15 January has passed and 15 April is beyond 62 days: the first is made anyway, so the series exists.
    assert [(m.occurrence, m.due_date) for m in rows] == [(1, date(2024, 4, 15))]
    assert rows[0].time_expression == "每季度首月15日前,至2024年12月31日"  # the end defaults to the deadline
    assert run_periodic(date(2024, 5, 20)) == 1
    assert rows.last().due_date == date(2024, 7, 15)


def test_a_past_due_occurrence_is_red_reminded_and_scored(client, world):
    ensure_default_rules()
    world.milestone.status = "closed"  # the fixture's plan clause stays out of the ledger
    world.milestone.save()
    source = register(client, world, date(2024, 1, 5), recur_day="10")
    first = Milestone.objects.get(task=source.task, occurrence=1)

    run_day(date(2024, 1, 10), send=False)
    due_day = Delivery.objects.filter(rule__code="milestone_due_day", subject_id=first.pk)
    assert {d.recipient.username for d in due_day} == {"lead_clerk"}
    run_day(date(2024, 1, 11), send=False)
    overdue = Delivery.objects.filter(rule__code="milestone_overdue", subject_id=first.pk)
    assert {d.recipient.username for d in overdue} == {"lead_clerk", "lead_head"}

    with at(date(2024, 1, 11)):
        detail = client_for(world.supervisor).get(f"/api/v1/tasks/{source.task_id}/")
        board = client_for(world.supervisor).get(
            f"/api/v1/documents/{source.task.document_id}/scoreboard/?on=2024-01-11"
        )
    assert detail.status_code == 200 and board.status_code == 200, board.content
    lights = {m["occurrence"]: m["light"] for m in detail.json()["milestones"] if m["recurrence"]}
    assert lights[1] == "red" and lights[2] != "red"
    assert detail.json()["light"] == "red"
    row = next(
        r for r in board.json() if (r["unit"]["name"] if isinstance(r["unit"], dict) else r["unit_name"]) == "区发改局"
    )
    assert row["milestones_due"] == 1 and row["overdue_count"] == 1


def test_nothing_is_generated_for_a_closed_task(client, world):
    source = register(client, world, date(2024, 1, 5), recur_day="10")
    source.task.status = "closed"
    source.task.save()
    assert run_periodic(date(2024, 2, 20)) == 0
    assert len(series(source)) == 2


def test_the_form_refuses_an_obligation_without_its_day(client, world):
    client.force_login(world.supervisor)
    with at(date(2024, 1, 5)):
        response = client.post(
            reverse("web:source-new") + "?kind=instruction",
            {
                "content": "事项",
                "lead_units": [world.lead_unit.pk],
                "due_date": "2024-03-31",
                "leader": world.leader.pk,
                "recur_text": "每月报送",
                "recur_cadence": "monthly",
            },
        )
    assert response.status_code == 400
    assert "请填写每期几日前或第几个工作日" in response.content.decode()
    assert not TaskSource.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_two_periodic_runs_at_once_add_one_occurrence(require_postgres, world):
    """The task row lock: the second run waits, then finds the occurrence made (PostgreSQL)."""
    source = register(Client(), world, date(2024, 1, 5), recur_day="10", recur_until="2024-03-31")
    barrier = threading.Barrier(2)
    made: list[int] = []

    def run():
        try:
            with at(date(2024, 1, 15)):
                barrier.wait()
                made.append(recurring_generate())
        finally:
            connection.close()  # each thread has its own connection

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert sorted(made) == [0, 1]
    assert series(source) == [(1, date(2024, 1, 10)), (2, date(2024, 2, 10)), (3, date(2024, 3, 10))]
