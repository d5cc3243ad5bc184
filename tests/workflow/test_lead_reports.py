"""Each task's current percent (selectors.reports.latest_percents, what the lights, the console's
临期/滞后 and the board read) is its lead's newest report however the reports were written: filed,
revised, filed for an earlier period, by a co-unit, created or deleted directly, or reordered by a
period's new start date (models.LeadReport, kept by services.lead_reports)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from policy_tasks.api.views.tasks import tasks_queryset
from policy_tasks.models import ProgressReport, ReportPeriod
from policy_tasks.selectors.reports import NEWEST_FIRST, latest_percents, latest_report
from policy_tasks.services.lead_reports import refresh_all_lead_reports
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.reports import task_report_progress

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def periods(world):
    document_generate_periods(document=world.document)
    return {p.starts_on.month: p for p in ReportPeriod.objects.filter(document=world.document)}


def file(user, task, period, percent, day=date(2023, 6, 3)):
    with time_machine.travel(datetime(day.year, day.month, day.day, 10, tzinfo=SHANGHAI), tick=False):
        return task_report_progress(user=user, task=task, period=period, progress="推进中", percent=percent)


def current(task, user=None) -> int | None:
    """The percent the pages show (models.LeadReport, ranked by NEWEST_FIRST_SQL) is the report
    the ORM's ranking (NEWEST_FIRST) puts first; the task page's report and the API's list and
    detail show the same."""
    shown = latest_percents([task.pk]).get(task.pk)
    ranked = ProgressReport.objects.filter(task=task, is_lead=True).order_by(*NEWEST_FIRST).first()
    assert latest_report(task=task) == ranked
    assert shown == (ranked.percent if ranked else None)
    if user is not None:
        listed = tasks_queryset(user).get(pk=task.pk)
        assert (listed.latest_percent, listed.latest_report_at) == (
            (ranked.percent, ranked.submitted_at) if ranked else (None, None)
        )
    return shown


def test_the_percent_follows_filings_revisions_and_periods(world, periods):
    assert current(world.task) is None
    file(world.lead_clerk, world.task, periods[4], 40)
    assert current(world.task) == 40
    # A later period's report is the newest; an earlier period's filed afterwards is not.
    file(world.lead_clerk, world.task, periods[5], 55)
    file(world.lead_clerk, world.task, periods[3], 20, day=date(2023, 6, 5))
    assert current(world.task) == 55
    # Revising the newest report changes the percent; revising an older one does not.
    file(world.lead_clerk, world.task, periods[5], 60, day=date(2023, 6, 6))
    file(world.lead_clerk, world.task, periods[4], 45, day=date(2023, 6, 6))
    assert current(world.task) == 60
    # A co-unit's contribution is not the task's progress.
    file(world.co_clerk, world.task, periods[5], 90, day=date(2023, 6, 7))
    assert current(world.task, world.supervisor) == 60


def test_direct_writes_and_a_period_moved_keep_it(world, periods):
    file(world.lead_clerk, world.task, periods[3], 30)
    file(world.lead_clerk, world.task, periods[4], 50)
    assert current(world.task) == 50
    added = ProgressReport.objects.create(
        task=world.task,
        unit=world.lead_unit,
        period=periods[6],
        author=world.lead_clerk,
        progress="补录",
        percent=70,
        submitted_at=datetime(2023, 7, 3, 10, tzinfo=SHANGHAI),
    )
    assert current(world.task) == 70
    added.delete()  # one with no versions can go (filed ones are protected by their versions)
    assert current(world.task) == 50
    # Moving the March period after every other makes its report the newest.
    periods[3].starts_on, periods[3].ends_on = date(2024, 12, 1), date(2024, 12, 31)
    periods[3].save()
    assert current(world.task) == 30


def test_a_bulk_load_is_caught_up_by_the_refresh(world, periods):
    ProgressReport.objects.bulk_create(
        [
            ProgressReport(
                task=world.task,
                unit=world.lead_unit,
                period=periods[m],
                author=world.lead_clerk,
                progress="导入",
                percent=10 * m,
                submitted_at=datetime(2023, m + 1, 3, 10, tzinfo=SHANGHAI),
            )
            for m in (3, 4, 5)
        ]
    )
    refresh_all_lead_reports()
    assert current(world.task, world.supervisor) == 50


def test_ties_go_to_the_last_filed_then_the_highest_id(world, periods):
    """Two lead reports of one period filed at the same instant (the lead unit changed at a
    re-import, and both filed as lead): the ORM's ranking and the table agree on the higher id."""
    at = datetime(2023, 6, 3, 10, tzinfo=SHANGHAI)
    for unit, percent in ((world.lead_unit, 35), (world.co_unit, 25)):
        ProgressReport.objects.create(
            task=world.task,
            unit=unit,
            period=periods[5],
            author=world.lead_clerk,
            progress="同时报送",
            percent=percent,
            submitted_at=at,
            is_lead=True,
        )
    assert current(world.task, world.supervisor) == 25
