"""The board's counts by area for a large document, grouped in SQL (issue 18).

A document of more than BOARD_TILES_MAX visible clauses shows each area's counts by light, no tiles.
`light_bounds.task_lights_bounded` gives every clause its light from one aggregate row per clause
(10,000 rows read and judged in Python per console request). What a clause's light reads is its
status, whether it has live work, its next live due date, whether it has milestones in force at all,
and its lead's percent (only when the next due date is past the warning bound): the clauses come
back grouped by those and their area, a few hundred groups, and each group is judged by the same
Python (`open_lights`, the lights' one rule). Clauses with a live milestone of their own target value
are judged one by one (`task_lights`), as the board judges them. tests/web/test_board_counts.py holds
the counts equal to those of `task_lights_bounded`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import EmptyResultSet
from django.db.models import Q, QuerySet

from duban.lib.sql import as_date, column, fetch, table
from policy_tasks.models import LeadReport, Milestone, PolicyDocument, Task, in_force_q
from policy_tasks.selectors.counted import status_then
from policy_tasks.selectors.figures import first_beyond
from policy_tasks.selectors.light_rows import DueRow, Thresholds
from policy_tasks.selectors.lights import DONE_STATUSES, GREEN, GREY, RED, Light, task_lights
from policy_tasks.web.light_bounds import open_lights


@dataclass
class Summary:
    total: int  # visible clauses
    counts: dict[int | None, dict[str, int]]  # by area id: clauses by light, every light present


def _compiled(qs: QuerySet) -> tuple[str, list] | None:
    try:
        sql, params = qs.query.sql_with_params()
    except EmptyResultSet:
        return None
    return sql, list(params)


def summarise(visible: QuerySet[Task], *, document: PolicyDocument, on: date, live: Sequence[Q]) -> Summary:
    """Counts by area and light of `visible` (the document's clauses the reader sees), each light as
    `task_lights_bounded(…, milestones=the clauses' milestones, live=live)` gives it."""
    milestones = Milestone.objects.filter(task__in=visible.values("pk"))
    in_force = milestones.filter(in_force_q())
    parts = [in_force.filter(branch).values("task_id", "due_date").order_by() for branch in live]
    branches = parts[0] if len(parts) == 1 else parts[0].union(*parts[1:], all=True)
    valued = set(
        milestones.filter(status__in=Milestone.LIVE_STATUSES, target_value__isnull=False)
        .order_by()
        .values_list("task_id", flat=True)
        .distinct()
    )
    counts: dict[int | None, dict[str, int]] = {}
    total = 0

    def add(area_id: int | None, light: str, n: int) -> None:
        nonlocal total
        counts.setdefault(area_id, {each.value: 0 for each in Light})[light] += n
        total += n

    # Each clause's status as of `on` (counted.status_then: one closed after it was open then).
    then = visible.annotate(status_then=status_then(on))
    tasks = _compiled(then.values_list("id", "area_id", "status_then").order_by())
    live_sql = _compiled(branches)
    if tasks is None:
        return Summary(0, {})
    thresholds = Thresholds(
        document.issued_on, document.year, document.yellow_workdays, document.behind_schedule_points
    )
    bound = first_beyond(on, thresholds.yellow_workdays)
    per_task = (
        f"SELECT b.task_id, MIN(b.due_date) AS first_due FROM ({live_sql[0]}) b GROUP BY b.task_id"
        if live_sql is not None
        else "SELECT NULL::bigint AS task_id, NULL::date AS first_due WHERE FALSE"
    )
    # Grouped by what the light reads; the percent only where it can change the light (next due on
    # or after the bound: before it a clause is 临期 whatever its percent, past due it is red).
    rows = fetch(
        f"WITH p AS ({per_task})"
        " SELECT t.area_id, t.status, p.task_id IS NOT NULL, p.first_due,"
        # A scalar subquery, not EXISTS: PostgreSQL would hash EXISTS over every milestone of every
        # document; this probes the task's index, and only for the clauses with nothing live.
        f" CASE WHEN p.task_id IS NULL THEN (SELECT TRUE FROM {table(Milestone)} m"
        f" WHERE {column(Milestone, 'task', 'm')} = t.id AND {column(Milestone, 'status', 'm')} <> %s LIMIT 1)"
        " IS NOT NULL END,"
        f" CASE WHEN p.first_due >= %s THEN COALESCE(l.{column(LeadReport, 'percent')}, 0) END, COUNT(*)"
        f" FROM ({tasks[0]}) AS t(id, area_id, status) LEFT JOIN p ON p.task_id = t.id"
        f" LEFT JOIN {table(LeadReport)} l ON l.{column(LeadReport, 'task')} = t.id"
        " WHERE NOT (t.id = ANY(%s::bigint[])) GROUP BY 1, 2, 3, 4, 5, 6",
        [*(live_sql[1] if live_sql is not None else []), Milestone.Status.WITHDRAWN, bound, *tasks[1], list(valued)],
    )
    upcoming: list[tuple[int | None, int]] = []
    dues: list[DueRow] = []
    percents: dict[int, int] = {}
    for area_id, status, has_live, raw_due, has_any, percent, n in rows:
        first_due = as_date(raw_due)
        if status in DONE_STATUSES:
            add(area_id, GREY, n)
        elif not has_live:
            # Nothing live: grey when it has milestones in force (all done), else green.
            add(area_id, GREY if has_any else GREEN, n)
        elif first_due is None:
            add(area_id, GREEN, n)  # live work, none of it dated
        elif first_due < on:
            add(area_id, RED, n)
        else:
            # One row per group for open_lights: the group's index stands for its clauses.
            key = len(dues)
            dues.append(DueRow(key, key, document.pk, Milestone.Status.OPEN, first_due))
            if percent is not None:
                percents[key] = percent
            upcoming.append((area_id, n))
    if dues:
        lights = open_lights(
            dues, on=on, documents={document.pk: thresholds}, percents=percents, bounds={document.pk: bound}
        )
        for d, (area_id, n) in zip(dues, upcoming, strict=True):
            add(area_id, lights[d.pk], n)
    if valued:
        clauses = list(visible.filter(pk__in=valued).only("id", "area_id", "status", "closed_at").order_by())
        judged = task_lights(clauses, on=on)
        for clause in clauses:
            add(clause.area_id, judged[clause.pk], 1)
    return Summary(total, counts)
