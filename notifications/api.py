"""The caller's own notifications over the API: the in-app inbox (站内信: list, unread
count, mark read) and the reminder preferences (提醒设置: channels, SMS quiet hours, digest).

Served under /api/v1/ beside policy_tasks' resources (duban/urls.py includes these
first: policy_tasks.api's last pattern answers every other path with a JSON 404).
It lives here because notifications sits above policy_tasks: this module may use the
API's shared pieces (base views, pagination, errors), never the other way round.
"""

from __future__ import annotations

from django.db.models import QuerySet
from django.urls import path
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers
from rest_framework.response import Response

from accounts.request_types import AuthenticatedRequest
from notifications.models import Channel, InboxMessage
from notifications.selectors import inbox_messages
from notifications.services.inbox import inbox_mark_read, inbox_unread_count
from notifications.services.preferences import preference_update
from notifications.services.recipients import Prefs, prefs_for, prefs_from_row
from policy_tasks.api.base import BaseApi
from policy_tasks.api.serializers.inputs import IdField
from policy_tasks.api.views.common import ScopedListApi

# What the schema promises for quiet hours; not "format: time", which means RFC 3339 with seconds.
HHMM = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9])?$"


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

    def get_queryset(self) -> QuerySet[InboxMessage]:
        if getattr(self, "swagger_fake_view", False):
            return InboxMessage.objects.none()
        query = self.validated(InboxQuerySerializer, self.request.query_params)
        return inbox_messages(user=self.request.user, unread_only=query["unread"])


class InboxUnreadApi(BaseApi):
    permission_action = "signed_in"

    @extend_schema(tags=["inbox"], summary="未读站内信数", responses={200: UnreadSerializer})
    def get(self, request: AuthenticatedRequest) -> Response:
        return Response({"unread": inbox_unread_count(request.user)})


class InboxMarkReadApi(BaseApi):
    permission_action = "signed_in"

    @extend_schema(
        tags=["inbox"],
        summary="标为已读（只影响本人的消息）",
        request=MarkReadInputSerializer,
        responses={200: MarkedSerializer},
    )
    def post(self, request: AuthenticatedRequest) -> Response:
        data = self.validated(MarkReadInputSerializer, request.data)
        return Response({"marked": inbox_mark_read(request.user, ids=data.get("ids"))})


@extend_schema_field({"type": "string", "pattern": HHMM, "example": "22:00"})
class HourMinuteField(serializers.TimeField):
    """A wall-clock time as HH:MM (Asia/Shanghai); seconds are accepted and dropped."""

    def __init__(self, **kwargs):
        kwargs.setdefault("error_messages", {"invalid": "时间格式应为 HH:MM（00:00–23:59），如 22:00"})
        super().__init__(format="%H:%M", input_formats=["%H:%M", "%H:%M:%S"], **kwargs)

    def to_internal_value(self, value):
        return super().to_internal_value(value).replace(second=0, microsecond=0)


# What the API description adds to a channel's name (Channel gives the list and the names).
_NOTES = {Channel.SMS: "（须登记手机号）"}


class PreferenceSerializer(serializers.Serializer):
    channels = serializers.MultipleChoiceField(
        choices=Channel.choices,
        error_messages={"invalid_choice": "未知的通知渠道：{input}", "not_a_list": "channels 应为渠道列表"},
        help_text="接收提醒的渠道（至少一种）："
        + "、".join(f"{c.value} {c.label}{_NOTES.get(c, '')}" for c in Channel),
    )
    quiet_start = HourMinuteField(help_text="短信免打扰开始（HH:MM，北京时间）；与结束相同表示不设免打扰")
    quiet_end = HourMinuteField(help_text="短信免打扰结束（HH:MM）；此时段内的短信顺延到结束时发送")
    daily_digest = serializers.BooleanField(help_text="每日汇总：邮件和短信每天合并为一条发送")

    def to_representation(self, instance: Prefs) -> dict:
        # Channels in a fixed order (the field's own output would be an unordered set).
        return {
            "channels": list(instance.channels),
            "quiet_start": instance.quiet[0].strftime("%H:%M"),
            "quiet_end": instance.quiet[1].strftime("%H:%M"),
            "daily_digest": instance.digest,
        }


class PreferenceApi(BaseApi):
    # The caller's own row: there is no id in the path, so nobody can reach anyone else's.
    permission_action = "signed_in"

    @extend_schema(
        tags=["notifications"],
        summary="我的提醒设置（未保存过时为系统默认）",
        responses={200: PreferenceSerializer},
    )
    def get(self, request: AuthenticatedRequest) -> Response:
        # The same reading the scan makes (recipients.prefs_for), so what is shown is what is used.
        return Response(PreferenceSerializer(prefs_for(request.user)).data)

    @extend_schema(
        tags=["notifications"],
        summary="修改我的提醒设置（整体替换，四个字段都须提供）",
        request=PreferenceSerializer,
        responses={200: PreferenceSerializer},
    )
    def put(self, request: AuthenticatedRequest) -> Response:
        data = self.validated(PreferenceSerializer, request.data)
        pref = preference_update(
            user=request.user,
            channels=sorted(data["channels"]),
            quiet_start=data["quiet_start"],
            quiet_end=data["quiet_end"],
            daily_digest=data["daily_digest"],
        )
        return Response(PreferenceSerializer(prefs_from_row(pref)).data)


app_name = "notifications-api"
urlpatterns = [
    path("inbox/", InboxListApi.as_view(), name="inbox-list"),
    path("inbox/unread-count/", InboxUnreadApi.as_view(), name="inbox-unread"),
    path("inbox/mark-read/", InboxMarkReadApi.as_view(), name="inbox-mark-read"),
    path("me/notification-preferences/", PreferenceApi.as_view(), name="preferences"),
]
