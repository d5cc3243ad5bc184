"""Reads of progress reports, and which reports are missing.

Who owes a report: only the task's LEAD unit. The lead's report is the task's
report; co-responsible units may file their contribution but are not chased for
it, because a task with four co-units would otherwise generate four "missing"
entries for one report the lead is accountable for.

When a report is owed: for every reporting period of the task's document whose
deadline (`due_on`) has passed, while the task was still open on that deadline.
A task closed later still owes the periods that fell due before it closed, so
closing a task does not erase the reports it skipped; a task closed before a
deadline owes nothing for that period. A sub-task (分解任务) owes nothing for the
periods that ended before it was split off; a withdrawn clause (已撤销) owes nothing.

缺报 is an owed report not submitted by the end of `through` (default the 统计日期
`on`), 迟报 one submitted by then but after its deadline: `report_counts` counts both
per lead unit, and every page, export and API adds those counts up
(selectors.figures); `reports_missing` lists the same reports, row by row, by the
same rule (`_owed`).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db import connection
from django.db.models import Case, Count, F, IntegerField, Prefetch, QuerySet, When
from django.utils import timezone

from accounts.models import Unit, User
from duban.lib import clock
from duban.lib.local_date import LocalDate
from duban.lib.sql import as_date, as_decimal, column, fetch, rows_for_ids, table
from policy_tasks.models import (
    LeadReport,
    Milestone,
    MilestoneValue,
    PolicyDocument,
    ProgressReport,
    ReportPeriod,
    ReportVersion,
    Task,
    TaskUnit,
)
from policy_tasks.permissions import visible_tasks
from policy_tasks.selectors.counted import closed_day_of
from policy_tasks.selectors.once import counted_once as counted_once  # re-exported: the pages' entry
from policy_tasks.selectors.once import once

# Which of a task's lead reports is its newest, the one whose percent is the task's: the latest
# period's, then the last filed, then the highest id. NEWEST_FIRST orders reports so in the ORM,
# NEWEST_FIRST_SQL in SQL (r the report, p its period); models.LeadReport keeps each task's
# newest by the SQL form (services.lead_reports), and tests/workflow/test_lead_reports.py holds
# the two forms and the table equal. Everything that needs the newest report today reads
# LeadReport; what needs the newest as of a past instant (exports.snapshot) orders by these.
NEWEST_FIRST = ("-period__starts_on", "-submitted_at", "-id")
NEWEST_FIRST_SQL = (
    f"{column(ReportPeriod, 'starts_on', 'p')} DESC, {column(ProgressReport, 'submitted_at', 'r')} DESC,"
    f" {column(ProgressReport, 'id', 'r')} DESC"
)


def task_reports(*, task: Task) -> QuerySet[ProgressReport]:
    """All reports on the task, the lead's and the co-units' contributions, newest period first."""
    return (
        ProgressReport.objects.filter(task=task)
        .select_related("unit", "author", "period")
        .prefetch_related(
            Prefetch("values", queryset=MilestoneValue.objects.select_related("milestone")),
            "evidence",
            # Every filing for the period, newest first: the page and the API show earlier versions.
            Prefetch("versions", queryset=ReportVersion.objects.select_related("author").order_by("-version")),
        )
        .order_by("-period__starts_on", "-is_lead", "unit__name", "-id")
    )


def latest_report(*, task: Task) -> ProgressReport | None:
    """The task's newest lead report (models.LeadReport, NEWEST_FIRST): its current percent."""
    newest = LeadReport.objects.filter(task=task).values("report")
    return ProgressReport.objects.filter(pk__in=newest).select_related("unit", "period").first()


@dataclass(frozen=True)
class MissingReport:
    task: Task
    unit: Unit
    period: ReportPeriod
    filed_at: datetime | None = None  # set when the report came, but after its deadline

    @property
    def is_late(self) -> bool:
        return self.filed_at is not None


def owing_tasks(
    *, document: PolicyDocument | None = None, user: User | None = None, tasks: QuerySet[Task] | None = None
) -> QuerySet[Task]:
    """The clauses whose lead units can owe reports, in the scope asked for (of `document`, among
    `tasks`, that `user` sees). A withdrawn clause (已撤销) owes no report, not even for the periods
    before it was withdrawn (Task.in_force)."""
    scope = Task.objects.in_force()
    if tasks is not None:
        scope = scope.filter(pk__in=tasks.values("pk"))
    if document is not None:
        scope = scope.filter(document=document)
    return visible_tasks(user, scope) if user is not None else scope


def _leads(scope: QuerySet[Task], unit_ids: Collection[int] | None) -> QuerySet[TaskUnit]:
    leads = TaskUnit.objects.filter(role=TaskUnit.Role.LEAD, task__in=scope.values("pk"))
    return leads if unit_ids is None else leads.filter(unit_id__in=unit_ids)


def reports_missing(
    *,
    on: date,
    through: date | None = None,
    document: PolicyDocument | None = None,
    unit: Unit | int | None = None,  # a unit or its id
    unit_ids: Collection[int] | None = None,
    user: User | None = None,
    tasks: QuerySet[Task] | None = None,
    include_late: bool = False,
) -> list[MissingReport]:
    """Lead units' reports not filed by their deadline, as things stand on `on`, one per owed
    report: the rows report_counts counts (the same scope and the same `_owed` rule).

    A period counts when its `due_on` is before `on`; a report counts as filed when submitted by
    the end of `through` (default `on`). Without `include_late` the list is what is still
    outstanding; with it, reports filed after their deadline are included too (with `filed_at`),
    what the scoreboard counts against a unit as 迟报. Three queries, whatever the size.
    """
    through = through or on
    if unit is not None:
        unit_ids = [unit if isinstance(unit, int) else unit.pk]
    leads_qs = _leads(owing_tasks(document=document, user=user, tasks=tasks), unit_ids)
    leads = list(leads_qs.select_related("task", "unit"))
    if not leads:
        return []
    periods_by_doc: dict[int, list[ReportPeriod]] = {}
    periods = ReportPeriod.objects.filter(document_id__in={tu.task.document_id for tu in leads}, due_on__lt=on)
    for period in periods.order_by("starts_on"):
        periods_by_doc.setdefault(period.document_id, []).append(period)

    filed = {
        (task_id, unit_id, period_id): submitted_at
        for task_id, unit_id, period_id, submitted_at in ProgressReport.objects.filter(
            task__in=leads_qs.values("task_id"), period__due_on__lt=on
        ).values_list("task_id", "unit_id", "period_id", "submitted_at")
    }

    missing: list[MissingReport] = []
    for tu in leads:
        task = tu.task
        closed_on = closed_day_of(task.status, timezone.localdate(task.closed_at) if task.closed_at else None)
        split_on = timezone.localdate(task.created_at) if task.parent_id is not None else None
        for period in periods_by_doc.get(task.document_id, []):
            if not _owed(closed_on, split_on, period.due_on, period.ends_on):
                continue
            submitted_at = filed.get((tu.task_id, tu.unit_id, period.pk))
            filed_on = timezone.localdate(submitted_at) if submitted_at else None
            if filed_on is not None and filed_on <= through:
                if filed_on <= period.due_on or not include_late:
                    continue
                missing.append(MissingReport(task, tu.unit, period, filed_at=submitted_at))
            else:
                missing.append(MissingReport(task, tu.unit, period))
    missing.sort(key=lambda m: (m.period.due_on, m.task.document_id, m.task.number, m.unit.name))
    return missing


def newest_lead_reports_sql(tasks: str, *, with_id: bool = False) -> str:
    """SQL for each task's newest lead report, of the latest period the last filed, as rows
    (task_id, percent, submitted_at, newest) where newest = 1 marks it (and report_id first, with
    `with_id`); `tasks` is the condition on the task id ("IN (…)", "= ANY(%s)"). A window function
    (PostgreSQL, SQLite since 3.25) rather than a subquery per task. The pages read the newest
    from models.LeadReport, which services.lead_reports keeps with this statement."""
    report_id = f"{column(ProgressReport, 'id', 'r')} AS report_id, " if with_id else ""
    return (
        f"SELECT {report_id}{column(ProgressReport, 'task', 'r')} AS task_id,"
        f" {column(ProgressReport, 'percent', 'r')} AS percent,"
        f" {column(ProgressReport, 'submitted_at', 'r')} AS submitted_at, ROW_NUMBER() OVER ("
        f" PARTITION BY {column(ProgressReport, 'task', 'r')} ORDER BY {NEWEST_FIRST_SQL}) AS newest"
        f" FROM {table(ProgressReport)} r JOIN {table(ReportPeriod)} p"
        f" ON {column(ReportPeriod, 'id', 'p')} = {column(ProgressReport, 'period', 'r')}"
        f" WHERE {column(ProgressReport, 'is_lead', 'r')} AND {column(ProgressReport, 'task', 'r')} {tasks}"
    )


_LATEST_SQL = (
    f"SELECT {column(LeadReport, 'task')}, {column(LeadReport, 'percent')} FROM {table(LeadReport)}"
    f" WHERE {column(LeadReport, 'task')} {{ids}}"
)


def latest_percents(task_ids: Iterable[int]) -> dict[int, int]:
    """Each task's percent complete per its lead's most recent report (tasks never reported are
    absent): one row per task of models.LeadReport, kept as newest_lead_reports_sql ranks them."""
    return {pk: percent for pk, percent in rows_for_ids(_LATEST_SQL, task_ids) if percent is not None}


def newest_lead_values_sql(where: str) -> str:
    """SQL for the actual values lead reports state for quantitative milestones, as rows
    (milestone_id, target, actual, newest) where newest = 1 marks each milestone's value in its
    lead's latest report stating one (latest period, then filing time, then id, as
    newest_lead_reports_sql); `where` is a further condition on m (milestone) or r (report)."""
    return (
        f"SELECT {column(MilestoneValue, 'milestone', 'v')} AS milestone_id,"
        f" {column(Milestone, 'target_value', 'm')} AS target, {column(MilestoneValue, 'actual_value', 'v')} AS actual,"
        f" ROW_NUMBER() OVER (PARTITION BY {column(MilestoneValue, 'milestone', 'v')}"
        f" ORDER BY {NEWEST_FIRST_SQL}) AS newest"
        f" FROM {table(MilestoneValue)} v"
        f" JOIN {table(Milestone)} m ON {column(Milestone, 'id', 'm')} = {column(MilestoneValue, 'milestone', 'v')}"
        f" JOIN {table(ProgressReport)} r ON {column(ProgressReport, 'id', 'r')} = {column(MilestoneValue, 'report', 'v')}"
        f" JOIN {table(ReportPeriod)} p ON {column(ReportPeriod, 'id', 'p')} = {column(ProgressReport, 'period', 'r')}"
        f" WHERE {column(ProgressReport, 'is_lead', 'r')} AND {column(Milestone, 'target_value', 'm')} IS NOT NULL"
        f" AND {where}"
    )


_VALUES_SQL = (
    "SELECT milestone_id, target, actual FROM"
    f" ({newest_lead_values_sql(column(MilestoneValue, 'milestone', 'v') + ' {ids}')}) latest WHERE newest = 1"
)


def latest_milestone_values(milestone_ids: Iterable[int]) -> dict[int, tuple[Decimal, Decimal]]:
    """(target, actual) of each quantitative milestone among the ids, its actual value as the lead's
    latest report stating one gives it (milestones with no such value are absent). One query.

    Only the lead's reports count, as for latest_percents: a co-unit's contribution is not the
    milestone's progress. A latest report that leaves the value out does not erase the one before
    it: a reported value is cumulative, and the last one stated is still the best evidence."""
    return {
        pk: (as_decimal(target), as_decimal(actual))
        for pk, target, actual in rows_for_ids(_VALUES_SQL, milestone_ids)
        if actual is not None
    }


@dataclass(frozen=True)
class ReportCounts:
    """One lead unit's reports as of a date: `owed` (periods due before it), `missing` (still not
    submitted by the end of `through`: 缺报) and `late` (submitted by then, after the deadline: 迟报)."""

    owed: int = 0
    missing: int = 0
    late: int = 0

    def __add__(self, other: ReportCounts) -> ReportCounts:
        return ReportCounts(self.owed + other.owed, self.missing + other.missing, self.late + other.late)


def report_totals(counts: Mapping[int, ReportCounts]) -> ReportCounts:
    """A scope's 缺报/迟报: its units' counts added up (each owed report has one lead unit)."""
    return sum(counts.values(), ReportCounts())


def report_counts(
    *,
    on: date,
    through: date | None = None,
    document: PolicyDocument | None = None,
    user: User | None = None,
    unit_ids: Collection[int] | None = None,
    tasks: QuerySet[Task] | None = None,
) -> dict[int, ReportCounts]:
    """缺报 and 迟报 per lead unit (those owing something), the one count of them: the reports
    reports_missing lists with the same arguments, without and with `filed_at` (held equal by
    tests/web/test_figures_consistency.py and tests/web/test_page_scale.py).

    Counted in SQL, grouped by the dates `_owed` compares, so 10,000 clauses come back as a few
    hundred rows (issue 18). Three queries; none inside `counted_once` when counted there before."""
    through = through or on

    def count() -> dict[int, ReportCounts]:
        return _count(
            on=on, through=through, scope=owing_tasks(document=document, user=user, tasks=tasks), unit_ids=unit_ids
        )

    if tasks is not None:  # a queryset is no key: counted every time
        return count()
    return once(
        ("report_counts", on, through, document.pk if document else None, user.pk if user else None, _ids(unit_ids)),
        count,
    )


def _ids(unit_ids: Collection[int] | None) -> tuple[int, ...] | None:
    return None if unit_ids is None else tuple(sorted(unit_ids))


def _count(
    *, on: date, through: date, scope: QuerySet[Task], unit_ids: Collection[int] | None
) -> dict[int, ReportCounts]:
    # A sub-task (分解任务) owes nothing for periods that ended before it was split off: its split
    # day, as reports_missing reads it (its created_at as a local date; None for a clause).
    split_day = Case(When(task__parent__isnull=False, then=LocalDate("task__created_at")), default=None)
    task_dates = {"status": F("task__status"), "closed_day": LocalDate("task__closed_at"), "split_day": split_day}
    lead_rows = list(
        _leads(scope, unit_ids)
        .values("unit_id", document_id=F("task__document_id"), **task_dates)
        .annotate(n=Count("pk"))
        .order_by()
    )
    if not lead_rows:
        return {}
    periods: dict[int, list[tuple[date, date]]] = {}
    for document_id, due_on, ends_on in ReportPeriod.objects.filter(
        document_id__in={row["document_id"] for row in lead_rows}, due_on__lt=on
    ).values_list("document_id", "due_on", "ends_on"):
        periods.setdefault(document_id, []).append((due_on, ends_on))
    owed: dict[int, int] = {}
    for row in lead_rows:
        closed_on = closed_day_of(row["status"], row["closed_day"])
        dues = periods.get(row["document_id"], [])
        n = sum(1 for due_on, ends_on in dues if _owed(closed_on, row["split_day"], due_on, ends_on))
        if n:
            owed[row["unit_id"]] = owed.get(row["unit_id"], 0) + n * row["n"]
    # The lead's own filings by the end of `through` (compared as an instant: no date per row),
    # on time or late; what is owed and not among them is missing. The reports and the lead links
    # (with their task's dates) are read apart and joined once: joined in one ORM statement, the
    # planner misjudged the (task, unit) match and looked up the task for each report (issue 18).
    reports_sql, reports_params = (
        ProgressReport.objects.filter(period__due_on__lt=on, submitted_at__lt=clock.end_of(through))
        .annotate(filed=LocalDate("submitted_at"))
        .values(
            "task_id",
            "unit_id",
            document_id=F("period__document_id"),
            due_on=F("period__due_on"),
            ends_on=F("period__ends_on"),
            late=Case(When(filed__gt=F("period__due_on"), then=1), default=0, output_field=IntegerField()),
        )
        .order_by()
        .query.sql_with_params()
    )
    leads_sql, leads_params = (
        _leads(scope, unit_ids)
        .values("task_id", "unit_id", document_id=F("task__document_id"), **task_dates)
        .order_by()
        .query.sql_with_params()
    )
    # OFFSET 0 keeps PostgreSQL from merging the links' statement into the join (what it did).
    fence = " OFFSET 0" if connection.vendor == "postgresql" else ""
    rows = fetch(
        "SELECT l.unit_id, r.due_on, r.ends_on, l.status, l.closed_day, l.split_day, COUNT(*), SUM(r.late)"
        f" FROM ({reports_sql}) r JOIN ({leads_sql}{fence}) l"
        " ON l.task_id = r.task_id AND l.unit_id = r.unit_id AND l.document_id = r.document_id"
        " GROUP BY l.unit_id, r.due_on, r.ends_on, l.status, l.closed_day, l.split_day",
        [*reports_params, *leads_params],
    )
    submitted: dict[int, list[int]] = {}
    for unit_id, due_on, ends_on, status, closed_day, split_day, n, late in rows:
        due, ends = as_date(due_on), as_date(ends_on)
        assert due is not None and ends is not None  # a period's dates are required
        if _owed(closed_day_of(status, as_date(closed_day)), as_date(split_day), due, ends):
            entry = submitted.setdefault(unit_id, [0, 0])
            entry[0] += n
            entry[1] += late
    return {
        unit_id: ReportCounts(n, n - submitted.get(unit_id, [0, 0])[0], submitted.get(unit_id, [0, 0])[1])
        for unit_id, n in owed.items()
    }


def _owed(closed_on: date | None, split_on: date | None, due_on: date, ends_on: date) -> bool:
    """Whether a lead owes the report of a period (the module's rule): its task not closed by the
    due date, and (a sub-task) the period not over before the task was split off."""
    return (closed_on is None or closed_on > due_on) and (split_on is None or ends_on >= split_on)
