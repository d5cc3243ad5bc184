"""Celery entry points for exports: fetch the row, call the service (jobs.py)."""

from __future__ import annotations

import logging
from typing import Any

from celery import shared_task
from django.db import transaction
from kombu.exceptions import OperationalError

from accounts.models import User
from policy_tasks.errors import Unavailable
from policy_tasks.exports.jobs import export_job_create, export_job_fail, export_job_run, export_jobs_prune
from policy_tasks.models import ExportJob, PolicyDocument

log = logging.getLogger(__name__)
# Someone is waiting for the answer: one quick retry (a broker that just restarted), then say so.
PUBLISH_RETRY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.5, "interval_max": 0.5}
BROKER_DOWN = "消息队列暂时不可用，导出未能开始，请稍后重试"


@shared_task(name="exports.run_export_job", acks_late=True)
def run_export_job(job_id: int) -> str:
    job = export_job_run(job_id=job_id)
    return "skipped" if job is None else job.status


@shared_task(name="exports.prune_export_jobs")
def prune_export_jobs() -> int:
    return export_jobs_prune()


def export_job_start(*, user: User, kind: str, document: PolicyDocument, params: dict[str, Any]) -> ExportJob:
    """Record the job and queue it once the row is committed (a worker must be able to read it).

    Outside a transaction, as in a request, on_commit runs at once: a broker that is down is
    known before the answer goes out, which is then a 503 with the job marked failed rather
    than a job left pending forever.
    """
    with transaction.atomic():
        job = export_job_create(user=user, kind=kind, document=document, params=params)
    transaction.on_commit(lambda: _queue(job))
    return job


def _queue(job: ExportJob) -> None:
    try:
        run_export_job.apply_async((job.pk,), retry_policy=PUBLISH_RETRY)
    except OperationalError as exc:
        log.warning("export job %s not queued, broker unavailable: %s", job.pk, exc)
        export_job_fail(job_id=job.pk, message=BROKER_DOWN)
        raise Unavailable(BROKER_DOWN) from exc
