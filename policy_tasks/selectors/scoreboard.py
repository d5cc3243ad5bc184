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
  0%, not 100%). The figures' rate (selectors.figures.on_time_rate, in percent to 0.1,
  `on_time_percent`) as a fraction of 1 (on_time_fraction): the API's 0–1 field.
- `overdue_count` / `overdue_as_co`: assessed milestones not closed, on tasks the unit
  leads / co-owns.
- `avg_days_late`: mean of (on − due) over the unit's overdue lead milestones and
  (closing date − due) over lead milestones closed late; None when there are none.
- `missing_reports` / `late_reports`: the unit's lead reports (selectors.reports.report_counts,
  the one count of 缺报 and 迟报) still not filed by `on` / filed by `on` but after their deadline.
- `returned_completions`: completion requests on the unit's lead clauses that a supervisor
  returned (退回) by `on`; those a re-import returned when it withdrew the milestone do not count.
- `extensions`: extension requests of the unit granted by `on`.
- A unit is *assessed* when it has something to answer for: an assessed milestone as lead or
  co-responsible unit, a report owed, or a returned completion. One that is not (暂无考核事项)
  has no score and no rank and is listed after every ranked unit: a unit with nothing due has
  shown nothing, and 100 points would rank it above every unit that did its work.
- `score` = score_base + bonus_on_time × closed_on_time − deduction_lead × overdue_count
  − deduction_co × overdue_as_co − deduction_missing_report × missing_reports
  − deduction_late_report × late_reports − deduction_returned × returned_completions,
  floored at 0 (a negative score ranks nothing better and reads as an error). The document
  sets every weight; selectors.scoring_formula writes the same formula out in Chinese.

Ranked by score (highest first), then unit name; equal scores share a rank (1, 1, 3). Five
queries, whatever the number of units or milestones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, OuterRef, Subquery

from accounts.models import Unit, User
from duban.lib import clock
from policy_tasks.models import CompletionRequest, ExtensionRequest, PolicyDocument, TaskUnit, in_force_q
from policy_tasks.selectors.figures import on_time_fraction, on_time_rate
from policy_tasks.selectors.milestone_sums import DaysBetween as DaysBetween  # re-exported: its old home
from policy_tasks.selectors.milestone_sums import document_sums, scoreboard_scope
from policy_tasks.selectors.reports import ReportCounts, report_counts


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
    late_reports: int = 0
    returned_completions: int = 0
    extensions: int = 0
    avg_days_late: Decimal | None = None
    # What makes a unit assessed, beside the deductions: milestones due on clauses it co-owns, reports owed.
    milestones_due_as_co: int = 0
    reports_owed: int = 0
    # None for a unit with nothing to answer for (暂无考核事项): no score, no rank.
    score: Decimal | None = None
    rank: int | None = None

    @property
    def on_time_percent(self) -> Decimal | None:
        """on_time_rate in percent to 0.1, as every page shows the rate (selectors.figures.on_time_rate)."""
        return on_time_rate(self.closed_on_time, self.milestones_due)

    @property
    def assessed(self) -> bool:
        return bool(self.milestones_due or self.milestones_due_as_co or self.reports_owed or self.returned_completions)


def unit_scoreboard(*, document: PolicyDocument, on: date, user: User | None = None) -> list[UnitScore]:
    """`user`: counted over the tasks their ledger shows (a supervisor scoped to an area sees that
    area's units and figures, issue 14); None counts everything (commands, jobs).

    Counted in SQL (issue 18): each statement groups by unit and by the dates the definitions
    compare (due, closed, decided), so Python sees a few hundred rows, not every milestone."""
    tasks, links = scoreboard_scope(document, user)
    # Every unit answering for a visible clause, with its extensions granted by `on`: one statement.
    granted = (
        ExtensionRequest.objects.filter(
            unit=OuterRef("pk"),
            milestone__task__in=tasks.values("pk"),
            status=ExtensionRequest.Status.GRANTED,
            decided_at__lt=clock.end_of(on),
        )
        .values("unit")
        .annotate(n=Count("pk"))
        .values("n")
    )
    # ...and its completions returned by `on` on the clauses it leads, in the same statement. A
    # request a re-import returned with its withdrawn milestone has no supervisor: not the unit's doing.
    returned = (
        CompletionRequest.objects.filter(
            milestone__task__in=links.values("task_id"),
            milestone__task__task_units__unit=OuterRef("pk"),
            milestone__task__task_units__role=TaskUnit.Role.LEAD,
            status=CompletionRequest.Status.RETURNED,
            decided_by__isnull=False,
            decided_at__lt=clock.end_of(on),
        )
        .filter(in_force_q("milestone__"))
        .order_by()
        .values("status")  # one value here: the whole match in one group
        .annotate(n=Count("pk"))
        .values("n")
    )
    units = Unit.objects.filter(pk__in=links.values("unit_id")).annotate(
        granted=Subquery(granted), returned=Subquery(returned)
    )
    scores: dict[int, UnitScore] = {
        unit.pk: UnitScore(unit=unit, extensions=unit.granted or 0, returned_completions=unit.returned or 0)
        for unit in units
    }

    # Per clause first (one row per task, not per task and unit: 75,000 milestones joined to
    # three units each took most of the page, issue 18), then per unit and role in the same
    # statement, which also gives the figures strip its counts (selectors.milestone_sums).
    rows = document_sums(document=document, on=on, user=user).units
    late_totals: dict[int, list[int]] = {}
    for unit_id, role, n_links, due_n, overdue_n, overdue_days, late_n, late_days in rows:
        score = scores[unit_id]
        if role != TaskUnit.Role.LEAD:
            score.overdue_as_co += overdue_n
            score.milestones_due_as_co += due_n
            continue
        score.tasks_led += n_links
        score.milestones_due += due_n
        score.overdue_count += overdue_n
        score.closed_on_time += due_n - overdue_n - late_n
        if overdue_n or late_n:
            late_totals[unit_id] = [overdue_days + late_days, overdue_n + late_n]

    # The same scope as the figures strip's (document, reader): counted once on a page showing both.
    add_report_counts(scores, report_counts(document=document, on=on, user=user))
    return scores_ranked(scores, {}, document, late_totals=late_totals)


def add_report_counts(scores: dict[int, UnitScore], counts: Mapping[int, ReportCounts]) -> None:
    for unit_id, count in counts.items():
        if unit_id in scores:
            score = scores[unit_id]
            score.reports_owed += count.owed
            score.missing_reports += count.missing
            score.late_reports += count.late


def scores_ranked(
    scores: dict[int, UnitScore],
    days_late: dict[int, list[int]],
    document: PolicyDocument,
    late_totals: dict[int, list[int]] | None = None,
) -> list[UnitScore]:
    """Rates, average lateness, the score and the rank from the counts: the assessed units by score,
    then name, equal scores sharing a rank; then the units with nothing to answer for, by name,
    unscored. Lateness is given per unit as every late milestone's days (`days_late`) or as their
    [sum, count] (`late_totals`)."""
    for unit_id, (total, count) in (late_totals or {}).items():
        scores[unit_id].avg_days_late = (Decimal(total) / Decimal(count)).quantize(Decimal("0.1"))
    for unit_id, score in scores.items():
        score.on_time_rate = on_time_fraction(score.closed_on_time, score.milestones_due)
        late = days_late.get(unit_id)
        if late:
            score.avg_days_late = (Decimal(sum(late)) / Decimal(len(late))).quantize(Decimal("0.1"))
        score.score = unit_score(score, document) if score.assessed else None
        score.rank = None
    ranked = sorted((s for s in scores.values() if s.score is not None), key=lambda s: (-(s.score or 0), s.unit.name))
    for index, score in enumerate(ranked):
        before = ranked[index - 1] if index else None
        score.rank = before.rank if before is not None and before.score == score.score else index + 1
    unranked = sorted((s for s in scores.values() if s.score is None), key=lambda s: s.unit.name)
    return ranked + unranked


def unit_score(s: UnitScore, document: PolicyDocument) -> Decimal:
    """The document's formula on one unit's counts (its text: selectors.scoring_formula)."""
    raw = (
        document.score_base
        + document.bonus_on_time * s.closed_on_time
        - document.deduction_lead * s.overdue_count
        - document.deduction_co * s.overdue_as_co
        - document.deduction_missing_report * s.missing_reports
        - document.deduction_late_report * s.late_reports
        - document.deduction_returned * s.returned_completions
    )
    return max(raw, Decimal("0"))
