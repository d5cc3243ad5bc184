"""提醒设置 over the API: each user reads and replaces their own, and the scan obeys at once."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from rest_framework.test import APIClient

from notifications.models import Delivery, NotificationPreference
from notifications.services.preferences import preference_update
from notifications.services.timing import local_tz
from tests import factories as f
from tests.api.conftest import client_for
from tests.api.test_idor_matrix import OP_BY_KEY
from tests.notifications.conftest import run_day

pytestmark = pytest.mark.django_db

URL = "/api/v1/me/notification-preferences/"
DEFAULTS = {"channels": ["email", "inbox"], "quiet_start": "22:00", "quiet_end": "08:00", "daily_digest": False}


def _channels(user) -> set[str]:
    return set(Delivery.objects.filter(recipient=user).values_list("channel", flat=True))


def _put(user, **changes):
    return client_for(user).put(URL, DEFAULTS | changes, format="json")


def test_a_user_who_never_chose_sees_the_defaults_from_settings(world, settings):
    assert client_for(world.lead_clerk).get(URL).json() == DEFAULTS
    settings.NOTIFY_DEFAULT_CHANNELS = ["inbox", "dingtalk"]
    assert client_for(world.lead_clerk).get(URL).json()["channels"] == ["dingtalk", "inbox"]
    assert not NotificationPreference.objects.exists()


def test_a_user_replaces_their_own_preferences_and_reads_them_back(world):
    answer = _put(world.lead_clerk, channels=["sms", "inbox"], quiet_start="21:30", quiet_end="07:00:00")
    assert answer.status_code == 200
    saved = {"channels": ["sms", "inbox"], "quiet_start": "21:30", "quiet_end": "07:00", "daily_digest": False}
    assert answer.json() == saved
    assert client_for(world.lead_clerk).get(URL).json() == saved
    assert client_for(world.co_clerk).get(URL).json() == DEFAULTS


def test_anonymous_callers_get_a_json_401(db):
    for answer in (APIClient().get(URL), APIClient().put(URL, DEFAULTS, format="json")):
        assert answer.status_code == 401
        assert answer.json()["error"]["code"] == "not_authenticated"
    assert not NotificationPreference.objects.exists()


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"channels": ["email", "wechat"]}, "channels", "未知的通知渠道：wechat"),
        ({"channels": []}, "channels", "请至少选择一种提醒方式"),
        ({"quiet_start": "25:00"}, "quiet_start", "时间格式应为 HH:MM（00:00–23:59），如 22:00"),
        ({"quiet_end": "早上八点"}, "quiet_end", "时间格式应为 HH:MM（00:00–23:59），如 22:00"),
        ({"daily_digest": "maybe"}, "daily_digest", None),
    ],
)
def test_a_bad_value_is_a_400_naming_its_field_and_changes_nothing(world, changes, field, message):
    preference_update(user=world.lead_clerk, channels=["inbox"])
    answer = _put(world.lead_clerk, **changes)
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert list(error["fields"]) == [field]
    if message:
        assert error["fields"][field] == [message]
    assert client_for(world.lead_clerk).get(URL).json()["channels"] == ["inbox"]


def test_sms_without_a_phone_number_is_refused_in_chinese(world):
    world.lead_clerk.phone = ""
    world.lead_clerk.save()
    answer = _put(world.lead_clerk, channels=["sms"])
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["fields"] == {"channels": ["账户未登记手机号，不能开通短信提醒（请联系管理员登记手机号）"]}
    assert error["message"] == error["fields"]["channels"][0]


def test_a_replacement_needs_every_field(world):
    answer = client_for(world.lead_clerk).put(URL, {"channels": ["inbox"]}, format="json")
    assert answer.status_code == 400
    assert set(answer.json()["error"]["fields"]) == {"quiet_start", "quiet_end", "daily_digest"}


def test_after_turning_email_off_the_scan_makes_no_email_for_that_user(world, rules):
    colleague = f.UserFactory(username="lead_clerk_2")
    f.MembershipFactory(user=colleague, unit=world.lead_unit, role="clerk")
    assert _put(world.lead_clerk, channels=["inbox"]).status_code == 200
    run_day(date(2023, 10, 31), send=False)
    assert _channels(world.lead_clerk) == {"inbox"}
    assert _channels(colleague) == {"email", "inbox"}


def test_quiet_hours_set_over_the_api_hold_the_sms_until_they_end(world, rules):
    assert _put(world.lead_clerk, channels=["sms"], quiet_start="07:00", quiet_end="10:30").status_code == 200
    run_day(date(2023, 10, 31), send=False)  # the scan runs at 09:00, inside the new quiet hours
    sms = Delivery.objects.get(recipient=world.lead_clerk)
    assert sms.channel == "sms"
    assert sms.next_attempt_at == datetime(2023, 10, 31, 10, 30, tzinfo=local_tz())


def test_the_digest_set_over_the_api_holds_email_for_the_next_digest(world, rules, settings):
    settings.NOTIFY_DIGEST_TIME = "08:30"
    assert _put(world.lead_clerk, daily_digest=True).status_code == 200
    run_day(date(2023, 10, 31), send=False)
    email = Delivery.objects.get(recipient=world.lead_clerk, channel="email")
    assert email.next_attempt_at == datetime(2023, 11, 1, 8, 30, tzinfo=local_tz())


def test_a_first_partial_change_keeps_the_settings_defaults_for_the_rest(world, settings):
    settings.NOTIFY_DEFAULT_CHANNELS = ["inbox", "dingtalk"]
    settings.NOTIFY_QUIET_START, settings.NOTIFY_QUIET_END = "23:00", "07:30"
    pref = preference_update(user=world.lead_clerk, daily_digest=True)
    assert pref.channels() == ["dingtalk", "inbox"]
    assert (pref.quiet_start, pref.quiet_end) == (time(23, 0), time(7, 30))


def test_the_schema_and_so_the_idor_matrix_cover_both_operations():
    for method in ("GET", "PUT"):
        assert OP_BY_KEY[(URL, method)]["x-permission"] == "signed_in"


def test_dingtalk_stays_selectable_in_robot_mode_before_the_robot_is_connected(world, settings, client):
    """Only a work notification can miss one person; a group robot without its webhook is the
    site's gap, so the choice is kept, and the page says it cannot reach anybody yet."""
    settings.DINGTALK_MODE, settings.DINGTALK_WEBHOOK_URL = "robot", ""
    world.lead_clerk.phone, world.lead_clerk.dingtalk_userid = "", ""
    world.lead_clerk.save()
    answer = _put(world.lead_clerk, channels=["dingtalk", "inbox"])
    assert answer.status_code == 200 and answer.json()["channels"] == ["dingtalk", "inbox"]
    client.force_login(world.lead_clerk)
    assert "钉钉(本系统尚未接入钉钉,暂时收不到)" in client.get("/notifications/preferences/").content.decode()
