"""Export parameters in; export jobs and calendar subscriptions out.

Inputs check shape and range only. What the values mean (a unit id, a light, a
period) is decided by policy_tasks.exports.params, which the download URLs, the
pages and the commands share, so the serializers hand it plain text.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from policy_tasks.api.serializers.common import LIGHTS, UnitBriefSerializer
from policy_tasks.api.serializers.inputs import IdField
from policy_tasks.date_fields import WindowDateField
from policy_tasks.exports.params import BULLETIN_FORMATS, LEDGER_FORMATS
from policy_tasks.models import CalendarToken, ExportJob

# Dates and months outside these years are typing mistakes, and the snapshot arithmetic
# (the day after a date, working days ahead) would overflow near year 9999.
FIRST_DAY = date(1990, 1, 1)
LAST_DAY = date(2099, 12, 31)
PERIOD_PATTERN = r"^(199\d|20\d\d)-(0[1-9]|1[0-2])$"


class DateInRange(WindowDateField):
    """Also inside duban.lib.datewindow (2000-01-01 to DUBAN_DATE_YEARS_AHEAD years ahead)."""

    def to_internal_value(self, value: Any) -> date:
        day = super().to_internal_value(value)
        if not FIRST_DAY <= day <= LAST_DAY:
            raise serializers.ValidationError(f"日期须在 {FIRST_DAY} 至 {LAST_DAY} 之间")
        return day


class LedgerQuerySerializer(serializers.Serializer):
    """The ledger's filters, as on the overdue ledger page (docs/exports.md)."""

    as_of = DateInRange(required=False, help_text="统计日期（缺省为今天）：灯色、逾期天数和进展均按当日计")
    unit = IdField(required=False, help_text="责任单位 ID（牵头或配合）")
    light = serializers.ListField(
        child=serializers.ChoiceField(choices=LIGHTS),
        required=False,
        max_length=len(LIGHTS),
        help_text="只导出这些灯色（可重复）",
    )
    due_from = DateInRange(required=False, help_text="完成时限自")
    due_to = DateInRange(required=False, help_text="完成时限至")


class LedgerJobInputSerializer(LedgerQuerySerializer):
    format = serializers.ChoiceField(choices=LEDGER_FORMATS, default="xlsx", help_text="xlsx（Excel）或 csv")


class BulletinQuerySerializer(serializers.Serializer):
    period = serializers.RegexField(PERIOD_PATTERN, help_text="通报月份 YYYY-MM，如 2023-10（按该月末的状态）")


class BulletinShownQuerySerializer(BulletinQuerySerializer):
    """The page and the PDF may open in the browser, to read or print there."""

    inline = serializers.BooleanField(
        required=False, default=False, help_text="true：在浏览器中打开（可打印）；缺省作为附件下载"
    )


class BulletinJobInputSerializer(BulletinQuerySerializer):
    format = serializers.ChoiceField(choices=BULLETIN_FORMATS, default="pdf", help_text="pdf、docx（Word）或 html")


def ledger_params(data: dict[str, Any]) -> dict[str, Any]:
    """Validated ledger filters as the text params.LedgerParams.parse reads."""
    return {
        "as_of": data["as_of"].isoformat() if data.get("as_of") else "",
        "unit": str(data.get("unit") or ""),
        "light": list(data.get("light") or []),
        "due_from": data["due_from"].isoformat() if data.get("due_from") else "",
        "due_to": data["due_to"].isoformat() if data.get("due_to") else "",
    }


class ExportJobSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display", help_text="类型（中文）")
    status_display = serializers.CharField(source="get_status_display", help_text="状态（中文）")
    params = serializers.DictField(help_text="导出参数（台账筛选条件或通报月份）")
    progress = serializers.IntegerField(min_value=0, max_value=100, help_text="进度 0–100")
    url = serializers.SerializerMethodField(help_text="本任务的状态地址，生成期间每 1–2 秒查询一次")
    download_url = serializers.SerializerMethodField(help_text="下载地址；完成（done）后才有")

    class Meta:
        model = ExportJob
        fields = [
            "id",
            "kind",
            "kind_display",
            "document",
            "params",
            "status",
            "status_display",
            "progress",
            "error",
            "file_name",
            "created_at",
            "started_at",
            "finished_at",
            "url",
            "download_url",
        ]
        read_only_fields = fields

    def _absolute(self, path: str) -> str:
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request is not None else path

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, job: ExportJob) -> str:
        return self._absolute(reverse("api:export-job", args=[job.pk]))

    @extend_schema_field({"type": "string", "format": "uri", "nullable": True})
    def get_download_url(self, job: ExportJob) -> str | None:
        if job.status != ExportJob.Status.DONE:
            return None
        return self._absolute(reverse("api:export-job-download", args=[job.pk]))


class CalendarSubscriptionInputSerializer(serializers.Serializer):
    unit = IdField(required=False, allow_null=True, help_text="单位 ID：订阅该单位的全部时限；缺省为我可见的全部时限")
    label = serializers.CharField(required=False, allow_blank=True, default="", max_length=64, help_text="名称")  # type: ignore[assignment]  # a declared field; drf-stubs see Field's own attribute


class CalendarSubscriptionSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer(allow_null=True, help_text="订阅的单位；为空时是本人可见的全部时限")

    class Meta:
        model = CalendarToken
        fields = ["id", "label", "unit", "created_at", "revoked_at", "last_used_at"]


class CalendarSubscriptionCreatedSerializer(CalendarSubscriptionSerializer):
    feed_url = serializers.URLField(
        help_text="日历订阅地址（.ics）。只在创建时返回这一次：系统只保存其摘要，之后无法再显示"
    )

    class Meta(CalendarSubscriptionSerializer.Meta):
        fields = [*CalendarSubscriptionSerializer.Meta.fields, "feed_url"]
