"""A document's figures as of a 统计日期: the numbers the console, the dashboard and the bulletin show."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from accounts.request_types import AuthenticatedRequest
from duban.lib import clock
from policy_tasks.api import scoping
from policy_tasks.api.base import GenericApi
from policy_tasks.api.serializers.inputs import IdField
from policy_tasks.date_fields import WindowDateField
from policy_tasks.errors import Forbidden
from policy_tasks.models import PolicyDocument
from policy_tasks.permissions import can
from policy_tasks.selectors.figures import figures


class FiguresQuerySerializer(serializers.Serializer):
    on = WindowDateField(required=False, help_text="统计日期（缺省为今天，YYYY-MM-DD）")
    unit = IdField(required=False, help_text="责任单位 ID（其牵头或配合的条款；报送只计牵头）")


class FiguresSerializer(serializers.Serializer):
    on = serializers.DateField(help_text="统计日期")
    milestones = serializers.IntegerField(help_text="时限节点（有完成时限、未作废的条款节点）")
    closed = serializers.IntegerField(help_text="统计日期当天结束前已销号")
    due = serializers.IntegerField(help_text="应完成：完成时限早于统计日期")
    closed_on_time = serializers.IntegerField(help_text="按期完成：应完成且在时限当天或之前销号")
    on_time_rate = serializers.DecimalField(
        max_digits=5, decimal_places=1, allow_null=True, help_text="按期完成率（%），无应完成节点时为 null"
    )
    overdue = serializers.IntegerField(help_text="逾期：完成时限早于统计日期且当天结束前未销号")
    due_soon = serializers.IntegerField(help_text="临期：未销号、未到期、在预警工作日内")
    behind = serializers.IntegerField(help_text="滞后：未销号、未到期、进度落后于序时进度")
    missing_reports = serializers.IntegerField(help_text="缺报：牵头单位应报而至今未报的期数")
    late_reports = serializers.IntegerField(help_text="迟报：逾期后才报送的期数")


class DocumentFiguresApi(GenericApi):
    permission_action = "scoreboard.read"

    def get_queryset(self) -> QuerySet[PolicyDocument]:
        return scoping.documents(self.request.user)

    @extend_schema(
        tags=["documents"],
        summary="文件统计（截至统计日期；督查员、区领导、管理员）",
        parameters=[FiguresQuerySerializer],
        responses={200: FiguresSerializer},
    )
    def get(self, request: AuthenticatedRequest, *args: object, **kwargs: object) -> Response:
        user = request.user
        document: PolicyDocument = self.get_object()
        if not can(user, "scoreboard.read", document):
            raise Forbidden("无权查看统计")
        query = self.validated(FiguresQuerySerializer, request.query_params)
        unit = query.get("unit")
        shown = figures(
            document=document,
            on=query.get("on") or clock.today(),
            user=user,
            unit_ids=None if unit is None else [unit],
        )
        return Response(FiguresSerializer(shown).data)
