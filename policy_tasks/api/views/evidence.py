"""Evidence metadata and the file itself, only for those who may see its task: streamed from local
disk, or a redirect to a short-lived signed link where the files are in object storage."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework.exceptions import NotFound

from accounts.models import User
from duban.storage.downloads import content_disposition, file_download
from policy_tasks.api import scoping
from policy_tasks.api.base import GenericApi
from policy_tasks.api.filters import task_scoped_filter
from policy_tasks.api.schema import SIGNED_REDIRECT
from policy_tasks.api.serializers.workflow import EvidenceSerializer
from policy_tasks.api.views.common import ScopedDetailApi, ScopedListApi
from policy_tasks.models import Evidence
from policy_tasks.services.evidence import evidence_open_for
from policy_tasks.services.evidence_names import download_names


def _evidence(user: User) -> QuerySet[Evidence]:
    return scoping.evidence(user).select_related("unit", "uploaded_by", "task")


@extend_schema_view(get=extend_schema(tags=["evidence"], summary="佐证材料列表"))
class EvidenceListApi(ScopedListApi):
    permission_action = "task.view"
    serializer_class = EvidenceSerializer
    filterset_class = task_scoped_filter(Evidence)

    def get_queryset(self):
        return _evidence(self.request.user)


@extend_schema_view(get=extend_schema(tags=["evidence"], summary="佐证材料信息"))
class EvidenceDetailApi(ScopedDetailApi):
    permission_action = "task.view"
    serializer_class = EvidenceSerializer

    def get_queryset(self):
        return _evidence(self.request.user)


class EvidenceDownloadApi(GenericApi):
    permission_action = "evidence.download"

    def get_queryset(self):
        return _evidence(self.request.user)

    @extend_schema(
        tags=["evidence"],
        summary="下载佐证材料文件",
        responses={
            (200, "application/octet-stream"): OpenApiResponse(OpenApiTypes.BINARY, description="文件内容"),
            302: SIGNED_REDIRECT,
        },
    )
    def get(self, request, *args, **kwargs):
        evidence = self.get_object()
        try:
            handle = evidence_open_for(user=request.user, evidence=evidence)
        except FileNotFoundError:
            # The row outlived its file (a restore without the media folder): say so, don't crash.
            raise NotFound("佐证材料文件已不存在，请联系管理员") from None
        name, fallback = download_names(evidence.original_name, evidence.content_type)
        disposition = content_disposition(name, fallback=fallback)
        return file_download(handle, disposition=disposition, content_type=evidence.content_type)
