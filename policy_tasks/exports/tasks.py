"""Celery entry points for exports: fetch the row, call the service (jobs.py)."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.db import transaction

from policy_tasks.exports.jobs import export_job_create, export_job_run, export_jobs_prune
from policy_tasks.models import ExportJob, PolicyDocument


@shared_task(name="exports.run_export_job", acks_late=True)
def run_export_job(job_id: int) -> str:
    job = export_job_run(job_id=job_id)
    return "skipped" if job is None else job.status


@shared_task(name="exports.prune_export_jobs")
def prune_export_jobs() -> int:
    return export_jobs_prune()


def export_job_start(*, user: Any, kind: str, document: PolicyDocument, params: dict[str, Any]) -> ExportJob:
    """Record the job and queue it once the row is committed (a worker must be able to read it)."""
    with transaction.atomic():
        job = export_job_create(user=user, kind=kind, document=document, params=params)
        transaction.on_commit(lambda: run_export_job.delay(job.pk))
    return job
