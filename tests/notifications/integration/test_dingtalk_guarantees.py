"""DingTalk work notifications under real workers: each reminder once, the app token shared by
every worker through the Redis cache and renewed once when DingTalk expires it, rate limits
retried, undeliverable notices shown to supervisors, an interrupted send never repeated."""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from datetime import date

import pytest

from notifications.models import Delivery, NotificationPreference
from notifications.selectors import deliveries_failed
from tests import factories as f
from tests.notifications.dingtalk_server import DingTalkServer
from tests.notifications.integration.conftest import REDIS_URL, ROOT, wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
DUE = date(2023, 10, 31)
USERID = "ding-lead-clerk"


@pytest.fixture
def dingtalk(cluster, world):
    with DingTalkServer() as server:
        # The workers' cache is the test Redis (flushed around each test): one token for all of them.
        cluster.env.update(server.settings_env())
        cluster.env.update({"CACHE_URL": REDIS_URL, "DINGTALK_READBACK_AFTER_SECONDS": "0"})
        NotificationPreference.objects.create(user=world.lead_clerk, email=False, inbox=False, dingtalk=True)
        server.state.directory[world.lead_clerk.phone] = USERID
        yield server


def _milestones(world, count: int) -> None:
    for n in range(count):
        f.MilestoneFactory(task=world.task, text=f"第{n}项工程10月底前开工", due_date=DUE)


def _settled() -> bool:
    return not Delivery.objects.filter(status__in=["pending", "claimed", "sending"]).exists()


def test_two_workers_send_each_reminder_once_and_renew_an_expired_token_once(world, cluster, dingtalk):
    _milestones(world, 9)  # + the world's own milestone = 10 due today
    dingtalk.state.expire_after = 4  # DingTalk expires the token in the middle of the batch
    dingtalk.state.send_waits = 0.3  # slow enough that both workers are sending at once
    dingtalk.state.token_waits = 0.3
    cluster.env["NOTIFY_SEND_BUDGET_SECONDS"] = "1"  # one batch per task: the other worker takes the next
    # The cluster's 4 s lease is for the tests of interrupted sends. A batch of five at 0.3 s each,
    # with a token renewal inside, can outlive it on a loaded two-core machine (CI once found one
    # row "unknown", as the other worker must mark a send whose lease ran out); what is tested here
    # is the token, not the lease.
    cluster.env["NOTIFY_LEASE_SECONDS"] = "60"
    cluster.worker("w1")
    cluster.worker("w2")
    cluster.send("notifications.scan_reminders")
    cluster.send("notifications.scan_reminders")  # a duplicate tick changes nothing
    wait_for(lambda: Delivery.objects.count() == 10 and _settled(), timeout=90, tick=cluster.tick, message="10 sent")
    assert Counter(Delivery.objects.values_list("status", flat=True)) == {"sent": 10}
    notices = dingtalk.state.notices
    assert len(notices) == 10 and {n.userid for n in notices} == {USERID}
    ids = {d.provider_message_id.removesuffix(":ok") for d in Delivery.objects.all()}
    assert ids == {f"dtask:{n.task_id}" for n in notices}
    assert dingtalk.state.gettoken_calls == 2  # the first token, and one renewal for both workers
    # Looked up by mobile at most once per worker (both may reach the clerk's first row together);
    # after that the id stored on the account is used.
    assert dingtalk.state.lookups <= 2 and dingtalk.state.rejected == []


SENDER = """
import time, django
django.setup()
from duban.lib.dingtalk import call_oapi
for _ in range(8):
    call_oapi("topapi/v2/user/getbymobile", {"mobile": "13900000000"})
    time.sleep(0.2)
"""


def test_two_sender_processes_share_one_token_and_renew_it_once(services, tmp_path):
    with DingTalkServer() as server:
        server.state.directory["13900000000"] = "u1"
        server.state.token_waits = 0.3  # both processes ask for their first token at once
        env = {**os.environ, **server.settings_env(), "CACHE_URL": REDIS_URL, "DUBAN_VAR_DIR": str(tmp_path)}
        env["DJANGO_SETTINGS_MODULE"] = "duban.settings"
        procs = [
            subprocess.Popen([sys.executable, "-c", SENDER], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
            for _ in range(2)
        ]
        wait_for(lambda: server.state.lookups >= 4, timeout=60, message="both senders under way")
        server.state.expire_tokens()  # DingTalk expires the token while both are sending
        for proc in procs:
            _, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, err[-2000:]
        assert server.state.lookups == 16
        assert server.state.gettoken_calls == 2  # one first token, one renewal: for both processes


def test_a_rate_limited_notice_is_sent_on_a_later_attempt(world, cluster, dingtalk):
    dingtalk.state.send_errors = [(90018, "当前企业调用接口太频繁，请稍后再试")]
    cluster.worker()
    cluster.send("notifications.scan_reminders")
    wait_for(lambda: Delivery.objects.filter(status="sent").exists(), timeout=60, tick=cluster.tick, message="sent")
    delivery = Delivery.objects.get()
    assert list(delivery.attempt_rows.values_list("outcome", flat=True)) == ["transient", "ok"]
    assert len(dingtalk.state.notices) == 1


def test_a_notice_dingtalk_could_not_deliver_is_shown_to_supervisors(world, cluster, dingtalk):
    dingtalk.state.invalid = {USERID}  # e.g. the clerk left the organisation in DingTalk
    cluster.worker()
    cluster.send("notifications.scan_reminders")
    wait_for(lambda: Delivery.objects.filter(status="failed").exists(), timeout=60, tick=cluster.tick, message="read")
    delivery = Delivery.objects.get()
    assert "工作通知未送达" in delivery.last_error
    assert list(deliveries_failed(user=world.supervisor)) == [delivery]
    assert len(dingtalk.state.notices) == 1


def test_a_worker_killed_while_dingtalk_holds_the_notice_never_sends_it_twice(world, cluster, dingtalk):
    dingtalk.state.send_waits = 30  # DingTalk has the notice; the answer never reaches the worker
    worker = cluster.worker()
    cluster.send("notifications.scan_reminders")
    wait_for(lambda: len(dingtalk.state.notices) == 1, timeout=60, message="the notice at DingTalk")
    cluster.kill(worker)
    dingtalk.state.send_waits = 0
    cluster.worker("w2")
    wait_for(_settled, timeout=60, tick=cluster.tick, message="the lease to run out")
    delivery = Delivery.objects.get()
    assert delivery.status == "unknown" and len(dingtalk.state.notices) == 1
