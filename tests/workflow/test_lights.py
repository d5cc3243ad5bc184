"""Traffic lights, with expectations computed by hand from the 2023 official calendar.

2023 National Day: 9-29 (Fri, 中秋) to 10-6 are holidays; 10-7 (Sat) and 10-8 (Sun)
are make-up working days. yellow_workdays is 5 unless a test says otherwise.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from policy_tasks.models import Milestone, ReportPeriod, Task
from policy_tasks.selectors.lights import (
    annotate_lights,
    area_light,
    area_lights,
    milestone_light,
    milestone_lights,
    task_light,
    unit_light,
    unit_lights,
)
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.reports import task_report_progress
from tests import factories as f


def light(milestone, on, percent=100):
    # percent=100 keeps the schedule rule out of the way unless a test is about it.
    return milestone_light(milestone, on=on, percent=percent)


def due(world, day, **kwargs):
    return f.MilestoneFactory(task=world.task, due_date=day, **kwargs)


def test_a_closed_milestone_is_grey_even_past_its_date(world):
    m = due(world, date(2023, 3, 31), status=Milestone.Status.CLOSED)
    assert light(m, date(2023, 6, 1)) == "grey"


def test_a_milestone_without_a_date_is_green(world):
    m = due(world, None, kind=Milestone.Kind.ONGOING)
    assert light(m, date(2023, 12, 31), percent=0) == "green"


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        # (9-20, 10-1] holds 9-21, 9-22, 9-25..9-28: six working days.
        (date(2023, 9, 20), "green"),
        # (9-21, 10-1]: 9-22, 9-25..9-28 = five, so yellow (a Monday-to-Friday count says six: green).
        (date(2023, 9, 21), "yellow"),
        (date(2023, 10, 1), "yellow"),  # due today, a holiday
        (date(2023, 10, 2), "red"),  # a deadline on a holiday is still a calendar date
    ],
)
def test_deadline_on_a_public_holiday(world, on, expected):
    assert light(due(world, date(2023, 10, 1)), on) == expected


@pytest.mark.parametrize(
    ("on", "expected"),
    [
        # (10-6, 10-13]: 10-7, 10-8 (make-up days), 10-9..10-13 = seven: green
        # (a Monday-to-Friday count says five: yellow).
        (date(2023, 10, 6), "green"),
        (date(2023, 10, 7), "green"),  # 10-8, 10-9..10-13 = six
        (date(2023, 10, 8), "yellow"),  # a make-up Sunday; 10-9..10-13 = five
    ],
)
def test_make_up_working_days_count_toward_the_warning_window(world, on, expected):
    assert light(due(world, date(2023, 10, 13)), on) == expected


def test_the_golden_week_does_not_count_toward_the_window(world):
    # (9-28, 10-9]: 10-7, 10-8, 10-9 = three working days, although eleven days away.
    assert light(due(world, date(2023, 10, 9)), date(2023, 9, 28)) == "yellow"


def test_the_warning_window_is_a_document_setting(world):
    world.document.yellow_workdays = 10
    world.document.save()
    m = due(world, date(2023, 10, 13))
    m.refresh_from_db()
    assert light(m, date(2023, 9, 28)) == "yellow"  # 10-7, 10-8, 10-9..10-13 = seven


@pytest.fixture
def year_long(world):
    """Issued 1 January, due 31 December: 364 days; on 2 July 182 have passed (50%)."""
    world.document.issued_on = date(2023, 1, 1)
    world.document.save()
    return due(world, date(2023, 12, 31))


@pytest.mark.parametrize(("percent", "expected"), [(29, "yellow"), (30, "green"), (80, "green")])
def test_behind_schedule_is_yellow_when_progress_lags_time_by_more_than_the_setting(year_long, percent, expected):
    # Elapsed 50%; behind_schedule_points is 20: 30% lags by exactly 20 (not more), 29% by 21.
    assert milestone_light(year_long, on=date(2023, 7, 2), percent=percent) == expected


def test_the_lag_threshold_is_a_document_setting(world, year_long):
    world.document.behind_schedule_points = 30
    world.document.save()
    assert milestone_light(year_long, on=date(2023, 7, 2), percent=25, document=world.document) == "green"


def test_progress_comes_from_the_leads_latest_report(world, year_long):
    on = date(2023, 7, 2)
    assert milestone_light(year_long, on=on) == "yellow"  # never reported: 0%
    document_generate_periods(document=world.document)
    june = ReportPeriod.objects.get(document=world.document, starts_on=date(2023, 6, 1))
    with time_machine.travel(datetime(2023, 6, 30, 10, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        task_report_progress(user=world.co_clerk, task=world.task, period=june, progress="配合推进", percent=90)
        assert milestone_light(year_long, on=on) == "yellow"  # a co-unit's contribution is not the task's percent
        task_report_progress(user=world.lead_clerk, task=world.task, period=june, progress="过半", percent=45)
    assert milestone_light(year_long, on=on) == "green"


def test_a_task_takes_the_worst_light_of_its_milestones(world):
    on = date(2023, 9, 21)
    world.milestone.status = Milestone.Status.CLOSED
    world.milestone.save()
    assert task_light(world.task, on=on) == "grey"
    due(world, date(2023, 12, 31))
    assert task_light(world.task, on=on) in {"green", "yellow"}
    due(world, date(2023, 10, 1))
    assert task_light(world.task, on=on) == "yellow"
    due(world, date(2023, 9, 1))
    assert task_light(world.task, on=on) == "red"
    Task.objects.filter(pk=world.task.pk).update(status=Task.Status.CLOSED)
    world.task.refresh_from_db()
    assert task_light(world.task, on=on) == "grey"


def test_an_open_task_without_milestones_is_green(world):
    task = f.TaskFactory(document=world.document)
    assert task_light(task, on=date(2023, 12, 31)) == "green"


def test_areas_and_units_take_the_worst_light_of_their_tasks(world):
    area = f.AreaFactory(document=world.document)
    quiet_area = f.AreaFactory(document=world.document)
    Task.objects.filter(pk=world.task.pk).update(area=area)
    late = f.TaskFactory(document=world.document, area=area)
    f.TaskUnitFactory(task=late, unit=world.other_unit, role="lead")
    f.TaskUnitFactory(task=late, unit=world.co_unit, role="co", position=1)
    f.MilestoneFactory(task=late, due_date=date(2023, 6, 30))
    f.MilestoneFactory(area=quiet_area, task=None, document=world.document, due_date=date(2023, 1, 31))
    on = date(2023, 7, 3)

    assert area_light(area, on=on) == "red"
    assert area_lights(document=world.document, on=on) == {area.pk: "red", quiet_area.pk: "grey"}
    assert unit_light(world.other_unit, on=on) == "red"
    assert unit_light(world.co_unit, on=on) == "red"  # co-owns the late task
    assert unit_light(world.co_unit, on=on, lead_only=True) == "grey"  # leads nothing
    assert unit_light(world.lead_unit, on=on, document=world.document) == "yellow"  # 0% at 4 months of 8
    assert unit_lights(on=on, document=world.document) == {
        world.lead_unit.pk: "yellow",
        world.co_unit.pk: "red",
        world.other_unit.pk: "red",
    }


def test_lights_for_a_list_take_a_constant_number_of_queries(world, django_assert_num_queries):
    for number in range(2, 12):
        task = f.TaskFactory(document=world.document, number=number)
        f.TaskUnitFactory(task=task, unit=world.lead_unit, role="lead")
        f.MilestoneFactory(task=task, due_date=date(2023, 3, number))
    on = date(2023, 3, 6)
    with django_assert_num_queries(3):  # milestones, documents, latest percents
        lights = milestone_lights(Milestone.objects.all(), on=on)
    assert len(lights) == 11
    with django_assert_num_queries(3):
        annotated = annotate_lights(Milestone.objects.order_by("due_date"), on=on)
    assert [m.light for m in annotated[:6]] == ["red", "red", "red", "red", "yellow", "yellow"]
    # task units, tasks, their milestones with the documents' thresholds, latest percents
    with django_assert_num_queries(4):
        assert unit_lights(on=on) == {world.lead_unit.pk: "red", world.co_unit.pk: "green"}
