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

Ranked by score (highest first), then unit name. Six queries, whatever the number of units
or milestones.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db.models import Count, F, Q
from django.db.models.functions import TruncDate

from accounts.models import Unit
from policy_tasks.models import ExtensionRequest, Milestone, PolicyDocument, Task, TaskUnit
from policy_tasks.permissions import visible_tasks
from policy_tasks.selectors.reports import missing_report_counts


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


def unit_scoreboard(*, document: PolicyDocument, on: date, user: Any = None) -> list[UnitScore]:
    """`user`: counted over the tasks their ledger shows (a supervisor scoped to an area sees that
    area's units and figures, issue 14); None counts everything (commands, jobs).

    Counted in SQL (issue 18): each statement groups by unit and by the dates the definitions
    compare (due, closed, decided), so Python sees a few hundred rows, not every milestone."""
    tasks = Task.objects.filter(document=document)
    if user is not None:
        tasks = visible_tasks(user, tasks)
    # Withdrawn clauses (已撤销) and milestones (已作废) count for nobody, for or against.
    links = TaskUnit.objects.filter(task__in=tasks.values("pk")).exclude(task__status=Task.Status.WITHDRAWN)
    # Every unit answering for a visible clause, with how many it leads: one statement.
    units = Unit.objects.filter(pk__in=links.values("unit_id")).annotate(
        led=Count("task_units", filter=Q(task_units__in=links.filter(role=TaskUnit.Role.LEAD).values("pk")))
    )
    scores: dict[int, UnitScore] = {unit.pk: UnitScore(unit=unit, tasks_led=unit.led) for unit in units}

    days_late: dict[int, list[int]] = {}
    milestones = (
        links.filter(
            task__milestones__document=document,
            task__milestones__status__in=[*Milestone.LIVE_STATUSES, Milestone.Status.CLOSED],
            task__milestones__due_date__isnull=False,
            task__milestones__due_date__lt=on,
        )
        .values(
            "unit_id",
            "role",
            due=F("task__milestones__due_date"),
            status=F("task__milestones__status"),
            closed_day=TruncDate("task__milestones__closed_at"),
        )
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in milestones:
        score, n, due = scores[row["unit_id"]], row["n"], row["due"]
        closed = _closed_on(row["status"], row["closed_day"], on)
        if row["role"] != TaskUnit.Role.LEAD:
            if closed is None:
                score.overdue_as_co += n
            continue
        score.milestones_due += n
        if closed is None:
            score.overdue_count += n
            days_late.setdefault(row["unit_id"], []).extend([(on - due).days] * n)
        elif closed <= due:
            score.closed_on_time += n
        else:
            days_late.setdefault(row["unit_id"], []).extend([(closed - due).days] * n)

    granted = (
        ExtensionRequest.objects.filter(
            milestone__task__in=tasks.values("pk"), status=ExtensionRequest.Status.GRANTED, decided_at__isnull=False
        )
        .annotate(day=TruncDate("decided_at"))
        .filter(day__lte=on)
        .values("unit_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for row in granted:
        if row["unit_id"] in scores:
            scores[row["unit_id"]].extensions += row["n"]

    for unit_id, count in missing_report_counts(document=document, on=on, tasks=tasks).items():
        if unit_id in scores:
            scores[unit_id].missing_reports += count

    return scores_ranked(scores, days_late, document)


def scores_ranked(
    scores: dict[int, UnitScore], days_late: dict[int, list[int]], document: PolicyDocument
) -> list[UnitScore]:
    """Rates, average lateness and the score from the counts; ranked by score, then name."""
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
