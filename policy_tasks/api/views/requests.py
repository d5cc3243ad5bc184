"""Completion and extension requests: lists, details, and the supervisor's decision on an extension."""

from __future__ import annotations

from typing import ClassVar, Protocol

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from accounts.models import User
from policy_tasks.api import scoping
from policy_tasks.api.base import GenericApi
from policy_tasks.api.etag import IF_MATCH, if_match_version, with_etag
from policy_tasks.api.filters import task_scoped_filter
from policy_tasks.api.schema import errors_for
from policy_tasks.api.serializers.inputs import DecisionInputSerializer
from policy_tasks.api.serializers.workflow import CompletionRequestSerializer, ExtensionRequestSerializer
from policy_tasks.api.views.common import ScopedDetailApi, ScopedListApi
from policy_tasks.models import CompletionRequest, ExtensionRequest, Milestone
from policy_tasks.services.audit import RequestMeta
from policy_tasks.services.extensions import extension_grant, extension_refuse

_PEOPLE = ("unit", "requested_by", "decided_by")


def _completions(user: User) -> QuerySet[CompletionRequest]:
    return scoping.completion_requests(user).select_related(*_PEOPLE)


def _extensions(user: User) -> QuerySet[ExtensionRequest]:
    return scoping.extension_requests(user).select_related(*_PEOPLE)


@extend_schema_view(get=extend_schema(tags=["completions"], summary="办结申请列表"))
class CompletionListApi(ScopedListApi):
    permission_action = "task.view"
    serializer_class = CompletionRequestSerializer
    filterset_class = task_scoped_filter(CompletionRequest, task_path="milestone__task")

    def get_queryset(self):
        return _completions(self.request.user)


@extend_schema_view(get=extend_schema(tags=["completions"], summary="办结申请详情"))
class CompletionDetailApi(ScopedDetailApi):
    permission_action = "task.view"
    serializer_class = CompletionRequestSerializer

    def get_queryset(self):
        return _completions(self.request.user)


@extend_schema_view(get=extend_schema(tags=["extensions"], summary="延期申请列表"))
class ExtensionListApi(ScopedListApi):
    permission_action = "task.view"
    serializer_class = ExtensionRequestSerializer
    filterset_class = task_scoped_filter(ExtensionRequest, task_path="milestone__task")

    def get_queryset(self):
        return _extensions(self.request.user)


@extend_schema_view(get=extend_schema(tags=["extensions"], summary="延期申请详情"))
class ExtensionDetailApi(ScopedDetailApi):
    permission_action = "task.view"
    serializer_class = ExtensionRequestSerializer

    def get_queryset(self):
        return _extensions(self.request.user)


class Decision(Protocol):
    def __call__(
        self,
        *,
        user: User,
        request: ExtensionRequest,
        note: str,
        expected_version: int | None = None,
        meta: RequestMeta | None = None,
    ) -> ExtensionRequest: ...


class ExtensionDecisionApi(GenericApi):
    """If-Match, when sent, is the milestone's ETag: granting moves the milestone's due date."""

    service: ClassVar[Decision]  # extension_grant or extension_refuse

    def get_queryset(self):
        return _extensions(self.request.user)

    def decide(self, request):
        extension = self.get_object()
        data = self.validated(DecisionInputSerializer, request.data)
        result = type(self).service(
            user=request.user,
            request=extension,
            note=data["note"],
            expected_version=if_match_version(request, required=False),
            meta=self.meta(),
        )
        result = _extensions(request.user).get(pk=result.pk)
        version = Milestone.objects.values_list("version", flat=True).get(pk=result.milestone_id)
        return with_etag(Response(ExtensionRequestSerializer(result).data), version)


class ExtensionGrantApi(ExtensionDecisionApi):
    permission_action = "extension.decide"
    service = staticmethod(extension_grant)

    @extend_schema(
        tags=["extensions"],
        summary="批准延期（督查员）：节点完成时限改为申请日期，原时限保留",
        request=DecisionInputSerializer,
        parameters=[IF_MATCH],
        responses={200: ExtensionRequestSerializer, **errors_for(409, 412)},
    )
    def post(self, request, *args, **kwargs):
        return self.decide(request)


class ExtensionRefuseApi(ExtensionDecisionApi):
    permission_action = "extension.decide"
    service = staticmethod(extension_refuse)

    @extend_schema(
        tags=["extensions"],
        summary="不予批准延期（督查员，须说明理由）",
        request=DecisionInputSerializer,
        parameters=[IF_MATCH],
        responses={200: ExtensionRequestSerializer, **errors_for(409, 412)},
    )
    def post(self, request, *args, **kwargs):
        return self.decide(request)
