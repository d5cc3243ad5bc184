"""Pieces the resource views share: list defaults, query parameters, the lights glue."""

from __future__ import annotations

from rest_framework import serializers

from duban.lib import clock
from policy_tasks.api.base import DetailApi, ListApi
from policy_tasks.api.filters import FilterBackend, TieBreakOrdering
from policy_tasks.api.rows import units_by_task
from policy_tasks.date_fields import WindowDateField
from policy_tasks.selectors.lights import annotate_lights, task_lights

URGE_PREFETCH = ("recipients__unit", "recipients__acknowledged_by", "recipients__replied_by")


class ScopedListApi(ListApi):
    filter_backends = [FilterBackend, TieBreakOrdering]
    ordering = ("id",)
    ordering_fields = ["id"]


class ScopedDetailApi(DetailApi):
    lookup_url_kwarg = "pk"


class OnDateSerializer(serializers.Serializer):
    on = WindowDateField(required=False, help_text="按此日期计算（缺省为今天，YYYY-MM-DD）")


def attach_units(tasks: list, *, attr: str = "unit_rows") -> list:
    """Give each task its units, lead first, as plain rows (one query for all of them)."""
    rows = units_by_task(task.pk for task in tasks)
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
