"""The rows a light reads, and the SQL that reads them: a document's thresholds, a milestone's due
row, and per task the aggregate row that decides its light (lights.task_lights), alone or joined
into another statement that reads tasks (task_dues_lateral, for the lists' page statements).
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from duban.lib.sql import column, table
from policy_tasks.models import Milestone, PolicyDocument, ProgressReport
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


# Per task, what decides its light (see task_lights): its live milestones past due, the
# earliest due date among its live milestones not yet past due without a target value, how
# many are live, and how many live ones not yet past due have a target value.
_LIVE = ", ".join(repr(v) for v in Milestone.LIVE_STATUSES)
_M_LIVE = f"{column(Milestone, 'status', 'm')} IN ({_LIVE})"
_M_DUE = column(Milestone, "due_date", "m")
_M_TARGET = column(Milestone, "target_value", "m")
# The four per-task figures, each as of the date given three times as parameters.
_DUES = (
    f"SUM(CASE WHEN {_M_LIVE} AND {_M_DUE} < %s THEN 1 ELSE 0 END),"
    f" MIN(CASE WHEN {_M_LIVE} AND {_M_DUE} >= %s AND {_M_TARGET} IS NULL THEN {_M_DUE} END),"
    f" SUM(CASE WHEN {_M_LIVE} THEN 1 ELSE 0 END),"
    f" SUM(CASE WHEN {_M_LIVE} AND {_M_DUE} >= %s AND {_M_TARGET} IS NOT NULL THEN 1 ELSE 0 END)"
)
_THRESHOLDS = ", ".join(column(PolicyDocument, name, "d") for name in Thresholds._fields)
_NOT_WITHDRAWN = f"{column(Milestone, 'status', 'm')} <> '{Milestone.Status.WITHDRAWN.value}'"
TASK_DUES_SQL = (
    f"SELECT {column(Milestone, 'task', 'm')}, {column(Milestone, 'document', 'm')}, {_DUES}, {_THRESHOLDS}"
    f" FROM {table(Milestone)} m JOIN {table(PolicyDocument)} d"
    f" ON {column(PolicyDocument, 'id', 'd')} = {column(Milestone, 'document', 'm')}"
    f" WHERE {_NOT_WITHDRAWN} AND {column(Milestone, 'task', 'm')} {{ids}}"
    f" GROUP BY {column(Milestone, 'task', 'm')}, {column(Milestone, 'document', 'm')}, {_THRESHOLDS}"
)


def task_dues_lateral(task_id: str, document_id: str) -> tuple[str, str]:
    """A task's row of TASK_DUES_SQL inside another statement that reads tasks (PostgreSQL):
    (the joins to append, given the SQL of the task's id and document; their parameters are
    the date three times), (the columns to select, DUES_COLUMNS). A task's milestones are of
    its own document. The columns are NULL figures and a count of 0 for a task with no
    milestone but withdrawn ones, which `task_lights(dues=…)` passes over as the statement
    does by grouping."""
    joins = (
        f" LEFT JOIN LATERAL (SELECT COUNT(*), {_DUES} FROM {table(Milestone)} m"
        f" WHERE {_NOT_WITHDRAWN} AND {column(Milestone, 'task', 'm')} = {task_id})"
        " dues (n, red, next_due, live, valued) ON true"
        f" JOIN {table(PolicyDocument)} d ON {column(PolicyDocument, 'id', 'd')} = {document_id}"
    )
    return joins, f"dues.n, dues.red, dues.next_due, dues.live, dues.valued, {_THRESHOLDS}"


# What task_dues_lateral selects, by name.
DUES_COLUMNS = ("dues_n", "dues_red", "dues_next_due", "dues_live", "dues_valued", *Thresholds._fields)


# The live milestones not yet past due that have a target value, each with its latest lead value.
TASK_VALUES_SQL = (
    f"SELECT {column(Milestone, 'id', 'm')}, {column(Milestone, 'task', 'm')}, {_M_DUE}, {_M_TARGET}, latest.actual"
    f" FROM {table(Milestone)} m LEFT JOIN"
    f" ({newest_lead_values_sql(column(ProgressReport, 'task', 'r') + ' {ids}')}) latest"
    f" ON latest.milestone_id = {column(Milestone, 'id', 'm')} AND latest.newest = 1"
    f" WHERE {_M_LIVE} AND {_M_DUE} >= %s AND {_M_TARGET} IS NOT NULL AND {column(Milestone, 'task', 'm')} {{ids}}"
)
