from __future__ import annotations

from rest_framework import serializers

from policy_tasks.api.serializers.common import UnitBriefSerializer
from policy_tasks.models import Area, PolicyDocument


class DocumentSerializer(serializers.ModelSerializer):
    class Meta:
        model = PolicyDocument
        fields = [
            "id",
            "title",
            "doc_number",
            "issued_on",
            "year",
            "default_due",
            "sha256",
            "report_cycle",
            "report_grace_workdays",
            "yellow_workdays",
            "behind_schedule_points",
            "score_base",
            "deduction_lead",
            "deduction_co",
            "version",
            "created_at",
            "updated_at",
        ]


class DocumentDetailSerializer(DocumentSerializer):
    class Meta(DocumentSerializer.Meta):
        fields = [*DocumentSerializer.Meta.fields, "source_text"]


class AreaSerializer(serializers.ModelSerializer):
    lead_units = UnitBriefSerializer(many=True, read_only=True)

    class Meta:
        model = Area
        fields = ["id", "document", "number", "title", "intro", "lead_units"]


class ScoreSerializer(serializers.Serializer):
    unit = UnitBriefSerializer()
    tasks_led = serializers.IntegerField(help_text="牵头任务数")
    milestones_due = serializers.IntegerField(help_text="已到期的牵头节点数")
    closed_on_time = serializers.IntegerField(help_text="按期销号的牵头节点数")
    on_time_rate = serializers.DecimalField(
        max_digits=6, decimal_places=4, allow_null=True, help_text="按期完成率（0-1），无到期节点时为 null"
    )
    overdue_count = serializers.IntegerField(help_text="牵头逾期节点数")
    overdue_as_co = serializers.IntegerField(help_text="配合逾期节点数")
    missing_reports = serializers.IntegerField(help_text="未按期填报次数")
    extensions = serializers.IntegerField(help_text="获批延期次数")
    avg_days_late = serializers.DecimalField(max_digits=8, decimal_places=1, allow_null=True, help_text="平均逾期天数")
    score = serializers.DecimalField(max_digits=8, decimal_places=2, help_text="考核得分")


class ImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="政策文件全文（UTF-8 纯文本 .txt）")
    year = serializers.IntegerField(
        required=False, min_value=2000, max_value=2100, help_text="文件所属年度（缺省取自文件）"
    )


class ImportResultSerializer(serializers.Serializer):
    dry_run = serializers.BooleanField(help_text="为 true 时只是预览，未写入")
    created = serializers.BooleanField(help_text="新建了文件（而非更新已有文件）")
    changed = serializers.BooleanField(help_text="内容与已导入的版本不同")
    document = DocumentSerializer(allow_null=True, help_text="导入后的文件；预览时为 null")
    summary = serializers.DictField(help_text="新建/更新/未变任务数、新单位等")
    warnings = serializers.ListField(child=serializers.DictField(), help_text="解析提示（任务序号、行号、说明）")
    preview = serializers.DictField(help_text="解析结果：文件信息、单位、领域、条款及节点")
