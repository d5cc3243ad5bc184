"""One page of the overdue ledger (逾期台账) as plain rows, in one SQL statement.

The rows are those of `selectors.tasks.milestones_overdue`: task milestones overdue as of
`on` (selectors.counted.overdue_on: due before it and still to do at its end), optionally of
one document and of tasks one unit leads or co-owns, always of tasks the user may see. They come in (due date, id) order, a page at a time,
after (or before) the key of the last row the reader saw. The API's ledger reads this
instead of that queryset because building, compiling and iterating it cost several times
the statement itself (docs/performance.md, "API"); tests/api/test_ledger_list_rows.py holds
the two to the same rows for every kind of reader and filter.
"""

from __future__ import annotations

from datetime import date

from accounts.models import User
from duban.lib.sql import Row, SQLParam, column, condition, fetch, table
from policy_tasks import permissions
from policy_tasks.models import Milestone, Task, TaskUnit
from policy_tasks.selectors.counted import overdue_sql

# Read for each row, in this order (policy_tasks.api.rows.ledger_entries takes them by these names).
COLUMNS = (
    "id",
    "document_id",
    "text",
    "kind",
    "due_date",
    "original_due_date",
    "status",
    "delay_count",
    "version",
    "task_id",
    "task__number",
    "task__title",
    "task__area_id",
    "task__status",
)
# The task table unaliased: the visibility condition compiled from its queryset names the table.
_M, _T = "m", table(Task)
_SELECT = (
    "SELECT "
    + ", ".join(
        [column(Milestone, name.removesuffix("_id"), _M) for name in COLUMNS[:10]]
        + [column(Task, name.removeprefix("task__").removesuffix("_id"), _T) for name in COLUMNS[10:]]
    )
    + f" FROM {table(Milestone)} {_M} JOIN {_T}"
    + f" ON {column(Task, 'id', _T)} = {column(Milestone, 'task', _M)}"
    + " WHERE "
)
_KEY = f"({column(Milestone, 'due_date', _M)}, {column(Milestone, 'id', _M)})"
_OF_UNIT = (
    f" AND {column(Milestone, 'task', _M)} IN (SELECT {column(TaskUnit, 'task')} FROM {table(TaskUnit)}"
    f" WHERE {column(TaskUnit, 'unit')} = %s)"
)


def overdue_page(
    *,
    on: date,
    user: User,
    document_id: int | None = None,
    unit_id: int | None = None,
    after: tuple[date, int] | None = None,
    backwards: bool = False,
    limit: int,
) -> list[Row]:
    """Up to `limit` rows (COLUMNS) after the key `after` by (due date, id); with `backwards`,
    the rows before it, nearest first."""
    common: list[str] = []
    common_params: list[SQLParam] = []
    if unit_id is not None:
        common.append(_OF_UNIT)
        common_params.append(unit_id)
    # The visibility rule stays in one place: its querysets, compiled into this statement. A
    # supervisor limited to scopes reads each scope's document apart (a task's milestones are
    # of the task's document), by milestone_doc_open_due_idx in due-date order; the whole
    # rule at once would walk every document's live milestones and test each one's task.
    parts: list[tuple[str, list[SQLParam]]] = []
    for part_document, tasks in permissions.visible_task_parts(user):
        if part_document is not None and document_id not in (None, part_document):
            continue
        visible = condition(tasks)
        if visible is None:
            continue
        sql = ""
        params: list[SQLParam] = []
        of_document = part_document if part_document is not None else document_id
        if of_document is not None:
            sql += f" AND {column(Milestone, 'document', _M)} = %s"
            params.append(of_document)
        if visible[0]:
            sql += f" AND {visible[0]}"
            params.extend(visible[1])
        parts.append((sql, params))
    if not parts:
        return []
    if after is not None:
        common.append(f" AND {_KEY} {'<' if backwards else '>'} (%s, %s)")
        common_params.extend(after)
    direction = " DESC" if backwards else ""
    order = f" ORDER BY {{due}}{direction}, {{id}}{direction} LIMIT %s"
    inner = order.format(due=column(Milestone, "due_date", _M), id=column(Milestone, "id", _M))
    rest = "".join(common)
    # A past 统计日期 also lists what was closed only after it (selectors.counted.overdue_sql).
    # Ordered branches merged: each reads its own partial index (open milestones by due date;
    # closed ones by closing time), where one OR of both would read neither.
    branches: list[tuple[str, list[SQLParam]]] = [
        (f"{_SELECT}{overdue}{sql}{rest}{inner}", [*overdue_params, *params, *common_params, limit])
        for overdue, overdue_params in overdue_sql(_M, on)
        for sql, params in parts
    ]
    outer = order.format(due='page."due_date"', id='page."id"')
    # Each ordered, limited branch as a derived table: SQLite (the newcomer's database) rejects a
    # parenthesised SELECT as a member of a UNION; PostgreSQL plans both forms alike.
    union = " UNION ALL ".join(f"SELECT * FROM ({sql}) b{i}" for i, (sql, _) in enumerate(branches))
    return fetch(f"SELECT page.* FROM ({union}) page{outer}", [p for _, params in branches for p in params] + [limit])
