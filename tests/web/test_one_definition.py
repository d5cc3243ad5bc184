"""Each figure has one definition in code (issue 15): the on-time rate in both its shapes, and
缺报/迟报 counted once per page that shows them twice."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import RoleGrant, User
from policy_tasks.models import Milestone, SupervisionScope, Task, TaskUnit
from policy_tasks.selectors.figures import figures, on_time_fraction, on_time_rate
from policy_tasks.selectors.reports import counted_once, report_counts
from policy_tasks.selectors.scoreboard import unit_scoreboard

pytestmark = pytest.mark.django_db
ON = date(2023, 11, 15)


@pytest.mark.parametrize(
    ("closed", "due", "percent", "fraction"),
    [
        (0, 0, None, None),
        (1, 3, Decimal("33.3"), Decimal("0.3330")),
        (2, 3, Decimal("66.7"), Decimal("0.6670")),
        (1, 4, Decimal("25.0"), Decimal("0.25")),
        (5, 5, Decimal("100.0"), Decimal("1")),
        (0, 7, Decimal("0.0"), Decimal("0")),
    ],
)
def test_the_fraction_is_the_percent_over_a_hundred(closed, due, percent, fraction):
    assert on_time_rate(closed, due) == percent
    assert on_time_fraction(closed, due) == fraction
    if percent is not None:
        # A page showing the fraction in percent shows the figures' number, digit for digit.
        assert (on_time_fraction(closed, due) * 100).quantize(Decimal("0.1")) == percent


def _report_statements(captured: CaptureQueriesContext) -> int:
    return sum(1 for q in captured.captured_queries if "policy_tasks_progressreport" in q["sql"])


def test_the_strip_and_the_scoreboard_count_reports_once_per_page(seeded):
    document, on = seeded, ON
    supervisor = User.objects.get(username="duchashi")
    with CaptureQueriesContext(connection) as alone:
        figures(document=document, on=on, user=supervisor)
        unit_scoreboard(document=document, on=on, user=supervisor)
    with CaptureQueriesContext(connection) as once, counted_once():
        shown = figures(document=document, on=on, user=supervisor)
        board = unit_scoreboard(document=document, on=on, user=supervisor)
    assert _report_statements(once) < _report_statements(alone)
    # ...and the numbers do not move: the strip is the scoreboard's rows added up.
    assert shown.missing_reports == sum(s.missing_reports for s in board)
    assert shown.late_reports == sum(s.late_reports for s in board)
    assert shown.missing_reports == figures(document=document, on=on, user=supervisor).missing_reports


def test_the_memo_keeps_scopes_apart(seeded):
    lead = TaskUnit.objects.filter(task__document=seeded, role=TaskUnit.Role.LEAD).values_list("unit_id", flat=True)[0]
    with counted_once():
        every = report_counts(document=seeded, on=ON)
        one = report_counts(document=seeded, on=ON, unit_ids=[lead])
        later = report_counts(document=seeded, on=date(2024, 1, 10))
        earlier = report_counts(document=seeded, on=ON, through=date(2023, 8, 1))
    assert every and one == {lead: every[lead]}
    assert later == report_counts(document=seeded, on=date(2024, 1, 10)) != every
    assert earlier == report_counts(document=seeded, on=ON, through=date(2023, 8, 1))


def test_the_strip_read_with_the_scoreboard_is_the_strip_read_alone(seeded):
    """Within counted_once the strip's milestone counts come from the scoreboard's statement
    (selectors.milestone_sums): the same numbers as its own aggregate, for a reader who sees
    everything and one scoped to an area, with a withdrawn clause and a withdrawn milestone."""
    tasks = Task.objects.filter(document=seeded).order_by("number")
    Task.objects.filter(pk=tasks[0].pk).update(status=Task.Status.WITHDRAWN)
    first = Milestone.objects.filter(task=tasks[1], due_date__isnull=False).order_by("pk")[0]
    Milestone.objects.filter(pk=first.pk).update(status=Milestone.Status.WITHDRAWN)
    area = tasks[2].area
    assert area is not None
    scoped = User.objects.create(username="scoped_to_an_area")
    grant = RoleGrant.objects.create(user=scoped, role=RoleGrant.Role.SUPERVISOR)
    SupervisionScope.objects.create(grant=grant, document=seeded, area=area)
    readers = [User.objects.get(username="duchashi"), scoped, None]
    for on in (date(2023, 7, 1), ON, date(2024, 1, 10)):
        for reader in readers:
            alone = figures(document=seeded, on=on, user=reader)
            board_alone = unit_scoreboard(document=seeded, on=on, user=reader)
            with counted_once():
                board = unit_scoreboard(document=seeded, on=on, user=reader)
                shown = figures(document=seeded, on=on, user=reader)
            assert shown == alone, (on, reader)
            assert [vars(s) for s in board] == [vars(s) for s in board_alone]
            assert alone.milestones and (
                reader is not scoped or alone.milestones < figures(document=seeded, on=on).milestones
            )
