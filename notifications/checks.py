"""System checks that hold settings and the preference model to Channel, the one list of channels.

Settings cannot import models, so NOTIFY_DEFAULT_CHANNELS is written as plain names there and
checked here: a misspelt name would otherwise silently leave users without that channel.
"""

from __future__ import annotations

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import FieldDoesNotExist
from django.db import models

from notifications.models import Channel, NotificationPreference


@register()
def default_channels(app_configs, **kwargs) -> list[Error]:
    unknown = [name for name in settings.NOTIFY_DEFAULT_CHANNELS if name not in Channel.values]
    if not unknown:
        return []
    return [
        Error(
            f"NOTIFY_DEFAULT_CHANNELS 含有未知的通知渠道：{', '.join(unknown)}",
            hint=f"可选 / one of: {', '.join(Channel.values)} (unknown channel names in NOTIFY_DEFAULT_CHANNELS).",
            obj="NOTIFY_DEFAULT_CHANNELS",
            id="duban.E007",
        )
    ]


@register()
def preference_switches(app_configs, **kwargs) -> list[Error]:
    """Every Channel has its on/off switch on NotificationPreference (`field_of`)."""
    errors = []
    for channel in Channel:
        name = NotificationPreference.field_of(channel)
        try:
            field = NotificationPreference._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        if not isinstance(field, models.BooleanField):
            errors.append(
                Error(
                    f"通知渠道 {channel.value} 在 NotificationPreference 上没有开关字段 {name}",
                    hint="Add a BooleanField for the channel (and its migration).",
                    obj=NotificationPreference,
                    id="duban.E008",
                )
            )
    return errors
