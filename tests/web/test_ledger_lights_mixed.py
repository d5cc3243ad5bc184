"""The yellow and green lists by judged groups, on data the seed lacks (issue 18): lead percents
from 0 to 100, due dates spread over the year and shared by several tasks, milestones without a
date, closed after the date asked about, withdrawn, and one judged on its own target value. The
paged ids equal those of the rows judged one by one (tests/web/test_ledger_lights.py).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from policy_tasks.models import Milestone, ProgressReport, ReportPeriod
from policy_tasks.services.lead_reports import refresh_all_lead_reports
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.web import ledger
from tests import factories as f
from tests.web.test_ledger_lights import both

pytestmark = [
    pytest.mark.django_db,
    # The grouped path is PostgreSQL's (arrays): a skip on a bare machine, a failure in CI.
    pytest.mark.usefixtures("require_postgres"),
]

START = date(2023, 1, 1)
DATES = [date(2023, 2, 15), date(2023, 3, 2), date(2023, 5, 31), date(2023, 8, 16), date(2023, 9, 28)]
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def mixed(world):
    from tests.workflow.test_light_reasons import AT_60, report, yi

    world.document.issued_on = START
    world.document.save()
    document_generate_periods(document=world.document)
    m = yi(world)
    report(world, on=AT_60, percent=80, values={m.pk: "1.0"})
    period = ReportPeriod.objects.filter(document=world.document).order_by("starts_on").first()
    for n in range(14):
        task = f.TaskFactory(document=world.document, number=100 + n)
        f.TaskUnitFactory(task=task, unit=world.lead_unit, role="lead", position=0)
        for k in range(6):
            # Dates repeat across tasks (groups of several rows) and fall on weekends and holidays too.
            f.MilestoneFactory(task=task, position=k, due_date=START + timedelta(days=17 * k + 23 * (n % 4)))
        f.MilestoneFactory(task=task, position=6, due_date=None, kind=Milestone.Kind.ONGOING)
        closed = f.MilestoneFactory(task=task, position=7, due_date=date(2023, 10, 31))
        Milestone.objects.filter(pk=closed.pk).update(
            status=Milestone.Status.CLOSED, closed_at=datetime(2023, 6 + n % 6, 10, 12, tzinfo=SHANGHAI)
        )
        withdrawn = f.MilestoneFactory(task=task, position=8, due_date=date(2023, 7, 31))
        Milestone.objects.filter(pk=withdrawn.pk).update(status=Milestone.Status.WITHDRAWN)
        if n % 5 != 4:  # some tasks never report: 0%
            ProgressReport.objects.create(
                task=task,
                unit=world.lead_unit,
                period=period,
                is_lead=True,
                author=world.lead_clerk,
                progress="推进中",
                percent=(n * 37) % 101,
                submitted_at=datetime(2023, 1, 20, 10, tzinfo=SHANGHAI),
            )
        if n % 3 == 0:  # a target of its own, no value reported: judged on the task's percent
            f.MilestoneFactory(
                task=task, position=9, due_date=date(2023, 12, 31), target_value=Decimal("10"), target_unit="亿元"
            )
    refresh_all_lead_reports()
    return world


@pytest.mark.parametrize("on", DATES)
@pytest.mark.parametrize("light", ["yellow", "green"])
def test_the_grouped_pages_equal_the_rows_judged_one_by_one(mixed, on, light):
    for user in (mixed.supervisor, mixed.lead_clerk):
        filters = ledger.LedgerFilters(document=mixed.document, light=light, as_of=on)
        row_by_row, paged, total = both(user, filters, per_page=5)
        assert paged == row_by_row
        assert total == len(row_by_row)


def test_every_kind_of_row_is_compared(mixed):
    """Both lights have rows at these dates, and the 3.7亿元 milestone (its task says 80%, its own
    1.0 of 3.7 says 滞后) is listed yellow, as the rule judges it."""
    from tests.workflow.test_light_reasons import AT_60

    counts = {}
    for light in ("yellow", "green"):
        for on in DATES:
            filters = ledger.LedgerFilters(document=mixed.document, light=light, as_of=on)
            counts[light, on] = len(both(mixed.supervisor, filters)[0])
    assert all(counts[("yellow", on)] for on in DATES[1:]) and all(counts[("green", on)] for on in DATES)
    valued = Milestone.objects.get(task=mixed.task, target_value=Decimal("3.7"))
    filters = ledger.LedgerFilters(document=mixed.document, light="yellow", as_of=AT_60)
    assert valued.pk in both(mixed.supervisor, filters)[1]


@pytest.mark.parametrize("light", ["", "grey", "open", "yellow", "green"])
def test_every_page_of_every_list_is_the_whole_list_in_order(mixed, light):
    """The pages (web/ledger_window for the lists read by due date, ledger_lights for yellow and green)
    add up to the whole list, undated rows last, across pages that start and end inside a due date."""
    assert Milestone.objects.filter(task__document=mixed.document, due_date=None).exists()
    for on in (date(2023, 3, 2), date(2023, 8, 16)):
        filters = ledger.LedgerFilters(document=mixed.document, light=light, as_of=on)
        expected = [m.pk for m in ledger.ledger_milestones(user=mixed.supervisor, filters=filters)]
        first = ledger.ledger_page(user=mixed.supervisor, filters=filters, page=1, per_page=4)
        paged = [
            m.pk
            for n in range(1, first.num_pages + 1)
            for m in ledger.ledger_page(user=mixed.supervisor, filters=filters, page=n, per_page=4).rows
        ]
        assert paged == expected
        assert first.total == len(expected)
