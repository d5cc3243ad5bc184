"""Traffic lights (红黄绿灯) for milestones, tasks, areas and units.

- grey: the milestone is closed (销号), or withdrawn (已作废) by a new version of its document.
  On a past day, closed means closed by its end (selectors.counted): one closed only later
  was still to do then and has the light it had, as its task's light on that day reads it.
- red: its due date has passed (due_date < on) and it is not closed.
- yellow: due within the document's `yellow_workdays` working days, counting the
  working days in (on, due], so "due today" is 0 and yellow; working days follow
  China's official calendar with its make-up days (duban.lib.workdays); or behind
  schedule (序时进度): the percent complete lags the share of time elapsed since
  the document was issued (1 January when unknown) by more than
  `behind_schedule_points`. The percent is the lead unit's latest report; a task
  never reported counts as 0%, since silence is no evidence of progress.
- green: otherwise, and always for a milestone with no date (ongoing, relative).

A deadline is a calendar date: a milestone due on a public holiday is red the day
after, like any other. A completion request pending review does not change the light.

Tasks, areas and units take the worst light of their open work (red > yellow >
green); grey when everything is closed. Withdrawn tasks and milestones colour nothing: a
withdrawn task is grey and counts for no unit, a withdrawn milestone is left out of its task's
light. Area-wide targets (milestones of an area,
not of a task) have no lifecycle yet, so they colour nothing above themselves.
The bulk functions use a constant number of queries, whatever the list size.

A milestone with a target value (3.7亿元) is judged behind schedule on its own progress: the
actual value in its lead's latest report stating one, as a percent of the target (rounded down,
at most 100); a milestone with no value reported yet falls back to the task's percent, as before.
One whose reported value has reached its target is green (reason on_track, 达到目标值，待申请办结)
even within the warning window: the work is done and what is left is the unit's 申请办结, which
the reason names; a yellow light would call for work that no longer exists. Past its due date it
is red all the same: only 销号 after review closes a milestone, a reported value is the unit's claim.

Each light has a reason (LightReason, milestone_light_reasons): overdue, due_soon, behind,
on_track, no_date, closed, withdrawn, with the 序时进度 (the share of time elapsed, rounded up so
that the two whole numbers shown differ by more than the threshold exactly when behind) against
the reported percent.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from accounts.models import Unit
from duban.lib import clock
from duban.lib.sql import Row, as_date, as_decimal, rows_for_ids
from duban.lib.workdays import workdays_between
from policy_tasks.models import DONE_STATUSES as DONE_STATUSES
from policy_tasks.models import Area, Milestone, PolicyDocument, Task, TaskUnit, in_force_q
from policy_tasks.selectors.counted import status_at
from policy_tasks.selectors.light_rows import (
    THRESHOLDS_SQL,
    DueRow,
    Thresholds,
    task_dues_sql,
    task_values_sql,
)
from policy_tasks.selectors.lights_reasons import Light as Light
from policy_tasks.selectors.lights_reasons import LightReason, value_percent
from policy_tasks.selectors.reports import latest_milestone_values, latest_percents

# The values as plain strings: what SQL rows, dict keys and query strings hold.
RED, YELLOW, GREEN, GREY = Light.RED.value, Light.YELLOW.value, Light.GREEN.value, Light.GREY.value
# Not a light: the lists' filter for "still to do and not overdue" (yellow or green), what the
# dashboard's 未办结 and 90天内到期 count.
OPEN = "open"
# DONE_STATUSES (models.tasks, re-exported here): nothing more to do, milestone's and task's alike: grey.
_SEVERITY = {GREY: 0, GREEN: 1, YELLOW: 2, RED: 3}


def worst(lights: Iterable[str]) -> str:
    """The most severe light; grey when there is nothing open."""
    return max(lights, key=_SEVERITY.__getitem__, default=GREY)


def schedule_start(document: PolicyDocument | Thresholds) -> date:
    return document.issued_on or date(document.year, 1, 1)


def _schedule(*, on: date, start: date, due: date, percent: int, points: int) -> tuple[int, bool]:
    """序时进度 in whole percent (rounded up), and whether `percent` lags it by more than `points`:
    percent < elapsed share × 100 − points, in integers (no rounding at the boundary)."""
    total = (due - start).days
    if total <= 0:
        return 100, percent < 100 - points
    elapsed = min(max((on - start).days, 0), total)
    return -(-elapsed * 100 // total), elapsed * 100 - percent * total > points * total


def is_behind_schedule(*, on: date, start: date, due: date, percent: int, points: int) -> bool:
    """Whether `percent` lags the 序时进度 by more than `points` (see _schedule)."""
    return _schedule(on=on, start=start, due=due, percent=percent, points=points)[1]


_WITHDRAWN = Milestone.Status.WITHDRAWN.value
_BY_STATUS = {_WITHDRAWN: LightReason(GREY, "withdrawn")}
_CLOSED = LightReason(GREY, "closed")
_NO_DATE = LightReason(GREEN, "no_date")


def status_on(milestone: Milestone | DueRow, on: date) -> str:
    """Its status at the end of `on` (selectors.counted.status_at): one closed only after that day
    was still to do then, as the task lights read it (light_rows). A plain row (DueRow) carries no
    closing time: its caller gives the status as of `on` already."""
    status = milestone.status
    if status != Milestone.Status.CLOSED:
        return status
    return status_at(status, getattr(milestone, "closed_at", None), clock.end_of(on))


def reason_for(
    milestone: Milestone | DueRow,
    on: date,
    percent: int | None,
    document: PolicyDocument | Thresholds,
    value: tuple[Decimal, Decimal] | None = None,
    soon_before: date | None = None,
) -> LightReason:
    """The one judgement behind every light; `value` is (target, actual) when the milestone has one.
    `soon_before`, when the caller has it, is the first date more than `yellow_workdays` working
    days after `on` (figures.first_beyond): due on or after it is not 临期, without counting days."""
    status = status_on(milestone, on)
    if status in DONE_STATUSES:
        return _BY_STATUS.get(status, _CLOSED)
    due = milestone.due_date
    if due is None:
        return _NO_DATE
    if due < on:
        return LightReason(RED, "overdue", days=(on - due).days)
    expected = behind = None
    if percent is not None:
        reached = False
        if value is not None:
            percent, reached = value_percent(*value)
        expected, behind = _schedule(
            on=on, start=schedule_start(document), due=due, percent=percent, points=document.behind_schedule_points
        )
        if reached:
            return LightReason(GREEN, "on_track", expected, percent, reached=True)
    if soon_before is None or due < soon_before:
        left = workdays_between(on, due)
        if left <= document.yellow_workdays:
            return LightReason(YELLOW, "due_soon", expected, percent, days=left)
    if behind:
        return LightReason(YELLOW, "behind", expected, percent)
    return LightReason(GREEN, "on_track", expected, percent)


def light_for(
    milestone: Milestone | DueRow,
    on: date,
    percent: int | None,
    document: PolicyDocument | Thresholds,
    value: tuple[Decimal, Decimal] | None = None,
    soon_before: date | None = None,
) -> str:
    return reason_for(milestone, on, percent, document, value, soon_before).light


def milestone_light(
    milestone: Milestone,
    *,
    on: date,
    percent: int | None = None,
    document: PolicyDocument | None = None,
    value: tuple[Decimal, Decimal] | None = None,
) -> str:
    """One milestone's light; `percent` defaults to its task's latest lead report (0 when none),
    and then a milestone with a target value is judged on its own reported value. A caller that
    passes `percent` (a snapshot of the past) has it taken as it is, with the (target, actual)
    `value` it read as of then for a milestone with a target."""
    if percent is None and milestone.task_id is not None:
        percent = latest_percents([milestone.task_id]).get(milestone.task_id, 0)
        if getattr(milestone, "target_value", None) is not None:
            value = latest_milestone_values([milestone.pk]).get(milestone.pk)
    return light_for(milestone, on, percent, document or milestone.document, value)


def _may_have_value(m: Milestone | DueRow, on: date) -> bool:
    """Whether a milestone's own reported value could decide its light: open, of a task, due from
    `on` on, with a target value or (a plain row, a deferred column) maybe one."""
    if m.task_id is None or m.due_date is None or m.due_date < on or status_on(m, on) in DONE_STATUSES:
        return False
    return getattr(m, "__dict__", {}).get("target_value", True) is not None


def milestone_light_reasons(
    milestones: Iterable[Milestone | DueRow],
    *,
    on: date,
    percents: Mapping[int, int] | None = None,
    documents: Mapping[int, Thresholds] | None = None,
) -> dict[int, LightReason]:
    """The light of many milestones by id, each with its reason, in four queries at most
    (milestones if a queryset, documents, percents, and the reported values of those that
    may have a target value: none asked when no milestone has one).

    `percents` ({task id: latest lead percent}, as `latest_percents` gives) spares the percents'
    query when the caller has already read them; tasks absent from it count as 0%.
    `documents` ({document id: thresholds}) likewise spares the documents' query.
    """
    items = list(milestones)
    if documents is None:
        documents = {
            pk: Thresholds(*rest) for pk, *rest in rows_for_ids(THRESHOLDS_SQL, {m.document_id for m in items})
        }
    if percents is None:
        percents = latest_percents({m.task_id for m in items if m.task_id is not None})
    values = latest_milestone_values([m.pk for m in items if _may_have_value(m, on)])
    return {
        m.pk: reason_for(
            m, on, percents.get(m.task_id, 0) if m.task_id else None, documents[m.document_id], values.get(m.pk)
        )
        for m in items
    }


def milestone_lights(
    milestones: Iterable[Milestone | DueRow],
    *,
    on: date,
    percents: Mapping[int, int] | None = None,
    documents: Mapping[int, Thresholds] | None = None,
) -> dict[int, str]:
    """Lights for many milestones by id: the lights of `milestone_light_reasons` (its queries)."""
    reasons = milestone_light_reasons(milestones, on=on, percents=percents, documents=documents)
    return {pk: reason.light for pk, reason in reasons.items()}


def annotate_lights(milestones: QuerySet[Milestone] | Iterable[Milestone], *, on: date) -> list[Milestone]:
    """The milestones as a list, each with `.light` and `.light_reason` (for list pages and the API)."""
    items = list(milestones)
    reasons = milestone_light_reasons(items, on=on)
    for m in items:
        # Read by templates and serializers as attributes; not fields of the model.
        setattr(m, "light_reason", reasons[m.pk])  # noqa: B010
        setattr(m, "light", reasons[m.pk].light)  # noqa: B010
    return items


def task_lights(
    tasks: Iterable[Task] | QuerySet[Task],
    *,
    on: date,
    percents: Mapping[int, int] | None = None,
    dues: Mapping[int, Row] | None = None,
) -> dict[int, str]:
    """Lights for many tasks by id. An open task with no milestones is green; a closed one grey,
    on a past day if closed by its end (counted.status_at: a task loaded without closed_at reads
    it, one query each).

    `percents` as for `milestone_lights` (a list that annotated each task's latest percent
    passes them in and saves a query). `dues`, by task id: its document id and the columns of
    `task_dues_lateral`, read by the list's own statement (saves another).

    The worst light of a task's milestones is read from one aggregate row per task, not from
    every milestone (issue 18: 100,000 milestones took seconds): any live milestone past due
    makes it red; otherwise, among its live milestones without a target value, only the earliest
    not yet due can be yellow, since both causes of yellow hold for a date only if they hold for
    every earlier one (fewer working days to go; a larger share of the time elapsed), all judged
    on the task's percent. A milestone with a target value is judged on its own reported value,
    so those not yet due are read one by one (a second query, only when a task has any);
    otherwise any live milestone makes it green, and a task whose milestones are all closed is grey."""
    items = list(tasks)
    ids = [t.pk for t in items]
    if not ids:
        return {}
    if dues is None:
        dues_sql, dues_params = task_dues_sql(on)
        rows = rows_for_ids(dues_sql, ids, before=dues_params)
    else:
        wanted = set(ids)
        rows = [(task_id, row[0], *row[2:]) for task_id, row in dues.items() if task_id in wanted and row[1]]
    valued: dict[int, list[tuple[int, date | None, tuple[Decimal, Decimal] | None]]] = {}
    with_values = [row[0] for row in rows if not row[2] and row[5]]
    if with_values:
        values_sql, values_params = task_values_sql(on)
        for pk, task_id, due_date, target, actual in rows_for_ids(values_sql, with_values, values_params):
            value = None if actual is None else (as_decimal(target), as_decimal(actual))
            valued.setdefault(task_id, []).append((pk, as_date(due_date), value))
    if percents is None:
        percents = latest_percents([row[0] for row in rows if not row[2] and (row[3] is not None or row[5])])
    by_task: dict[int, str] = {}
    for task_id, document_id, red, next_due, live, _, *thresholds in rows:
        if red:
            by_task[task_id] = RED
            continue
        document = Thresholds(as_date(thresholds[0]), *thresholds[1:])
        percent = percents.get(task_id, 0)
        earliest = [(0, as_date(next_due), None)] if next_due is not None else []
        lights = [
            light_for(DueRow(pk, task_id, document_id, Milestone.Status.OPEN, due), on, percent, document, value)
            for pk, due, value in [*earliest, *valued.get(task_id, [])]
        ]
        by_task[task_id] = worst(lights) if lights else (GREEN if live else GREY)
    result = {}
    cutoff = clock.end_of(on)
    past = cutoff <= clock.now()
    for task in items:
        status = task.status
        if past and status == Task.Status.CLOSED:
            # Closed after `on`: its milestones' light then (the rows above judged them open).
            # A plain row without closed_at gives its status as of `on` already (the board's).
            status = status_at(status, getattr(task, "closed_at", None), cutoff)
        result[task.pk] = GREY if status in DONE_STATUSES else by_task.get(task.pk, GREEN)
    return result


def task_light(task: Task, *, on: date) -> str:
    return task_lights([task], on=on)[task.pk]


def area_lights(*, document: PolicyDocument, on: date) -> dict[int, str]:
    """Every area of the document by id: the worst light of its tasks."""
    tasks = list(
        Task.objects.in_force()
        .filter(document=document, area__isnull=False)
        .only("id", "area_id", "status", "closed_at")
    )
    lights = task_lights(tasks, on=on)
    result: dict[int, list[str]] = {pk: [] for pk in document.areas.values_list("pk", flat=True)}
    for task in tasks:
        if task.area_id is not None:  # filtered above; the type does not know it
            result[task.area_id].append(lights[task.pk])
    return {area_id: worst(values) for area_id, values in result.items()}


def area_light(area: Area, *, on: date) -> str:
    tasks = list(Task.objects.in_force().filter(area=area).only("id", "area_id", "status", "closed_at"))
    return worst(task_lights(tasks, on=on).values())


def unit_lights(*, on: date, document: PolicyDocument | None = None, lead_only: bool = False) -> dict[int, str]:
    """Every unit answering for a task by id: the worst light of the tasks it leads or co-owns.

    Co-owned tasks count by default because a co-unit is scored on them too
    (deduction_co); `lead_only` narrows to what the unit leads.
    """
    rows = TaskUnit.objects.filter(in_force_q("task__"))
    if document is not None:
        rows = rows.filter(task__document=document)
    if lead_only:
        rows = rows.filter(role=TaskUnit.Role.LEAD)
    pairs = list(rows.values_list("unit_id", "task_id"))
    tasks = Task.objects.filter(pk__in={task_id for _, task_id in pairs}).only("id", "status", "closed_at")
    lights = task_lights(tasks, on=on)
    result: dict[int, list[str]] = {}
    for unit_id, task_id in pairs:
        result.setdefault(unit_id, []).append(lights[task_id])
    return {unit_id: worst(values) for unit_id, values in result.items()}


def unit_light(unit: Unit, *, on: date, document: PolicyDocument | None = None, lead_only: bool = False) -> str:
    links = TaskUnit.objects.filter(unit=unit).filter(in_force_q("task__"))
    if lead_only:
        links = links.filter(role=TaskUnit.Role.LEAD)
    tasks = Task.objects.filter(pk__in=links.values("task_id"))
    if document is not None:
        tasks = tasks.filter(document=document)
    return worst(task_lights(tasks.only("id", "status", "closed_at"), on=on).values())
