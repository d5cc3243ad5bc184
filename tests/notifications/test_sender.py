"""Sending from the ledger: content, retries with backoff, failure, leases, quiet hours, digests."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
import time_machine
from django.core import mail

from notifications.models import Delivery, DeliveryAttempt, InboxMessage, NotificationPreference
from notifications.selectors import deliveries_failed
from notifications.services.reconcile import reconcile_expired
from notifications.services.scan import scan
from notifications.services.sender import claim, send_due
from notifications.services.timing import as_of, local_tz
from policy_tasks.models import Milestone
from policy_tasks.services.audit import SYSTEM
from policy_tasks.services.calendar import calendar_days_load
from tests.notifications.conftest import run_day

pytestmark = pytest.mark.django_db
DUE = date(2023, 10, 31)


def sms_only(user):
    NotificationPreference.objects.update_or_create(
        user=user, defaults={"email": False, "inbox": False, "sms": True, "dingtalk": False}
    )


def test_due_day_email_is_in_chinese_with_clause_dates_link_and_stable_message_id(world, rules, settings):
    settings.SITE_URL = "https://duban.example.gov.cn"
    _, sent = run_day(DUE)
    assert sent.sent == 2
    [message] = mail.outbox
    assert message.to == ["lead_clerk@example.gov.cn"]
    assert message.subject == "【督办提醒】抽蓄项目10月底前开工：今天到期"
    assert "第1条 重点推进工程" in message.body
    assert "完成时限：2023年10月31日（今天到期）" in message.body
    assert f"https://duban.example.gov.cn/tasks/{world.task.pk}/" in message.body
    delivery = Delivery.objects.get(channel="email")
    assert message.extra_headers["Message-ID"] == f"<duban.delivery.{delivery.pk}@duban.local>"
    assert delivery.provider_message_id == message.extra_headers["Message-ID"]
    assert delivery.status == "sent" and delivery.attempts == 1
    assert InboxMessage.objects.get(recipient=world.lead_clerk).title == message.subject


def test_running_the_day_twice_sends_nothing_the_second_time(world, rules):
    run_day(DUE)
    _, again = run_day(DUE)
    assert again.sent == 0
    assert len(mail.outbox) == 1


def test_overdue_text_counts_working_days(world, rules):
    run_day(date(2023, 11, 6))  # Nov 1, 2, 3, 6: four working days late
    subjects = sorted(m.subject for m in mail.outbox)
    assert "【逾期提醒】抽蓄项目10月底前开工：已逾期4个工作日" in subjects


def test_overdue_count_skips_a_holiday_the_office_entered(world, rules):
    # Thursday Nov 2 entered as a day off: Nov 1, 3, 6 are three working days late.
    calendar_days_load(actor=SYSTEM, rows=[(date(2023, 11, 2), "holiday", "临时放假")])
    run_day(date(2023, 11, 6))
    subjects = sorted(m.subject for m in mail.outbox)
    assert "【逾期提醒】抽蓄项目10月底前开工：已逾期3个工作日" in subjects
    _, sent = run_day(date(2023, 11, 2))
    assert sent.sent == 0  # a day off: no reminders go out


def test_provider_500_is_retried_with_growing_backoff_then_delivered(world, rules, providers, settings):
    settings.NOTIFY_BACKOFF_BASE_SECONDS = 60
    sms_only(world.lead_clerk)
    providers.state.fail_next = 2
    start = as_of(DUE)
    run_day(DUE)
    delivery = Delivery.objects.get()
    assert delivery.status == "pending" and delivery.attempts == 1
    assert delivery.next_attempt_at == start + timedelta(seconds=60)
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        send_due(now=start + timedelta(seconds=61))
    delivery.refresh_from_db()
    assert delivery.attempts == 2
    assert delivery.next_attempt_at == start + timedelta(seconds=61 + 120)
    with time_machine.travel(start + timedelta(seconds=200), tick=False):
        send_due(now=start + timedelta(seconds=200))
    delivery.refresh_from_db()
    assert delivery.status == "sent" and delivery.provider_message_id == "biz-1"
    assert providers.state.count("sms") == 1
    outcomes = list(delivery.attempt_rows.values_list("outcome", flat=True))
    assert outcomes == ["transient", "transient", "ok"]


def test_provider_always_failing_marks_failed_and_supervisors_see_it(world, rules, providers, settings):
    settings.NOTIFY_MAX_ATTEMPTS = 3
    settings.NOTIFY_BACKOFF_BASE_SECONDS = 1
    sms_only(world.lead_clerk)
    providers.state.always_fail = True
    start = as_of(DUE)
    run_day(DUE)
    for seconds in (5, 10):
        with time_machine.travel(start + timedelta(seconds=seconds), tick=False):
            send_due(now=start + timedelta(seconds=seconds))
    delivery = Delivery.objects.get()
    assert delivery.status == "failed" and delivery.attempts == 3
    assert "HTTP 500" in delivery.last_error
    assert list(deliveries_failed(user=world.supervisor)) == [delivery]
    assert list(deliveries_failed(user=world.other_clerk)) == []


def test_a_permanent_provider_error_fails_at_once(world, rules, providers, settings):
    world.lead_clerk.phone = "1"  # not a number the provider accepts
    world.lead_clerk.save()
    sms_only(world.lead_clerk)
    settings.ALIYUN_SMS_ACCESS_KEY_SECRET = "wrong-secret"
    run_day(DUE)
    delivery = Delivery.objects.get()
    assert delivery.status == "failed" and delivery.attempts == 1
    assert "SignatureDoesNotMatch" in delivery.last_error


def test_sms_due_in_quiet_hours_waits_until_eight_in_the_morning(world, rules, providers):
    sms_only(world.lead_clerk)
    late = datetime.combine(DUE, time(23, 0), tzinfo=local_tz())
    with time_machine.travel(late, tick=False):
        scan(now=late)
        send_due(now=late)
    delivery = Delivery.objects.get()
    assert delivery.status == "pending"
    assert delivery.next_attempt_at == datetime.combine(date(2023, 11, 1), time(8, 0), tzinfo=local_tz())
    assert providers.state.count("sms") == 0
    morning = delivery.next_attempt_at
    with time_machine.travel(morning, tick=False):
        send_due(now=morning)
    assert providers.state.count("sms") == 1
    # Written when sent: by the morning the due day has passed, and the text says so.
    assert providers.state.received[0].payload == {
        "name": "抽蓄项目10月底前开工",
        "date": "2023-10-31",
        "status": "已逾期1个工作日",
    }


def test_dingtalk_robot_message_mentions_the_recipient(world, rules, providers):
    NotificationPreference.objects.create(user=world.lead_clerk, email=False, inbox=False, dingtalk=True)
    run_day(DUE)
    [got] = providers.state.received
    assert got.kind == "dingtalk" and got.phone == world.lead_clerk.phone
    assert "抽蓄项目10月底前开工" in got.payload["markdown"]["text"]
    assert Delivery.objects.get().status == "sent"


def test_digest_user_gets_one_email_for_all_items_at_digest_time(world, rules, settings):
    settings.NOTIFY_DIGEST_TIME = "08:30"
    NotificationPreference.objects.create(user=world.lead_clerk, inbox=False, daily_digest=True)
    from tests import factories as f

    f.MilestoneFactory(task=world.task, text="8月底前完成招标", due_date=DUE)
    run_day(DUE)  # 09:00: today's digest time has passed
    assert mail.outbox == []
    digest_at = datetime.combine(date(2023, 11, 1), time(8, 30), tzinfo=local_tz())
    assert set(Delivery.objects.values_list("next_attempt_at", flat=True)) == {digest_at}
    with time_machine.travel(digest_at, tick=False):
        send_due(now=digest_at)
    [message] = mail.outbox
    assert message.subject == "【督办提醒】2023年11月1日提醒汇总（2项）"
    assert "抽蓄项目10月底前开工" in message.body and "8月底前完成招标" in message.body
    assert Delivery.objects.filter(status="sent").count() == 2


def test_reminder_is_cancelled_when_the_milestone_closes_before_sending(world, rules):
    run_day(DUE, send=False)
    Milestone.objects.filter(pk=world.milestone.pk).update(status=Milestone.Status.CLOSED)
    with time_machine.travel(as_of(DUE), tick=False):
        result = send_due(now=as_of(DUE))
    assert result.cancelled == 2 and mail.outbox == []


def test_nothing_is_sent_on_a_non_working_day(world, rules):
    run_day(DUE, send=False)
    holiday = as_of(date(2023, 11, 4))  # Saturday
    with time_machine.travel(holiday, tick=False):
        assert send_due(now=holiday).sent == 0
    assert mail.outbox == []


def test_two_claimers_never_get_the_same_rows(world, rules):
    run_day(DUE, send=False)
    now = as_of(DUE)
    with time_machine.travel(now, tick=False):
        _, first = claim(now=now, limit=1)
        _, second = claim(now=now, limit=10)
        _, third = claim(now=now, limit=10)
    assert len(first) == 1 and len(second) == 1 and third == []
    assert first[0].pk != second[0].pk


def _stuck(world, channel: str, status: str):
    NotificationPreference.objects.create(
        user=world.lead_clerk, email=channel == "email", inbox=False, sms=channel == "sms"
    )
    run_day(DUE, send=False)
    now = as_of(DUE)
    with time_machine.travel(now, tick=False):
        _token, [delivery] = claim(now=now, limit=10)
        if status == "sending":
            Delivery.objects.filter(pk=delivery.pk).update(status="sending", attempts=1)
            DeliveryAttempt.objects.create(delivery=delivery, number=1, started_at=now)
    return delivery, now


def test_expired_sms_in_sending_becomes_unknown_and_is_never_resent(world, rules, providers):
    delivery, now = _stuck(world, "sms", "sending")
    with time_machine.travel(now + timedelta(minutes=10), tick=False):
        reconcile_expired()
        send_due(now=now + timedelta(minutes=10))
    delivery.refresh_from_db()
    assert delivery.status == "unknown" and providers.state.count("sms") == 0
    assert list(deliveries_failed()) == [delivery]
    assert delivery.attempt_rows.get().outcome == "unknown"


def test_expired_email_in_sending_is_resent_with_the_same_message_id(world, rules):
    delivery, now = _stuck(world, "email", "sending")
    with time_machine.travel(now + timedelta(minutes=10), tick=False):
        reconcile_expired()
        send_due(now=now + timedelta(minutes=10))
    delivery.refresh_from_db()
    assert delivery.status == "sent" and delivery.attempts == 2
    assert mail.outbox[0].extra_headers["Message-ID"] == f"<duban.delivery.{delivery.pk}@duban.local>"


def test_expired_claim_goes_back_to_pending_without_counting_an_attempt(world, rules):
    delivery, now = _stuck(world, "sms", "claimed")
    with time_machine.travel(now + timedelta(minutes=1), tick=False):
        assert reconcile_expired().released == 0  # lease still running
    with time_machine.travel(now + timedelta(minutes=10), tick=False):
        assert reconcile_expired().released == 1
    delivery.refresh_from_db()
    assert delivery.status == "pending" and delivery.attempts == 0
