"""Reads of the supervision console and the lists: the ledger with any light, the board, the queues.

Scoped by visible_tasks; a fixed number of queries whatever the number of rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch

from policy_tasks.models import (
    Area,
    CompletionRequest,
    ExtensionRequest,
    Milestone,
    PolicyDocument,
    Task,
    TaskUnit,
    UrgeNotice,
)
from policy_tasks.permissions import visible_tasks
from policy_tasks.selectors.lights import GREEN, GREY, RED, YELLOW, annotate_lights, task_lights
from policy_tasks.selectors.tasks import milestones_overdue


def _task_units_prefetch() -> Prefetch:
    return Prefetch("task__task_units", queryset=TaskUnit.objects.select_related("unit").order_by("position"))


@dataclass
class LedgerFilters:
    document: PolicyDocument | None = None
    area: Area | None = None
    unit: Any = None
    light: str = RED
    due_from: date | None = None
    due_to: date | None = None
    as_of: date | None = None


def ledger_rows(*, user: Any, filters: LedgerFilters) -> list[Milestone]:
    """Task milestones matching the filters, with `.light` and `.days_late`.

    light=red is exactly the overdue ledger (selectors.tasks.milestones_overdue); the
    other lights are computed in bulk and filtered here, since a light is not a column.
    """
    on = filters.as_of
    if filters.light == RED:
        qs = milestones_overdue(on=on, document=filters.document, unit=filters.unit, user=user)
    else:
        qs = Milestone.objects.filter(task__in=visible_tasks(user).values("pk"))
        if filters.document is not None:
            qs = qs.filter(document=filters.document)
        if filters.unit is not None:
            qs = qs.filter(task__in=TaskUnit.objects.filter(unit=filters.unit).values("task_id"))
        if filters.light in (YELLOW, GREEN):
            qs = qs.exclude(status=Milestone.Status.CLOSED)
        elif filters.light == GREY:
            qs = qs.filter(status=Milestone.Status.CLOSED)
        qs = (
            qs.select_related("task", "task__area", "document")
            .prefetch_related(_task_units_prefetch())
            .order_by("due_date", "document_id", "task__number", "position", "pk")
        )
    if filters.area is not None:
        qs = qs.filter(task__area=filters.area)
    if filters.due_from is not None:
        qs = qs.filter(due_date__gte=filters.due_from)
    if filters.due_to is not None:
        qs = qs.filter(due_date__lte=filters.due_to)
    qs = qs.prefetch_related(Prefetch("urges", queryset=UrgeNotice.objects.order_by("-issued_at", "-pk")))
    rows = annotate_lights(qs, on=on)
    if filters.light in (YELLOW, GREEN):
        rows = [m for m in rows if m.light == filters.light]
    for m in rows:
        m.days_late = (on - m.due_date).days if m.due_date and m.due_date < on else 0
        m.lead_units = [tu.unit for tu in m.task.task_units.all() if tu.role == TaskUnit.Role.LEAD]
        m.co_units = [tu.unit for tu in m.task.task_units.all() if tu.role == TaskUnit.Role.CO]
        m.urge_list = list(m.urges.all())
    return rows


def board(*, user: Any, document: PolicyDocument, on: date) -> list[tuple[Area | None, list[Task]]]:
    """The document's visible clauses as tiles grouped by area, each with `.light`."""
    tasks = list(visible_tasks(user).filter(document=document).select_related("area").order_by("number"))
    lights = task_lights(tasks, on=on)
    areas = list(document.areas.order_by("number"))
    grouped: dict[int | None, list[Task]] = {a.pk: [] for a in areas}
    for task in tasks:
        task.light = lights[task.pk]
        grouped.setdefault(task.area_id, []).append(task)
    result: list[tuple[Area | None, list[Task]]] = [(a, grouped[a.pk]) for a in areas if grouped[a.pk]]
    if grouped.get(None):
        result.append((None, grouped[None]))
    return result


def verification_queue(*, user: Any, document: PolicyDocument | None = None) -> list[CompletionRequest]:
    qs = CompletionRequest.objects.filter(
        status=CompletionRequest.Status.PENDING, milestone__task__in=visible_tasks(user).values("pk")
    )
    if document is not None:
        qs = qs.filter(milestone__document=document)
    return list(
        qs.select_related("milestone", "milestone__task", "milestone__document", "unit", "requested_by")
        .prefetch_related("evidence")
        .order_by("requested_at", "pk")
    )


def extension_queue(*, user: Any, document: PolicyDocument | None = None) -> list[ExtensionRequest]:
    qs = ExtensionRequest.objects.filter(
        status=ExtensionRequest.Status.PENDING, milestone__task__in=visible_tasks(user).values("pk")
    )
    if document is not None:
        qs = qs.filter(milestone__document=document)
    return list(
        qs.select_related("milestone", "milestone__task", "unit", "requested_by").order_by("requested_at", "pk")
    )
