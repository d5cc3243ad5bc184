"""One page of a task list as plain rows, each with its newest lead report, in one SQL statement.

The API's task list reads its page here instead of through a queryset and DRF's cursor
pagination, whose building and compiling cost more than the statement they ran
(docs/performance.md, "API"). Which tasks are listed is still decided by querysets:
`within` (the caller's visible and filtered tasks) is compiled into the statement as its
condition on the task table (duban.lib.sql.condition), so permissions and filters keep one
definition. The rows come ordered by one
of ORDERABLE and then id, a page after (or before) the key of the last row seen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from django.db import connection
from django.db.models import QuerySet

from duban.lib.sql import Row, SQLParam, aware, column, condition, fetch, table
from policy_tasks.models import LeadReport, ProgressReport, Task
from policy_tasks.selectors.light_rows import DUES_COLUMNS, task_dues_lateral

# Read for each row, in this order (policy_tasks.api.rows.task_rows takes them by these names),
# then the column the page is ordered by when it is not among them: Django's loader spends
# about 3 µs on each timestamptz, so `updated_at` is read only to order by it.
COLUMNS = (
    "id",
    "document_id",
    "area_id",
    "number",
    "label",
    "title",
    "status",
    "closed_at",
    "version",
    "latest_percent",
    "latest_report_at",
    *DUES_COLUMNS,
)
ORDERABLE = ("id", "number", "title", "updated_at")
_T = table(Task)  # unaliased: the condition compiled from `within` names the table
_TASK_COLUMNS = COLUMNS[:9]
# Each row's newest lead report: its models.LeadReport row, and the report's filing time.
_LATEST = (
    f" LEFT JOIN {table(LeadReport)} latest ON {column(LeadReport, 'task', 'latest')} = page.{column(Task, 'id')}"
    f" LEFT JOIN {table(ProgressReport)} report"
    f" ON {column(ProgressReport, 'id', 'report')} = {column(LeadReport, 'report', 'latest')}"
)


def _columns(prefix: str, names: Iterable[str]) -> str:
    return ", ".join(f"{prefix}.{column(Task, name.removesuffix('_id'))}" for name in names)


def task_list_rows(
    *,
    within: QuerySet[Task],
    visible: tuple[str, list[SQLParam]] | None = ("", []),
    order: str,
    descending: bool = False,
    after: tuple[int | str | datetime, int] | None = None,
    backwards: bool = False,
    limit: int,
    on: date | None = None,
) -> list[Row]:
    """Up to `limit` rows (COLUMNS, then `order` if not among them) of the tasks in `within`
    (no condition when it is the whole table) that also meet `visible`, a condition written for
    the unaliased task table with its parameters (permissions.visible_tasks_sql; None: no task), ordered by (`order`, id), descending if asked,
    strictly after the key `after` = (value of `order`, id); with `backwards`, strictly before
    it, nearest first. On PostgreSQL each row also holds what its light as of `on` needs
    (light_rows.task_dues_lateral), NULL without `on` and elsewhere."""
    if order not in ORDERABLE:
        raise ValueError(f"cannot order tasks by {order!r}")
    extra = () if order in _TASK_COLUMNS else (order,)
    # The page is a common table expression (its rows are read once), joined with each of its
    # tasks' newest lead report (models.LeadReport).
    sql = [f"WITH page AS (SELECT {_columns(_T, (*_TASK_COLUMNS, *extra))} FROM {_T}"]
    params: list[SQLParam] = []
    conditions = []
    tasks = condition(within)
    if tasks is None or visible is None:
        return []
    for where, where_params in (visible, tasks):
        if where:
            conditions.append(where)
            params.extend(where_params)
    scan_descending = descending != backwards
    if after is not None:
        # An updated_at page's key holds the datetime of its last row (the API parses it so);
        # fetch writes it as the column is stored.
        value: SQLParam = after[0]
        pk = after[1]
        conditions.append(
            f"({column(Task, order, _T)}, {column(Task, 'id', _T)}) {'<' if scan_descending else '>'} (%s, %s)"
        )
        params.extend([value, pk])
    if conditions:
        sql.append(" WHERE " + " AND ".join(conditions))
    keys = (order, "id") if order != "id" else ("id",)
    direction = " DESC" if scan_descending else ""

    def order_by(prefix: str) -> str:
        return " ORDER BY " + ", ".join(f"{prefix}.{column(Task, name)}{direction}" for name in keys)

    sql.append(f"{order_by(_T)} LIMIT %s)")
    params.append(limit)
    postgresql = connection.vendor == "postgresql"
    dues_joins, dues = "", ", ".join(["NULL"] * len(DUES_COLUMNS))
    dues_params: list[SQLParam] = []
    if postgresql and on is not None:
        dues_joins, dues_params, dues = task_dues_lateral(
            f"page.{column(Task, 'id')}", f"page.{column(Task, 'document')}", on
        )
    percent, submitted_at = column(LeadReport, "percent", "latest"), column(ProgressReport, "submitted_at", "report")
    sql.append(f" SELECT {_columns('page', _TASK_COLUMNS)}, {percent}, {submitted_at}, {dues}")
    sql.append(f"{''.join(', ' + _columns('page', [name]) for name in extra)} FROM page")
    sql.append(_LATEST)
    if dues_joins:
        sql.append(dues_joins)
        params.extend(dues_params)
    sql.append(order_by("page"))
    rows = fetch("".join(sql), params)
    if connection.vendor == "sqlite":  # its datetimes come back naive (in UTC)
        rows = [tuple(aware(v) if isinstance(v, datetime) else v for v in row) for row in rows]
    return rows
