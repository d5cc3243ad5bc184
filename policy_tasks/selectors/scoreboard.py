"""The per-unit scoreboard (考核) of one document, as things stand on a given date.

Definitions (all "as of `on`"; only task milestones with a due date count: area-wide
targets have no lifecycle yet, and undated commitments have nothing to be late for):

- A milestone is *assessed* once its deadline has passed: `due_date < on`. Its due
  date is the current one, so an extension granted in time moves the deadline
  (extensions are counted on their own, below).
- It is *closed* when its status is closed and it was closed (销号, `closed_at` in
  Asia/Shanghai) on or before `on`; it is *closed on time* when that date is on or
  before its due date. Review time counts: closing is the supervisor's verification.
- 按期完成率 `on_time_rate` = assessed milestones the unit leads that were closed on
  time ÷ assessed milestones the unit leads; None when nothing is assessed yet (not
  0%, not 100%).
- `overdue_count` / `overdue_as_co`: assessed milestones not closed, on tasks the unit
  leads / co-owns.
- `avg_days_late`: mean of (on − due) over the unit's overdue lead milestones and
  (closing date − due) over lead milestones closed late; None when there are none.
- `missing_reports`: lead reports not filed by their deadline (still missing, or
  filed late), see selectors.reports.reports_missing.
- `extensions`: extension requests of the unit granted by `on`.
- `score` = score_base − deduction_lead × overdue_count − deduction_co × overdue_as_co,
  floored at 0 (a negative score ranks nothing better and reads as an error).
  Missing reports do not deduct: the document has no setting for it; they are
  shown so a supervisor can weigh them.

Ranked by score (highest first), then unit name. Five queries, whatever the number of units
or milestones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Count, DateField, F, Func, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from accounts.models import Unit, User
from duban.lib.local_date import LocalDate
from duban.lib.sql import fetch
from policy_tasks.models import ExtensionRequest, Milestone, PolicyDocument, Task, TaskUnit
from policy_tasks.permissions import visible_tasks
from policy_tasks.selectors.reports import missing_report_counts

if TYPE_CHECKING:
    from django.db.models.sql.compiler import _AsSqlType


@dataclass
class UnitScore:
    unit: Unit
    tasks_led: int = 0
    milestones_due: int = 0
    closed_on_time: int = 0
    on_time_rate: Decimal | None = None
    overdue_count: int = 0
    overdue_as_co: int = 0
    missing_reports: int = 0
    extensions: int = 0
    avg_days_late: Decimal | None = None
    score: Decimal = Decimal("0")


def _closed_on(status: str, closed_day: date | None, on: date) -> date | None:
    """The date a milestone was closed (`closed_day`: its closed_at in Asia/Shanghai), if it was
    closed by `on`."""
    if status != Milestone.Status.CLOSED:
        return None
    closed = closed_day or date.min
    return closed if closed <= on else None


def unit_scoreboard(*, document: PolicyDocument, on: date, user: User | None = None) -> list[UnitScore]:
    """`user`: counted over the tasks their ledger shows (a supervisor scoped to an area sees that
    area's units and figures, issue 14); None counts everything (commands, jobs).

    Counted in SQL (issue 18): each statement groups by unit and by the dates the definitions
    compare (due, closed, decided), so Python sees a few hundred rows, not every milestone."""
    tasks: QuerySet[Task] = Task.objects.filter(document=document)
    if user is not None:
        tasks = visible_tasks(user, tasks)
    # Withdrawn clauses (已撤销) and milestones (已作废) count for nobody, for or against.
    links = TaskUnit.objects.filter(task__in=tasks.values("pk")).exclude(task__status=Task.Status.WITHDRAWN)
    # Every unit answering for a visible clause, with its extensions granted by `on`: one statement.
    granted = (
        ExtensionRequest.objects.filter(
            unit=OuterRef("pk"),
            milestone__task__in=tasks.values("pk"),
            status=ExtensionRequest.Status.GRANTED,
            decided_at__isnull=False,
            decided_at__date__lte=on,
        )
        .values("unit")
        .annotate(n=Count("pk"))
        .values("n")
    )
    units = Unit.objects.filter(pk__in=links.values("unit_id")).annotate(granted=Subquery(granted))
    scores: dict[int, UnitScore] = {unit.pk: UnitScore(unit=unit, extensions=unit.granted or 0) for unit in units}

    # Per clause first (one row per task, not per task and unit: 75,000 milestones joined to
    # three units each took most of the page, issue 18), then added up per unit here.
    # Closed by `on` compares the instant with the end of `on` (no time zone per row); only the
    # late ones need their closing day.
    closed = Q(status=Milestone.Status.CLOSED) & (Q(closed_at__isnull=True) | Q(closed_at__lt=_end_of(on)))
    late = closed & Q(closed_day__gt=F("due_date"))
    per_task = (
        Milestone.objects.in_force()
        .filter(document=document, task__in=tasks.values("pk"), due_date__isnull=False, due_date__lt=on)
        .annotate(closed_day=LocalDate("closed_at"))  # TruncDate without a zone lookup per row
        .values("task_id")
        .annotate(
            due_n=Count("pk"),
            overdue_n=Count("pk", filter=~closed),
            overdue_days=Sum(DaysBetween(Value(on, output_field=DateField()), "due_date"), filter=~closed),
            late_n=Count("pk", filter=late),
            late_days=Sum(DaysBetween("closed_day", "due_date"), filter=late),
        )
        .order_by()
    )
    # ...and added up per unit and role in the same statement: a hundred rows come back.
    # Unordered: the links' default ordering sorted 30,000 rows for a GROUP BY (issue 18).
    links_sql, links_params = links.values("unit_id", "task_id", "role").order_by().query.sql_with_params()
    task_sql, task_params = per_task.query.sql_with_params()
    sums = ", ".join(
        f'SUM(COALESCE(x."{name}", 0))' for name in ("due_n", "overdue_n", "overdue_days", "late_n", "late_days")
    )
    rows = fetch(
        f'SELECT l."unit_id", l."role", COUNT(*), {sums} FROM ({links_sql}) l'
        f' LEFT JOIN ({task_sql}) x ON x."task_id" = l."task_id" GROUP BY l."unit_id", l."role"',
        [*links_params, *task_params],
    )
    late_totals: dict[int, list[int]] = {}
    for unit_id, role, n_links, due_n, overdue_n, overdue_days, late_n, late_days in rows:
        score = scores[unit_id]
        if role != TaskUnit.Role.LEAD:
            score.overdue_as_co += overdue_n
            continue
        score.tasks_led += n_links
        score.milestones_due += due_n
        score.overdue_count += overdue_n
        score.closed_on_time += due_n - overdue_n - late_n
        if overdue_n or late_n:
            late_totals[unit_id] = [overdue_days + late_days, overdue_n + late_n]

    for unit_id, count in missing_report_counts(document=document, on=on, tasks=tasks).items():
        if unit_id in scores:
            scores[unit_id].missing_reports += count

    return scores_ranked(scores, {}, document, late_totals=late_totals)


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


def _end_of(day: date) -> datetime:
    """The first instant after `day` in the project's time zone: closed by `day` is closed before it."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))


def scores_ranked(
    scores: dict[int, UnitScore],
    days_late: dict[int, list[int]],
    document: PolicyDocument,
    late_totals: dict[int, list[int]] | None = None,
) -> list[UnitScore]:
    """Rates, average lateness and the score from the counts; ranked by score, then name.
    Lateness is given per unit as every late milestone's days (`days_late`) or as their
    [sum, count] (`late_totals`)."""
    for unit_id, (total, count) in (late_totals or {}).items():
        scores[unit_id].avg_days_late = (Decimal(total) / Decimal(count)).quantize(Decimal("0.1"))
    for unit_id, score in scores.items():
        if score.milestones_due:
            score.on_time_rate = (Decimal(score.closed_on_time) / Decimal(score.milestones_due)).quantize(
                Decimal("0.0001")
            )
        late = days_late.get(unit_id)
        if late:
            score.avg_days_late = (Decimal(sum(late)) / Decimal(len(late))).quantize(Decimal("0.1"))
        raw = (
            document.score_base
            - document.deduction_lead * score.overdue_count
            - document.deduction_co * score.overdue_as_co
        )
        score.score = max(raw, Decimal("0"))
    return sorted(scores.values(), key=lambda s: (-s.score, s.unit.name))
