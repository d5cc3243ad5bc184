"""A user's notification preferences (channels, SMS quiet hours, daily digest)."""

from __future__ import annotations

from datetime import time

from django.db import transaction

from accounts.models import User
from notifications.models import NotificationPreference
from policy_tasks.errors import ServiceError

CHANNELS = ("email", "sms", "dingtalk", "inbox")


@transaction.atomic
def preference_update(
    *,
    user: User,
    channels: list[str] | None = None,
    quiet_start: time | None = None,
    quiet_end: time | None = None,
    daily_digest: bool | None = None,
) -> NotificationPreference:
    """Change the user's own preferences; fields left None keep their value."""
    pref, _ = NotificationPreference.objects.select_for_update().get_or_create(user=user)
    if channels is not None:
        unknown = set(channels) - set(CHANNELS)
        if unknown:
            raise ServiceError(f"未知的通知渠道：{'、'.join(sorted(unknown))}", field="channels")
        if "sms" in channels and not user.phone:
            raise ServiceError("开通短信提醒前请先填写手机号", field="channels")
        for name in CHANNELS:
            setattr(pref, name, name in channels)
    if quiet_start is not None:
        pref.quiet_start = quiet_start
    if quiet_end is not None:
        pref.quiet_end = quiet_end
    if daily_digest is not None:
        pref.daily_digest = daily_digest
    pref.save()
    return pref
