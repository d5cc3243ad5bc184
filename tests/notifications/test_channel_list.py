"""Channel is the one list of channels (issue 17): the preference's switches, the admin's columns
and the settings' defaults all follow it, and a name that is not a Channel is refused at check time."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.core.checks import run_checks
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from notifications.checks import default_channels, preference_switches
from notifications.models import Channel, NotificationPreference


def _ids(errors) -> list[str]:
    return [e.id for e in errors]


def test_each_channel_has_its_switch_and_the_admin_shows_them_in_channel_order():
    assert preference_switches(None) == []
    fields = NotificationPreference.channel_fields()
    assert len(fields) == len(Channel)
    for channel, name in zip(Channel, fields, strict=True):
        assert NotificationPreference._meta.get_field(name).verbose_name == channel.label
    columns = admin.site._registry[NotificationPreference].list_display
    assert [c for c in columns if c in fields] == fields


def test_the_switches_read_and_write_the_channels_in_channel_order():
    pref = NotificationPreference(**NotificationPreference.switches([Channel.INBOX, Channel.SMS]))
    assert pref.channels() == ["sms", "inbox"]
    assert [pref.enabled(c) for c in Channel] == [False, True, False, True]
    pref.set_channels(["dingtalk"])
    assert pref.channels() == ["dingtalk"]
    with pytest.raises(ValueError):
        pref.enabled("fax")


def test_the_default_channels_must_be_channels(settings):
    settings.NOTIFY_DEFAULT_CHANNELS = ["email", "inbox"]
    assert default_channels(None) == []
    settings.NOTIFY_DEFAULT_CHANNELS = ["email", "wechat", "Inbox"]
    (error,) = default_channels(None)
    assert error.id == "duban.E007"
    assert "wechat, Inbox" in error.msg and ", ".join(Channel.values) in error.hint
    assert "duban.E007" in _ids(run_checks())


def test_manage_py_check_fails_on_an_unknown_default_channel(settings):
    settings.NOTIFY_DEFAULT_CHANNELS = ["emial"]
    with pytest.raises(SystemCheckError, match=r"duban\.E007.*emial"):
        call_command("check")
