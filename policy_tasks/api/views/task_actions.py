"""What is done on a task: progress reports, evidence uploads, urge notices."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from policy_tasks.api.base import GenericApi, GenericApiMixin
from policy_tasks.api.etag import IF_MATCH, if_match_version, with_etag
from policy_tasks.api.schema import errors_for
from policy_tasks.api.serializers.inputs import EvidenceInputSerializer, ReportInputSerializer, UrgeInputSerializer
from policy_tasks.api.serializers.workflow import EvidenceSerializer, ReportSerializer, UrgeNoticeSerializer
from policy_tasks.api.views.common import URGE_PREFETCH, ScopedListApi
from policy_tasks.models import Evidence, ProgressReport, Task, UrgeNotice
from policy_tasks.permissions import visible_tasks
from policy_tasks.selectors.reports import task_reports
from policy_tasks.services.evidence import evidence_upload
from policy_tasks.services.reports import task_report_progress
from policy_tasks.services.urges import urge_issue


class OnTask(GenericApiMixin):
    def task(self) -> Task:
        return get_object_or_404(visible_tasks(self.request.user), pk=self.kwargs["pk"])


class OnTaskApi(OnTask, ScopedListApi):
    filter_backends: list = []


class TaskReportsApi(OnTaskApi):
    permission_action = {"GET": "task.view", "POST": "task.report"}
    serializer_class = ReportSerializer
    ordering = ("-submitted_at",)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return ProgressReport.objects.none()
        return task_reports(task=self.task())

    @extend_schema(tags=["reports"], summary="任务的进度填报（牵头单位及配合单位）")
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    @extend_schema(
        tags=["reports"],
        summary="填报本单位本期进度（同一周期再次提交即修改，可带 If-Match）",
        request=ReportInputSerializer,
        parameters=[IF_MATCH],
        responses={201: ReportSerializer, 200: ReportSerializer, **errors_for(409, 412)},
    )
    def post(self, request, *args, **kwargs):
        task = self.task()
        data = self.validated(ReportInputSerializer, request.data)
        report = task_report_progress(
            user=request.user,
            task=task,
            period=data["period"],
            progress=data["progress"],
            problems=data["problems"],
            next_steps=data["next_steps"],
            percent=data["percent"],
            values=data.get("values"),
            expected_version=if_match_version(request, required=False),
            meta=self.meta(),
        )
        report = task_reports(task=task).get(pk=report.pk)
        code = status.HTTP_201_CREATED if report.version == 1 else status.HTTP_200_OK
        return with_etag(Response(ReportSerializer(report).data, status=code), report.version)


class TaskEvidenceApi(OnTaskApi):
    permission_action = {"GET": "task.view", "POST": "task.upload_evidence"}
    serializer_class = EvidenceSerializer
    ordering = ("-id",)

    def get_parsers(self):
        if self.request is not None and self.request.method == "POST":
            return [MultiPartParser(), FormParser()]
        return super().get_parsers()

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Evidence.objects.none()
        return Evidence.objects.filter(task=self.task()).select_related("unit", "uploaded_by")

    @extend_schema(tags=["evidence"], summary="任务的佐证材料")
    def get(self, request, *args, **kwargs):
        return self.list(request, *args, **kwargs)

    @extend_schema(
        tags=["evidence"],
        summary="上传佐证材料（multipart/form-data）",
        request={"multipart/form-data": EvidenceInputSerializer},
        responses={201: EvidenceSerializer, **errors_for(409)},
    )
    def post(self, request, *args, **kwargs):
        task = self.task()
        data = self.validated(EvidenceInputSerializer, request.data)
        evidence = evidence_upload(
            user=request.user,
            task=task,
            uploaded_file=data["file"],
            report=data.get("report"),
            completion_request=data.get("completion_request"),
            meta=self.meta(),
        )
        return Response(EvidenceSerializer(evidence).data, status=status.HTTP_201_CREATED)


class TaskUrgeApi(OnTask, GenericApi):
    permission_action = "urge.issue"
    serializer_class = UrgeNoticeSerializer

    @extend_schema(
        tags=["urges"],
        summary="下发催办/督办单（督查员）",
        request=UrgeInputSerializer,
        responses={201: UrgeNoticeSerializer, **errors_for(409)},
    )
    def post(self, request, *args, **kwargs):
        task = self.task()
        data = self.validated(UrgeInputSerializer, request.data)
        notice = urge_issue(
            user=request.user,
            task=task,
            milestone=data.get("milestone"),
            level=data["level"],
            message=data["message"],
            reply_due=data["reply_due"],
            units=data.get("units"),
            meta=self.meta(),
        )
        notice = UrgeNotice.objects.select_related("issued_by").prefetch_related(*URGE_PREFETCH).get(pk=notice.pk)
        return Response(UrgeNoticeSerializer(notice).data, status=status.HTTP_201_CREATED)
