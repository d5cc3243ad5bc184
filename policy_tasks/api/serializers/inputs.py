"""What action endpoints accept. Shape and type only: the rules are the services'."""

from __future__ import annotations

from rest_framework import serializers

from policy_tasks.date_fields import WindowDateField
from policy_tasks.errors import NO_SUCH_OBJECT
from policy_tasks.models import CompletionRequest, Milestone, ProgressReport, ReportPeriod, UrgeNotice

MAX_ID = 2**63 - 1  # bigint: anything larger is not an id (and would overflow the driver)


class IdField(serializers.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class PkField(serializers.PrimaryKeyRelatedField):
    """A primary key that is refused politely when it is not a bigint (DRF would let it reach the driver).

    A missing object gets the services' message for another task's object (NO_SUCH_OBJECT)."""

    default_error_messages = {
        **serializers.PrimaryKeyRelatedField.default_error_messages,
        "does_not_exist": NO_SUCH_OBJECT.replace("{pk}", "{pk_value}"),
    }

    def to_internal_value(self, data):
        IdField().run_validation(data)
        return super().to_internal_value(data)


def _text(**kwargs):
    return serializers.CharField(allow_blank=True, required=False, default="", max_length=20000, **kwargs)


class ReportInputSerializer(serializers.Serializer):
    period = PkField(queryset=ReportPeriod.objects.all(), help_text="填报周期 ID")
    progress = serializers.CharField(max_length=20000, help_text="进展情况")
    problems = _text(help_text="存在问题")
    next_steps = _text(help_text="下一步措施")
    percent = serializers.IntegerField(min_value=0, max_value=100, help_text="完成百分比 0-100")
    values = serializers.DictField(
        child=serializers.DecimalField(max_digits=20, decimal_places=4),
        required=False,
        help_text="量化目标的完成值：{节点ID: 数值}",
    )


class ReportUpdateSerializer(ReportInputSerializer):
    period = None  # type: ignore[assignment]  # DRF's way to drop an inherited field: a report's period is what it is


class EvidenceInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="佐证材料文件（类型按内容判断）")
    report = PkField(queryset=ProgressReport.objects.all(), required=False, allow_null=True, help_text="附于哪期填报")
    completion_request = PkField(
        queryset=CompletionRequest.objects.all(), required=False, allow_null=True, help_text="附于哪个办结申请"
    )


class CompletionInputSerializer(serializers.Serializer):
    note = _text(help_text="办结说明")
    evidence = serializers.ListField(
        child=IdField(), max_length=100, help_text="佐证材料 ID（先用 POST /tasks/{id}/evidence/ 上传）"
    )


def _seen_request():
    return IdField(
        required=False,
        allow_null=True,
        default=None,
        help_text="审核的办结申请 ID：已被处理或被新申请取代时返回 412（建议总是带上）",
    )


class VerifyInputSerializer(serializers.Serializer):
    reason = _text(help_text="审核意见")
    completion_request = _seen_request()


class ReturnInputSerializer(serializers.Serializer):
    reason = _text(help_text="退回理由（必填）")
    completion_request = _seen_request()


class ExtensionInputSerializer(serializers.Serializer):
    reason = _text(help_text="延期理由（必填）")
    proposed_date = WindowDateField(help_text="申请延至日期")


class DecisionInputSerializer(serializers.Serializer):
    note = _text(help_text="审批意见（不予批准时必填）")


class UrgeInputSerializer(serializers.Serializer):
    milestone = PkField(
        queryset=Milestone.objects.all(), required=False, allow_null=True, help_text="针对的节点（缺省为整个任务）"
    )
    level = serializers.ChoiceField(choices=UrgeNotice.Level.choices, help_text="等级")
    message = serializers.CharField(max_length=20000, help_text="督办事项")
    reply_due = WindowDateField(help_text="要求回复日期")
    units = serializers.ListField(
        child=IdField(), required=False, max_length=200, help_text="催办单位 ID（缺省为任务全部责任单位）"
    )


class ReplyInputSerializer(serializers.Serializer):
    reply = _text(help_text="回复内容")
