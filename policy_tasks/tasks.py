"""Celery entry points of the policy_tasks app itself (exports have their own, exports/tasks.py)."""

from __future__ import annotations

import logging

from celery import shared_task

from policy_tasks.services.audit_checkpoint import checkpoint_write
from policy_tasks.services.recurring import recurring_generate
from policy_tasks.services.urge_escalation import urges_escalate_overdue

log = logging.getLogger(__name__)


@shared_task(name="audit.write_checkpoint")
def write_audit_checkpoint() -> str:
    path = checkpoint_write()
    log.info("audit checkpoint written", extra={"path": str(path)})
    return str(path)


@shared_task(name="policy_tasks.escalate_overdue_urges")
def escalate_overdue_urges() -> int:
    issued = urges_escalate_overdue()
    if issued:
        log.info("overdue urge notices escalated", extra={"count": len(issued)})
    return len(issued)


@shared_task(name="policy_tasks.generate_recurring_milestones")
def generate_recurring_milestones() -> int:
    made = recurring_generate()
    if made:
        log.info("recurring milestones generated", extra={"count": made})
    return made
