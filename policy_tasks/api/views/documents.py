"""Documents and areas, a document's unit scoreboard, and importing a document (admins)."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from duban.lib import clock
from policy_tasks.api import scoping
from policy_tasks.api.base import GenericApi
from policy_tasks.api.filters import AreaFilter
from policy_tasks.api.serializers.documents import (
    AreaSerializer,
    DocumentDetailSerializer,
    DocumentSerializer,
    ImportInputSerializer,
    ImportResultSerializer,
    ScoreSerializer,
)
from policy_tasks.api.views.common import OnDateSerializer, ScopedDetailApi, ScopedListApi
from policy_tasks.errors import Forbidden, ServiceError
from policy_tasks.parsing import ParseError
from policy_tasks.parsing.sources import MAX_SOURCE_BYTES
from policy_tasks.parsing.sources.base import EMPTY, TOO_LARGE
from policy_tasks.permissions import can, require
from policy_tasks.selectors.imports import ImportPreview, document_preview
from policy_tasks.selectors.scoreboard import unit_scoreboard
from policy_tasks.services.import_result import ImportResult
from policy_tasks.services.imports import document_import

# The one limit of the source reader, shared with the command and the web page.
MAX_IMPORT_BYTES = MAX_SOURCE_BYTES


@extend_schema_view(get=extend_schema(tags=["documents"], summary="政策文件列表"))
class DocumentListApi(ScopedListApi):
    permission_action = "signed_in"
    serializer_class = DocumentSerializer
    ordering_fields = ["id", "year"]

    def get_queryset(self):
        return scoping.documents(self.request.user)


@extend_schema_view(get=extend_schema(tags=["documents"], summary="政策文件详情（含原文）"))
class DocumentDetailApi(ScopedDetailApi):
    permission_action = "signed_in"
    serializer_class = DocumentDetailSerializer

    def get_queryset(self):
        return scoping.documents(self.request.user)


class ScoreboardApi(GenericApi):
    permission_action = "scoreboard.read"

    def get_queryset(self):
        return scoping.documents(self.request.user)

    @extend_schema(
        tags=["documents"],
        summary="单位考核排名（督查员、区领导、管理员）",
        parameters=[OnDateSerializer],
        responses={200: ScoreSerializer(many=True)},
    )
    def get(self, request, *args, **kwargs):
        document = self.get_object()
        if not can(request.user, "scoreboard.read", document):
            raise Forbidden("无权查看考核计分")
        on = self.validated(OnDateSerializer, request.query_params).get("on") or clock.today()
        scores = unit_scoreboard(document=document, on=on, user=request.user)
        return Response(ScoreSerializer(scores, many=True).data)


class ImportQuerySerializer(serializers.Serializer):
    dry_run = serializers.BooleanField(required=False, default=False, help_text="为 1/true 时只预览、不写入")


class DocumentImportApi(GenericApi):
    permission_action = "document.import"
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=["documents"],
        summary="上传导入政策文件（管理员；?dry_run=1 只预览）",
        description=(
            "上传 .txt/.doc/.docx/.wps/.pdf/.ofd/.xlsx/.xls 文件（文本可为 UTF-8 或 GB18030 编码，PDF 须有文字层），"
            f"不超过 {MAX_SOURCE_BYTES // (1024 * 1024)}MB。无法读取的文件（扫描件、加密、损坏、类型不支持）"
            "返回 400，错误信息在 error.fields.file。"
        ),
        parameters=[OpenApiParameter("dry_run", OpenApiTypes.BOOL, description="只预览、不写入")],
        request={"multipart/form-data": ImportInputSerializer},
        responses={200: ImportResultSerializer, 201: ImportResultSerializer},
    )
    def post(self, request, *args, **kwargs):
        require(request.user, "document.import")
        dry_run = self.validated(ImportQuerySerializer, request.query_params)["dry_run"]
        # Size first, with the reader's own words (the serializer would refuse an empty file in
        # its own), and before an oversized upload is read into memory.
        upload = request.FILES.get("file")
        if upload is not None and upload.size == 0:
            raise ServiceError(EMPTY, field="file", code="unparseable")
        if upload is not None and upload.size > MAX_IMPORT_BYTES:
            raise ServiceError(TOO_LARGE, field="file", code="unparseable")
        data = self.validated(ImportInputSerializer, request.data)
        upload = data["file"]
        content, name = upload.read(), upload.name
        outcome: ImportPreview | ImportResult
        try:
            if dry_run:
                # A read in a fixed number of queries, with the same summary a rolled-back import gives.
                outcome = document_preview(data=content, filename=name, year=data.get("year"))
                if outcome.errors:
                    raise ServiceError(outcome.errors[0], field="text")
            else:
                outcome = document_import(
                    data=content, filename=name, user=request.user, year=data.get("year"), meta=self.meta()
                )
        except ParseError as exc:  # SourceError included: the file itself cannot be read
            raise ServiceError(str(exc), field="file", code="unparseable") from None
        body = {
            "dry_run": dry_run,
            "created": outcome.created,
            "changed": outcome.changed,
            "document": outcome.document if isinstance(outcome, ImportResult) else None,  # None on a dry run
            "summary": outcome.summary(),
            "warnings": [w.to_dict() for w in outcome.parsed.warnings],
            "preview": outcome.parsed.to_dict(),
        }
        code = status.HTTP_201_CREATED if outcome.created and not dry_run else status.HTTP_200_OK
        return Response(ImportResultSerializer(body).data, status=code)


@extend_schema_view(get=extend_schema(tags=["documents"], summary="领域列表"))
class AreaListApi(ScopedListApi):
    permission_action = "signed_in"
    serializer_class = AreaSerializer
    filterset_class = AreaFilter

    def get_queryset(self):
        return scoping.areas(self.request.user).prefetch_related("lead_units")


@extend_schema_view(get=extend_schema(tags=["documents"], summary="领域详情"))
class AreaDetailApi(ScopedDetailApi):
    permission_action = "signed_in"
    serializer_class = AreaSerializer

    def get_queryset(self):
        return scoping.areas(self.request.user).prefetch_related("lead_units")
