"""The figures' milestone counts and the scoreboard's per-unit sums in one statement (issue 18).

A console or dashboard request showed both, and each read the document's 100,000 milestones:
the figures strip (selectors.figures: 时限节点, 已销号, 应完成, 按期完成, 逾期) and the scoreboard
(selectors.scoreboard: per clause, then per unit and role). Both count the same milestones,
the figures' `counted_milestones` in the reader's scope, judged by the same definitions
(`closed_by`, `closed_on_time`, `closed_late`, `overdue_on`): summed per clause once, the clauses' sums are
joined to the clause–unit links for the scoreboard and added up for the strip. Within
`counted_once` the statement runs once per (document, date, reader).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Count, DateField, Func, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.sql.compiler import SQLCompiler

from accounts.models import User
from duban.lib.sql import column, fetch, table
from policy_tasks.models import PolicyDocument, Task, TaskUnit, in_force_q
from policy_tasks.permissions import sees_every_task, visible_tasks
from policy_tasks.selectors.counted import (
    closed_by,
    closed_late,
    closed_on_time,
    closing_day,
    counted_milestones,
    overdue_on,
)
from policy_tasks.selectors.once import once

if TYPE_CHECKING:
    from django.db.models.sql.compiler import _AsSqlType


class DaysBetween(Func):
    """Whole days from the second date to the first, as an integer: PostgreSQL subtracts dates
    to days; Django's own date subtraction multiplies an interval per row and sums intervals,
    which took most of the scoreboard's statement at 100,000 milestones."""

    arity = 2
    output_field = IntegerField()
    template = "(%(expressions)s)"
    arg_joiner = " - "

    def as_sqlite(self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra_context: Any) -> _AsSqlType:
        return self.as_sql(
            compiler,
            connection,
            template="CAST(ROUND(JULIANDAY(%(expressions)s)) AS INTEGER)",
            arg_joiner=") - JULIANDAY(",
            **extra_context,
        )


class UnitSums(NamedTuple):
    """One unit's sums in one role over the clauses it answers for: milestones due before the
    date, of them still not closed (and their days late), closed late (and their days late)."""

    unit_id: int
    role: str
    links: int
    due: int
    overdue: int
    overdue_days: int
    late: int
    late_days: int


@dataclass(frozen=True)
class MilestoneCounts:
    """The figures' milestone counts (selectors.figures.Figures' fields of the same names)."""

    milestones: int = 0
    closed: int = 0
    due: int = 0
    closed_on_time: int = 0
    overdue: int = 0


@dataclass(frozen=True)
class DocumentSums:
    units: list[UnitSums]
    totals: MilestoneCounts


def scoreboard_scope(document: PolicyDocument, user: User | None) -> tuple[QuerySet[Task], QuerySet[TaskUnit]]:
    """The document's clauses the reader sees (all for None), and their links to units, the
    withdrawn clauses (已撤销) left out: they count for nobody, for or against."""
    tasks: QuerySet[Task] = Task.objects.filter(document=document)
    links = TaskUnit.objects.filter(in_force_q("task__"))
    if user is None or sees_every_task(user):
        # The same links as `task IN (the document's clauses)`, by the join the exclusion makes anyway.
        return tasks, links.filter(task__document=document)
    tasks = visible_tasks(user, tasks)
    return tasks, links.filter(task__in=tasks.values("pk"))


def document_sums(*, document: PolicyDocument, on: date, user: User | None) -> DocumentSums:
    """The scoreboard's per-unit sums and the figures' counts as of `on` (closed by its end), over
    the milestones `user` sees (None: all): one statement, once per scope within counted_once."""
    return once(
        ("document_sums", document.pk, on, user.pk if user is not None else None), lambda: _sums(document, on, user)
    )


def _sums(document: PolicyDocument, on: date, user: User | None) -> DocumentSums:
    closed, late, past, overdue = closed_by(on), closed_late(on), Q(due_date__lt=on), overdue_on(on)
    per_task = (
        # The withdrawn clauses' milestones are left out by the joins below, to the links (which
        # leave those clauses out) and to the clauses for the totals.
        counted_milestones(document=document, user=user, withdrawn_clauses=True)
        .annotate(closed_day=closing_day())
        .values("task_id")
        .annotate(
            n=Count("pk"),
            closed_n=Count("pk", filter=closed),
            due_n=Count("pk", filter=past),
            on_time_n=Count("pk", filter=past & closed_on_time(on)),
            overdue_n=Count("pk", filter=overdue),
            overdue_days=Sum(DaysBetween(Value(on, output_field=DateField()), "due_date"), filter=overdue),
            late_n=Count("pk", filter=past & late),
            late_days=Sum(DaysBetween("closed_day", "due_date"), filter=past & late),
        )
        .order_by()
    )
    _, links = scoreboard_scope(document, user)
    # Unordered: the links' default ordering sorted 30,000 rows for a GROUP BY (issue 18).
    links_sql, links_params = links.values("unit_id", "task_id", "role").order_by().query.sql_with_params()
    task_sql, task_params = per_task.query.sql_with_params()
    sums = ", ".join(
        f'SUM(COALESCE(x."{name}", 0))' for name in ("due_n", "overdue_n", "overdue_days", "late_n", "late_days")
    )
    totals = ", ".join(f'SUM(x."{name}")' for name in ("closed_n", "due_n", "on_time_n", "overdue_n"))
    # The clauses' sums (a CTE read twice: PostgreSQL computes it once), joined to the links and
    # added up per unit and role, and below them one row of the whole scope's totals (role NULL).
    rows = fetch(
        f"WITH x AS ({task_sql})"
        f' SELECT l."unit_id", l."role", COUNT(*), {sums} FROM ({links_sql}) l'
        ' LEFT JOIN x ON x."task_id" = l."task_id" GROUP BY l."unit_id", l."role"'
        f' UNION ALL SELECT NULL, NULL, CAST(SUM(x."n") AS BIGINT), {totals}, 0 FROM x'
        f' JOIN {table(Task)} t ON {column(Task, "id", "t")} = x."task_id" WHERE {column(Task, "status", "t")} <> %s',
        [*task_params, *links_params, Task.Status.WITHDRAWN],
    )
    units = [UnitSums(*row) for row in rows if row[1] is not None]
    total = next(row for row in rows if row[1] is None)
    return DocumentSums(
        units=units,
        totals=MilestoneCounts(*(int(value or 0) for value in total[2:7])),
    )
