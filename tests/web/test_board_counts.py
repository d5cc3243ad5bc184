"""The board's counts for a large document, grouped in SQL, equal the clause-by-clause lights (issue 18).

web/board_counts.summarise groups the clauses by what their light reads and judges each group once;
the board before it judged every clause (light_bounds.task_lights_bounded) and counted. On data with
every kind of clause — past due, 临期, behind and on schedule at lead percents from 0 to 100, never
reported, nothing live but milestones closed (grey), no milestone at all (green), only undated work,
closed and withdrawn clauses, a milestone judged on its own target value, milestones and a clause
closed after the date asked about — both give the same counts by area and light, for several readers and dates.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from policy_tasks.models import Milestone, Task
from policy_tasks.permissions import visible_tasks
from policy_tasks.selectors.counted import open_branches
from policy_tasks.selectors.lights import Light
from policy_tasks.web import board_counts, ledger
from policy_tasks.web.light_bounds import task_lights_bounded
from tests import factories as f
from tests.web.test_ledger_lights_mixed import DATES, SHANGHAI, mixed  # noqa: F401  (mixed: a fixture)

pytestmark = [
    pytest.mark.django_db,
    # The grouped path is PostgreSQL's (arrays): a skip on a bare machine, a failure in CI.
    pytest.mark.usefixtures("require_postgres"),
]


@pytest.fixture
def board_world(mixed):  # noqa: F811  (the imported fixture)
    """The mixed clauses, in two areas and none, with the kinds of clause the lists do not need."""
    world = mixed
    areas = [f.AreaFactory(document=world.document, number=n) for n in (1, 2)]
    for n, task in enumerate(Task.objects.filter(document=world.document).order_by("number")):
        Task.objects.filter(pk=task.pk).update(area=areas[n % 3] if n % 3 < 2 else None)
    kinds = {}
    kinds_made = ["all_closed", "no_milestones", "undated_only", "closed", "withdrawn", "closed_later"]
    for n, kind in enumerate(kinds_made):
        task = f.TaskFactory(document=world.document, number=300 + n, area=areas[n % 2])
        f.TaskUnitFactory(task=task, unit=world.lead_unit, role="lead", position=0)
        kinds[kind] = task
    done = f.MilestoneFactory(task=kinds["all_closed"], due_date=date(2023, 3, 31))
    Milestone.objects.filter(pk=done.pk).update(
        status=Milestone.Status.CLOSED, closed_at=datetime(2023, 3, 20, 10, tzinfo=SHANGHAI)
    )
    f.MilestoneFactory(task=kinds["undated_only"], due_date=None, kind=Milestone.Kind.ONGOING)
    for kind in ("closed", "withdrawn"):
        f.MilestoneFactory(task=kinds[kind], due_date=date(2023, 4, 30))
    Task.objects.filter(pk=kinds["closed"].pk).update(status=Task.Status.CLOSED)
    # Closed with its last milestone, late, after some of the dates asked about: open before then.
    later = datetime(2023, 6, 15, 10, tzinfo=SHANGHAI)
    last = f.MilestoneFactory(task=kinds["closed_later"], due_date=date(2023, 5, 15))
    Milestone.objects.filter(pk=last.pk).update(status=Milestone.Status.CLOSED, closed_at=later)
    Task.objects.filter(pk=kinds["closed_later"].pk).update(status=Task.Status.CLOSED, closed_at=later)
    Task.objects.filter(pk=kinds["withdrawn"].pk).update(status=Task.Status.WITHDRAWN)
    world.closed_later = kinds["closed_later"]
    return world


def _per_clause(user, document, on) -> dict:
    visible = visible_tasks(user).filter(document=document)
    rows = ledger.board_rows(visible, on)
    lights = task_lights_bounded(
        rows, on=on, milestones=Milestone.objects.filter(task__in=visible.values("pk")), live=open_branches(on)
    )
    counts: dict = {}
    for row in rows:
        counts.setdefault(row.area_id, {light.value: 0 for light in Light})[lights[row.pk]] += 1
    return counts


def _grouped(user, document, on) -> board_counts.Summary:
    visible = visible_tasks(user).filter(document=document)
    return board_counts.summarise(visible, document=document, on=on, live=open_branches(on))


@pytest.mark.parametrize("on", [date(2023, 1, 10), *DATES, date(2023, 12, 29), date(2024, 3, 1)])
def test_the_grouped_counts_equal_the_lights_of_every_clause(board_world, on):
    for user in (board_world.supervisor, board_world.lead_clerk, board_world.other_clerk):
        expected = _per_clause(user, board_world.document, on)
        summary = _grouped(user, board_world.document, on)
        assert summary.counts == expected
        assert summary.total == sum(sum(by_light.values()) for by_light in expected.values())


def test_the_data_has_every_light_and_the_board_uses_the_counts(board_world, monkeypatch):
    on = date(2023, 2, 15)
    counts = _grouped(board_world.supervisor, board_world.document, on).counts
    assert all(sum(by_area[light.value] for by_area in counts.values()) for light in Light)
    assert None in counts  # clauses without an area are counted too
    # A document over the tiles' limit: the board shows these counts, area by area, and no tiles.
    monkeypatch.setattr(ledger, "BOARD_TILES_MAX", 3)
    shown = ledger.board(user=board_world.supervisor, document=board_world.document, on=on)
    assert [(b.area.number if b.area else None) for b in shown] == [1, 2, None]
    assert {(b.area.pk if b.area else None): b.counts for b in shown} == counts
    assert not any(b.tasks for b in shown)


def test_a_clause_closed_after_the_day_has_its_light_of_then(board_world):
    """Closed on 2023-06-15, 31 days after its only milestone's due date: red on 2023-05-31 in both
    ways of counting, grey from its closing day on."""
    task = board_world.closed_later
    visible = visible_tasks(board_world.supervisor).filter(document=board_world.document)
    for on, light in ((date(2023, 5, 31), Light.RED), (date(2023, 6, 15), Light.GREY)):
        lights = task_lights_bounded(
            ledger.board_rows(visible, on),
            on=on,
            milestones=Milestone.objects.filter(task__in=visible.values("pk")),
            live=open_branches(on),
        )
        assert lights[task.pk] == light, on
        assert _grouped(board_world.supervisor, board_world.document, on).counts == _per_clause(
            board_world.supervisor, board_world.document, on
        )
