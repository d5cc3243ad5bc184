"""Celery entry points. Logic lives in services; the ledger is the queue of record.

Tasks carry no delivery ids and no countdowns: a lost message (Redis flushed,
worker killed) loses nothing, because the next beat tick finds the same rows in
the database. Running any of them twice at once is safe (unique ledger key,
SKIP LOCKED claims).
"""

from __future__ import annotations

from celery import shared_task
from django.db import transaction

from duban.lib import clock
from notifications.services.dingtalk_readback import work_notices_read_back
from notifications.services.reconcile import reconcile_expired
from notifications.services.retry import deliveries_revive
from notifications.services.runs import task_run_record
from notifications.services.scan import scan
from notifications.services.sender import send_due


@shared_task(name="notifications.scan_reminders", ignore_result=True)
def scan_reminders() -> int:
    started = clock.now()
    result = scan(now=started)
    # The tick's duration and rows, for /metrics (duban_scan_*) on whichever node is scraped.
    task_run_record(
        name="scan_reminders",
        started_at=started,
        finished_at=clock.now(),
        rows=result.inserted,
        subjects=result.subjects,
    )
    if result.inserted:
        # Only after commit: the sender must be able to see the rows it is woken for.
        transaction.on_commit(send_reminders.delay)
    return result.inserted


@shared_task(name="notifications.send_reminders", ignore_result=True)
def send_reminders() -> int:
    return send_due().sent


@shared_task(name="notifications.reconcile_deliveries", ignore_result=True)
def reconcile_deliveries() -> int:
    result = reconcile_expired()
    # DingTalk work notifications: what DingTalk says became of those sent (a no-op in other modes).
    work_notices_read_back()
    if result.released or result.resend:
        transaction.on_commit(send_reminders.delay)
    return result.released + result.resend


@shared_task(name="notifications.retry_failed_deliveries", ignore_result=True)
def retry_failed_deliveries() -> int:
    revived = deliveries_revive(now=clock.now())
    if revived:
        transaction.on_commit(send_reminders.delay)
    return revived
