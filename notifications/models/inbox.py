from __future__ import annotations

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
    email = models.BooleanField("电子邮件", default=True)
    sms = models.BooleanField("短信", default=False)
    dingtalk = models.BooleanField("钉钉", default=False)
    inbox = models.BooleanField("站内信", default=True)
    quiet_start = models.TimeField("短信免打扰开始", default=time(22, 0))
    quiet_end = models.TimeField("短信免打扰结束", default=time(8, 0))
    daily_digest = models.BooleanField("每日汇总", default=False, help_text="邮件和短信每天合并为一条")

    class Meta:
        verbose_name = "通知偏好"
        verbose_name_plural = "通知偏好"

    def __str__(self) -> str:
        return f"{self.user} 的通知偏好"

    def channels(self) -> list[str]:
        return [name for name in Channel.values if getattr(self, name)]
