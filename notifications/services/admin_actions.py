"""Operator actions on the ledger (admin): retry what failed, after a person checked it."""

from __future__ import annotations

from django.db import transaction

from accounts.models import User
from duban.lib import clock
from notifications.models import UNDELIVERED, Delivery
from policy_tasks.errors import Forbidden
from policy_tasks.models import AuditAction
from policy_tasks.services.audit import actor_for, audit_record

S = Delivery.Status


@transaction.atomic
def deliveries_retry(*, user: User, ids: list[int]) -> int:
    """Put failed or unknown deliveries back in the queue with a fresh attempt budget.

    For an "unknown" SMS this is the person's decision that it did not arrive: the
    system never makes that guess itself.
    """
    if not (user.is_superuser or user.is_staff):
        raise Forbidden("无权执行此操作")
    rows = list(Delivery.objects.select_for_update().filter(pk__in=ids, status__in=UNDELIVERED).order_by("pk"))
    changed = [d.pk for d in rows]
    Delivery.objects.filter(pk__in=changed).update(
        status=S.PENDING, attempts=0, next_attempt_at=clock.now(), claim_token="", lease_until=None
    )
    if changed:
        audit_record(
            actor=actor_for(user, role="admin"),
            action=AuditAction.DELIVERY_RETRY,
            obj=rows[0],
            before={"status": {d.pk: d.status for d in rows}},
            after={"status": S.PENDING, "ids": changed},
        )
    return len(changed)
