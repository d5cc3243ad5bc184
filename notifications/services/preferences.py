"""A user's notification preferences (channels, SMS quiet hours, daily digest)."""

from __future__ import annotations

from datetime import time

from django.conf import settings
from django.db import transaction

from accounts.models import User
from notifications.models import Channel, NotificationPreference
from notifications.services.recipients import CHANNEL_ORDER, default_prefs
from notifications.transports import dingtalk_reaches
from policy_tasks.errors import ServiceError

CHANNELS = CHANNEL_ORDER


def _defaults() -> dict[str, object]:
    """A first saved row starts from the settings' defaults (what the scan used until now),
    not the model's: a change to one field must not silently change the others."""
    prefs = default_prefs()
    return {
        **NotificationPreference.switches(prefs.channels),
        "quiet_start": prefs.quiet[0],
        "quiet_end": prefs.quiet[1],
        "daily_digest": prefs.digest,
    }


@transaction.atomic
def preference_update(
    *,
    user: User,
    channels: list[str] | None = None,
    quiet_start: time | None = None,
    quiet_end: time | None = None,
    daily_digest: bool | None = None,
) -> NotificationPreference:
    """Change the user's own preferences; fields left None keep their value.

    At least one channel stays on: a user who hears nothing misses the deadlines the
    reminders exist for. Quiet hours with equal start and end mean none.
    """
    if channels is not None:
        unknown = set(channels) - set(CHANNELS)
        if unknown:
            raise ServiceError(f"未知的通知渠道：{'、'.join(sorted(unknown))}", field="channels")
        if not channels:
            raise ServiceError("请至少选择一种提醒方式", field="channels")
        if Channel.SMS in channels and not user.phone:
            raise ServiceError("账户未登记手机号，不能开通短信提醒（请联系管理员登记手机号）", field="channels")
        # Only a work notification can miss this person. A group robot without its webhook is the
        # site's gap, not theirs: the choice is kept for when it is connected, as the page says.
        work_notice = settings.DINGTALK_MODE == "work_notice"
        reached = dingtalk_reaches(phone=user.phone, has_id=bool(user.dingtalk_userid))
        if Channel.DINGTALK in channels and work_notice and not reached:
            raise ServiceError(
                "账户未登记手机号，也未绑定钉钉用户ID，收不到钉钉工作通知（请联系管理员登记）", field="channels"
            )
    pref, _ = NotificationPreference.objects.select_for_update().get_or_create(user=user, defaults=_defaults())
    if channels is not None:
        pref.set_channels(channels)
    if quiet_start is not None:
        pref.quiet_start = quiet_start
    if quiet_end is not None:
        pref.quiet_end = quiet_end
    if daily_digest is not None:
        pref.daily_digest = daily_digest
    pref.save()
    return pref
