"""Progress reports across tasks, one report's detail, and revising it (If-Match required)."""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from accounts.models import User
from policy_tasks.api import scoping
from policy_tasks.api.etag import IF_MATCH, if_match_version, with_etag
from policy_tasks.api.filters import ReportFilter
from policy_tasks.api.schema import errors_for
from policy_tasks.api.serializers.inputs import ReportUpdateSerializer
from policy_tasks.api.serializers.workflow import ReportSerializer
from policy_tasks.api.views.common import ScopedDetailApi, ScopedListApi
from policy_tasks.errors import Forbidden
from policy_tasks.models import ProgressReport, ReportVersion
from policy_tasks.permissions import acting_unit
from policy_tasks.services.reports import task_report_progress


def _reports(user: User) -> QuerySet[ProgressReport]:
    return (
        scoping.reports(user)
        .select_related("unit", "author", "period")
        .prefetch_related("values", Prefetch("versions", queryset=ReportVersion.objects.select_related("author")))
    )


@extend_schema_view(get=extend_schema(tags=["reports"], summary="进度填报列表"))
class ReportListApi(ScopedListApi):
    permission_action = "task.view"
    serializer_class = ReportSerializer
    filterset_class = ReportFilter
    ordering = ("-submitted_at",)
    ordering_fields = ["id", "submitted_at"]

    def get_queryset(self):
        return _reports(self.request.user)


@extend_schema_view(get=extend_schema(tags=["reports"], summary="进度填报详情（响应头 ETag 为当前版本）"))
class ReportDetailApi(ScopedDetailApi):
    permission_action = {"GET": "task.view", "PUT": "task.report"}
    serializer_class = ReportSerializer

    def get_queryset(self):
        return _reports(self.request.user)

    def retrieve(self, request, *args, **kwargs):
        report = self.get_object()
        return with_etag(Response(self.get_serializer(report).data), report.version)

    @extend_schema(
        tags=["reports"],
        summary="修改本单位的这期填报（须带 If-Match）",
        request=ReportUpdateSerializer,
        parameters=[IF_MATCH],
        responses={200: ReportSerializer, **errors_for(409, 412, 428)},
    )
    def put(self, request, *args, **kwargs):
        report = self.get_object()
        expected = if_match_version(request, required=True)
        data = self.validated(ReportUpdateSerializer, request.data)
        # The service revises the acting unit's report for the period; make sure that is this one.
        if acting_unit(request.user, report.task) != report.unit:
            raise Forbidden("只能修改本单位的填报")
        result = task_report_progress(
            user=request.user,
            task=report.task,
            period=report.period,
            progress=data["progress"],
            problems=data["problems"],
            next_steps=data["next_steps"],
            percent=data["percent"],
            values=data.get("values"),
            expected_version=expected,
            meta=self.meta(),
        )
        result = _reports(request.user).get(pk=result.pk)
        return with_etag(Response(ReportSerializer(result).data), result.version)
