"""Each reminder once, none lost: a real worker on Redis and PostgreSQL, real SMTP and HTTP providers."""

from __future__ import annotations

from collections import Counter
from datetime import date

import pytest

from notifications.models import Delivery, InboxMessage, NotificationPreference
from notifications.selectors import deliveries_failed
from tests import factories as f
from tests.notifications.conftest import run_day
from tests.notifications.integration.conftest import wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
DUE = date(2023, 10, 31)


def _milestones(world, count: int) -> list[int]:
    return [f.MilestoneFactory(task=world.task, text=f"第{n}项工程10月底前开工", due_date=DUE).pk for n in range(count)]


def _all_channels(user) -> None:
    NotificationPreference.objects.create(user=user, email=True, sms=True, dingtalk=True, inbox=True)


def _settled() -> bool:
    return not Delivery.objects.filter(status__in=["pending", "claimed", "sending"]).exists()


def _email_ids() -> set[str]:
    return {d.provider_message_id for d in Delivery.objects.filter(channel="email", status="sent")}


def test_every_due_reminder_is_delivered_exactly_once_on_every_channel(world, cluster, smtp, provider):
    _all_channels(world.lead_clerk)
    ids = _milestones(world, 4)  # + the world's own milestone = 5 due today
    cluster.worker()
    cluster.send("notifications.scan_reminders")
    cluster.send("notifications.scan_reminders")  # a duplicate tick changes nothing
    wait_for(lambda: Delivery.objects.count() == 20 and _settled(), timeout=60, tick=cluster.tick, message="20 sent")
    assert Counter(Delivery.objects.values_list("status", flat=True)) == {"sent": 20}
    assert sorted(smtp.ids()) == sorted(_email_ids()) and len(smtp.ids()) == 5
    assert provider.state.count("sms") == 5 and provider.state.count("dingtalk") == 5
    assert provider.state.rejected == []
    assert InboxMessage.objects.filter(recipient=world.lead_clerk).count() == 5
    assert len(ids) == 4


def test_worker_killed_mid_batch_loses_nothing_and_a_resent_email_keeps_its_message_id(world, cluster, smtp):
    _milestones(world, 19)  # 20 e-mails to the lead clerk
    NotificationPreference.objects.create(user=world.lead_clerk, email=True, inbox=False)
    smtp.delay = 0.25
    worker = cluster.worker()
    cluster.send("notifications.scan_reminders")
    wait_for(lambda: len(smtp.ids()) >= 4, timeout=60, message="a few e-mails out")
    cluster.kill(worker)
    in_flight = Delivery.objects.filter(status__in=["claimed", "sending"]).count()
    assert in_flight > 0, "the kill landed mid-batch"
    smtp.delay = 0
    cluster.worker("w2")
    wait_for(_settled, timeout=60, tick=cluster.tick, message="everything settled after restart")
    assert Counter(Delivery.objects.values_list("status", flat=True)) == {"sent": 20}
    received = Counter(smtp.ids())
    assert set(received) == _email_ids() and len(received) == 20  # nothing lost
    duplicates = sum(n - 1 for n in received.values())
    # At most the one message the SMTP server had accepted when the worker died, and it
    # carries the same Message-ID as its original.
    assert duplicates <= 1


def test_redis_flushed_loses_nothing_because_the_ledger_is_the_queue(world, cluster, smtp, services):
    _milestones(world, 4)
    run_day(DUE, send=False)  # rows in the ledger …
    cluster.send("notifications.send_reminders")  # … and a wake-up message in Redis
    services.flushdb()  # … which is lost
    cluster.worker()
    cluster.beat()  # the next beat tick finds the rows in the database
    wait_for(lambda: len(smtp.ids()) == 5 and _settled(), timeout=60, message="5 e-mails after the flush")
    assert Counter(smtp.ids()) == Counter(_email_ids())


def test_two_beats_and_two_workers_never_duplicate(world, cluster, smtp, provider):
    _all_channels(world.lead_clerk)
    _all_channels(world.lead_head)
    _milestones(world, 5)
    # The cluster's 4 s lease is for the tests of interrupted sends. On the slowest machine of
    # the kind, loaded by the suite's other workers, a batch outlived it and the other worker
    # rightly marked that SMS "unknown"; what is tested here is duplicates, not the lease (as in
    # test_dingtalk_guarantees).
    cluster.env["NOTIFY_LEASE_SECONDS"] = "60"
    cluster.worker("w1")
    cluster.worker("w2")
    cluster.beat("beat1")
    cluster.beat("beat2")
    wait_for(lambda: Delivery.objects.count() == 24 and _settled(), timeout=60, message="24 deliveries settled")
    # Lead clerk: 6 milestones x 4 channels; the head gets no before/due-day reminders.
    assert Counter(Delivery.objects.values_list("status", flat=True)) == {"sent": 24}
    assert Counter(smtp.ids()) == Counter(_email_ids()) and len(smtp.ids()) == 6
    assert provider.state.count("sms") == 6 and provider.state.count("dingtalk") == 6


def test_provider_answering_500_then_recovering_delivers_after_backoff(world, cluster, provider):
    NotificationPreference.objects.create(user=world.lead_clerk, email=False, inbox=False, sms=True)
    provider.state.fail_next = 2
    cluster.worker()
    cluster.send("notifications.scan_reminders")
    wait_for(lambda: Delivery.objects.filter(status="sent").exists(), timeout=60, tick=cluster.tick, message="sent")
    delivery = Delivery.objects.get()
    assert delivery.attempts == 3 and provider.state.count("sms") == 1
    assert list(delivery.attempt_rows.values_list("outcome", flat=True)) == ["transient", "transient", "ok"]
    gaps = [
        b.started_at - a.started_at
        for a, b in zip(delivery.attempt_rows.all(), list(delivery.attempt_rows.all())[1:], strict=False)
    ]
    assert all(gap.total_seconds() >= 1 for gap in gaps)  # backoff kept in next_attempt_at, not retried at once


def test_provider_always_failing_ends_failed_and_visible_to_supervisors(world, cluster, provider):
    NotificationPreference.objects.create(user=world.lead_clerk, email=False, inbox=False, dingtalk=True)
    provider.state.always_fail = True
    cluster.worker()
    cluster.send("notifications.scan_reminders")
    wait_for(lambda: Delivery.objects.filter(status="failed").exists(), timeout=60, tick=cluster.tick, message="failed")
    delivery = Delivery.objects.get()
    assert delivery.attempts == 3 and "HTTP 500" in delivery.last_error
    assert list(deliveries_failed(user=world.supervisor)) == [delivery]


def test_scheduler_down_three_days_sends_overdue_once_and_no_stale_before_due(world, cluster, smtp):
    run_day(date(2023, 10, 26))  # the last tick before the outage (in-process, locmem mail)
    before = set(Delivery.objects.values_list("pk", flat=True))
    cluster.worker(moment="2023-11-02T09:00:00+08:00")  # back after Oct 27, 30, 31, Nov 1
    cluster.beat(moment="2023-11-02T09:00:00+08:00")
    wait_for(lambda: len(smtp.ids()) == 2 and _settled(), timeout=60, message="overdue e-mails")
    new = Delivery.objects.exclude(pk__in=before)
    assert sorted(new.values_list("rule__code", "recipient__username", "channel")) == [
        ("milestone_overdue", "lead_clerk", "email"),
        ("milestone_overdue", "lead_clerk", "inbox"),
        ("milestone_overdue", "lead_head", "email"),
        ("milestone_overdue", "lead_head", "inbox"),
    ]
    assert sorted(m.to for m in smtp.received) == ["lead_clerk@example.gov.cn", "lead_head@example.gov.cn"]
    assert all("已逾期2个工作日" in m.subject for m in smtp.received)
