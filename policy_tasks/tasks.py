"""Celery entry points of the policy_tasks app itself (exports have their own, exports/tasks.py)."""

from __future__ import annotations

import logging

from celery import shared_task

from policy_tasks.services.audit_checkpoint import checkpoint_write

log = logging.getLogger(__name__)


@shared_task(name="audit.write_checkpoint")
def write_audit_checkpoint() -> str:
    path = checkpoint_write()
    log.info("audit checkpoint written", extra={"path": str(path)})
    return str(path)
