"""The monthly bulletin (督查通报) as data: the figures of one document for one month,
as they stood at the end of that month (docs/exports.md has the rules).

The end of period YYYY-MM is the first instant of the next month (the snapshot
cutoff, see snapshot.py). Everything is judged on `on` = the first day of the next
month, so a milestone due on the last day of the month and not closed by then is
overdue in that month's bulletin, by one day. Only clause milestones with a due
date count (area-wide targets have no lifecycle; undated work cannot be late),
as in the scoreboard.

The unit ranking uses the scoreboard's definitions (selectors/scoreboard.py) on the
historical states: a milestone is assessed when its due date in force at the
period end is before `on`; extensions count when decided before the cutoff.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal

from django.db.models import Prefetch

from accounts.models import User
from duban.lib import clock
from policy_tasks.errors import Forbidden, NotFound
from policy_tasks.exports.ranking import historical_scoreboard
from policy_tasks.exports.snapshot import MilestoneState, closed_then, latest_reports, milestone_states
from policy_tasks.models import Area, Milestone, PolicyDocument, Task, TaskUnit
from policy_tasks.parsing.textutil import cn_numeral
from policy_tasks.permissions import can, visible_tasks
from policy_tasks.selectors.figures import on_time_rate
from policy_tasks.selectors.reports import MissingReport, report_counts, report_totals, reports_missing
from policy_tasks.selectors.scoreboard import UnitScore

_PERIOD = re.compile(r"^(\d{4})-(\d{1,2})$")


YEARS = range(1990, 2100)


@dataclass(frozen=True)
class Period:
    year: int
    month: int

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PERIOD.match((text or "").strip())
        if not match or not 1 <= int(match.group(2)) <= 12:
            raise ValueError(f"通报期间格式应为 YYYY-MM（如 2023-10），收到：{text!r}")
        if int(match.group(1)) not in YEARS:
            # Date arithmetic past year 9999 overflows; no plan is that far off either way.
            raise ValueError(f"通报期间的年份应在 {YEARS.start}–{YEARS.stop - 1} 之间，收到：{text!r}")
        return cls(int(match.group(1)), int(match.group(2)))

    @property
    def start(self) -> date:
        return date(self.year, self.month, 1)

    @property
    def end(self) -> date:
        return date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def key(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"


@dataclass
class Figures:
    tasks: int = 0
    tasks_closed: int = 0
    milestones: int = 0
    due_in_period: int = 0
    due_by_end: int = 0
    closed_on_time: int = 0
    closed_late: int = 0
    overdue: int = 0
    closed_in_period: int = 0
    missing_reports: int = 0

    @property
    def on_time_rate(self) -> Decimal | None:
        return on_time_rate(self.closed_on_time, self.due_by_end)


@dataclass
class AreaSummary:
    label: str
    figures: Figures = field(default_factory=Figures)


@dataclass(frozen=True)
class Item:
    """A milestone named in the bulletin (overdue at the period end, or closed in it)."""

    task_number: int
    clause: str
    task_ref: str  # the clause's number as the document writes it (`12`, `二.3`)
    milestone: str
    lead_units: str
    co_units: str
    due: date
    original_due: date | None
    days_late: int | None
    closed_on: date | None


@dataclass(frozen=True)
class OverdueUnit:
    name: str
    overdue: int
    max_days_late: int


@dataclass(frozen=True)
class ReportTotals:
    missing: int  # 缺报: owed by the end of the month and still not submitted then
    late: int  # 迟报: submitted after their deadline, by the end of the month


@dataclass
class Bulletin:
    document: PolicyDocument
    period: Period
    on: date
    generated_at: datetime
    figures: Figures
    areas: list[AreaSummary]
    ranking: list[UnitScore]
    overdue_units: list[OverdueUnit]
    overdue: list[Item]
    closed: list[Item]
    missing: list[MissingReport]
    # 缺报 / 迟报 at the end of the month, cumulative, as every page counts them (selectors.figures).
    reports: ReportTotals = field(default_factory=lambda: ReportTotals(0, 0))

    @property
    def title(self) -> str:
        return f"关于{self.document.doc_number}落实情况的督查通报（{self.period.label}）"


def require_bulletin_reader(user: User, document: PolicyDocument) -> None:
    """Bulletins name every unit: supervisors, leaders and admins who see the document."""
    tasks = Task.objects.filter(document=document)
    if tasks.exists() and not visible_tasks(user, tasks).exists():
        raise NotFound("文件不存在或无权查看")
    if not can(user, "scoreboard.read", document):
        raise Forbidden("无权查看该文件的督查通报")


def _count(figures: Figures, state: MilestoneState, period: Period) -> None:
    assert state.due is not None, "the bulletin reads dated milestones only"
    figures.milestones += 1
    if period.start <= state.due <= period.end:
        figures.due_in_period += 1
    if state.closed_on is not None and period.start <= state.closed_on <= period.end:
        figures.closed_in_period += 1
    if state.due > period.end:
        return
    figures.due_by_end += 1
    if state.is_overdue:
        figures.overdue += 1
    elif state.closed_late:
        figures.closed_late += 1
    elif state.is_closed:
        figures.closed_on_time += 1


def _item(task: Task, m: Milestone, state: MilestoneState, lead: str, co: str) -> Item:
    assert state.due is not None, "the bulletin reads dated milestones only"
    return Item(
        task.number,
        task.title,
        task.ref,
        m.text,
        lead,
        co,
        state.due,
        m.original_due_date,
        state.days_late,
        state.closed_on,
    )


def bulletin_build(*, document: PolicyDocument, period: Period | str, user: User | None = None) -> Bulletin:
    """The bulletin of `document` for `period`; `user=None` reads everything (commands, jobs)."""
    if isinstance(period, str):
        period = Period.parse(period)
    if user is not None:
        require_bulletin_reader(user, document)
    on = period.end + timedelta(days=1)
    cutoff = clock.end_of(period.end)

    # What was withdrawn (已撤销/已作废) before the cutoff counts for nothing; what was
    # withdrawn later was still in force then, and the states at the cutoff say how it stood.
    # A reader sees the tasks their ledger shows, no more (a supervisor scoped to one area: that
    # area's figures, items and ranking; issue 14).
    in_document = Task.objects.filter(document=document)
    seen = visible_tasks(user, in_document) if user is not None else in_document
    scoped = user is not None and seen.count() != in_document.count()
    in_force = seen.exclude(withdrawn_at__lt=cutoff)
    tasks = list(
        in_force.select_related("area")
        .prefetch_related(Prefetch("task_units", queryset=TaskUnit.objects.select_related("unit").order_by("position")))
        .order_by("number")
    )
    by_id: dict[int | None, Task] = {t.pk: t for t in tasks}
    milestones = list(
        Milestone.objects.filter(document=document, task__in=seen.values("pk"), due_date__isnull=False)
        .exclude(withdrawn_at__lt=cutoff)
        .exclude(task__withdrawn_at__lt=cutoff)
        .order_by("task_id", "position", "pk")
    )
    percents = {tid: r.percent for tid, r in latest_reports(list(by_id), cutoff=cutoff).items()}
    states = milestone_states(milestones, on=on, cutoff=cutoff, document=document, percents=percents)
    # 缺报/迟报 by the end of the month (截至月末24时), counted once for the totals and the ranking,
    # and listed by the same rule for the same clauses.
    reports = report_counts(on=on, through=period.end, tasks=in_force)
    missing = reports_missing(on=on, through=period.end, tasks=in_force, include_late=True)

    areas: dict[int | None, AreaSummary] = {
        a.pk: AreaSummary(f"{cn_numeral(a.number)}、{a.title}")
        for a in Area.objects.filter(document=document)
        if not scoped or any(t.area_id == a.pk for t in tasks)
    }
    other = AreaSummary("其他")
    figures = Figures(tasks=len(tasks))
    for task in tasks:
        summary = areas.get(task.area_id, other)
        summary.figures.tasks += 1
        if closed_then(task.status, task.closed_at, cutoff):
            figures.tasks_closed += 1
            summary.figures.tasks_closed += 1

    units_of = {t.pk: list(t.task_units.all()) for t in tasks}
    names = {
        t.pk: (
            "、".join(tu.unit.name for tu in units_of[t.pk] if tu.role == TaskUnit.Role.LEAD),
            "、".join(tu.unit.name for tu in units_of[t.pk] if tu.role == TaskUnit.Role.CO),
        )
        for t in tasks
    }
    overdue: list[tuple[Milestone, Item]] = []
    closed: list[tuple[Milestone, Item]] = []
    for m in milestones:
        state = states[m.pk]
        task = by_id[m.task_id]
        _count(figures, state, period)
        _count(areas.get(task.area_id, other).figures, state, period)
        if state.is_overdue:
            overdue.append((m, _item(task, m, state, *names[task.pk])))
        if state.closed_on is not None and period.start <= state.closed_on <= period.end:
            closed.append((m, _item(task, m, state, *names[task.pk])))

    in_period = [r for r in missing if period.start <= r.period.due_on <= period.end]
    figures.missing_reports = len(in_period)
    for r in in_period:
        areas.get(r.task.area_id, other).figures.missing_reports += 1

    overdue.sort(key=lambda p: (-(p[1].days_late or 0), p[1].task_number, p[0].position, p[0].pk))
    closed.sort(key=lambda p: (p[1].closed_on, p[1].task_number, p[0].position, p[0].pk))
    summaries = list(areas.values())
    if other.figures.tasks:
        summaries.append(other)
    totals = report_totals(reports)
    ranking = historical_scoreboard(
        document=document,
        milestones=milestones,
        states=states,
        units_of=units_of,
        tasks=in_force,
        on=on,
        cutoff=cutoff,
        reports=reports,
        scoped=scoped,
    )
    return Bulletin(
        document=document,
        period=period,
        on=on,
        generated_at=clock.now(),
        figures=figures,
        areas=summaries,
        ranking=ranking,
        overdue_units=_overdue_units(milestones, states, units_of),
        overdue=[item for _, item in overdue],
        closed=[item for _, item in closed],
        missing=sorted(in_period, key=lambda r: (r.period.due_on, r.task.number)),
        reports=ReportTotals(totals.missing, totals.late),
    )


def _overdue_units(milestones, states, units_of) -> list[OverdueUnit]:
    """Lead units with overdue milestones: most overdue first, then the longest late, then name."""
    counts: dict[str, list[int]] = {}
    for m in milestones:
        state = states[m.pk]
        if not state.is_overdue:
            continue
        for tu in units_of[m.task_id]:
            if tu.role == TaskUnit.Role.LEAD:
                counts.setdefault(tu.unit.name, []).append(state.days_late)
    units = [OverdueUnit(name, len(days), max(days)) for name, days in counts.items()]
    return sorted(units, key=lambda u: (-u.overdue, -u.max_days_late, u.name))
