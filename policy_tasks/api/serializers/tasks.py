"""Tasks and milestones as the API shows them (lights are computed by the view, in bulk)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from policy_tasks.api.serializers.common import LightField, UnitBriefSerializer
from policy_tasks.api.serializers.rollup import ParentBriefField, RollupField
from policy_tasks.api.serializers.workflow import ReportSerializer
from policy_tasks.models import Milestone, Task, TaskUnit
from policy_tasks.selectors.lights_reasons import Reason


class TaskUnitSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer()

    class Meta:
        model = TaskUnit
        fields = ["unit", "role", "position"]


@extend_schema_field(TaskUnitSerializer(many=True))
class UnitRowsField(serializers.ReadOnlyField):
    """A task's units as the view prepared them (views.common.attach_units), emitted as they are."""


class LightReasonSerializer(serializers.Serializer):
    """Why the milestone has its light (selectors.lights_reasons.LightReason)."""

    code = serializers.ChoiceField(choices=Reason.choices, read_only=True)
    label = serializers.CharField(read_only=True, help_text="页面上灯旁显示的说明，如“滞后：序时进度 62%，已完成 27%”")  # type: ignore[assignment]  # a declared field; drf-stubs see Field's own attribute
    expected_percent = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="序时进度（已过时间占比，向上取整）；无时限或已办结为 null"
    )
    reported_percent = serializers.IntegerField(
        read_only=True,
        allow_null=True,
        help_text="已完成百分比：有目标值的按本里程碑最近填报的完成值计，否则按任务最近一期填报；无时限或已办结为 null",
    )


class MilestoneSerializer(serializers.ModelSerializer):
    light = LightField()
    light_reason = LightReasonSerializer(read_only=True, help_text="灯色的原因（按今天计算）")

    class Meta:
        model = Milestone
        fields = [
            "id",
            "document",
            "task",
            "area",
            "position",
            "text",
            "kind",
            "time_expression",
            "due_date",
            "original_due_date",
            "target_value",
            "target_unit",
            "status",
            "closed_at",
            "delay_count",
            "recurrence",
            "occurrence",
            "withdrawn_at",
            "version",
            "light",
            "light_reason",
        ]


class TaskListSerializer(serializers.ModelSerializer):
    label = serializers.CharField(  # type: ignore[assignment]  # a declared field; drf-stubs see Field's own attribute
        source="ref", read_only=True, help_text="条款编号，按原文写法（如 12、二.3）；number 是文件内的顺序号"
    )
    units = UnitRowsField(source="unit_rows", help_text="责任单位，牵头单位在前")
    light = LightField()
    latest_percent = serializers.IntegerField(
        read_only=True, allow_null=True, help_text="牵头单位最近一期填报的完成百分比；未填报为 null"
    )
    latest_report_at = serializers.DateTimeField(read_only=True, allow_null=True, help_text="牵头单位最近一次填报时间")

    class Meta:
        model = Task
        fields = [
            "id",
            "document",
            "area",
            "number",
            "label",
            "title",
            "status",
            "closed_at",
            "version",
            "units",
            "light",
            "latest_percent",
            "latest_report_at",
        ]


class TaskDetailSerializer(TaskListSerializer):
    milestones = MilestoneSerializer(many=True, read_only=True, source="milestone_list")
    latest_report = ReportSerializer(read_only=True, allow_null=True, help_text="牵头单位最近一期的进度填报")
    parent = ParentBriefField(source="*", help_text="分解而来的子任务：上级任务的编号和标题；否则为 null")  # type: ignore[assignment]  # a declared field; drf-stubs see Field's own attribute
    decomposition = RollupField(source="*", help_text="已分解的任务：子任务汇总（只列出可查看的子任务）；否则为 null")

    class Meta(TaskListSerializer.Meta):
        fields = [
            *TaskListSerializer.Meta.fields,
            "text",
            "leaders",
            "created_at",
            "updated_at",
            "milestones",
            "latest_report",
            "parent",
            "decomposition",
        ]


class TaskBriefSerializer(serializers.ModelSerializer):
    units = UnitRowsField(source="unit_rows", help_text="责任单位，牵头单位在前")

    class Meta:
        model = Task
        fields = ["id", "number", "title", "area", "status", "units"]


class LedgerEntrySerializer(serializers.ModelSerializer):
    task = TaskBriefSerializer()
    days_overdue = serializers.IntegerField(read_only=True, help_text="截至查询日期的逾期天数")

    class Meta:
        model = Milestone
        fields = [
            "id",
            "document",
            "task",
            "text",
            "kind",
            "due_date",
            "original_due_date",
            "status",
            "delay_count",
            "days_overdue",
            "version",
        ]
