"""The caller's in-app inbox (站内信) over the API: list, unread count, mark read.

Served under /api/v1/ beside policy_tasks' resources (duban/urls.py includes these
first: policy_tasks.api's last pattern answers every other path with a JSON 404).
It lives here because notifications sits above policy_tasks: this module may use the
API's shared pieces (base views, pagination, errors), never the other way round.
"""

from __future__ import annotations

from django.urls import path
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.response import Response

from notifications.models import InboxMessage
from notifications.selectors import inbox_messages
from notifications.services.inbox import inbox_mark_read, inbox_unread_count
from policy_tasks.api.base import BaseApi
from policy_tasks.api.serializers.inputs import IdField
from policy_tasks.api.views.common import ScopedListApi


class InboxMessageSerializer(serializers.ModelSerializer):
    class Meta:
        model = InboxMessage
        fields = ["id", "title", "body", "link", "created_at", "read_at"]


class InboxQuerySerializer(serializers.Serializer):
    unread = serializers.BooleanField(required=False, default=False, help_text="只看未读")


class UnreadSerializer(serializers.Serializer):
    unread = serializers.IntegerField(help_text="未读消息数")


class MarkReadInputSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=IdField(),
        required=False,
        allow_null=True,
        max_length=500,
        help_text="要标为已读的消息 ID（缺省为全部未读）",
    )


class MarkedSerializer(serializers.Serializer):
    marked = serializers.IntegerField(help_text="本次标为已读的条数")


@extend_schema_view(get=extend_schema(tags=["inbox"], summary="我的站内信", parameters=[InboxQuerySerializer]))
class InboxListApi(ScopedListApi):
    permission_action = "signed_in"
    serializer_class = InboxMessageSerializer
    filter_backends: list = []
    ordering = ("-id",)

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return InboxMessage.objects.none()
        query = self.validated(InboxQuerySerializer, self.request.query_params)
        return inbox_messages(user=self.request.user, unread_only=query["unread"])


class InboxUnreadApi(BaseApi):
    permission_action = "signed_in"

    @extend_schema(tags=["inbox"], summary="未读站内信数", responses={200: UnreadSerializer})
    def get(self, request):
        return Response({"unread": inbox_unread_count(request.user)})


class InboxMarkReadApi(BaseApi):
    permission_action = "signed_in"

    @extend_schema(
        tags=["inbox"],
        summary="标为已读（只影响本人的消息）",
        request=MarkReadInputSerializer,
        responses={200: MarkedSerializer},
    )
    def post(self, request):
        data = self.validated(MarkReadInputSerializer, request.data)
        return Response({"marked": inbox_mark_read(request.user, ids=data.get("ids"))})


app_name = "notifications-api"
urlpatterns = [
    path("inbox/", InboxListApi.as_view(), name="inbox-list"),
    path("inbox/unread-count/", InboxUnreadApi.as_view(), name="inbox-unread"),
    path("inbox/mark-read/", InboxMarkReadApi.as_view(), name="inbox-mark-read"),
]
