"""提醒设置, the page: a signed-in user changes their own channels, quiet hours and digest."""

from __future__ import annotations

import re
from datetime import date, time

import pytest

from notifications.models import Delivery, NotificationPreference
from tests import factories as f
from tests.notifications.conftest import run_day

pytestmark = pytest.mark.django_db

URL = "/notifications/preferences/"
FORM = {"channels": ["email", "inbox"], "quiet_start": "22:00", "quiet_end": "08:00"}


def _post(client, **changes):
    return client.post(URL, FORM | changes)


def test_anonymous_visitor_is_sent_to_the_login_page(client):
    for answer in (client.get(URL), client.post(URL, FORM)):
        assert answer.status_code == 302
        assert answer["Location"] == "/login/?next=%2Fnotifications%2Fpreferences%2F"
    assert not NotificationPreference.objects.exists()


def test_the_header_links_to_the_page_next_to_the_users_name(client, world):
    client.force_login(world.lead_clerk)
    header = client.get("/workbench/").content.decode().split("</header>")[0]
    assert re.search(
        r'<div class="who"[^>]*>.*href="/notifications/preferences/"[^>]*>提醒设置</a>.*退出', header, re.S
    )


def test_the_page_shows_the_defaults_with_a_label_for_every_input(client, world):
    client.force_login(world.lead_clerk)
    answer = client.get(URL)
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "<h1>提醒设置</h1>" in html and 'aria-current="page">提醒设置</a>' in html
    checked = set(re.findall(r'<input type="checkbox" name="channels" value="(\w+)"[^>]*checked', html))
    assert checked == {"email", "inbox"}
    assert 'value="22:00"' in html and 'value="08:00"' in html
    assert "lead_clerk@example.gov.cn" in html  # where e-mail would reach this user
    inputs = re.findall(r'<input (?![^>]*type="hidden")[^>]*id="([^"]+)"', html)
    assert len(inputs) == 7  # four channels, two times, the digest
    for input_id in inputs:
        assert f'for="{input_id}"' in html, input_id


def test_turning_email_off_saves_and_the_next_scan_sends_no_email(client, world, rules):
    client.force_login(world.lead_clerk)
    answer = _post(client, channels=["inbox"], daily_digest="on")
    assert answer.status_code == 302 and answer["Location"] == URL
    assert "提醒设置已保存" in client.get(URL).content.decode()
    pref = NotificationPreference.objects.get(user=world.lead_clerk)
    assert (pref.channels(), pref.daily_digest) == (["inbox"], True)
    run_day(date(2023, 10, 31), send=False)
    assert set(Delivery.objects.filter(recipient=world.lead_clerk).values_list("channel", flat=True)) == {"inbox"}


def test_quiet_hours_are_saved_to_the_minute(client, world):
    client.force_login(world.lead_clerk)
    _post(client, quiet_start="21:15:30", quiet_end="06:45")
    pref = NotificationPreference.objects.get(user=world.lead_clerk)
    assert (pref.quiet_start, pref.quiet_end) == (time(21, 15), time(6, 45))


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"channels": []}, "请至少选择一种提醒方式"),
        ({"channels": ["email", "wechat"]}, "wechat"),
        ({"quiet_start": "25:00"}, "请输入有效的时间,如 22:00"),
        ({"quiet_end": ""}, "该字段是必填项。"),
    ],
)
def test_a_mistake_is_shown_on_the_form_and_nothing_is_saved(client, world, changes, message):
    client.force_login(world.lead_clerk)
    answer = _post(client, **changes)
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "设置未保存" in html and message in html
    assert not NotificationPreference.objects.exists()


def test_sms_without_a_phone_number_is_explained_on_the_form(client, world):
    world.lead_clerk.phone = ""
    world.lead_clerk.save()
    client.force_login(world.lead_clerk)
    assert "须先由管理员登记手机号" in client.get(URL).content.decode()
    answer = _post(client, channels=["sms", "inbox"])
    assert answer.status_code == 400
    assert "账户未登记手机号，不能开通短信提醒" in answer.content.decode()
    assert not NotificationPreference.objects.exists()


def test_a_user_changes_only_their_own_preferences(client, world):
    colleague = f.UserFactory(username="lead_clerk_2")
    NotificationPreference.objects.create(user=colleague, email=True, inbox=True)
    client.force_login(world.lead_clerk)
    _post(client, channels=["inbox"], user=colleague.pk, user_id=colleague.pk)
    assert NotificationPreference.objects.get(user=colleague).channels() == ["email", "inbox"]
    assert NotificationPreference.objects.get(user=world.lead_clerk).channels() == ["inbox"]


def test_the_page_reads_a_constant_number_of_queries(client, world, django_assert_max_num_queries):
    client.force_login(world.lead_clerk)
    with django_assert_max_num_queries(8):
        assert client.get(URL).status_code == 200
