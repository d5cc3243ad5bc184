"""Pieces the resource views share: list defaults, query parameters, the lights glue."""

from __future__ import annotations

from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import serializers

from duban.lib import clock
from policy_tasks.api.base import DetailApi, ListApi
from policy_tasks.api.filters import TieBreakOrdering
from policy_tasks.models import TaskUnit
from policy_tasks.selectors.lights import annotate_lights, task_lights

URGE_PREFETCH = ("recipients__unit", "recipients__acknowledged_by", "recipients__replied_by")


class ScopedListApi(ListApi):
    filter_backends = [DjangoFilterBackend, TieBreakOrdering]
    ordering = ("id",)
    ordering_fields = ["id"]


class ScopedDetailApi(DetailApi):
    lookup_url_kwarg = "pk"


class OnDateSerializer(serializers.Serializer):
    on = serializers.DateField(required=False, help_text="按此日期计算（缺省为今天，YYYY-MM-DD）")


def attach_units(tasks: list, *, attr: str = "unit_rows") -> list:
    """Each task's units, lead first, as plain rows in one query: a page of 50 tasks has ~150
    of them, and building model instances for those cost more than the rest of the page."""
    rows: dict[int, list[dict]] = {task.pk: [] for task in tasks}
    links = (
        TaskUnit.objects.filter(task_id__in=rows)
        .order_by("task_id", "position")
        .values_list("task_id", "role", "position", "unit_id", "unit__name", "unit__short_name")
    )
    for task_id, role, position, unit_id, name, short_name in links:
        rows[task_id].append(
            {"unit": {"id": unit_id, "name": name, "short_name": short_name}, "role": role, "position": position}
        )
    for task in tasks:
        setattr(task, attr, rows[task.pk])
    return tasks


def light_tasks(tasks: list, *, on=None) -> list:
    """Give each task its `.light` (one bulk computation for the whole page)."""
    lights = task_lights(tasks, on=on or clock.today())
    for task in tasks:
        task.light = lights[task.pk]
    return tasks


def light_milestones(milestones, *, on=None) -> list:
    return annotate_lights(milestones, on=on or clock.today())
