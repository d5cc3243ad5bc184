"""Urge notices (催办/督办单) and their recipients' acknowledgement and reply."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.response import Response

from accounts.models import User
from policy_tasks.api import scoping
from policy_tasks.api.base import GenericApi
from policy_tasks.api.filters import task_scoped_filter
from policy_tasks.api.schema import errors_for
from policy_tasks.api.serializers.inputs import ReplyInputSerializer
from policy_tasks.api.serializers.workflow import UrgeNoticeSerializer, UrgeRecipientSerializer
from policy_tasks.api.views.common import URGE_PREFETCH, ScopedDetailApi, ScopedListApi
from policy_tasks.models import UrgeNotice, UrgeRecipient
from policy_tasks.services.urges import urge_acknowledge, urge_reply


def _notices(user: User) -> QuerySet[UrgeNotice]:
    return scoping.urges(user).select_related("issued_by").prefetch_related(*URGE_PREFETCH)


def _recipients(user: User) -> QuerySet[UrgeRecipient]:
    return scoping.urge_recipients(user).select_related("unit", "acknowledged_by", "replied_by")


@extend_schema_view(get=extend_schema(tags=["urges"], summary="催办督办单列表"))
class UrgeListApi(ScopedListApi):
    permission_action = "task.view"
    serializer_class = UrgeNoticeSerializer
    filterset_class = task_scoped_filter(UrgeNotice)

    def get_queryset(self):
        return _notices(self.request.user)


@extend_schema_view(get=extend_schema(tags=["urges"], summary="催办督办单详情"))
class UrgeDetailApi(ScopedDetailApi):
    permission_action = "task.view"
    serializer_class = UrgeNoticeSerializer

    def get_queryset(self):
        return _notices(self.request.user)


class RecipientActionApi(GenericApi):
    def get_queryset(self):
        return _recipients(self.request.user)


class AcknowledgeApi(RecipientActionApi):
    permission_action = "urge.acknowledge"

    @extend_schema(
        tags=["urges"],
        summary="签收催办通知（收件单位成员；重复签收不变）",
        request=None,
        responses={200: UrgeRecipientSerializer},
    )
    def post(self, request, *args, **kwargs):
        result = urge_acknowledge(user=request.user, recipient=self.get_object(), meta=self.meta())
        return Response(UrgeRecipientSerializer(_recipients(request.user).get(pk=result.pk)).data)


class ReplyApi(RecipientActionApi):
    permission_action = "urge.reply"

    @extend_schema(
        tags=["urges"],
        summary="回复催办通知（收件单位成员，只能回复一次）",
        request=ReplyInputSerializer,
        responses={200: UrgeRecipientSerializer, **errors_for(409)},
    )
    def post(self, request, *args, **kwargs):
        recipient = self.get_object()
        data = self.validated(ReplyInputSerializer, request.data)
        result = urge_reply(user=request.user, recipient=recipient, reply=data["reply"], meta=self.meta())
        return Response(UrgeRecipientSerializer(_recipients(request.user).get(pk=result.pk)).data)
