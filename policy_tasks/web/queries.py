"""Reads the pages need beyond the shared selectors, always scoped by visible_tasks.

Each function runs a fixed number of queries whatever the number of rows (the web
tests assert it), so rows are fetched with select_related/prefetch_related and the
lights are computed in bulk (selectors.lights).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import cast

from django.db.models import Prefetch, QuerySet

from accounts.models import Unit, User
from policy_tasks.models import (
    AuditEvent,
    CompletionRequest,
    Evidence,
    ExtensionRequest,
    Milestone,
    PolicyDocument,
    ProgressReport,
    ReportPeriod,
    Task,
    TaskUnit,
    UrgeNotice,
    UrgeRecipient,
)
from policy_tasks.permissions import visible_tasks
from policy_tasks.selectors.lights import Light, annotate_lights, task_lights
from policy_tasks.selectors.reports import MissingReport, reports_missing, task_reports
from policy_tasks.selectors.tasks import milestones_overdue

UPCOMING_DAYS = 30


def visible_documents(user: User) -> QuerySet[PolicyDocument]:
    return PolicyDocument.objects.filter(pk__in=visible_tasks(user).values("document_id")).order_by(
        "-year", "doc_number"
    )


def pick_document(user: User, raw: str | None) -> PolicyDocument | None:
    """The document asked for (when visible), else the newest visible one."""
    docs = visible_documents(user)
    if raw and raw.isdigit():
        chosen = docs.filter(pk=int(raw)).first()
        if chosen is not None:
            return chosen
    return docs.first()


# 工作台


@dataclass
class PeriodDue:
    task: Task
    unit: Unit
    period: ReportPeriod
    filed: bool


@dataclass
class Workbench:
    groups: list[tuple[str, list[Task]]] = field(default_factory=list)
    task_count: int = 0
    upcoming: list[Milestone] = field(default_factory=list)
    upcoming_count: int = 0
    overdue: list[Milestone] = field(default_factory=list)
    overdue_count: int = 0
    periods_due: list[PeriodDue] = field(default_factory=list)
    missing: list[MissingReport] = field(default_factory=list)
    urges: list[UrgeRecipient] = field(default_factory=list)

    @property
    def report_count(self) -> int:
        return len(self.missing_groups) + sum(1 for p in self.periods_due if not p.filed)

    @property
    def missing_groups(self) -> list[tuple[Task, Unit, list[ReportPeriod]]]:
        """Missing reports per task and unit, oldest period first: one line per task, not per month."""
        groups: dict[tuple[int, int], tuple[Task, Unit, list[ReportPeriod]]] = {}
        for item in self.missing:
            unit = cast(Unit, item.unit)  # a TaskUnit's unit, though selectors.reports types it as object
            groups.setdefault((item.task.pk, unit.pk), (item.task, unit, []))[2].append(item.period)
        return sorted(groups.values(), key=lambda g: (g[0].document_id, g[0].number, g[1].name))


def workbench(*, user: User, unit_ids: set[int], on: date, shown: int | None = None) -> Workbench:
    """`shown`: how many overdue and upcoming milestones to read (all when None); their
    counts are `overdue_count` and `upcoming_count` either way."""
    board = Workbench()
    if not unit_ids:
        return board
    mine = TaskUnit.objects.filter(unit_id__in=unit_ids).values("task_id")
    # What a tile shows, no more: the list's milestones and the documents' full text made a unit
    # of 600 clauses load 18,000 objects (issue 18).
    tasks = list(
        visible_tasks(user)
        .filter(pk__in=mine)
        .select_related("document")
        .only("id", "number", "label", "title", "status", "closed_at", "document__id", "document__doc_number")
        .order_by("document_id", "number")
    )
    lights = task_lights(tasks, on=on)
    # The units' roles as plain pairs: a prefetch builds a queryset per task.
    roles: dict[int, set[str]] = {}
    for task_id, role in TaskUnit.objects.filter(unit_id__in=unit_ids).values_list("task_id", "role"):
        roles.setdefault(task_id, set()).add(role)
    for task in tasks:
        task.light = lights[task.pk]
        task.my_roles = roles.get(task.pk, set())
    board.task_count = len(tasks)
    board.groups = [
        (light, [t for t in tasks if t.light == light])
        for light in Light.values  # the worst first
        if any(t.light == light for t in tasks)
    ]

    upcoming = (
        Milestone.objects.live()
        .filter(task_id__in=mine, due_date__gte=on, due_date__lte=on + timedelta(days=UPCOMING_DAYS))
        .select_related("task", "document")
        .order_by("due_date", "task__number", "position")
    )
    # Counted in SQL, the first `shown` rows read (issue 18); a document's full text stays behind.
    board.upcoming_count = upcoming.count()
    board.upcoming = annotate_lights(upcoming.defer("document__source_text")[:shown], on=on)
    for m in board.upcoming:
        assert m.due_date is not None, "filtered on it"
        m.days_left = (m.due_date - on).days
    overdue = milestones_overdue(on=on, user=user).filter(task_id__in=mine)
    board.overdue_count = overdue.count()
    board.overdue = list(overdue.defer("document__source_text")[:shown])
    for m in board.overdue:
        assert m.due_date is not None, "overdue: past its due date"
        m.days_late = (on - m.due_date).days

    leads = list(
        TaskUnit.objects.filter(unit_id__in=unit_ids, role=TaskUnit.Role.LEAD, task__status=Task.Status.OPEN)
        .select_related("task", "unit")
        .order_by("task__document_id", "task__number")
    )
    periods = list(
        ReportPeriod.objects.filter(
            document_id__in={tu.task.document_id for tu in leads},
            starts_on__lte=on,
            due_on__gte=on,
            due_on__lte=on + timedelta(days=UPCOMING_DAYS),
        ).order_by("due_on")
    )
    filed = set(
        ProgressReport.objects.filter(
            task_id__in=[tu.task_id for tu in leads], unit_id__in=unit_ids, period__in=periods
        ).values_list("task_id", "unit_id", "period_id")
    )
    board.periods_due = [
        PeriodDue(tu.task, tu.unit, p, (tu.task_id, tu.unit_id, p.pk) in filed)
        for p in periods
        for tu in leads
        if tu.task.document_id == p.document_id
    ]
    # Still missing, as the figures strip counts them (the same scope: these units, this reader).
    board.missing = reports_missing(on=on, user=user, unit_ids=unit_ids)
    board.urges = list(
        UrgeRecipient.objects.filter(unit_id__in=unit_ids, replied_at=None)
        .filter(notice__task__in=visible_tasks(user).values("pk"))
        .select_related("unit", "notice", "notice__task", "notice__milestone", "notice__issued_by")
        .order_by("notice__reply_due", "pk")
    )
    return board


# Task page


def task_for_page(*, user: User, task_id: int | None) -> Task | None:
    """The task when the user may see it; None for no task (an area milestone's task_id)."""
    if task_id is None:
        return None
    return visible_tasks(user).select_related("document", "area").filter(pk=task_id).first()


@dataclass
class TaskPageData:
    task: Task
    milestones: list[Milestone]
    task_units: list[TaskUnit]
    reports: list[ProgressReport]
    periods: list[ReportPeriod]
    free_evidence: list[Evidence]
    urges: list[UrgeNotice]
    audit: list[AuditEvent]


def _with_earlier_versions(reports: list[ProgressReport], milestones: list[Milestone]) -> list[ProgressReport]:
    """Give each report its superseded versions, newest first, their values named by milestone."""
    named = {str(m.pk): m for m in milestones}
    for report in reports:
        report.earlier = [v for v in report.versions.all() if v.version < report.version]
        for version in report.earlier:
            version.named_values = [
                (named[k], Decimal(v)) for k, v in sorted(version.values.items(), key=lambda i: int(i[0])) if k in named
            ]
    return reports


def task_page_data(*, task: Task, on: date, unit_ids: set[int], with_audit: bool) -> TaskPageData:
    milestones = annotate_lights(
        Milestone.objects.filter(task=task)
        .prefetch_related(
            Prefetch(
                "completion_requests",
                queryset=CompletionRequest.objects.select_related("unit", "requested_by", "decided_by")
                .prefetch_related("evidence")
                .order_by("-requested_at", "-pk"),
            ),
            Prefetch(
                "extension_requests",
                queryset=ExtensionRequest.objects.select_related("unit", "requested_by", "decided_by").order_by(
                    "-requested_at", "-pk"
                ),
            ),
        )
        .order_by("position", "pk"),
        on=on,
    )
    for m in milestones:
        m.pending_extension = next(
            (r for r in m.extension_requests.all() if r.status == ExtensionRequest.Status.PENDING), None
        )
    return TaskPageData(
        task=task,
        milestones=milestones,
        task_units=list(task.task_units.select_related("unit").order_by("position")),
        reports=_with_earlier_versions(list(task_reports(task=task)), milestones),
        periods=list(
            ReportPeriod.objects.filter(document_id=task.document_id, starts_on__lte=on).order_by("-starts_on")
        ),
        free_evidence=list(
            Evidence.objects.filter(task=task, unit_id__in=unit_ids, completion_request=None).order_by("-uploaded_at")
        ),
        urges=list(
            UrgeNotice.objects.filter(task=task)
            .select_related("milestone", "issued_by")
            .prefetch_related(
                Prefetch("recipients", queryset=UrgeRecipient.objects.select_related("unit", "replied_by"))
            )
            .order_by("-issued_at", "-pk")
        ),
        audit=list(AuditEvent.objects.filter(task=task).select_related("actor", "actor_unit").order_by("-id"))
        if with_audit
        else [],
    )
