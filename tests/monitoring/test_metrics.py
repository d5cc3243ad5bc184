"""/metrics in one process: who may read it, the names it exposes, and figures that match
the database."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

import pytest
from django.conf import settings as django_settings
from django.db import OperationalError, connection
from django.utils import timezone
from django_celery_beat.models import IntervalSchedule, PeriodicTask

from notifications.models import Delivery
from notifications.services.runs import task_run_record
from policy_tasks.models import ExportJob
from tests.monitoring.scrape import samples, total, value
from tests.notifications.conftest import ensure_default_rules

pytestmark = pytest.mark.django_db


def _delivery(world, *, status, channel, next_attempt_at, recipient, rule):
    return Delivery.objects.create(
        subject_type="milestone",
        subject_id=world.milestone.pk,
        rule=rule,
        due_date=timezone.localdate(),
        fire_date=timezone.localdate(),
        recipient=recipient,
        channel=channel,
        status=status,
        next_attempt_at=next_attempt_at,
        created_at=timezone.now(),
    )


def test_loopback_reads_metrics_without_logging_in(client):
    response = client.get("/metrics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "duban_deliveries" in response.content.decode()


@pytest.mark.parametrize("address", ["10.1.2.3", "192.168.0.9", "2001:db8::1"])
def test_other_addresses_are_refused_with_a_plain_403_not_a_login_page(client, address):
    response = client.get("/metrics", REMOTE_ADDR=address)
    assert response.status_code == 403
    assert "Location" not in response
    assert "无权" in response.content.decode()
    assert "duban_" not in response.content.decode()


def test_a_request_through_a_proxy_is_not_trusted_by_its_loopback_address(client):
    response = client.get("/metrics", headers={"X-Forwarded-For": "203.0.113.7"})
    assert response.status_code == 403


def test_allowed_networks_and_the_token_come_from_settings(client, settings):
    settings.DUBAN_METRICS_ALLOW = ["10.0.0.0/8"]
    settings.DUBAN_METRICS_TOKEN = "s3cret-scrape-token"
    assert client.get("/metrics", REMOTE_ADDR="10.9.8.7").status_code == 200
    assert client.get("/metrics").status_code == 403  # loopback no longer listed
    assert client.get("/metrics", REMOTE_ADDR="192.0.2.1").status_code == 403
    wrong = {"Authorization": "Bearer not-the-token"}
    assert client.get("/metrics", REMOTE_ADDR="192.0.2.1", headers=wrong).status_code == 403
    right = {"Authorization": "Bearer s3cret-scrape-token"}
    assert client.get("/metrics", REMOTE_ADDR="192.0.2.1", headers=right).status_code == 200


@pytest.mark.parametrize(
    ("name", "bad"), [("DUBAN_METRICS_ALLOW", "10.0.0.0/8,not-a-network"), ("DUBAN_LOG_FORMAT", "xml")]
)
def test_a_bad_value_stops_start_up_naming_the_variable(name, bad):
    done = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=django_settings.BASE_DIR,
        env={name: bad, "PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "duban.settings"},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    assert "ImproperlyConfigured" in done.stderr and name in done.stderr


def test_requests_are_counted_by_route_name_never_by_path(client, world):
    before = samples(client.get("/metrics").content.decode())
    for _ in range(3):
        client.get("/login/")
    client.get("/exports/calendar/secret-token-abc.ics")
    client.get("/no/such/page/")
    after = samples(client.get("/metrics").content.decode())

    def delta(**labels):
        return total(after, "duban_http_requests_total", **labels) - total(
            before, "duban_http_requests_total", **labels
        )

    assert delta(route="web:login", method="GET", status="2xx") == 3
    assert delta(route="unmatched", method="GET", status="4xx") == 1
    assert delta(route="exports:calendar-feed", method="GET") == 1
    latency = "duban_http_request_duration_seconds_count"
    assert total(after, latency, route="web:login") - total(before, latency, route="web:login") == 3
    names = {labels for (name, labels) in after if name == "duban_http_requests_total"}
    assert not any("secret-token" in v for labels in names for _, v in labels)


def test_delivery_and_export_figures_match_the_database(client, world):
    rule = next(iter(ensure_default_rules().values()))
    now = timezone.now()
    _delivery(
        world,
        status="pending",
        channel="email",
        next_attempt_at=now - timedelta(hours=2),
        recipient=world.lead_clerk,
        rule=rule,
    )
    _delivery(
        world,
        status="pending",
        channel="sms",
        next_attempt_at=now + timedelta(hours=1),
        recipient=world.lead_clerk,
        rule=rule,
    )
    _delivery(world, status="sent", channel="email", next_attempt_at=now, recipient=world.co_clerk, rule=rule)
    _delivery(world, status="failed", channel="inbox", next_attempt_at=now, recipient=world.lead_head, rule=rule)
    for status in ("pending", "pending", "done", "failed"):
        ExportJob.objects.create(
            kind="ledger_csv", document=world.document, requested_by=world.supervisor, status=status, created_at=now
        )

    found = samples(client.get("/metrics").content.decode())

    assert value(found, "duban_deliveries", state="pending", channel="email") == 1
    assert value(found, "duban_deliveries", state="pending", channel="sms") == 1
    assert value(found, "duban_deliveries", state="sent", channel="email") == 1
    assert value(found, "duban_deliveries", state="failed", channel="inbox") == 1
    assert value(found, "duban_deliveries", state="unknown", channel="dingtalk") == 0  # zeros are there too
    assert total(found, "duban_deliveries") == Delivery.objects.count()
    assert value(found, "duban_deliveries_due") == 1
    assert 2 * 3600 - 60 < value(found, "duban_delivery_oldest_due_age_seconds") < 2 * 3600 + 60
    assert value(found, "duban_export_jobs", state="pending") == 2
    assert value(found, "duban_export_jobs", state="done") == 1
    assert value(found, "duban_export_jobs", state="running") == 0


def test_scan_figures_come_from_the_last_tick_recorded_in_the_database(client, db):
    assert value(samples(client.get("/metrics").content.decode()), "duban_scan_ticks_total") is None
    start = timezone.now()
    task_run_record(
        name="scan_reminders", started_at=start, finished_at=start + timedelta(seconds=2), rows=7, subjects=3
    )
    task_run_record(
        name="scan_reminders", started_at=start, finished_at=start + timedelta(seconds=1), rows=0, subjects=0
    )

    found = samples(client.get("/metrics").content.decode())

    assert value(found, "duban_scan_ticks_total") == 2
    assert value(found, "duban_scan_rows_total") == 7
    assert value(found, "duban_scan_duration_seconds_total") == pytest.approx(3)
    assert value(found, "duban_scan_last_duration_seconds") == pytest.approx(1)
    assert value(found, "duban_scan_last_rows") == 0
    assert value(found, "duban_scan_last_finished_timestamp_seconds") == pytest.approx(
        (start + timedelta(seconds=1)).timestamp()
    )


def test_beat_age_is_read_from_the_periodic_tasks_beat_ran(client, db):
    every = IntervalSchedule.objects.create(every=60, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.create(
        name="t", task="notifications.send_reminders", interval=every, last_run_at=timezone.now() - timedelta(minutes=5)
    )
    found = samples(client.get("/metrics").content.decode())
    assert 300 - 30 < value(found, "duban_beat_heartbeat_age_seconds") < 300 + 30


def test_login_failures_and_lockouts_are_counted(client, world, settings):
    settings.AXES_FAILURE_LIMIT = 3
    before = samples(client.get("/metrics").content.decode())
    for _ in range(4):
        client.post("/login/", {"username": "lead_clerk", "password": "wrong"})
    after = samples(client.get("/metrics").content.decode())

    assert value(after, "duban_login_failures_total") - value(before, "duban_login_failures_total") >= 3
    assert value(after, "duban_login_lockouts_total") - value(before, "duban_login_lockouts_total") >= 1
    assert value(after, "duban_login_lockouts_active") == 1


def test_every_exposed_figure_is_named_duban(client, world):
    task_run_record(name="scan_reminders", started_at=timezone.now(), finished_at=timezone.now(), rows=0, subjects=0)
    text = client.get("/metrics").content.decode()
    ours = {name for name, _ in samples(text) if name.startswith("duban_")}
    expected = {
        "duban_http_request_duration_seconds_bucket",
        "duban_http_requests_total",
        "duban_deliveries",
        "duban_deliveries_due",
        "duban_delivery_oldest_due_age_seconds",
        "duban_scan_last_duration_seconds",
        "duban_scan_last_rows",
        "duban_scan_ticks_total",
        "duban_export_jobs",
        "duban_export_oldest_pending_age_seconds",
        "duban_login_failures_total",
        "duban_login_lockouts_total",
        "duban_login_lockouts_active",
    }
    assert expected <= ours


def test_request_counters_are_still_served_when_the_database_is_away(client, db):
    def unreachable(execute, sql, params, many, context):
        raise OperationalError("connection refused")

    # Django's own hook around every query: each one fails as with the server gone.
    with connection.execute_wrapper(unreachable):
        response = client.get("/metrics")
    assert response.status_code == 200
    found = samples(response.content.decode())
    assert value(found, "duban_metrics_database_up") == 0
    assert total(found, "duban_http_requests_total") > 0
    assert value(found, "duban_deliveries_due") is None


def test_beat_age_is_the_lease_holders_heartbeat_when_there_is_one(client, db):
    from duban.health.heartbeat import heartbeat_write

    every = IntervalSchedule.objects.create(every=60, period=IntervalSchedule.SECONDS)
    PeriodicTask.objects.create(
        name="t", task="notifications.send_reminders", interval=every, last_run_at=timezone.now() - timedelta(minutes=5)
    )
    heartbeat_write(holder="beat@host", at=timezone.now() - timedelta(seconds=20))
    found = samples(client.get("/metrics").content.decode())
    assert 20 - 5 < value(found, "duban_beat_heartbeat_age_seconds") < 20 + 5
