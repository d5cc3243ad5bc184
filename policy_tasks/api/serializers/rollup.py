"""A task's place in a decomposition, read-only: its parent (title only, which a township may
know of its own part) and, on a parent, the roll-up of its sub-tasks (selectors.rollup)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from duban.lib import clock
from policy_tasks.selectors.rollup import task_rollup


def _number(value) -> str | None:
    return None if value is None else f"{value.normalize():f}"


@extend_schema_field(OpenApiTypes.OBJECT)
class ParentBriefField(serializers.Field):
    def to_representation(self, task) -> dict | None:
        parent = task.parent if task.parent_id else None
        if parent is None:
            return None
        return {"id": parent.pk, "label": parent.ref, "title": parent.title}


@extend_schema_field(OpenApiTypes.OBJECT)
class RollupField(serializers.Field):
    def to_representation(self, task) -> dict | None:
        if task.parent_id:
            return None
        request = self.context.get("request")
        rollup = task_rollup(task=task, on=clock.today(), user=request.user if request else None)
        if rollup is None:
            return None
        return {
            "total": rollup.total,
            "reported": rollup.reported,
            "late_reports": rollup.late_reports,
            "overdue": rollup.overdue,
            "closed": rollup.closed,
            "actual_total": _number(rollup.actual_total),
            "target_total": _number(rollup.target_total),
            "parent_target": _number(rollup.parent_target),
            "target_unit": rollup.target_unit,
            "percent": rollup.percent,
            "sub_tasks": [
                {
                    "id": row.task.pk,
                    "label": row.task.ref,
                    "unit": row.unit.name if row.unit else None,
                    "target": row.task.text,
                    "target_value": _number(row.milestone.target_value) if row.milestone else None,
                    "due_date": row.milestone.due_date.isoformat()
                    if row.milestone and row.milestone.due_date
                    else None,
                    "actual": _number(row.actual),
                    "reported": row.reported,
                    "report_late": row.report_late,
                    "overdue": row.overdue,
                    "days_overdue": row.days_overdue,
                    "status": row.task.status,
                }
                for row in rollup.rows
            ],
        }
