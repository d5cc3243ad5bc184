"""Why a light has its colour (issue 15): 临期 against 滞后, and a milestone's own reported value.

The document is issued 1 January 2023 (the schedule's start); yellow_workdays 5, behind_schedule_points 20.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from policy_tasks.models import Milestone, ReportPeriod
from policy_tasks.selectors.lights import (
    annotate_lights,
    milestone_light,
    milestone_light_reasons,
    milestone_lights,
    task_lights,
    worst,
)
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.reports import task_report_progress
from tests import factories as f

# Issued 1 January; due 11 April is 100 days later, so on 2 March 60% of the time has passed.
START, DUE_100, AT_60 = date(2023, 1, 1), date(2023, 4, 11), date(2023, 3, 2)


@pytest.fixture
def doc(world):
    world.document.issued_on = START
    world.document.save()
    document_generate_periods(document=world.document)
    return world.document


def report(world, *, on, percent, values=None, user=None):
    period = ReportPeriod.objects.filter(document=world.document, starts_on__lte=on).order_by("-starts_on").first()
    with time_machine.travel(datetime(on.year, on.month, on.day, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        return task_report_progress(
            user=user or world.lead_clerk,
            task=world.task,
            period=period,
            progress="推进中",
            percent=percent,
            values=values,
        )


def yi(world, due=DUE_100, target="3.7"):
    return f.MilestoneFactory(
        task=world.task, text="全年完成投资3.7亿元", due_date=due, target_value=Decimal(target), target_unit="亿元"
    )


def reason_of(milestone, on):
    return milestone_light_reasons(Milestone.objects.filter(pk=milestone.pk), on=on)[milestone.pk]


def test_a_3_7_yi_target_with_1_0_reported_at_60_percent_of_the_time_is_yellow_behind(world, doc):
    m = yi(world)
    report(world, on=AT_60, percent=80, values={m.pk: "1.0"})  # the task's own percent says 80%
    r = reason_of(m, AT_60)
    assert (r.light, r.code, r.expected_percent, r.reported_percent) == ("yellow", "behind", 60, 27)
    assert r.label == "滞后：序时进度 60%，已完成 27%"
    assert milestone_light(m, on=AT_60) == "yellow"
    assert task_lights([world.task], on=AT_60) == {world.task.pk: "yellow"}
    # The same milestone without a target value is judged on the task's 80%: green.
    Milestone.objects.filter(pk=m.pk).update(target_value=None)
    assert reason_of(m, AT_60)[:2] == ("green", "on_track")


def test_the_latest_lead_value_counts_not_a_co_units_nor_an_older_one(world, doc):
    m = yi(world)
    report(world, on=date(2023, 2, 10), percent=10, values={m.pk: "3.0"})
    report(world, on=AT_60, percent=10, values={m.pk: "1.0"})
    report(world, on=AT_60, percent=90, values={m.pk: "3.7"}, user=world.co_clerk)
    assert reason_of(m, AT_60).reported_percent == 27
    # A later lead report that leaves the value out keeps the last one stated.
    report(world, on=date(2023, 4, 3), percent=95)
    assert reason_of(m, date(2023, 4, 3)).reported_percent == 27


def test_a_value_without_a_report_falls_back_to_the_tasks_percent(world, doc):
    m = yi(world)
    report(world, on=AT_60, percent=30)
    r = reason_of(m, AT_60)
    assert (r.code, r.expected_percent, r.reported_percent) == ("behind", 60, 30)


def test_a_reached_value_is_green_awaiting_the_completion_request_even_when_due_soon(world, doc):
    m = yi(world)
    report(world, on=AT_60, percent=10, values={m.pk: "4.2"})
    r = reason_of(m, AT_60)
    assert (r.light, r.code, r.reported_percent, r.label) == ("green", "on_track", 100, "正常：达到目标值，待申请办结")
    assert reason_of(m, date(2023, 4, 10))[:2] == ("green", "on_track")  # one working day left
    Milestone.objects.filter(pk=world.milestone.pk).update(status=Milestone.Status.CLOSED)  # the task's other one
    assert task_lights([world.task], on=date(2023, 4, 10)) == {world.task.pk: "green"}
    r = reason_of(m, date(2023, 4, 12))  # past due and not closed: red all the same
    assert (r.light, r.code, r.label) == ("red", "overdue", "逾期1天")


def test_due_soon_counts_working_days_across_the_golden_week(world, doc):
    # (9-28, 10-9]: 10-7, 10-8 (make-up days) and 10-9: three working days, eleven calendar days.
    m = f.MilestoneFactory(task=world.task, due_date=date(2023, 10, 9))
    r = reason_of(m, date(2023, 9, 28))
    assert (r.light, r.code, r.days, r.label) == ("yellow", "due_soon", 3, "临期：3个工作日内到期")
    assert reason_of(m, date(2023, 10, 9)).label == "临期：到期前已无工作日"


def test_behind_by_the_tasks_percent_for_a_milestone_without_a_value(world, doc):
    m = f.MilestoneFactory(task=world.task, due_date=date(2023, 12, 31))
    r = reason_of(m, date(2023, 7, 2))  # 182 of 364 days: 50%; never reported: 0%
    assert (r.light, r.code, r.expected_percent, r.reported_percent) == ("yellow", "behind", 50, 0)
    report(world, on=date(2023, 7, 2), percent=45)
    r = reason_of(m, date(2023, 7, 2))
    assert (r.light, r.code, r.label) == ("green", "on_track", "正常：序时进度 50%，已完成 45%")


def test_the_expected_percent_is_rounded_up_so_the_shown_figures_agree_with_the_colour(world, doc):
    m = f.MilestoneFactory(task=world.task, due_date=date(2023, 12, 31))
    # 2 July + 1 day: 183/364 = 50.27% shows as 51; 30% lags by more than 20 (yellow), 31% does not.
    report(world, on=date(2023, 7, 3), percent=30)
    r = reason_of(m, date(2023, 7, 3))
    assert (r.code, r.expected_percent, r.reported_percent) == ("behind", 51, 30)
    report(world, on=date(2023, 7, 3), percent=31)
    assert reason_of(m, date(2023, 7, 3)).code == "on_track"


def test_no_date_closed_and_withdrawn(world, doc):
    ongoing = f.MilestoneFactory(task=world.task, due_date=None, kind=Milestone.Kind.ONGOING)
    closed = f.MilestoneFactory(task=world.task, status=Milestone.Status.CLOSED)
    withdrawn = f.MilestoneFactory(task=world.task, status=Milestone.Status.WITHDRAWN)
    on = date(2023, 11, 15)
    got = {pk: (r.light, r.code, r.label) for pk, r in milestone_light_reasons(Milestone.objects.all(), on=on).items()}
    assert got[ongoing.pk] == ("green", "no_date", "持续推进，无固定时限")
    assert got[closed.pk] == ("grey", "closed", "已销号")
    assert got[withdrawn.pk] == ("grey", "withdrawn", "已作废")


def test_task_lights_from_aggregates_equal_the_worst_milestone_with_values(world, doc):
    """The earliest milestone without a value is on track, a later one with a value lags: yellow;
    the earliest with a reached value inside the window does not make the task yellow."""
    tasks = []
    for number, (early_value, late_value) in enumerate([(None, "1.0"), ("3.7", None), ("1.0", "3.7")], start=2):
        task = f.TaskFactory(document=doc, number=number)
        f.TaskUnitFactory(task=task, unit=world.lead_unit, role="lead")
        early = f.MilestoneFactory(task=task, due_date=date(2023, 3, 6), target_value=early_value and Decimal("3.7"))
        late = f.MilestoneFactory(task=task, due_date=DUE_100, target_value=late_value and Decimal("3.7"))
        values = {m.pk: v for m, v in ((early, early_value), (late, late_value)) if v}
        period = ReportPeriod.objects.get(document=doc, starts_on=date(2023, 3, 1))
        with time_machine.travel(datetime(2023, 3, 2, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
            task_report_progress(
                user=world.lead_clerk, task=task, period=period, progress="推进", percent=90, values=values
            )
        tasks.append(task)
    for on in (date(2023, 2, 20), AT_60, date(2023, 3, 7), DUE_100):
        lights = milestone_lights(Milestone.objects.filter(task__in=tasks), on=on)
        expected = {t.pk: worst(lights[m.pk] for m in Milestone.objects.filter(task=t)) for t in tasks}
        assert task_lights(tasks, on=on) == expected, on
    assert task_lights(tasks, on=AT_60) == {tasks[0].pk: "yellow", tasks[1].pk: "green", tasks[2].pk: "yellow"}


def test_reasons_for_a_list_take_a_constant_number_of_queries(world, doc, django_assert_num_queries):
    for number in range(2, 12):
        task = f.TaskFactory(document=doc, number=number)
        f.TaskUnitFactory(task=task, unit=world.lead_unit, role="lead")
        f.MilestoneFactory(task=task, due_date=date(2023, 3, number), target_value=Decimal(number))
    with django_assert_num_queries(4):  # milestones, documents, latest percents, latest values
        annotated = annotate_lights(Milestone.objects.order_by("due_date"), on=date(2023, 3, 6))
    assert {m.light_reason.code for m in annotated} >= {"overdue", "due_soon"}
    assert all(m.light == m.light_reason.light for m in annotated)


def test_the_ledger_export_judges_a_target_on_its_own_value_as_the_page_does(world, doc):
    from policy_tasks.exports.snapshot import milestone_states

    m = yi(world)
    report(world, on=AT_60, percent=80, values={m.pk: "1.0"})
    report(world, on=AT_60, percent=80, values={m.pk: "3.7"}, user=world.co_clerk)  # not the lead's: ignored
    states = milestone_states([Milestone.objects.get(pk=m.pk)], on=AT_60, percents={world.task.pk: 80})
    assert states[m.pk].light == reason_of(m, AT_60).light == "yellow"
