"""Reads of progress reports, and which reports are missing.

Who owes a report: only the task's LEAD unit. The lead's report is the task's
report; co-responsible units may file their contribution but are not chased for
it, because a task with four co-units would otherwise generate four "missing"
entries for one report the lead is accountable for.

When a report is owed: for every reporting period of the task's document whose
deadline (`due_on`) has passed, while the task was still open on that deadline.
A task closed later still owes the periods that fell due before it closed, so
closing a task does not erase the reports it skipped; a task closed before a
deadline owes nothing for that period.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from django.db.models import Case, Count, F, Prefetch, Q, QuerySet, When
from django.db.models.functions import TruncDate
from django.utils import timezone

from accounts.models import Unit
from duban.lib.sql import column, rows_for_ids, table
from policy_tasks.models import (
    Milestone,
    MilestoneValue,
    PolicyDocument,
    ProgressReport,
    ReportPeriod,
    ReportVersion,
    Task,
    TaskUnit,
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


def latest_report(*, task: Task, lead_only: bool = True) -> ProgressReport | None:
    """The report of the most recent period (the lead's by default): the task's current percent."""
    qs = ProgressReport.objects.filter(task=task)
    if lead_only:
        qs = qs.filter(is_lead=True)
    return qs.select_related("unit", "period").order_by("-period__starts_on", "-submitted_at", "-id").first()


@dataclass(frozen=True)
class MissingReport:
    task: Task
    unit: Unit
    period: ReportPeriod
    filed_at: datetime | None = None  # set when the report came, but after its deadline

    @property
    def is_late(self) -> bool:
        return self.filed_at is not None


def _closed_on(task: Task) -> date | None:
    if task.status != Task.Status.CLOSED:
        return None
    # A closed task without a closing time is treated as closed from the start.
    return timezone.localdate(task.closed_at) if task.closed_at else date.min


def reports_missing(
    *,
    on: date,
    document: PolicyDocument | None = None,
    unit: Unit | int | None = None,  # a unit or its id
    include_late: bool = False,
) -> list[MissingReport]:
    """Lead units' reports not filed by their deadline, as things stand on `on`.

    A period counts when its `due_on` is before `on`. Without `include_late` the list
    is what is still outstanding (nothing filed by `on`); with it, reports filed
    after their deadline are included too (with `filed_at`), which is what the
    scoreboard counts against a unit. Three queries, whatever the size.
    """
    # A withdrawn clause (已撤销) owes no report, not even for the periods before it was withdrawn.
    leads_qs = (
        TaskUnit.objects.filter(role=TaskUnit.Role.LEAD)
        .exclude(task__status=Task.Status.WITHDRAWN)
        .select_related("task", "unit")
    )
    periods_qs = ReportPeriod.objects.filter(due_on__lt=on)
    if document is not None:
        leads_qs = leads_qs.filter(task__document=document)
        periods_qs = periods_qs.filter(document=document)
    if unit is not None:
        leads_qs = leads_qs.filter(unit=unit)
    leads = list(leads_qs)
    if not leads:
        return []
    periods_by_doc: dict[int, list[ReportPeriod]] = {}
    for period in periods_qs.filter(document_id__in={tu.task.document_id for tu in leads}).order_by("starts_on"):
        periods_by_doc.setdefault(period.document_id, []).append(period)

    filed = {
        (task_id, unit_id, period_id): submitted_at
        for task_id, unit_id, period_id, submitted_at in ProgressReport.objects.filter(
            task_id__in={tu.task_id for tu in leads}, period__due_on__lt=on
        ).values_list("task_id", "unit_id", "period_id", "submitted_at")
    }

    missing: list[MissingReport] = []
    for tu in leads:
        closed_on = _closed_on(tu.task)
        # A sub-task (分解任务) owes no report for periods that ended before it was split off.
        split_on = timezone.localdate(tu.task.created_at) if tu.task.parent_id else None
        for period in periods_by_doc.get(tu.task.document_id, []):
            if not _owed(closed_on, split_on, period.due_on, period.ends_on):
                continue
            submitted_at = filed.get((tu.task_id, tu.unit_id, period.pk))
            filed_on = timezone.localdate(submitted_at) if submitted_at else None
            if filed_on is not None and filed_on <= on:
                if filed_on <= period.due_on or not include_late:
                    continue
                missing.append(MissingReport(tu.task, tu.unit, period, filed_at=submitted_at))
            else:
                missing.append(MissingReport(tu.task, tu.unit, period))
    missing.sort(key=lambda m: (m.period.due_on, m.task.document_id, m.task.number, m.unit.name))
    return missing


def newest_lead_reports_sql(tasks: str) -> str:
    """SQL for each task's newest lead report, of the latest period the last filed, as rows
    (task_id, percent, submitted_at, newest) where newest = 1 marks it; `tasks` is the condition
    on the task id ("IN (…)", "= ANY(%s)"). A window function (PostgreSQL, SQLite since 3.25)
    rather than a subquery per task."""
    return (
        f"SELECT {column(ProgressReport, 'task', 'r')} AS task_id, {column(ProgressReport, 'percent', 'r')} AS percent,"
        f" {column(ProgressReport, 'submitted_at', 'r')} AS submitted_at, ROW_NUMBER() OVER ("
        f" PARTITION BY {column(ProgressReport, 'task', 'r')} ORDER BY {column(ReportPeriod, 'starts_on', 'p')} DESC,"
        f" {column(ProgressReport, 'submitted_at', 'r')} DESC, {column(ProgressReport, 'id', 'r')} DESC) AS newest"
        f" FROM {table(ProgressReport)} r JOIN {table(ReportPeriod)} p"
        f" ON {column(ReportPeriod, 'id', 'p')} = {column(ProgressReport, 'period', 'r')}"
        f" WHERE {column(ProgressReport, 'is_lead', 'r')} AND {column(ProgressReport, 'task', 'r')} {tasks}"
    )


_LATEST_SQL = f"SELECT task_id, percent FROM ({newest_lead_reports_sql('{ids}')}) latest WHERE newest = 1"


def latest_percents(task_ids: Iterable[int]) -> dict[int, int]:
    """Each task's percent complete per its lead's most recent report (tasks never reported are absent). One query."""
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
        f" ORDER BY {column(ReportPeriod, 'starts_on', 'p')} DESC, {column(ProgressReport, 'submitted_at', 'r')} DESC,"
        f" {column(ProgressReport, 'id', 'r')} DESC) AS newest"
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


def as_decimal(value: Decimal | float | str) -> Decimal:
    """A decimal column read by plain SQL (SQLite may hand back a float)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


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


@dataclass
class ReportCounts:
    """One lead unit's reports as of a date: `owed` (periods due before it, reports_missing's rule),
    `missing` (still not filed by it) and `late` (filed by it, but after the period's deadline)."""

    owed: int = 0
    missing: int = 0
    late: int = 0


def report_counts(*, document: PolicyDocument, on: date, tasks: QuerySet[Task]) -> dict[int, ReportCounts]:
    """Per lead unit with a report owed on `tasks`, counted in SQL: `missing` and `late` are the
    entries `reports_missing(on=on, document=document, include_late=True)` has without and with
    `filed_at` (the scoreboard's 缺报 and 迟报). Grouped by the dates compared, so a document of
    10,000 clauses reads a few hundred rows (issue 18). Three queries."""
    periods = list(ReportPeriod.objects.filter(document=document, due_on__lt=on).values_list("due_on", "ends_on"))
    if not periods:
        return {}
    # A sub-task (分解任务) owes nothing for periods that ended before it was split off (as reports_missing).
    split_day = Case(When(task__parent__isnull=False, then=TruncDate("task__created_at")), default=None)
    leads = (
        TaskUnit.objects.filter(role=TaskUnit.Role.LEAD, task__document=document, task__in=tasks.values("pk"))
        .exclude(task__status=Task.Status.WITHDRAWN)
        .values("unit_id", status=F("task__status"), closed_day=TruncDate("task__closed_at"), split_day=split_day)
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts: dict[int, ReportCounts] = {}
    for row in leads:
        closed_on = _closed_day(row["status"], row["closed_day"])
        owed = sum(1 for due_on, ends_on in periods if _owed(closed_on, row["split_day"], due_on, ends_on))
        if owed:
            entry = counts.setdefault(row["unit_id"], ReportCounts())
            entry.owed += owed * row["n"]
            entry.missing += owed * row["n"]
    # The lead's filings by `on`, on time or late; what is owed and not among them is missing.
    filed = (
        ProgressReport.objects.filter(
            task__document=document,
            task__in=tasks.values("pk"),
            task__task_units__unit=F("unit"),
            task__task_units__role=TaskUnit.Role.LEAD,
            period__document=document,
            period__due_on__lt=on,
        )
        .exclude(task__status=Task.Status.WITHDRAWN)
        .annotate(filed=TruncDate("submitted_at"))
        .filter(filed__lte=on)
        .values(
            "unit_id",
            status=F("task__status"),
            closed_day=TruncDate("task__closed_at"),
            split_day=split_day,
            due_on=F("period__due_on"),
            ends_on=F("period__ends_on"),
        )
        .annotate(n=Count("pk"), late=Count("pk", filter=Q(filed__gt=F("period__due_on"))))
        .order_by()
    )
    for row in filed:
        closed_on = _closed_day(row["status"], row["closed_day"])
        if _owed(closed_on, row["split_day"], row["due_on"], row["ends_on"]):
            entry = counts[row["unit_id"]]
            entry.missing -= row["n"]
            entry.late += row["late"]
    return counts


def _owed(closed_on: date | None, split_on: date | None, due_on: date, ends_on: date) -> bool:
    """Whether a lead owes the report of a period: its task not closed by the due date, and (a
    sub-task) the period not over before the task was split off. reports_missing's rule."""
    return (closed_on is None or closed_on > due_on) and (split_on is None or ends_on >= split_on)


def _closed_day(status: str, closed_day: date | None) -> date | None:
    """As _closed_on, from a task's status and its closed_at already turned into a local date."""
    if status != Task.Status.CLOSED:
        return None
    return closed_day or date.min
