"""Milestones: list, detail, audit trail, and their life (request completion, verify, return, extension).

Every action needs If-Match with the milestone's ETag: a supervisor verifying what a
unit has since changed must be told (412), and a client that sends no version at all
is told to send one (428) rather than silently overwriting.
"""

from __future__ import annotations

from django.db.models import Q
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import status
from rest_framework.response import Response

from policy_tasks.api import scoping
from policy_tasks.api.base import GenericApi
from policy_tasks.api.etag import IF_MATCH, if_match_version, with_etag
from policy_tasks.api.filters import MilestoneFilter
from policy_tasks.api.schema import errors_for
from policy_tasks.api.serializers.inputs import (
    CompletionInputSerializer,
    ExtensionInputSerializer,
    ReturnInputSerializer,
    VerifyInputSerializer,
)
from policy_tasks.api.serializers.tasks import MilestoneSerializer
from policy_tasks.api.serializers.workflow import CompletionRequestSerializer, ExtensionRequestSerializer
from policy_tasks.api.views.common import ScopedDetailApi, ScopedListApi, light_milestones
from policy_tasks.api.views.tasks import ObjectAuditApi
from policy_tasks.models import AuditEvent, ExtensionRequest, Milestone
from policy_tasks.services.extensions import extension_request
from policy_tasks.services.milestones import milestone_request_completion, milestone_return, milestone_verify

VERSIONED = errors_for(409, 412, 428)


@extend_schema_view(get=extend_schema(tags=["milestones"], summary="节点列表（可见范围内）"))
class MilestoneListApi(ScopedListApi):
    permission_action = "task.view"
    serializer_class = MilestoneSerializer
    filterset_class = MilestoneFilter

    def get_queryset(self):
        return scoping.milestones(self.request.user)

    def list(self, request, *args, **kwargs):
        page = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(self.get_serializer(light_milestones(page), many=True).data)


@extend_schema_view(get=extend_schema(tags=["milestones"], summary="节点详情（响应头 ETag 为当前版本）"))
class MilestoneDetailApi(ScopedDetailApi):
    permission_action = "task.view"
    serializer_class = MilestoneSerializer

    def get_queryset(self):
        return scoping.milestones(self.request.user)

    def retrieve(self, request, *args, **kwargs):
        milestone = light_milestones([self.get_object()])[0]
        return with_etag(Response(self.get_serializer(milestone).data), milestone.version)


@extend_schema_view(get=extend_schema(tags=["audit"], summary="节点的审计记录（含办结、延期申请）"))
class MilestoneAuditApi(ObjectAuditApi):
    def audited(self):
        milestone = get_object_or_404(scoping.milestones(self.request.user), pk=self.kwargs["pk"])
        extensions = ExtensionRequest.objects.filter(milestone=milestone).values_list("pk", flat=True)
        events = AuditEvent.objects.filter(
            Q(object_type="policy_tasks.milestone", object_id=str(milestone.pk))
            | Q(object_type="policy_tasks.extensionrequest", object_id__in=[str(pk) for pk in extensions])
        )
        return milestone.task, events


class MilestoneActionApi(GenericApi):
    """One POST that calls one milestone service; answers with the milestone's new ETag."""

    def milestone(self) -> Milestone:
        return get_object_or_404(scoping.milestones(self.request.user), pk=self.kwargs["pk"])

    def answer(self, milestone_pk: int, body, code=status.HTTP_200_OK) -> Response:
        version = Milestone.objects.values_list("version", flat=True).get(pk=milestone_pk)
        return with_etag(Response(body, status=code), version)


class RequestCompletionApi(MilestoneActionApi):
    permission_action = "milestone.request_completion"

    @extend_schema(
        tags=["milestones"],
        summary="申请办结（牵头单位负责人，须附佐证材料）",
        request=CompletionInputSerializer,
        parameters=[IF_MATCH],
        responses={201: CompletionRequestSerializer, **VERSIONED},
    )
    def post(self, request, *args, **kwargs):
        milestone = self.milestone()
        expected = if_match_version(request, required=True)
        data = self.validated(CompletionInputSerializer, request.data)
        result = milestone_request_completion(
            user=request.user,
            milestone=milestone,
            note=data["note"],
            evidence_ids=data["evidence"],
            expected_version=expected,
            meta=self.meta(),
        )
        return self.answer(milestone.pk, CompletionRequestSerializer(result).data, status.HTTP_201_CREATED)


class VerifyApi(MilestoneActionApi):
    permission_action = "milestone.verify"

    @extend_schema(
        tags=["milestones"],
        summary="审核通过并销号（督查员）",
        request=VerifyInputSerializer,
        parameters=[IF_MATCH],
        responses={200: MilestoneSerializer, **VERSIONED},
    )
    def post(self, request, *args, **kwargs):
        milestone = self.milestone()
        expected = if_match_version(request, required=True)
        data = self.validated(VerifyInputSerializer, request.data)
        result = milestone_verify(
            user=request.user,
            milestone=milestone,
            reason=data["reason"],
            expected_version=expected,
            completion_request=data["completion_request"],
            meta=self.meta(),
        )
        return self.answer(milestone.pk, MilestoneSerializer(light_milestones([result])[0]).data)


class ReturnApi(MilestoneActionApi):
    permission_action = "milestone.return"

    @extend_schema(
        tags=["milestones"],
        summary="退回办结申请（督查员，须说明理由）",
        request=ReturnInputSerializer,
        parameters=[IF_MATCH],
        responses={200: MilestoneSerializer, **VERSIONED},
    )
    def post(self, request, *args, **kwargs):
        milestone = self.milestone()
        expected = if_match_version(request, required=True)
        data = self.validated(ReturnInputSerializer, request.data)
        result = milestone_return(
            user=request.user,
            milestone=milestone,
            reason=data["reason"],
            expected_version=expected,
            completion_request=data["completion_request"],
            meta=self.meta(),
        )
        return self.answer(milestone.pk, MilestoneSerializer(light_milestones([result])[0]).data)


class RequestExtensionApi(MilestoneActionApi):
    permission_action = "milestone.request_extension"

    @extend_schema(
        tags=["extensions"],
        summary="申请延期（牵头单位负责人，须在完成时限前）",
        request=ExtensionInputSerializer,
        parameters=[IF_MATCH],
        responses={201: ExtensionRequestSerializer, **VERSIONED},
    )
    def post(self, request, *args, **kwargs):
        milestone = self.milestone()
        expected = if_match_version(request, required=True)
        data = self.validated(ExtensionInputSerializer, request.data)
        result = extension_request(
            user=request.user,
            milestone=milestone,
            reason=data["reason"],
            proposed_date=data["proposed_date"],
            expected_version=expected,
            meta=self.meta(),
        )
        result = ExtensionRequest.objects.select_related("unit", "requested_by").get(pk=result.pk)
        return self.answer(milestone.pk, ExtensionRequestSerializer(result).data, status.HTTP_201_CREATED)
