from __future__ import annotations

from collections.abc import Collection
from datetime import time

from django.conf import settings
from django.db import models
from django.db.models import Q

from notifications.models.ledger import Channel


class InboxMessage(models.Model):
    """An in-app message (站内信). One per delivery (the one-to-one below): a send retried after
    an interrupted attempt finds the row it wrote (notifications/transports/inbox.py)."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="接收人", on_delete=models.CASCADE, related_name="inbox_messages"
    )
    delivery = models.OneToOneField(
        "notifications.Delivery",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="inbox_message",
        verbose_name="投递",
    )
    title = models.CharField("标题", max_length=255)
    body = models.TextField("内容")
    link = models.CharField("链接", max_length=500, blank=True)
    created_at = models.DateTimeField("时间")
    read_at = models.DateTimeField("已读时间", null=True, blank=True)

    class Meta:
        verbose_name = "站内信"
        verbose_name_plural = "站内信"
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "created_at"]),
            # The unread badge is read on every page.
            models.Index(fields=["recipient"], condition=Q(read_at=None), name="inbox_unread_idx"),
        ]

    def __str__(self) -> str:
        return self.title


class NotificationPreference(models.Model):
    """A user's channels, SMS quiet hours and digest choice. No row means the defaults in settings."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="用户", on_delete=models.CASCADE, related_name="notification_preference"
    )
    # One switch per Channel, named after its value (`field_of`); a new Channel needs its field
    # here, which the system check duban.E008 (notifications/checks.py) demands.
    email = models.BooleanField(Channel.EMAIL.label, default=True)
    sms = models.BooleanField(Channel.SMS.label, default=False)
    dingtalk = models.BooleanField(Channel.DINGTALK.label, default=False)
    inbox = models.BooleanField(Channel.INBOX.label, default=True)
    quiet_start = models.TimeField("短信免打扰开始", default=time(22, 0))
    quiet_end = models.TimeField("短信免打扰结束", default=time(8, 0))
    daily_digest = models.BooleanField("每日汇总", default=False, help_text="邮件和短信每天合并为一条")

    class Meta:
        verbose_name = "通知偏好"
        verbose_name_plural = "通知偏好"

    def __str__(self) -> str:
        return f"{self.user} 的通知偏好"

    @staticmethod
    def field_of(channel: str) -> str:
        """The switch of `channel`: the one place that ties a Channel to its field."""
        return Channel(channel).value

    @classmethod
    def channel_fields(cls) -> list[str]:
        """The switches in Channel's order (the admin's columns)."""
        return [cls.field_of(channel) for channel in Channel]

    @classmethod
    def switches(cls, channels: Collection[str]) -> dict[str, bool]:
        """Field values that turn on exactly `channels` (a new row's defaults, an update)."""
        return {cls.field_of(channel): channel in channels for channel in Channel}

    def enabled(self, channel: str) -> bool:
        return bool(getattr(self, self.field_of(channel)))

    def channels(self) -> list[str]:
        """The channels switched on, in Channel's order."""
        return [channel.value for channel in Channel if self.enabled(channel)]

    def set_channels(self, channels: Collection[str]) -> None:
        for name, on in self.switches(channels).items():
            setattr(self, name, on)
