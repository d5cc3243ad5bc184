"""Figures read from the database at scrape time: the same answer from every web node and
worker count, and nothing to keep in step. Each family is one aggregate query."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

from axes.models import AccessAttempt
from django.conf import settings
from django.db import DatabaseError
from django.db.models import Count, Max, Min
from django_celery_beat.models import PeriodicTask
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector

from duban.health.heartbeat import heartbeat_age_seconds
from duban.lib import clock
from notifications.models import Channel, Delivery, TaskRun
from policy_tasks.models import ExportJob

SCAN_TASK = "scan_reminders"


def _age(now: datetime, then: datetime | None) -> float:
    return max(0.0, (now - then).total_seconds()) if then else 0.0


class DatabaseCollector(Collector):
    def collect(self) -> Iterator[Metric]:
        now = clock.now()
        try:
            # Read all before yielding any: a database gone mid-scrape gives no half answer.
            families = [
                *self._deliveries(now),
                *self._scan(),
                *self._beat(now),
                *self._exports(now),
                *self._lockouts(now),
            ]
        except DatabaseError:
            # The process's own counters are still worth a scrape when the database is away.
            families = []
        yield GaugeMetricFamily(
            "duban_metrics_database_up", "1 if the database answered this scrape, else 0.", value=1 if families else 0
        )
        yield from families

    def _deliveries(self, now: datetime) -> Iterator[Metric]:
        family = GaugeMetricFamily(
            "duban_deliveries", "Reminder deliveries in the ledger, by state and channel.", labels=["state", "channel"]
        )
        counts = {
            (row["status"], row["channel"]): row["n"]
            for row in Delivery.objects.order_by().values("status", "channel").annotate(n=Count("id"))
        }
        # Every pair, zeros included: a series that vanishes cannot be alerted on.
        for state in Delivery.Status.values:
            for channel in Channel.values:
                family.add_metric([state, channel], counts.get((state, channel), 0))
        yield family
        due = Delivery.objects.filter(status=Delivery.Status.PENDING, next_attempt_at__lte=now).aggregate(
            n=Count("id"), oldest=Min("next_attempt_at")
        )
        yield GaugeMetricFamily("duban_deliveries_due", "Pending deliveries whose time has come.", value=due["n"])
        yield GaugeMetricFamily(
            "duban_delivery_oldest_due_age_seconds",
            "How long the oldest due pending delivery has waited (0 when none waits).",
            value=_age(now, due["oldest"]),
        )

    def _scan(self) -> Iterator[Metric]:
        run = TaskRun.objects.filter(name=SCAN_TASK).first()
        if run is None:
            return  # no tick yet: no figures rather than made-up zeros
        yield GaugeMetricFamily(
            "duban_scan_last_duration_seconds",
            "Duration of the last reminder scan tick.",
            value=run.last_duration_seconds,
        )
        yield GaugeMetricFamily("duban_scan_last_rows", "Deliveries the last scan tick inserted.", value=run.last_rows)
        yield GaugeMetricFamily(
            "duban_scan_last_subjects",
            "Subjects (milestones, reports, urges) the last tick found.",
            value=run.last_subjects,
        )
        yield GaugeMetricFamily(
            "duban_scan_last_finished_timestamp_seconds",
            "When the last scan tick finished (Unix time).",
            value=run.last_finished_at.timestamp(),
        )
        yield CounterMetricFamily("duban_scan_ticks", "Scan ticks run.", value=run.runs_total)
        yield CounterMetricFamily("duban_scan_rows", "Deliveries inserted by all scan ticks.", value=run.rows_total)
        yield CounterMetricFamily(
            "duban_scan_duration_seconds", "Time spent in all scan ticks.", value=run.duration_seconds_total
        )

    def _beat(self, now: datetime) -> Iterator[Metric]:
        # The lease holder's heartbeat (duban.health) is written every few seconds; before any beat
        # has held the lease, the latest run django-celery-beat recorded (saved every few minutes).
        last = PeriodicTask.objects.filter(enabled=True).aggregate(last=Max("last_run_at"))["last"]
        if last is not None:
            yield GaugeMetricFamily(
                "duban_beat_last_run_timestamp_seconds",
                "Latest periodic task run beat recorded (Unix time).",
                value=last.timestamp(),
            )
        age = heartbeat_age_seconds(now=now)
        if age is None and last is not None:
            age = _age(now, last)
        if age is not None:
            yield GaugeMetricFamily(
                "duban_beat_heartbeat_age_seconds",
                "Seconds since the beat holding the lease last wrote its heartbeat.",
                value=max(age, 0.0),
            )

    def _exports(self, now: datetime) -> Iterator[Metric]:
        family = GaugeMetricFamily("duban_export_jobs", "Export jobs, by state.", labels=["state"])
        counts = dict(ExportJob.objects.order_by().values_list("status").annotate(n=Count("id")))
        for state in ExportJob.Status.values:
            family.add_metric([state], counts.get(state, 0))
        yield family
        oldest = ExportJob.objects.filter(status=ExportJob.Status.PENDING).aggregate(oldest=Min("created_at"))["oldest"]
        yield GaugeMetricFamily(
            "duban_export_oldest_pending_age_seconds",
            "How long the oldest queued export job has waited (0 when none).",
            value=_age(now, oldest),
        )

    def _lockouts(self, now: datetime) -> Iterator[Metric]:
        locked = AccessAttempt.objects.filter(
            failures_since_start__gte=settings.AXES_FAILURE_LIMIT,
            attempt_time__gte=now - settings.AXES_COOLOFF_TIME,
        ).count()
        yield GaugeMetricFamily(
            "duban_login_lockouts_active", "Username and address pairs locked out now (django-axes).", value=locked
        )
