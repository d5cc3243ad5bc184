"""The figures every page shows, defined once, as of a 统计日期 (docs/web.md, "Figures").

The 统计日期 `on` is the day lateness is judged on: a deadline before `on` has passed, one on
`on` has not (due today is 临期, as the lights say). What happened counts up to the end of
`through` (default `on`; the bulletin of a month judges on the 1st of the next month and
counts what happened by the end of the month, "截至月末24时"): a milestone is closed when
closed by then, a report is filed when submitted by then. Today's due dates count (an
extension granted moves the deadline, looking back too, as the scoreboard reads it).

- 时限节点 `milestones`: clause milestones with a due date, neither they nor their clause
  withdrawn (area-wide targets have no lifecycle; undated work cannot be late).
- 已销号 `closed`: of those, closed (销号) by the end of `through`.
- 应完成 `due`: of those, due before `on`; 按期完成 `closed_on_time`: due before `on` and
  closed by the end of `through` on or before the due date.
- 逾期 `overdue`: due before `on` and not closed by the end of `through` (selectors.counted
  overdue_on: the API's `overdue_on` filter and the overdue ledger read the same condition).
- 临期 `due_soon` / 滞后 `behind`: not closed by then, due on or after `on`, and yellow for the
  reason due_soon / behind (selectors.lights: within the document's warning working days; else
  the lead's latest percent lagging the 序时进度; a milestone with a target on its own value).
- 按期完成率 `on_time_rate`: closed_on_time ÷ due, in percent to 0.1; None when nothing is due
  (on_time_rate(); the scoreboard's 0–1 field is the same number ÷ 100, on_time_fraction).
- 缺报 `missing_reports`: reports a lead unit owes (selectors.reports: period due before `on`,
  task open at its deadline) with nothing submitted by the end of `through`: still missing.
- 迟报 `late_reports`: owed reports submitted after their deadline, by the end of `through`.
  Both are selectors.reports.report_counts per lead unit, added up: the scoreboard's rows.

A unit's figures count the clauses it leads or co-owns (its overdue list), or those it leads
(`lead_only`, the scoreboard's on-time rate); reports are always the lead's. `user` keeps what
that user sees. A fixed number of queries whatever the size: counts in SQL, the yellow split
read per (task, due date) and per milestone only for those with a target value.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import asdict, dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TypeVar

from django.db.models import Count, Q, QuerySet

from accounts.models import User
from duban.lib.sql import as_date, column, fetch, rows_for_ids, table
from duban.lib.workdays import workdays_between
from policy_tasks.models import LeadReport, Milestone, PolicyDocument
from policy_tasks.selectors.counted import (
    closed_by,
    closed_on_time,
    closing_day,
    counted_milestones,
    open_branches,
    overdue_on,
)
from policy_tasks.selectors.light_rows import THRESHOLDS_SQL, DueRow, Thresholds
from policy_tasks.selectors.lights import milestone_light_reasons, reason_for
from policy_tasks.selectors.milestone_sums import document_sums
from policy_tasks.selectors.once import active as once_active
from policy_tasks.selectors.reports import report_counts, report_totals

_Row = TypeVar("_Row")


def on_time_rate(closed_on_time: int, due: int) -> Decimal | None:
    """按期完成率: closed on time ÷ due, in percent to 0.1; None when nothing is due yet (not 0%,
    not 100%). The one rate every page, export and the API show."""
    if not due:
        return None
    return (Decimal(closed_on_time) * 100 / Decimal(due)).quantize(Decimal("0.1"))


def on_time_fraction(closed_on_time: int, due: int) -> Decimal | None:
    """on_time_rate as a fraction of 1 (the scoreboard API's 0–1 field): the same number ÷ 100,
    so a page showing either shows the same rate."""
    rate = on_time_rate(closed_on_time, due)
    return None if rate is None else (rate / 100).quantize(Decimal("0.0001"))


def _union(parts: list[QuerySet[Milestone, _Row]]) -> QuerySet[Milestone, _Row]:
    """The branches' rows as one statement (UNION ALL: they are disjoint)."""
    return parts[0] if len(parts) == 1 else parts[0].union(*parts[1:], all=True)


def first_beyond(on: date, workdays: int) -> date:
    """The first date more than `workdays` working days after `on`: due before it is 临期."""
    day = on
    # A week of holidays at most between working days: a few dozen steps, once per document.
    while workdays_between(on, day) <= workdays:
        day += timedelta(days=1)
    return day


def yellow_bounds(on: date, documents: Mapping[int, PolicyDocument | Thresholds]) -> dict[int, date]:
    """Each document's `first_beyond` its own 临期 window (`yellow_workdays`), by document id."""
    return {pk: first_beyond(on, doc.yellow_workdays) for pk, doc in documents.items()}


@dataclass(frozen=True)
class Figures:
    on: date
    milestones: int = 0
    closed: int = 0
    due: int = 0
    closed_on_time: int = 0
    overdue: int = 0
    due_soon: int = 0
    behind: int = 0
    missing_reports: int = 0
    late_reports: int = 0

    @property
    def on_time_rate(self) -> Decimal | None:
        return on_time_rate(self.closed_on_time, self.due)

    @property
    def yellow(self) -> int:
        return self.due_soon + self.behind


def figures(
    *,
    on: date,
    document: PolicyDocument | None = None,
    user: User | None = None,
    unit_ids: Collection[int] | None = None,
    lead_only: bool = False,
    through: date | None = None,
) -> Figures:
    """Every figure of the scope as of `on` (the module's definitions)."""
    through = through or on
    scope = counted_milestones(document=document, user=user, unit_ids=unit_ids, lead_only=lead_only)
    if document is not None and unit_ids is None and through == on and once_active():
        # A page showing the scoreboard too: its statement sums the same milestones per clause
        # and adds them up for the strip (issue 18: the two read 100,000 milestones each).
        counts = asdict(document_sums(document=document, on=on, user=user).totals)
    else:
        closed = closed_by(through)
        past = Q(due_date__lt=on)
        counts = scope.annotate(closed_day=closing_day()).aggregate(
            milestones=Count("pk"),
            closed=Count("pk", filter=closed),
            due=Count("pk", filter=past),
            closed_on_time=Count("pk", filter=past & closed_on_time(through)),
            overdue=Count("pk", filter=overdue_on(on, through=through)),
        )
    due_soon, behind = yellow_counts(
        [scope.filter(branch, due_date__gte=on) for branch in open_branches(through)], on=on
    )
    # Reports are always the lead's: the per-unit counts, added up (a page that shows the
    # scoreboard too counts them once, within reports.counted_once).
    reports = report_totals(report_counts(on=on, through=through, document=document, user=user, unit_ids=unit_ids))
    return Figures(
        on=on,
        due_soon=due_soon,
        behind=behind,
        missing_reports=reports.missing,
        late_reports=reports.late,
        **counts,
    )


def yellow_counts(branches: Sequence[QuerySet[Milestone]], *, on: date) -> tuple[int, int]:
    """(临期, 滞后) among open milestones due on or after `on` (the `branches` of open_branches, each
    read on its own index and joined by UNION ALL): the lights' judgement (selectors.lights
    `reason_for`), read per document (a date bound for 临期), per due date and lead percent (滞后: the
    same integer test), and per milestone only for those with a target value (their own value).

    The milestones come back grouped by (document, due date, their task's latest lead percent), a
    few hundred rows whatever the size (issue 18: a row per milestone took most of the page)."""
    plain_sql, plain_params = _union(
        [b.filter(target_value__isnull=True).values("document_id", "task_id", "due_date").order_by() for b in branches]
    ).query.sql_with_params()
    # Each task's latest lead percent is one row of models.LeadReport (ranking every report of
    # every candidate's task here was most of the statement, issue 18).
    groups = fetch(
        f"SELECT c.document_id, c.due_date, COALESCE(l.{column(LeadReport, 'percent')}, 0), COUNT(*)"
        f" FROM ({plain_sql}) c LEFT JOIN {table(LeadReport)} l ON l.{column(LeadReport, 'task')} = c.task_id"
        f" GROUP BY c.document_id, c.due_date, COALESCE(l.{column(LeadReport, 'percent')}, 0)",
        plain_params,
    )
    valued_rows = _union(
        [
            b.filter(target_value__isnull=False).values_list("pk", "task_id", "document_id", "due_date").order_by()
            for b in branches
        ]
    )
    valued = [
        DueRow(pk, task_id, document_id, Milestone.Status.OPEN, due) for pk, task_id, document_id, due in valued_rows
    ]
    ids = {g[0] for g in groups} | {d.document_id for d in valued}
    documents = {pk: Thresholds(*rest) for pk, *rest in rows_for_ids(THRESHOLDS_SQL, ids)}
    bounds = yellow_bounds(on, documents)
    due_soon = behind = 0
    for document_id, raw_due, percent, n in groups:
        doc, due = documents[document_id], as_date(raw_due)
        assert due is not None  # candidates have a due date
        # A group stands for its milestones: the lights' one judgement, once per group.
        code = reason_for(
            DueRow(0, 0, document_id, Milestone.Status.OPEN, due), on, percent, doc, None, bounds[document_id]
        ).code
        if code == "due_soon":
            due_soon += n
        elif code == "behind":
            behind += n
    if valued:
        reasons = milestone_light_reasons(valued, on=on, documents=documents).values()
        due_soon += sum(1 for r in reasons if r.code == "due_soon")
        behind += sum(1 for r in reasons if r.code == "behind")
    return due_soon, behind
