from __future__ import annotations

from django.urls import reverse
from rest_framework import serializers

from policy_tasks.api.serializers.common import UnitBriefSerializer
from policy_tasks.models import Area, DocumentVersion, PolicyDocument
from policy_tasks.selectors.scoring_formula import scoring_formula


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
            "bonus_on_time",
            "deduction_lead",
            "deduction_co",
            "deduction_missing_report",
            "deduction_late_report",
            "deduction_returned",
            "scoring_formula",
            "version",
            "created_at",
            "updated_at",
        ]

    scoring_formula = serializers.SerializerMethodField(help_text="计分办法（按本文件的扣分标准写出的得分公式）")

    def get_scoring_formula(self, document: PolicyDocument) -> str:
        return scoring_formula(document)


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
        max_digits=6,
        decimal_places=4,
        allow_null=True,
        help_text="按期完成率（0-1）：文件统计 on_time_rate（%，保留一位小数）除以 100，与各页面显示一致；无到期节点时为 null",
    )
    overdue_count = serializers.IntegerField(help_text="牵头逾期节点数")
    overdue_as_co = serializers.IntegerField(help_text="配合逾期节点数")
    missing_reports = serializers.IntegerField(help_text="缺报：截至统计日期仍未报送的进度期数")
    late_reports = serializers.IntegerField(help_text="迟报：已报送但晚于报送截止日的进度期数")
    returned_completions = serializers.IntegerField(help_text="牵头任务被督查室退回的办结申请次数")
    extensions = serializers.IntegerField(help_text="获批延期次数")
    avg_days_late = serializers.DecimalField(max_digits=8, decimal_places=1, allow_null=True, help_text="平均逾期天数")
    assessed = serializers.BooleanField(
        help_text="有考核事项（到期节点、应报进度或被退回的办结申请）；为 false 时即“暂无考核事项”，不计分、不排名"
    )
    score = serializers.DecimalField(
        max_digits=8, decimal_places=2, allow_null=True, help_text="考核得分；暂无考核事项的单位为 null"
    )
    rank = serializers.IntegerField(
        allow_null=True, help_text="名次（同分同名次）；暂无考核事项的单位为 null，排在所有计分单位之后"
    )


class ImportInputSerializer(serializers.Serializer):
    file = serializers.FileField(
        help_text="政策文件：.txt（UTF-8 或 GB18030）、.doc、.docx、.wps、.pdf（有文字层）、.ofd、.xlsx 或 .xls，10MB 以内"
    )
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


class DocumentVersionSerializer(serializers.ModelSerializer):
    """One import of a document: what arrived and what it did (the bytes and text are downloads)."""

    source_url = serializers.SerializerMethodField(help_text="原始文件下载地址")
    text_url = serializers.SerializerMethodField(help_text="提取文本下载地址（UTF-8 纯文本）")

    class Meta:
        model = DocumentVersion
        fields = [
            "number",
            "filename",
            "source_kind",
            "size",
            "sha256",
            "text_sha256",
            "corrections",
            "summary",
            "imported_by",
            "created_at",
            "source_url",
            "text_url",
        ]
        extra_kwargs = {
            "number": {"help_text": "版本号（1、2、…，与文件的 version 一致）"},
            "sha256": {"help_text": "原始文件的 SHA-256"},
            "text_sha256": {"help_text": "提取文本的 SHA-256（该版本生效时文件的 sha256）"},
            "corrections": {"help_text": "导入前审核更正的内容"},
            "summary": {"help_text": "该次导入的结果：新增/修改/不变/撤销的条款等"},
            "imported_by": {"help_text": "导入人用户 ID（系统导入为空）"},
        }

    def _url(self, version: DocumentVersion, what: str) -> str:
        return reverse(f"api:document-version-{what}", kwargs={"pk": version.document_id, "number": version.number})

    def get_source_url(self, version: DocumentVersion) -> str:
        return self._url(version, "source")

    def get_text_url(self, version: DocumentVersion) -> str:
        return self._url(version, "text")
