"""The console's lights in bulk: the board's per-task lights and the yellow list's rows (issue 18).

Every light is judged by `selectors.lights.light_for` (the one rule), once per distinct (document,
due date, percent). What is read in bulk is bounded by date: working days between `on` and a
date only grow with the date, so a row due before the first date more than `yellow_workdays`
working days away (`first_beyond`, once per document) is yellow whatever its percent, and only
the tasks with rows due later need their percents read. The results equal the selectors' for
every row (tests/web/test_light_bounds.py, tests/web/test_page_scale.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date

from django.db.models import Count, Min, Q, QuerySet

from accounts.roles import remembered
from duban.lib.sql import as_date, rows_for_ids
from policy_tasks.models import Milestone, in_force_q
from policy_tasks.selectors.figures import yellow_bounds
from policy_tasks.selectors.light_rows import THRESHOLDS_SQL, DueRow, Thresholds
from policy_tasks.selectors.lights import DONE_STATUSES, GREEN, GREY, RED, light_for, task_lights
from policy_tasks.selectors.reports import latest_percents

# Task ids per statement when asking about the tasks with nothing live (parameters, not a subquery).
_IDS_PER_QUERY = 5000


def request_percents(task_ids: Iterable[int]) -> dict[int, int]:
    """`latest_percents`, each task read once per request: the yellow list and the board ask for
    nearly the same tasks (issue 18). Outside a request (accounts.roles.request_memo) every call
    reads afresh. Percents depend on the reports only, not on the date asked about."""
    known: dict[int, int | None] = remembered(("latest_percents",), dict)
    wanted = set(task_ids)
    missing = [pk for pk in wanted if pk not in known]
    if missing:
        found = latest_percents(missing)
        known.update((pk, found.get(pk)) for pk in missing)
    return {pk: percent for pk in wanted if (percent := known[pk]) is not None}


def open_lights(
    dues: Iterable[DueRow],
    *,
    on: date,
    documents: Mapping[int, Thresholds],
    percents: Mapping[int, int],
    bounds: Mapping[int, date] | None = None,
) -> dict[int, str]:
    """The light of each row open on `on` by id, as `selectors.lights.light_for` judges it (the one
    rule), for rows without a target value of their own. `percents` need only cover tasks with rows due on or after
    their document's bound (`first_beyond`): before it a row is yellow whatever its percent."""
    if bounds is None:
        bounds = yellow_bounds(on, documents)
    result: dict[int, str] = {}
    # Rows share a few dozen due dates and a hundred percents: each (document, due, percent) is
    # judged once (the yellow list has ~30,000 rows at 10,000 clauses, issue 18), and before the
    # bound the percent cannot change the light, so it is left out of the key there.
    judged: dict[tuple[int, date | None, int | None], str] = {}
    for d in dues:
        due = d.due_date
        percent = None
        if d.task_id is not None and due is not None and due >= bounds[d.document_id]:
            percent = percents.get(d.task_id, 0)
        key = (d.document_id, due, percent)
        light = judged.get(key)
        if light is None:
            # Judged as open: the rows are open on `on` (one closed only later was open then).
            row = DueRow(d.pk, d.task_id, d.document_id, Milestone.Status.OPEN, due)
            light = judged[key] = light_for(
                row, on, percent, documents[d.document_id], soon_before=bounds[d.document_id]
            )
        result[d.pk] = light
    return result


def task_lights_bounded(
    tasks: Iterable, *, on: date, milestones: QuerySet[Milestone], live: Q | Sequence[Q] | None = None
) -> dict[int, str]:
    """`selectors.lights.task_lights` for the board: the same aggregate per task (live past due;
    earliest live due date not yet past; live count), grouped by task and document only and
    filtered by the board's subquery instead of 10,000 ids, then yellow by the date bound.
    `milestones`: the tasks' milestones (the caller's scope); `tasks`: rows with pk and status;
    `live`: what is still to do, as one condition or as disjoint branches (figures.open_branches)."""
    items = list(tasks)
    in_force = milestones.filter(in_force_q())
    # Red is "the earliest live due date is past", and otherwise that date is the next one due:
    # one MIN and one COUNT per task, read from the live rows only, each branch on its own index
    # (issue 18: the whole document's milestones were read to find the quarter still to do).
    branches = (
        [live] if isinstance(live, Q) else list(live) if live is not None else [Q(status__in=Milestone.LIVE_STATUSES)]
    )
    found: dict[int, tuple[int, date | None, int]] = {}
    for branch in branches:
        for task_id, document_id, first_due, n in (
            in_force.filter(branch)
            .values_list("task_id", "document_id")
            .annotate(first_due=Min("due_date"), live=Count("pk"))
            .order_by()
        ):
            due = as_date(first_due)
            if task_id in found:  # in both branches: the earlier date, the live rows added up
                _, seen, m = found[task_id]
                due, n = min((d for d in (seen, due) if d is not None), default=None), m + n
            found[task_id] = (document_id, due, n)
    rows = [(task_id, document_id, due, n_live) for task_id, (document_id, due, n_live) in found.items()]
    # A task with nothing live is grey if it has milestones in force (all done), else green, as
    # task_lights says: asked only about those tasks, a few thousand ids at a time.
    idle = [t.pk for t in items if t.pk not in found]
    for start in range(0, len(idle), _IDS_PER_QUERY):
        chunk = idle[start : start + _IDS_PER_QUERY]
        rows += [
            (task_id, document_id, None, 0)
            for task_id, document_id in in_force.filter(task_id__in=chunk)
            .values_list("task_id", "document_id")
            .distinct()
            .order_by()
        ]
    documents = {pk: Thresholds(*rest) for pk, *rest in rows_for_ids(THRESHOLDS_SQL, {row[1] for row in rows})}
    bounds = yellow_bounds(on, documents)
    percents = request_percents(
        task_id for task_id, doc_id, due, _ in rows if due is not None and due >= bounds[doc_id]
    )
    # Each task's next due date judged as open_lights judges a row, in one call (not one per task).
    by_task: dict[int, str] = {}
    upcoming: list[DueRow] = []
    for task_id, document_id, next_due, n_live in rows:
        if next_due is None:
            by_task[task_id] = GREEN if n_live else GREY
        elif next_due < on:
            by_task[task_id] = RED
        else:
            upcoming.append(DueRow(task_id, task_id, document_id, Milestone.Status.OPEN, next_due))
    by_task.update(open_lights(upcoming, on=on, documents=documents, percents=percents, bounds=bounds))
    # A task with a live target-valued milestone is judged by the one rule (its own values).
    valued = set(
        milestones.filter(status__in=Milestone.LIVE_STATUSES, target_value__isnull=False)
        .order_by()  # the default ordering joined four tables for a DISTINCT of task ids
        .values_list("task_id", flat=True)
        .distinct()
    )
    if valued:
        by_task.update(task_lights([t for t in items if t.pk in valued], on=on))
    return {t.pk: GREY if t.status in DONE_STATUSES else by_task.get(t.pk, GREEN) for t in items}
