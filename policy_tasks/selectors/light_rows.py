"""The rows a light reads, and the SQL that reads them: a document's thresholds, a milestone's due
row, and per task the aggregate row that decides its light (lights.task_lights), alone or joined
into another statement that reads tasks (task_dues_lateral, for the lists' page statements). A
light on a past day judges what was still to do at its end (selectors.counted.open_at).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from duban.lib.sql import SQLParam, column, table
from policy_tasks.models import Milestone, PolicyDocument, ProgressReport
from policy_tasks.selectors.counted import either, open_sql, overdue_sql
from policy_tasks.selectors.reports import newest_lead_values_sql


class Thresholds(NamedTuple):
    """What a light reads of a document (a list page would otherwise load its full source_text)."""

    issued_on: date | None
    year: int
    yellow_workdays: int
    behind_schedule_points: int


class DueRow(NamedTuple):
    """What a task's light reads of each of its milestones (a plain row, not a model instance)."""

    pk: int
    task_id: int
    document_id: int
    status: str
    due_date: date | None


THRESHOLDS_SQL = (
    f"SELECT {', '.join(column(PolicyDocument, name) for name in ('id', *Thresholds._fields))}"
    f" FROM {table(PolicyDocument)} WHERE {column(PolicyDocument, 'id')} {{ids}}"
)


_M_DUE = column(Milestone, "due_date", "m")
_M_TARGET = column(Milestone, "target_value", "m")


def _dues(on: date) -> tuple[str, list[SQLParam]]:
    """Per task, what decides its light as of `on` (see task_lights), over what was still to do
    at the end of that day (selectors.counted.open_at): its milestones overdue then
    (counted.overdue_on), the earliest due date among the others without a target value, how
    many were open, and how many of the others have a target value. The four columns and their
    parameters."""
    red, red_params = either(overdue_sql("m", on))
    still, still_params = either(open_sql("m", on))
    sql = (
        f"SUM(CASE WHEN {red} THEN 1 ELSE 0 END),"
        f" MIN(CASE WHEN {still} AND {_M_DUE} >= %s AND {_M_TARGET} IS NULL THEN {_M_DUE} END),"
        f" SUM(CASE WHEN {still} THEN 1 ELSE 0 END),"
        f" SUM(CASE WHEN {still} AND {_M_DUE} >= %s AND {_M_TARGET} IS NOT NULL THEN 1 ELSE 0 END)"
    )
    return sql, [*red_params, *still_params, on, *still_params, *still_params, on]


_THRESHOLDS = ", ".join(column(PolicyDocument, name, "d") for name in Thresholds._fields)
_NOT_WITHDRAWN = f"{column(Milestone, 'status', 'm')} <> '{Milestone.Status.WITHDRAWN.value}'"


def task_dues_sql(on: date) -> tuple[str, list[SQLParam]]:
    """Each task's row of _dues with its document's thresholds, for rows_for_ids: the statement
    and the parameters ahead of its `{ids}`."""
    dues, params = _dues(on)
    sql = (
        f"SELECT {column(Milestone, 'task', 'm')}, {column(Milestone, 'document', 'm')}, {dues}, {_THRESHOLDS}"
        f" FROM {table(Milestone)} m JOIN {table(PolicyDocument)} d"
        f" ON {column(PolicyDocument, 'id', 'd')} = {column(Milestone, 'document', 'm')}"
        f" WHERE {_NOT_WITHDRAWN} AND {column(Milestone, 'task', 'm')} {{ids}}"
        f" GROUP BY {column(Milestone, 'task', 'm')}, {column(Milestone, 'document', 'm')}, {_THRESHOLDS}"
    )
    return sql, params


def task_dues_lateral(task_id: str, document_id: str, on: date) -> tuple[str, list[SQLParam], str]:
    """A task's row of task_dues_sql inside another statement that reads tasks (PostgreSQL):
    the joins to append, given the SQL of the task's id and document; their parameters; the
    columns to select, DUES_COLUMNS. A task's milestones are of its own document. The columns
    are NULL figures and a count of 0 for a task with no milestone but withdrawn ones, which
    `task_lights(dues=…)` passes over as the statement does by grouping."""
    dues, params = _dues(on)
    joins = (
        f" LEFT JOIN LATERAL (SELECT COUNT(*), {dues} FROM {table(Milestone)} m"
        f" WHERE {_NOT_WITHDRAWN} AND {column(Milestone, 'task', 'm')} = {task_id})"
        " dues (n, red, next_due, live, valued) ON true"
        f" JOIN {table(PolicyDocument)} d ON {column(PolicyDocument, 'id', 'd')} = {document_id}"
    )
    return joins, params, f"dues.n, dues.red, dues.next_due, dues.live, dues.valued, {_THRESHOLDS}"


# What task_dues_lateral selects, by name.
DUES_COLUMNS = ("dues_n", "dues_red", "dues_next_due", "dues_live", "dues_valued", *Thresholds._fields)


def task_values_sql(on: date) -> tuple[str, list[SQLParam]]:
    """The milestones still to do at the end of `on`, not yet past due, that have a target value,
    each with its latest lead value: the statement for rows_for_ids and the parameters after
    its first `{ids}`."""
    still, params = either(open_sql("m", on))
    sql = (
        f"SELECT {column(Milestone, 'id', 'm')}, {column(Milestone, 'task', 'm')}, {_M_DUE}, {_M_TARGET},"
        " latest.actual"
        f" FROM {table(Milestone)} m LEFT JOIN"
        f" ({newest_lead_values_sql(column(ProgressReport, 'task', 'r') + ' {ids}')}) latest"
        f" ON latest.milestone_id = {column(Milestone, 'id', 'm')} AND latest.newest = 1"
        f" WHERE {still} AND {_M_DUE} >= %s AND {_M_TARGET} IS NOT NULL AND {column(Milestone, 'task', 'm')} {{ids}}"
    )
    return sql, [*params, on]
