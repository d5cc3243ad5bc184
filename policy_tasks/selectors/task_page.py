"""One page of a task list as plain rows, in one SQL statement.

The API's task list reads its page here instead of through a queryset and DRF's cursor
pagination, whose building and compiling cost more than the statement they ran
(docs/performance.md, "API"). Which tasks are listed is still decided by querysets:
`within` (the caller's visible and filtered tasks) is compiled into the statement as a
subquery, so permissions and filters keep one definition. The rows come ordered by one
of ORDERABLE and then id, a page after (or before) the key of the last row seen.
"""

from __future__ import annotations

from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import QuerySet

from duban.lib.sql import aware, column, fetch, table
from policy_tasks.models import Task

# Read for each row, in this order (policy_tasks.api.rows.task_rows takes them by these names).
COLUMNS = ("id", "document_id", "area_id", "number", "title", "status", "closed_at", "version", "updated_at")
ORDERABLE = ("id", "number", "title", "updated_at")
_T = "t"
_SELECT = (
    "SELECT " + ", ".join(column(Task, name.removesuffix("_id"), _T) for name in COLUMNS) + f" FROM {table(Task)} {_T}"
)
_ADAPT = {
    "id": int,
    "number": int,
    "title": str,
    "updated_at": lambda value: connection.ops.adapt_datetimefield_value(value),
}


def task_page(
    *,
    within: QuerySet[Task] | None,
    order: str,
    descending: bool = False,
    after: tuple | None = None,
    backwards: bool = False,
    limit: int,
) -> list[tuple]:
    """Up to `limit` rows (COLUMNS) of the tasks in `within` (all tasks when None), ordered by
    (`order`, id), descending if asked, strictly after the key `after` = (value of `order`, id);
    with `backwards`, strictly before it, nearest first."""
    if order not in ORDERABLE:
        raise ValueError(f"cannot order tasks by {order!r}")
    sql, params = [_SELECT], []
    conditions = []
    if within is not None:
        try:
            subquery, subquery_params = within.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:
            return []
        conditions.append(f"{column(Task, 'id', _T)} IN ({subquery})")
        params.extend(subquery_params)
    key = f"({column(Task, order, _T)}, {column(Task, 'id', _T)})"
    scan_descending = descending != backwards
    if after is not None:
        conditions.append(f"{key} {'<' if scan_descending else '>'} (%s, %s)")
        params.extend([_ADAPT[order](after[0]), after[1]])
    if conditions:
        sql.append(" WHERE " + " AND ".join(conditions))
    direction = " DESC" if scan_descending else ""
    sql.append(f" ORDER BY {column(Task, order, _T)}{direction}, {column(Task, 'id', _T)}{direction} LIMIT %s")
    params.append(limit)
    rows = fetch("".join(sql), params)
    if connection.vendor == "sqlite":  # its datetimes come back naive (in UTC)
        rows = [(*row[:6], aware(row[6]), row[7], aware(row[8])) for row in rows]
    return rows
