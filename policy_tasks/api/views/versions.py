"""Every imported version of a document: the list, and each version's file and text as downloaded.

Readable by whoever may read the document (documents are published: every signed-in user,
docs/permissions.md), like the document detail, which carries the current text already.
"""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from duban.storage.downloads import file_response
from policy_tasks.api import scoping
from policy_tasks.api.base import GenericApi
from policy_tasks.api.serializers.documents import DocumentVersionSerializer
from policy_tasks.models import DocumentVersion

TAGS = ["documents"]
NUMBER = OpenApiParameter("number", OpenApiTypes.INT, OpenApiParameter.PATH, description="版本号")


class _OnDocument(GenericApi):
    permission_action = "signed_in"

    def get_queryset(self):
        return scoping.documents(self.request.user)

    def version(self, *, with_bytes: bool) -> DocumentVersion:
        document = self.get_object()
        versions = DocumentVersion.objects.filter(document=document, number=self.kwargs["number"])
        if not with_bytes:
            versions = versions.defer("source")
        version = versions.first()
        if version is None:
            raise NotFound("该文件没有这个版本")
        return version


class DocumentVersionListApi(_OnDocument):
    @extend_schema(
        tags=TAGS,
        summary="文件的各个导入版本（最早在前），含原始文件与文本的下载地址",
        responses={200: DocumentVersionSerializer(many=True)},
    )
    def get(self, request, *args, **kwargs):
        document = self.get_object()
        versions = DocumentVersion.objects.filter(document=document).defer("source", "text").order_by("number")
        return Response(DocumentVersionSerializer(versions, many=True).data)


class DocumentVersionSourceApi(_OnDocument):
    @extend_schema(
        tags=TAGS,
        summary="下载某一版本的原始文件（导入时上传的原样字节）",
        parameters=[NUMBER],
        responses={(200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="原始文件")},
    )
    def get(self, request, *args, **kwargs):
        version = self.version(with_bytes=True)
        return file_response(bytes(version.source), filename=version.filename, content_type="application/octet-stream")


class DocumentVersionTextApi(_OnDocument):
    @extend_schema(
        tags=TAGS,
        summary="下载某一版本的提取文本（UTF-8 纯文本，即解析所读的原文）",
        parameters=[NUMBER],
        responses={(200, "text/plain"): OpenApiResponse(OpenApiTypes.STR, description="提取文本")},
    )
    def get(self, request, *args, **kwargs):
        version = self.version(with_bytes=False)
        stem = version.filename.rsplit(".", 1)[0] or "document"
        return file_response(
            version.text.encode(), filename=f"{stem}.v{version.number}.txt", content_type="text/plain; charset=utf-8"
        )
