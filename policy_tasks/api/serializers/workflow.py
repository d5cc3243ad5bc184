"""Reports, evidence, completion and extension requests, urge notices, audit events."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from policy_tasks.api.serializers.common import UnitBriefSerializer, UserBriefSerializer
from policy_tasks.models import (
    AuditEvent,
    CompletionRequest,
    Evidence,
    ExtensionRequest,
    MilestoneValue,
    ProgressReport,
    ReportPeriod,
    ReportVersion,
    UrgeNotice,
    UrgeRecipient,
)


class PeriodSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportPeriod
        fields = ["id", "starts_on", "ends_on", "due_on"]


class MilestoneValueSerializer(serializers.ModelSerializer):
    class Meta:
        model = MilestoneValue
        fields = ["milestone", "actual_value"]


class EvidenceSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer()
    uploaded_by = UserBriefSerializer()

    class Meta:
        model = Evidence
        fields = [
            "id",
            "task",
            "unit",
            "report",
            "completion_request",
            "original_name",
            "size",
            "content_type",
            "sha256",
            "uploaded_by",
            "uploaded_at",
        ]


class VersionValueSerializer(serializers.Serializer):
    milestone = serializers.IntegerField()
    actual_value = serializers.DecimalField(max_digits=20, decimal_places=4)


class ReportVersionSerializer(serializers.ModelSerializer):
    """One filing of the report for its period, as it was filed."""

    author = UserBriefSerializer()
    values = serializers.SerializerMethodField()

    class Meta:
        model = ReportVersion
        fields = ["version", "author", "filed_at", "is_lead", "progress", "problems", "next_steps", "percent", "values"]

    @extend_schema_field(VersionValueSerializer(many=True))
    def get_values(self, obj: ReportVersion) -> list:
        rows = [
            {"milestone": int(k), "actual_value": v} for k, v in sorted(obj.values.items(), key=lambda i: int(i[0]))
        ]
        return VersionValueSerializer(rows, many=True).data  # type: ignore[return-value]  # many=True: a ListSerializer's list; drf-stubs type the child's dict


class ReportSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer()
    author = UserBriefSerializer()
    period = PeriodSerializer()
    values = MilestoneValueSerializer(many=True, read_only=True)
    versions = ReportVersionSerializer(
        many=True, read_only=True, help_text="本期的全部版本(含当前版本),新版本在前;version 最大者即当前内容"
    )

    class Meta:
        model = ProgressReport
        fields = [
            "id",
            "task",
            "unit",
            "period",
            "is_lead",
            "author",
            "progress",
            "problems",
            "next_steps",
            "percent",
            "values",
            "submitted_at",
            "version",
            "versions",
        ]


class CompletionRequestSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer()
    requested_by = UserBriefSerializer()
    decided_by = UserBriefSerializer(allow_null=True)

    class Meta:
        model = CompletionRequest
        fields = [
            "id",
            "milestone",
            "unit",
            "requested_by",
            "requested_at",
            "note",
            "status",
            "decided_by",
            "decided_at",
            "decision_reason",
        ]


class ExtensionRequestSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer()
    requested_by = UserBriefSerializer()
    decided_by = UserBriefSerializer(allow_null=True)

    class Meta:
        model = ExtensionRequest
        fields = [
            "id",
            "milestone",
            "unit",
            "requested_by",
            "requested_at",
            "reason",
            "current_due_date",
            "proposed_date",
            "status",
            "decided_by",
            "decided_at",
            "decision_note",
        ]


class UrgeRecipientSerializer(serializers.ModelSerializer):
    unit = UnitBriefSerializer()
    acknowledged_by = UserBriefSerializer(allow_null=True)
    replied_by = UserBriefSerializer(allow_null=True)

    class Meta:
        model = UrgeRecipient
        fields = [
            "id",
            "notice",
            "unit",
            "acknowledged_at",
            "acknowledged_by",
            "reply",
            "replied_at",
            "replied_by",
        ]


class UrgeNoticeSerializer(serializers.ModelSerializer):
    issued_by = UserBriefSerializer()
    recipients = UrgeRecipientSerializer(many=True, read_only=True)

    class Meta:
        model = UrgeNotice
        fields = [
            "id", "number", "task", "milestone", "level", "message", "reply_due", "issued_by", "issued_at", "recipients",
        ]  # fmt: skip
        # Given by the office's sequence at issue (services/urges_numbering.py), never by the client.
        read_only_fields = ["number"]


class AuditEventSerializer(serializers.ModelSerializer):
    actor = UserBriefSerializer(allow_null=True)
    actor_unit = UnitBriefSerializer(allow_null=True)
    before = serializers.JSONField(allow_null=True)
    after = serializers.JSONField(allow_null=True)

    class Meta:
        model = AuditEvent
        fields = [
            "id",
            "created_at",
            "actor",
            "actor_unit",
            "actor_role",
            "action",
            "object_type",
            "object_id",
            "document",
            "task",
            "before",
            "after",
            "reason",
            "ip",
            "request_id",
            "hash",
        ]
