"""Exactly once and at most once for the new SMS backends, with a real worker on Redis and
PostgreSQL: the generic gateway (configured from SMS_GATEWAY_* in the worker's environment
only) and Tencent Cloud, each a local server that checks the signature."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from notifications.models import Delivery, NotificationPreference
from tests import factories as f
from tests.notifications.integration.conftest import wait_for
from tests.notifications.sms_gateway_server import GatewayServer
from tests.notifications.sms_tencent_server import TencentServer

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
DUE = date(2023, 10, 31)


@pytest.fixture
def gateway():
    with GatewayServer(signing="md5") as server:
        yield server


@pytest.fixture
def tencent():
    with TencentServer() as server:
        yield server


def _sms_only(world, extra_milestones: int = 0) -> None:
    NotificationPreference.objects.create(user=world.lead_clerk, email=False, inbox=False, sms=True)
    for n in range(extra_milestones):
        f.MilestoneFactory(task=world.task, text=f"第{n}项工程10月底前开工", due_date=DUE)


def _settled() -> bool:
    return not Delivery.objects.filter(status__in=["pending", "claimed", "sending"]).exists()


def _statuses() -> Counter:
    return Counter(Delivery.objects.values_list("status", flat=True))


def test_every_gateway_sms_goes_out_once_signed_from_environment_settings_only(world, cluster, gateway):
    _sms_only(world, extra_milestones=4)
    cluster.env.update(gateway.settings_env())
    cluster.worker()
    cluster.send("notifications.scan_reminders")
    cluster.send("notifications.scan_reminders")  # a duplicate tick changes nothing
    wait_for(lambda: Delivery.objects.count() == 5 and _settled(), timeout=60, tick=cluster.tick, message="5 sent")
    assert _statuses() == {"sent": 5}
    assert gateway.state.rejected == [] and gateway.state.count() == 5
    ids = set(Delivery.objects.values_list("provider_message_id", flat=True))
    assert ids == {sms.msgid for sms in gateway.state.received}


def test_gateway_429_then_busy_then_accepting_delivers_once_after_backoff(world, cluster, gateway):
    _sms_only(world)
    gateway.state.script = ["429", "busy"]
    cluster.env.update(gateway.settings_env())
    cluster.worker()
    cluster.send("notifications.scan_reminders")
    wait_for(lambda: _statuses() == {"sent": 1}, timeout=60, tick=cluster.tick, message="sent after retries")
    delivery = Delivery.objects.get()
    assert list(delivery.attempt_rows.values_list("outcome", flat=True)) == ["transient", "transient", "ok"]
    assert gateway.state.requests == 3 and gateway.state.count() == 1


def test_gateway_timeout_is_unknown_and_never_sent_again(world, cluster, gateway):
    _sms_only(world)
    gateway.state.always, gateway.state.slow_seconds = "slow", 2
    cluster.env.update(gateway.settings_env())
    cluster.env["NOTIFY_HTTP_TIMEOUT_SECONDS"] = "1"
    cluster.worker()
    cluster.send("notifications.scan_reminders")
    wait_for(lambda: _statuses() == {"unknown": 1}, timeout=60, tick=cluster.tick, message="unknown")
    for _ in range(10):  # many more ticks of the sender, reconciler and slow retry
        cluster.tick()
        cluster.send("notifications.retry_failed_deliveries")
    wait_for(lambda: gateway.state.count() == 1, timeout=10, message="the slow SMS went out")
    delivery = Delivery.objects.get()
    assert delivery.status == "unknown" and delivery.attempts == 1
    assert gateway.state.requests == 1  # at most once


def test_worker_killed_while_the_gateway_holds_the_sms_leaves_it_unknown(world, cluster, gateway):
    _sms_only(world)
    gateway.state.script, gateway.state.slow_seconds = ["slow"], 4
    cluster.env.update(gateway.settings_env())
    worker = cluster.worker()
    cluster.send("notifications.scan_reminders")
    wait_for(lambda: gateway.state.requests == 1, timeout=60, message="the gateway is holding the request")
    cluster.kill(worker)
    assert _statuses() == {"sending": 1}
    cluster.worker("w2")
    wait_for(lambda: _statuses() == {"unknown": 1}, timeout=60, tick=cluster.tick, message="unknown after the lease")
    for _ in range(5):
        cluster.tick()
    assert gateway.state.requests == 1


def test_tencent_reminders_go_out_once_and_a_timed_out_one_is_settled_by_the_status_query(world, cluster, tencent):
    _sms_only(world, extra_milestones=2)
    tencent.state.script, tencent.state.slow_seconds = ["slow"], 2
    cluster.env.update(tencent.settings_env())
    cluster.env.update(
        {
            "NOTIFY_HTTP_TIMEOUT_SECONDS": "1",
            "SMS_STATUS_QUERY_AFTER_SECONDS": "2",
            "SMS_STATUS_QUERY_EVERY_SECONDS": "1",
        }
    )
    cluster.worker()
    cluster.send("notifications.scan_reminders")
    # The first SendSms times out (unknown); the status query finds its report among the
    # number's three, the only one no other delivery recorded.
    wait_for(lambda: _statuses() == {"sent": 3}, timeout=60, tick=cluster.tick, message="settled as sent")
    assert tencent.state.rejected == [] and tencent.state.count() == 3 and tencent.state.pulls >= 1
    serials = {sent.serial for sent in tencent.state.received}
    assert set(Delivery.objects.values_list("provider_message_id", flat=True)) == serials
    settled = Delivery.objects.get(attempt_rows__error__contains="服务商状态查询")
    assert settled.attempts == 1
