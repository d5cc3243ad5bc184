"""Transient failures are retried on a slow schedule until an age limit, at once when the channel
works again, and in one action from the supervision console (issue 14: 110 e-mails stayed unsent
after the SMTP server came back)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
import time_machine
from django.test import Client

from accounts.models import RoleGrant
from notifications.models import Delivery
from notifications.services.sender import send_due
from notifications.services.timing import as_of
from notifications.tasks import retry_failed_deliveries
from policy_tasks.models import AuditEvent
from tests import factories as f
from tests.notifications.conftest import run_day
from tests.notifications.test_sender import sms_only

pytestmark = pytest.mark.django_db
DUE = date(2023, 10, 31)


@pytest.fixture
def failing(world, rules, providers, settings):
    """The lead clerk's due-day SMS, failed after its fast attempts while the provider answers 500."""
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
    return delivery


def _slow_tick(at):
    with time_machine.travel(at, tick=False):
        retry_failed_deliveries()
        send_due(now=at)


def test_a_transient_failure_is_retried_every_few_hours_until_it_goes(failing, providers):
    start = as_of(DUE)
    _slow_tick(start + timedelta(hours=3))  # still down: one more attempt, failed again
    failing.refresh_from_db()
    assert (failing.status, failing.attempts) == ("failed", 4)
    providers.state.always_fail = False
    _slow_tick(start + timedelta(hours=6))
    failing.refresh_from_db()
    assert (failing.status, failing.attempts) == ("sent", 5)
    assert providers.state.count("sms") == 1
    _slow_tick(start + timedelta(hours=9))  # sent rows are never touched again
    assert providers.state.count("sms") == 1


def test_slow_retries_stop_at_the_configured_age(failing, providers, settings):
    settings.NOTIFY_RETRY_MAX_AGE_HOURS = 24
    providers.state.always_fail = False
    _slow_tick(as_of(DUE) + timedelta(hours=25))
    failing.refresh_from_db()
    assert (failing.status, failing.attempts) == ("failed", 3)
    assert providers.state.count("sms") == 0


def test_a_permanent_failure_is_not_retried_by_itself(failing, providers):
    failing.attempt_rows.update(outcome="permanent")
    providers.state.always_fail = False
    _slow_tick(as_of(DUE) + timedelta(hours=3))
    failing.refresh_from_db()
    assert failing.status == "failed" and providers.state.count("sms") == 0


def test_all_transient_failures_of_a_channel_go_when_it_sends_again(world, failing, providers):
    providers.state.always_fail = False
    sms_only(world.co_clerk)
    run_day(date(2023, 11, 1))  # the next day's reminders go out, and the failed one with them
    failing.refresh_from_db()
    assert failing.status == "sent"
    sent = Delivery.objects.filter(status="sent", channel="sms").count()
    assert sent >= 2 and providers.state.count("sms") == sent


def test_supervisor_retries_the_failed_panel_in_one_action(world, failing, providers):
    client = Client()
    client.force_login(world.supervisor)
    page = client.get("/supervision/")
    assert "全部重试" in page.content.decode()
    with time_machine.travel(as_of(DUE) + timedelta(minutes=30), tick=False):
        response = client.post("/notifications/failed/retry/")
    assert response.status_code == 302 and response.url.endswith("#failed")
    failing.refresh_from_db()
    assert (failing.status, failing.attempts) == ("pending", 0)
    event = AuditEvent.objects.get(action="delivery.retry")
    assert event.actor_id == world.supervisor.pk and event.after["ids"] == [failing.pk]
    providers.state.always_fail = False
    with time_machine.travel(as_of(DUE) + timedelta(minutes=40), tick=False):
        send_due(now=as_of(DUE) + timedelta(minutes=40))
    failing.refresh_from_db()
    assert failing.status == "sent" and providers.state.count("sms") == 1


def test_a_clerk_cannot_retry_the_panel(world, failing):
    client = Client()
    client.force_login(world.lead_clerk)
    assert client.post("/notifications/failed/retry/").status_code == 403
    failing.refresh_from_db()
    assert failing.status == "failed"


def test_an_admin_who_also_supervises_is_recorded_as_the_admin_they_retried_as(world, failing):
    """The panel shows such a user every failure, as to an admin, so the audit names that role
    (the same order as an import or an instruction records)."""
    f.RoleGrantFactory(user=world.admin, role=RoleGrant.Role.SUPERVISOR)
    client = Client()
    client.force_login(world.admin)
    with time_machine.travel(as_of(DUE) + timedelta(minutes=30), tick=False):
        assert client.post("/notifications/failed/retry/").status_code == 302
    event = AuditEvent.objects.get(action="delivery.retry")
    assert (event.actor_id, event.actor_role, event.after["ids"]) == (world.admin.pk, "admin", [failing.pk])
