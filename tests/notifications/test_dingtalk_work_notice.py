"""DingTalk work notifications to each person (DINGTALK_MODE=work_notice), public and government
edition, against a local DingTalk that checks tokens and the gateway's signatures."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import date, timedelta
from pathlib import Path

import pytest
import time_machine
from django.core.cache import cache

from duban.lib.dingtalk import call_oapi
from notifications.models import Delivery, DeliveryAttempt, NotificationPreference
from notifications.selectors import deliveries_failed
from notifications.services.dingtalk_readback import work_notices_read_back
from notifications.services.preferences import preference_update
from notifications.services.retry import deliveries_revive
from notifications.services.sender import send_due
from notifications.services.timing import as_of
from notifications.transports import TransportError, get_transport
from notifications.transports.outgoing import Outgoing
from policy_tasks.errors import ServiceError
from tests.notifications.conftest import run_day
from tests.notifications.dingtalk_server import DingTalkServer

pytestmark = pytest.mark.django_db
DUE = date(2023, 10, 31)
SITE = "https://duban.example.gov.cn"


@pytest.fixture
def dingtalk(settings):
    cache.clear()  # tokens of an earlier test's server
    settings.SITE_URL = SITE
    with DingTalkServer() as server:
        for key, value in server.settings_env().items():
            setattr(settings, key, value)
        yield server
    cache.clear()


@pytest.fixture
def gov(dingtalk, settings):
    settings.DINGTALK_EDITION = "gov"
    return dingtalk


def dingtalk_only(user, userid: str | None, server: DingTalkServer) -> None:
    NotificationPreference.objects.update_or_create(
        user=user, defaults={"email": False, "inbox": False, "sms": False, "dingtalk": True}
    )
    if userid:
        server.state.directory[user.phone] = userid


def test_a_reminder_arrives_as_one_work_notice_to_the_clerks_userid_with_the_task_link(world, rules, dingtalk):
    dingtalk_only(world.lead_clerk, "ding-lead-clerk", dingtalk)
    run_day(DUE)
    [notice] = dingtalk.state.notices
    assert notice.userid == "ding-lead-clerk"
    card = notice.msg["action_card"]
    assert card["single_url"] == f"{SITE}/tasks/{world.task.pk}/"
    assert "抽蓄项目10月底前开工" in card["title"] and "今天到期" in card["markdown"]
    delivery = Delivery.objects.get(channel="dingtalk")
    assert delivery.status == "sent" and delivery.provider_message_id == f"dtask:{notice.task_id}"
    world.lead_clerk.refresh_from_db()
    assert world.lead_clerk.dingtalk_userid == "ding-lead-clerk"  # looked up once, kept

    run_day(DUE)  # a second scan
    assert len(dingtalk.state.notices) == 1
    assert dingtalk.state.gettoken_calls == 1  # one token for both calls, from the cache

    run_day(date(2023, 11, 1))  # overdue the next day: the stored id, no second look-up
    assert len(dingtalk.state.notices) == 2 and dingtalk.state.lookups == 1
    assert dingtalk.state.gettoken_calls == 2  # yesterday's token had run out
    assert dingtalk.state.rejected == []


def test_the_token_is_renewed_once_for_all_workers_when_dingtalk_says_it_expired(dingtalk):
    dingtalk.state.directory = {"13900000000": "u1"}
    dingtalk.state.token_waits = 0.2  # slow enough that eight workers overlap
    answers, errors = [], []

    def worker():
        try:
            answers.append(call_oapi("topapi/v2/user/getbymobile", {"mobile": "13900000000"}))
        except Exception as exc:  # pragma: no cover - the assertion below names it
            errors.append(exc)

    def run_eight():
        threads = [threading.Thread(target=worker) for _ in range(8)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=20)

    run_eight()
    assert errors == [] and len(answers) == 8 and dingtalk.state.gettoken_calls == 1
    dingtalk.state.expire_tokens()
    run_eight()
    assert errors == [] and len(answers) == 16
    assert dingtalk.state.gettoken_calls == 2  # renewed once, not once per worker


def test_a_token_expiring_in_the_middle_of_a_batch_is_renewed_once(world, rules, dingtalk, settings):
    from tests import factories as f

    for n in range(5):
        f.MilestoneFactory(task=world.task, text=f"第{n}项工程10月底前开工", due_date=DUE)
    dingtalk_only(world.lead_clerk, "ding-lead-clerk", dingtalk)
    dingtalk.state.expire_after = 2
    run_day(DUE)
    assert len(dingtalk.state.notices) == 6 and Delivery.objects.filter(status="sent").count() == 6
    assert dingtalk.state.gettoken_calls == 2


def test_the_token_is_cached_until_shortly_before_it_expires(dingtalk):
    dingtalk.state.directory = {"13900000000": "u1"}
    dingtalk.state.expires_in = 7200
    start = as_of(DUE)
    with time_machine.travel(start, tick=False):
        call_oapi("topapi/v2/user/getbymobile", {"mobile": "13900000000"})
    with time_machine.travel(start + timedelta(seconds=6800), tick=False):
        call_oapi("topapi/v2/user/getbymobile", {"mobile": "13900000000"})
    assert dingtalk.state.gettoken_calls == 1
    with time_machine.travel(start + timedelta(seconds=6950), tick=False):  # within 5 minutes of expiry
        call_oapi("topapi/v2/user/getbymobile", {"mobile": "13900000000"})
    assert dingtalk.state.gettoken_calls == 2


def test_a_rate_limit_answer_is_retried_later(world, rules, dingtalk):
    dingtalk_only(world.lead_clerk, "ding-lead-clerk", dingtalk)
    dingtalk.state.send_errors = [(90018, "当前企业调用接口太频繁，请稍后再试")]
    run_day(DUE)
    delivery = Delivery.objects.get(channel="dingtalk")
    assert delivery.status == "pending" and "90018" in delivery.last_error
    assert delivery.next_attempt_at > as_of(DUE) and dingtalk.state.notices == []
    with time_machine.travel(as_of(DUE) + timedelta(hours=1), tick=False):
        send_due()
    delivery.refresh_from_db()
    assert delivery.status == "sent" and len(dingtalk.state.notices) == 1
    assert list(delivery.attempt_rows.values_list("outcome", flat=True)) == ["transient", "ok"]


def test_a_send_without_an_answer_is_unknown_and_never_repeated(world, rules, dingtalk, settings):
    settings.NOTIFY_HTTP_TIMEOUT_SECONDS = 1
    dingtalk_only(world.lead_clerk, "ding-lead-clerk", dingtalk)
    dingtalk.state.send_waits = 2  # DingTalk has the notice; its answer comes too late
    run_day(DUE)
    delivery = Delivery.objects.get(channel="dingtalk")
    assert delivery.status == "unknown" and len(dingtalk.state.notices) == 1
    with time_machine.travel(as_of(DUE) + timedelta(hours=1), tick=False):
        send_due()
    assert len(dingtalk.state.notices) == 1


def test_a_look_up_without_an_answer_is_retried_because_nothing_was_sent(world, rules, dingtalk, settings):
    settings.NOTIFY_HTTP_TIMEOUT_SECONDS = 1
    dingtalk_only(world.lead_clerk, "ding-lead-clerk", dingtalk)
    dingtalk.state.lookup_waits = 2
    run_day(DUE)
    delivery = Delivery.objects.get(channel="dingtalk")
    assert delivery.status == "pending" and "按手机号查询钉钉用户失败" in delivery.last_error
    dingtalk.state.lookup_waits = 0
    with time_machine.travel(as_of(DUE) + timedelta(hours=1), tick=False):
        send_due()
    delivery.refresh_from_db()
    assert delivery.status == "sent" and len(dingtalk.state.notices) == 1


def test_a_permanent_error_is_shown_to_supervisors(world, rules, dingtalk, client):
    dingtalk_only(world.lead_clerk, "ding-lead-clerk", dingtalk)
    dingtalk.state.send_errors = [(40035, "不合法的参数")]
    run_day(DUE)
    delivery = Delivery.objects.get(channel="dingtalk")
    assert delivery.status == "failed" and delivery.attempts == 1 and "40035" in delivery.last_error
    assert list(deliveries_failed(user=world.supervisor)) == [delivery]
    client.force_login(world.supervisor)
    assert "不合法的参数" in client.get("/supervision/").content.decode()


def test_a_mobile_missing_from_the_directory_fails_with_a_readable_reason(world, rules, dingtalk):
    dingtalk_only(world.lead_clerk, None, dingtalk)
    run_day(DUE)
    delivery = Delivery.objects.get(channel="dingtalk")
    assert delivery.status == "failed"
    assert f"钉钉通讯录中找不到手机号 {world.lead_clerk.phone}" in delivery.last_error
    assert delivery.attempt_rows.get().outcome == "permanent"


def test_read_back_fails_a_notice_dingtalk_could_not_deliver_and_confirms_the_others(world, rules, dingtalk):
    dingtalk_only(world.lead_clerk, "ding-lead-clerk", dingtalk)
    dingtalk_only(world.lead_head, "ding-lead-head", dingtalk)
    dingtalk.state.invalid = {"ding-lead-head"}
    run_day(date(2023, 11, 1))  # overdue: the lead unit's clerk and head hear about it
    assert Delivery.objects.filter(channel="dingtalk", status="sent").count() == 2
    with time_machine.travel(as_of(date(2023, 11, 1)) + timedelta(minutes=2), tick=False):
        result = work_notices_read_back()
    assert (result.failed, result.delivered) == (1, 1)
    failed = Delivery.objects.get(channel="dingtalk", recipient=world.lead_head)
    assert failed.status == "failed" and "ding-lead-head 无效" in failed.last_error
    assert failed.attempt_rows.get().outcome == DeliveryAttempt.Outcome.PERMANENT
    assert failed in deliveries_failed(user=world.supervisor)
    assert deliveries_revive(now=as_of(date(2023, 11, 2))) == 0  # not retried: it would not heal
    confirmed = Delivery.objects.get(channel="dingtalk", recipient=world.lead_clerk)
    assert confirmed.status == "sent" and confirmed.provider_message_id.endswith(":ok")
    with time_machine.travel(as_of(date(2023, 11, 1)) + timedelta(minutes=4), tick=False):
        assert work_notices_read_back().delivered == 0  # each asked about once


def test_a_user_with_neither_mobile_nor_dingtalk_id_is_skipped_and_refused(world, rules, dingtalk):
    dingtalk_only(world.lead_clerk, None, dingtalk)
    world.lead_clerk.phone = ""
    world.lead_clerk.save()
    run_day(DUE)
    assert not Delivery.objects.filter(channel="dingtalk").exists()
    transport = get_transport("dingtalk")
    with pytest.raises(TransportError) as caught:
        transport.send(Outgoing(ref="1", recipient=world.lead_clerk, delivery_id=1))
    assert caught.value.permanent and "未登记手机号" in caught.value.message


def test_a_stored_dingtalk_id_is_used_without_a_mobile(world, rules, dingtalk):
    dingtalk_only(world.lead_clerk, None, dingtalk)
    world.lead_clerk.phone = ""
    world.lead_clerk.dingtalk_userid = "bound-by-admin"
    world.lead_clerk.save()
    run_day(DUE)
    assert [n.userid for n in dingtalk.state.notices] == ["bound-by-admin"] and dingtalk.state.lookups == 0


def test_two_accounts_with_one_dingtalk_user_fail_readably(world, rules, dingtalk):
    dingtalk_only(world.lead_clerk, "ding-shared", dingtalk)
    world.other_clerk.dingtalk_userid = "ding-shared"
    world.other_clerk.save()
    run_day(DUE)
    delivery = Delivery.objects.get(channel="dingtalk")
    assert delivery.status == "failed" and "已绑定到其他账户" in delivery.last_error
    assert dingtalk.state.notices == []


def test_gov_edition_signs_every_request_and_sends_to_the_account_id(world, rules, gov):
    dingtalk_only(world.lead_clerk, "30012345", gov)
    run_day(DUE)
    [notice] = gov.state.notices
    assert notice.edition == "gov" and notice.userid == "30012345"
    assert notice.msg["action_card"]["single_url"] == f"{SITE}/tasks/{world.task.pk}/"
    assert gov.state.rejected == []
    delivery = Delivery.objects.get(channel="dingtalk")
    assert delivery.status == "sent" and delivery.provider_message_id == f"zwd:msg{notice.task_id}"
    world.lead_clerk.refresh_from_db()
    assert world.lead_clerk.dingtalk_userid == "30012345"


def test_gov_gateway_refuses_a_bad_signature_and_the_delivery_fails_permanently(world, rules, gov, settings):
    dingtalk_only(world.lead_clerk, "30012345", gov)
    settings.DINGTALK_APP_SECRET = "not-the-secret"
    run_day(DUE)
    assert gov.state.notices == [] and "signature mismatch" in gov.state.rejected[0]
    delivery = Delivery.objects.get(channel="dingtalk")
    assert delivery.status == "failed" and "InvalidSignature" in delivery.last_error


def test_the_channel_is_selectable_when_the_account_can_be_reached(world, dingtalk, client):
    preference_update(user=world.lead_clerk, channels=["dingtalk", "inbox"])
    assert NotificationPreference.objects.get(user=world.lead_clerk).channels() == ["dingtalk", "inbox"]
    client.force_login(world.lead_clerk)
    assert "钉钉(工作通知)" in client.get("/notifications/preferences/").content.decode()
    world.co_clerk.phone = ""
    world.co_clerk.save()
    with pytest.raises(ServiceError, match="未绑定钉钉用户ID"):
        preference_update(user=world.co_clerk, channels=["dingtalk"])


def test_work_notice_mode_without_its_settings_stops_startup():
    env = {k: v for k, v in os.environ.items() if not k.startswith("DINGTALK_")}
    env.update({"DJANGO_SETTINGS_MODULE": "duban.settings", "DINGTALK_MODE": "work_notice", "DINGTALK_APP_KEY": "k"})
    root = Path(__file__).resolve().parents[2]
    code = "import django; django.setup()"
    result = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "DINGTALK_APP_SECRET" in result.stderr and "DINGTALK_AGENT_ID" in result.stderr
    env.update({"DINGTALK_EDITION": "gov", "DINGTALK_APP_SECRET": "s"})
    result = subprocess.run([sys.executable, "-c", code], cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode != 0 and "DINGTALK_GOV_TENANT_ID" in result.stderr
