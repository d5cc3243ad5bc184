"""The scoreboard and the overdue ledger on a small prepared history, as of 2023-07-01.

Task 1 is led by 区发改局 (A) with 区财政局 (B) co-responsible; task 2 the other way round.

  task 1  due 3-31 closed 3-30 ........ on time
          due 4-30 closed 5-05 ........ 5 days late
          due 5-31 closed 7-05 ........ still open on 7-01: overdue 31 days
          due 6-15 open ............... overdue 16 days
          due 10-31 open .............. not yet due
  task 2  due 4-15 closed 4-10 ........ on time
          due 6-20 open ............... overdue 11 days
          due 8-31 open ............... extended from 5-31 (granted 5-20): not yet due
  area    due 3-31 open ............... an area-wide target: not scored

A: 4 assessed, 1 on time (25%), 2 overdue as lead, 1 as co, late days (5+31+16)/3 = 17.3.
   Reports: February and March filed on time, April late (迟报), May never (缺报).
   Score 100 - 2x5 - 1x3 - 1x1 - 1x0.5 = 85.5.
B: 2 assessed, 1 on time (50%), 1 overdue as lead, 2 as co, late days 11/1 = 11.0,
   one extension, no report ever: 4 missing (Feb..May are due before 7-01; June's is
   due 7-07). Score 100 - 5 - 2x3 - 4x1 = 85.
(Before issue 15 a late report counted as 缺报 and no report cost anything: 89 before 87.)
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from policy_tasks.models import ExtensionRequest, Milestone, PolicyDocument, ReportPeriod
from policy_tasks.selectors.scoreboard import unit_scoreboard
from policy_tasks.selectors.tasks import milestones_overdue, tasks_for_user
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.reports import task_report_progress
from tests import factories as f

SHANGHAI = ZoneInfo("Asia/Shanghai")
ON = date(2023, 7, 1)


def local(y, m, d, hour=10):
    return datetime(y, m, d, hour, tzinfo=SHANGHAI)


def milestone(task, due, closed=None, **kwargs):
    status = Milestone.Status.CLOSED if closed else Milestone.Status.OPEN
    return f.MilestoneFactory(task=task, due_date=due, status=status, closed_at=closed, **kwargs)


@pytest.fixture
def history(world):
    a, b = world.lead_unit, world.co_unit
    t1 = world.task
    t2 = f.TaskFactory(document=world.document, number=2, title="财政保障")
    f.TaskUnitFactory(task=t2, unit=b, role="lead", position=0)
    f.TaskUnitFactory(task=t2, unit=a, role="co", position=1)
    milestone(t1, date(2023, 3, 31), local(2023, 3, 30))
    milestone(t1, date(2023, 4, 30), local(2023, 5, 5))
    closed_after = milestone(t1, date(2023, 5, 31), local(2023, 7, 5))
    m_t1_open = milestone(t1, date(2023, 6, 15))
    milestone(t2, date(2023, 4, 15), local(2023, 4, 10))
    m_t2_open = milestone(t2, date(2023, 6, 20))
    extended = milestone(t2, date(2023, 8, 31), original_due_date=date(2023, 5, 31), delay_count=1)
    ExtensionRequest.objects.create(
        milestone=extended,
        unit=b,
        requested_by=world.co_head,
        requested_at=local(2023, 5, 10),
        reason="征地未完成",
        current_due_date=date(2023, 5, 31),
        proposed_date=date(2023, 8, 31),
        status=ExtensionRequest.Status.GRANTED,
        decided_by=world.supervisor,
        decided_at=local(2023, 5, 20),
    )
    area = f.AreaFactory(document=world.document)
    f.MilestoneFactory(task=None, area=area, document=world.document, due_date=date(2023, 3, 31))

    document_generate_periods(document=world.document)
    periods = {p.starts_on.month: p for p in ReportPeriod.objects.filter(document=world.document)}
    for month, filed_on in [(2, date(2023, 3, 6)), (3, date(2023, 4, 10)), (4, date(2023, 5, 15))]:
        with time_machine.travel(local(filed_on.year, filed_on.month, filed_on.day), tick=False):
            task_report_progress(user=world.lead_clerk, task=t1, period=periods[month], progress="推进中", percent=50)
    return {"t2": t2, "open": [m_t1_open, m_t2_open], "closed_after": closed_after}


def test_scoreboard_figures_on_a_prepared_history(world, history):
    board = unit_scoreboard(document=world.document, on=ON)
    assert [s.unit for s in board] == [world.lead_unit, world.co_unit]  # 85.5 before 85
    a, b = board
    assert (a.rank, b.rank) == (1, 2)
    assert (a.tasks_led, a.milestones_due, a.closed_on_time, a.on_time_rate) == (1, 4, 1, Decimal("0.25"))
    assert (a.overdue_count, a.overdue_as_co, a.avg_days_late, a.score) == (2, 1, Decimal("17.3"), Decimal("85.5"))
    assert (a.missing_reports, a.late_reports, a.returned_completions, a.extensions) == (1, 1, 0, 0)
    assert (b.tasks_led, b.milestones_due, b.closed_on_time, b.on_time_rate) == (1, 2, 1, Decimal("0.5"))
    assert (b.overdue_count, b.overdue_as_co, b.avg_days_late, b.score) == (1, 2, Decimal("11.0"), Decimal("85"))
    assert (b.missing_reports, b.late_reports, b.returned_completions, b.extensions) == (4, 0, 0, 1)


def test_units_with_no_task_in_the_document_are_not_scored(world, history):
    assert world.other_unit not in [s.unit for s in unit_scoreboard(document=world.document, on=ON)]


def test_before_any_deadline_the_rate_is_unknown_not_zero(world, history):
    board = {s.unit: s for s in unit_scoreboard(document=world.document, on=date(2023, 3, 1))}
    a = board[world.lead_unit]
    # Nothing due and no report owed yet: not scored (issue 15; it used to read 100).
    assert (a.milestones_due, a.on_time_rate, a.avg_days_late, a.score, a.rank) == (0, None, None, None, None)
    assert board[world.co_unit].extensions == 0  # granted later


def test_closing_on_the_due_date_in_beijing_time_is_on_time(world):
    # 23:30 on the due date in Beijing is 15:30 UTC the same day; 00:30 the next day is late.
    milestone(world.task, date(2023, 3, 31), local(2023, 3, 31, 23))
    milestone(world.task, date(2023, 3, 31), datetime(2023, 3, 31, 16, 30, tzinfo=ZoneInfo("UTC")))
    [a] = [s for s in unit_scoreboard(document=world.document, on=ON) if s.unit == world.lead_unit]
    assert (a.milestones_due, a.closed_on_time, a.avg_days_late) == (2, 1, Decimal("1.0"))


def test_deductions_are_document_settings_and_the_score_stops_at_zero(world, history):
    PolicyDocument.objects.filter(pk=world.document.pk).update(
        score_base=Decimal("12"), deduction_lead=Decimal("4"), deduction_missing_report=0, deduction_late_report=0
    )
    world.document.refresh_from_db()
    board = {s.unit: s.score for s in unit_scoreboard(document=world.document, on=ON)}
    assert board == {world.lead_unit: Decimal("1"), world.co_unit: Decimal("2")}  # 12-8-3, 12-4-6
    PolicyDocument.objects.filter(pk=world.document.pk).update(score_base=Decimal("5"))
    world.document.refresh_from_db()
    assert {s.score for s in unit_scoreboard(document=world.document, on=ON)} == {Decimal("0")}


def test_the_scoreboard_takes_a_bounded_number_of_queries(world, history, django_assert_num_queries):
    for number in range(3, 13):
        unit = f.UnitFactory()
        task = f.TaskFactory(document=world.document, number=number)
        f.TaskUnitFactory(task=task, unit=unit, role="lead")
        milestone(task, date(2023, 6, 1))
    with django_assert_num_queries(5):  # units, per-unit sums, 缺报 (3)
        assert len(unit_scoreboard(document=world.document, on=ON)) == 12


# --- the overdue ledger and task lists ----------------------------------------------------------


def test_the_overdue_ledger_lists_open_milestones_past_due_earliest_first(world, history):
    # As things stood on the 统计日期 (issue 15's one definition of 逾期, as the scoreboard counts
    # it): the milestone due 5-31 and closed only on 7-05 was still open on 7-01.
    then = [history["closed_after"], *history["open"]]  # 5-31, 6-15, 6-20
    assert list(milestones_overdue(on=ON)) == then
    assert list(milestones_overdue(on=date(2023, 7, 10))) == history["open"]  # closed by then


def test_a_completion_awaiting_review_stays_on_the_ledger(world, history):
    Milestone.objects.filter(pk=history["open"][0].pk).update(status=Milestone.Status.REQUESTED)
    assert list(milestones_overdue(on=ON)) == [history["closed_after"], *history["open"]]


def test_the_ledger_filters_by_unit_document_and_what_the_user_may_see(world, history):
    other = f.TaskFactory(document=f.DocumentFactory())
    f.TaskUnitFactory(task=other, unit=world.other_unit, role="lead")
    theirs = milestone(other, date(2023, 5, 1))
    ours = [history["closed_after"], *history["open"]]  # open on 7-01 (one closed only on 7-05)
    assert list(milestones_overdue(on=ON)) == [theirs, *ours]
    assert list(milestones_overdue(on=ON, document=world.document)) == ours
    assert list(milestones_overdue(on=ON, unit=world.co_unit)) == ours  # leads one, co-owns the other
    assert list(milestones_overdue(on=ON, unit=world.other_unit)) == [theirs]
    assert list(milestones_overdue(on=ON, user=world.co_clerk)) == ours
    assert list(milestones_overdue(on=ON, user=world.other_clerk)) == [theirs]
    assert list(milestones_overdue(on=ON, user=world.leader)) == [theirs, *ours]


def test_tasks_for_user_are_the_visible_tasks_with_their_units(world, history, django_assert_num_queries):
    with django_assert_num_queries(6):  # 3 to learn the user's roles; tasks, task units, milestones
        tasks = list(tasks_for_user(user=world.co_clerk))
        units = {t.pk: [tu.unit.name for tu in t.task_units.all()] for t in tasks}
    assert units == {world.task.pk: ["区发改局", "区财政局"], history["t2"].pk: ["区财政局", "区发改局"]}
    assert list(tasks_for_user(user=world.other_clerk)) == []
