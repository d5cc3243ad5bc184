"""The console's lights by date bound (web/light_bounds.py) equal the lights selector (issue 18).

The board's per-task lights and the yellow list's per-row lights are read with one working-day
bound per document instead of a count per row; on the seed, at dates before, inside and after
its deadlines and across a holiday, they must be what selectors.lights gives.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from duban.lib.workdays import workdays_between
from policy_tasks.models import Milestone, PolicyDocument, Task
from policy_tasks.selectors.counted import open_at, open_branches
from policy_tasks.selectors.figures import first_beyond
from policy_tasks.selectors.light_rows import DueRow, Thresholds
from policy_tasks.selectors.lights import milestone_lights, task_lights
from policy_tasks.selectors.reports import latest_percents
from policy_tasks.web.light_bounds import open_lights, task_lights_bounded

pytestmark = pytest.mark.django_db
DATES = [date(2023, 6, 30), date(2023, 9, 28), date(2023, 11, 15), date(2024, 1, 10)]


@pytest.mark.parametrize("on", DATES)
def test_the_board_lights_equal_task_lights(seeded, on):
    tasks = list(Task.objects.filter(document=seeded))
    bounded = task_lights_bounded(tasks, on=on, milestones=Milestone.objects.filter(task__in=tasks))
    assert bounded == task_lights(tasks, on=on)


@pytest.mark.parametrize("on", DATES)
def test_the_board_reads_the_same_lights_branch_by_branch(seeded, on):
    """The board reads what was open on `on` as figures.open_branches (live now; closed after that
    day), each on its own index: the lights are those of the one condition figures.open_at."""
    tasks = list(Task.objects.filter(document=seeded))
    milestones = Milestone.objects.filter(task__in=tasks)
    by_branch = task_lights_bounded(tasks, on=on, milestones=milestones, live=open_branches(on))
    assert by_branch == task_lights_bounded(tasks, on=on, milestones=milestones, live=open_at(on))
    assert set(by_branch.values()) - {"green"}  # not all default: the seed has lights to compare


@pytest.mark.parametrize("on", DATES)
def test_open_rows_get_the_selectors_light(seeded, on):
    rows = list(
        Milestone.objects.filter(task__document=seeded, status__in=Milestone.LIVE_STATUSES)
        .exclude(due_date__lt=on)
        .values_list("pk", "task_id", "document_id", "status", "due_date")
    )
    dues = [DueRow(*row) for row in rows]
    doc = PolicyDocument.objects.get(pk=seeded.pk)
    documents = {doc.pk: Thresholds(doc.issued_on, doc.year, doc.yellow_workdays, doc.behind_schedule_points)}
    percents = latest_percents({d.task_id for d in dues})
    assert open_lights(dues, on=on, documents=documents, percents=percents) == milestone_lights(dues, on=on)


@pytest.mark.parametrize("on", [date(2023, 9, 28), date(2024, 2, 5), date(2023, 12, 29)])
def test_the_bound_is_the_first_date_past_the_working_days(on):
    for n in (0, 1, 3, 5):
        bound = first_beyond(on, n)
        assert workdays_between(on, bound) > n
        assert workdays_between(on, bound - timedelta(days=1)) <= n


def test_a_target_judged_on_its_own_value_is_the_same_on_the_board_and_the_yellow_list(world):
    """The 3.7亿元 case of tests/workflow/test_light_reasons.py: the task's 80% would say green, the
    milestone's own 1.0 of 3.7 says 滞后; the console's fast paths must say what the selector says."""
    from policy_tasks.services.periods import document_generate_periods
    from tests.workflow.test_light_reasons import AT_60, START, report, yi

    world.document.issued_on = START
    world.document.save()
    document_generate_periods(document=world.document)
    m = yi(world)
    report(world, on=AT_60, percent=80, values={m.pk: "1.0"})
    tasks = list(Task.objects.filter(pk=world.task.pk))
    assert (
        task_lights_bounded(tasks, on=AT_60, milestones=Milestone.objects.filter(task__in=tasks))
        == {world.task.pk: "yellow"}
        == task_lights(tasks, on=AT_60)
    )
