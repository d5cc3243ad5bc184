"""/metrics under gunicorn with two workers: counters sum every worker's requests, the
database figures match the database, and a client without the token is refused."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from django.utils import timezone

from notifications.models import Delivery
from notifications.tasks import scan_reminders
from policy_tasks.models import ExportJob
from tests.monitoring.conftest import json_lines
from tests.monitoring.scrape import samples, total, value
from tests.notifications.conftest import ensure_default_rules

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _ledger(world):
    rule = next(iter(ensure_default_rules().values()))
    now = timezone.now()
    rows = [
        ("pending", "email", now - timedelta(minutes=30), world.lead_clerk),
        ("pending", "inbox", now - timedelta(minutes=5), world.lead_clerk),
        ("sent", "email", now, world.co_clerk),
        ("failed", "sms", now, world.co_clerk),
    ]
    for status, channel, at, user in rows:
        Delivery.objects.create(
            subject_type="milestone",
            subject_id=world.milestone.pk,
            rule=rule,
            due_date=timezone.localdate(),
            fire_date=timezone.localdate(),
            recipient=user,
            channel=channel,
            status=status,
            next_attempt_at=at,
            created_at=now,
        )
    for status in ("pending", "running", "done", "done", "failed"):
        ExportJob.objects.create(
            kind="ledger_csv", document=world.document, requested_by=world.supervisor, status=status, created_at=now
        )


def test_metrics_sum_both_workers_and_match_the_database(world, gunicorn):
    _ledger(world)
    scan_reminders()  # a tick, as the worker runs it: its figures reach the web through the database

    # Enough requests at once that both sync workers answer some of them.
    sent = 0
    served_by: set[int] = set()
    with ThreadPoolExecutor(max_workers=6) as pool:
        for _ in range(10):
            statuses = list(pool.map(lambda _: gunicorn.get("/login/").status, range(12)))
            assert statuses == [200] * 12
            sent += 12
            served_by = {
                line["pid"]
                for line in json_lines(gunicorn.log)
                if line.get("logger") == "duban.request" and line.get("route") == "web:login"
            }
            if len(served_by) >= 2:
                break
    assert len(served_by) == 2, served_by

    probes = 1  # the fixture's start-up request to /login/
    for _ in range(6):
        answer = gunicorn.scrape()
        assert answer.status == 200, answer.body
        found = samples(answer.body)
        # Whichever worker answered the scrape, it reports every worker's requests.
        assert total(found, "duban_http_requests_total", route="web:login", method="GET") == sent + probes
        assert total(found, "duban_http_request_duration_seconds_count", route="web:login") == sent + probes

    for state, _ in Delivery.Status.choices:
        for channel in ("email", "sms", "inbox", "dingtalk"):
            assert value(found, "duban_deliveries", state=state, channel=channel) == (
                Delivery.objects.filter(status=state, channel=channel).count()
            )
    due = Delivery.objects.filter(status="pending", next_attempt_at__lte=timezone.now())
    assert value(found, "duban_deliveries_due") == due.count() >= 2
    assert 30 * 60 - 60 < value(found, "duban_delivery_oldest_due_age_seconds") < 30 * 60 + 120
    for state, _ in ExportJob.Status.choices:
        assert value(found, "duban_export_jobs", state=state) == ExportJob.objects.filter(status=state).count()
    assert value(found, "duban_scan_ticks_total") == 1
    assert value(found, "duban_scan_last_duration_seconds") >= 0


def test_metrics_are_refused_without_the_token_from_an_address_not_listed(gunicorn):
    refused = gunicorn.get("/metrics")
    assert refused.status == 403
    assert "Location" not in refused.headers and "duban_" not in refused.body
    assert gunicorn.get("/metrics", headers={"Authorization": "Bearer wrong"}).status == 403
    assert gunicorn.scrape().status == 200
