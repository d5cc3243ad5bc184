from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine

from policy_tasks.errors import Forbidden, InvalidState, NotFound, ServiceError, StaleVersion
from policy_tasks.models import AuditEvent, Milestone, MilestoneValue, ProgressReport, ReportPeriod, Task
from policy_tasks.selectors.reports import latest_report, reports_missing, task_reports
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.reports import task_report_progress
from tests import factories as f

SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def periods(world):
    document_generate_periods(document=world.document)
    return {p.starts_on.month: p for p in ReportPeriod.objects.filter(document=world.document)}


def at(day: date, hour: int = 10):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI), tick=False)


def report(user, task, period, **kwargs):
    kwargs.setdefault("progress", "项目前期工作有序推进")
    kwargs.setdefault("percent", 30)
    return task_report_progress(user=user, task=task, period=period, **kwargs)


def count_events():
    return AuditEvent.objects.count()


def test_lead_clerk_files_the_tasks_report(world, periods):
    before = count_events()
    with at(date(2023, 4, 3)):
        filed = report(world.lead_clerk, world.task, periods[3], problems="资金缺口", next_steps="争取专项债")
    assert (filed.unit, filed.is_lead, filed.author, filed.version) == (world.lead_unit, True, world.lead_clerk, 1)
    assert count_events() == before + 1
    event = AuditEvent.objects.last()
    assert (event.action, event.actor, event.actor_unit, event.actor_role) == (
        "report.file",
        world.lead_clerk,
        world.lead_unit,
        "clerk",
    )
    assert event.before is None
    assert event.after["percent"] == 30 and event.after["problems"] == "资金缺口"
    assert event.task == world.task


def test_co_unit_files_a_contribution_the_lead_sees(world, periods):
    with at(date(2023, 4, 3)):
        lead = report(world.lead_clerk, world.task, periods[3], percent=40)
        co = report(world.co_clerk, world.task, periods[3], progress="已拨付配套资金", percent=0)
    assert (co.unit, co.is_lead) == (world.co_unit, False)
    assert list(task_reports(task=world.task)) == [lead, co]
    assert latest_report(task=world.task) == lead


@pytest.mark.parametrize(
    ("actor", "error"),
    [("other_clerk", NotFound), ("leader", Forbidden), ("supervisor", Forbidden), ("admin", Forbidden)],
)
def test_only_the_tasks_units_may_report(world, periods, actor, error):
    before = count_events()
    with at(date(2023, 4, 3)), pytest.raises(error):
        report(getattr(world, actor), world.task, periods[3])
    assert not ProgressReport.objects.exists()
    assert count_events() == before


def test_filing_again_revises_the_report_and_keeps_the_first_filing_time(world, periods):
    with at(date(2023, 4, 3)):
        first = report(world.lead_clerk, world.task, periods[3], percent=30)
    with at(date(2023, 4, 20)):
        second = report(world.lead_head, world.task, periods[3], percent=45, expected_version=1)
    assert second.pk == first.pk
    assert (second.version, second.percent, second.author) == (2, 45, world.lead_head)
    assert second.submitted_at == first.submitted_at
    assert ProgressReport.objects.count() == 1
    event = AuditEvent.objects.last()
    assert event.action == "report.update"
    assert (event.before["percent"], event.after["percent"]) == (30, 45)
    assert event.actor_role == "head"


def test_a_revision_based_on_a_stale_version_is_refused(world, periods):
    with at(date(2023, 4, 3)):
        report(world.lead_clerk, world.task, periods[3], percent=30)
        report(world.lead_head, world.task, periods[3], percent=50, expected_version=1)
        before = count_events()
        with pytest.raises(StaleVersion):
            report(world.lead_clerk, world.task, periods[3], percent=35, expected_version=1)
    assert ProgressReport.objects.get().percent == 50
    assert count_events() == before


def test_expecting_a_version_of_a_report_never_filed_is_stale(world, periods):
    with at(date(2023, 4, 3)), pytest.raises(StaleVersion):
        report(world.lead_clerk, world.task, periods[3], expected_version=1)


def test_report_states_values_of_the_tasks_quantitative_targets(world, periods):
    target = f.MilestoneFactory(
        task=world.task, kind=Milestone.Kind.TARGET, text="全年完成投资2000万元", target_value=Decimal("2000")
    )
    with at(date(2023, 4, 3)):
        filed = report(world.lead_clerk, world.task, periods[3], values={target.pk: Decimal("1200")})
        report(world.lead_clerk, world.task, periods[3], values={target.pk: "1350.5"}, expected_version=1)
    value = MilestoneValue.objects.get(report=filed)
    assert (value.milestone, value.actual_value) == (target, Decimal("1350.5"))
    event = AuditEvent.objects.last()
    assert (event.before["values"], event.after["values"]) == (
        {str(target.pk): "1200.0000"},
        {str(target.pk): "1350.5000"},
    )


def test_values_for_another_tasks_milestone_are_refused(world, periods):
    other = f.MilestoneFactory(
        task=f.TaskFactory(document=world.document), kind=Milestone.Kind.TARGET, target_value=Decimal("10")
    )
    with at(date(2023, 4, 3)), pytest.raises(ServiceError) as exc:
        report(world.lead_clerk, world.task, periods[3], values={other.pk: 5})
    assert exc.value.field == "values"
    assert not ProgressReport.objects.exists()


def test_values_for_a_milestone_without_a_target_are_refused(world, periods):
    with at(date(2023, 4, 3)), pytest.raises(ServiceError) as exc:
        report(world.lead_clerk, world.task, periods[3], values={world.milestone.pk: 5})
    assert exc.value.field == "values"


@pytest.mark.parametrize("percent", [-1, 101, 12.5, "abc"])
def test_percent_must_be_a_whole_number_from_0_to_100(world, periods, percent):
    with at(date(2023, 4, 3)), pytest.raises(ServiceError) as exc:
        report(world.lead_clerk, world.task, periods[3], percent=percent)
    assert exc.value.field == "percent"


def test_a_period_that_has_not_started_cannot_be_reported(world, periods):
    with at(date(2023, 4, 3)), pytest.raises(ServiceError) as exc:
        report(world.lead_clerk, world.task, periods[5])
    assert exc.value.field == "period"


def test_a_period_of_another_document_is_refused(world, periods):
    other = f.DocumentFactory()
    document_generate_periods(document=other)
    with at(date(2023, 4, 3)), pytest.raises(ServiceError) as exc:
        report(world.lead_clerk, world.task, ReportPeriod.objects.filter(document=other).first())
    assert exc.value.field == "period"


def test_a_closed_task_takes_no_more_reports(world, periods):
    Task.objects.filter(pk=world.task.pk).update(status=Task.Status.CLOSED)
    world.task.refresh_from_db()
    with at(date(2023, 4, 3)), pytest.raises(InvalidState):
        report(world.lead_clerk, world.task, periods[3])


def test_empty_progress_is_refused(world, periods):
    with at(date(2023, 4, 3)), pytest.raises(ServiceError) as exc:
        report(world.lead_clerk, world.task, periods[3], progress="   ")
    assert exc.value.field == "progress"


# --- missing reports -------------------------------------------------------------------------


def missing(on, **kwargs):
    return [(m.task.pk, m.unit.pk, m.period.starts_on.month) for m in reports_missing(on=on, **kwargs)]


def test_an_unreported_period_is_missing_once_its_deadline_passes(world, periods):
    # February's report is due 2023-03-07: still owed that day, missing the day after.
    assert missing(date(2023, 3, 7)) == []
    assert missing(date(2023, 3, 8)) == [(world.task.pk, world.lead_unit.pk, 2)]


def test_only_the_lead_unit_owes_the_report(world, periods):
    with at(date(2023, 3, 6)):
        report(world.co_clerk, world.task, periods[2])
    assert missing(date(2023, 3, 8)) == [(world.task.pk, world.lead_unit.pk, 2)]
    assert missing(date(2023, 3, 8), unit=world.co_unit) == []
    with at(date(2023, 3, 6)):
        report(world.lead_clerk, world.task, periods[2])
    assert missing(date(2023, 3, 8)) == []


def test_a_late_report_is_no_longer_outstanding_but_still_counts_as_late(world, periods):
    with at(date(2023, 3, 9)):
        report(world.lead_clerk, world.task, periods[2])
    assert missing(date(2023, 3, 10)) == []
    [late] = reports_missing(on=date(2023, 3, 10), include_late=True)
    assert late.is_late and late.period == periods[2]
    # Looking back from before it was filed, it was simply missing.
    [earlier] = reports_missing(on=date(2023, 3, 8), include_late=True)
    assert not earlier.is_late


def test_a_task_closed_before_a_deadline_owes_nothing_after_it(world, periods):
    Task.objects.filter(pk=world.task.pk).update(
        status=Task.Status.CLOSED, closed_at=datetime(2023, 4, 1, 9, tzinfo=SHANGHAI)
    )
    # February (due 3-7) was owed while the task was open; March (due 4-10) was not.
    assert missing(date(2023, 6, 1)) == [(world.task.pk, world.lead_unit.pk, 2)]


def test_missing_reports_are_filtered_by_document_and_unit(world, periods):
    other_doc = f.DocumentFactory()
    other_task = f.TaskFactory(document=other_doc)
    f.TaskUnitFactory(task=other_task, unit=world.other_unit, role="lead")
    document_generate_periods(document=other_doc)
    on = date(2023, 3, 8)
    assert len(missing(on)) == 2
    assert missing(on, document=world.document) == [(world.task.pk, world.lead_unit.pk, 2)]
    assert missing(on, unit=world.other_unit) == [(other_task.pk, world.other_unit.pk, 2)]


def test_missing_reports_take_a_constant_number_of_queries(world, periods, django_assert_num_queries):
    for number in range(2, 6):
        task = f.TaskFactory(document=world.document, number=number)
        f.TaskUnitFactory(task=task, unit=world.lead_unit, role="lead")
    with django_assert_num_queries(3):
        assert len(reports_missing(on=date(2023, 7, 1), document=world.document)) == 5 * 4
