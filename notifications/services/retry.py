"""Deliveries that failed for a transient reason get more chances (issue 14: 110 e-mails stayed
unsent after the SMTP server came back, until someone retried them by hand in the admin).

After the sender's fast attempts (NOTIFY_MAX_ATTEMPTS, about half an hour) a row is `failed`, and
the supervisors see it. A transient failure then gets one more attempt on a slow schedule
(NOTIFY_SLOW_RETRY_SECONDS, hours), until the row is NOTIFY_RETRY_MAX_AGE_HOURS old; and all of a
channel's such rows go again at once when a send on that channel has just succeeded. A permanent
error (a refused address) or an unknown outcome (an SMS that may have arrived) never comes back by
itself: the second would be a duplicate, the first a waste.

Exactly once still holds: a failed row is no sender's (no claim, no lease), so the only write is
a conditional UPDATE failed -> pending, and the row is then claimed like any other (sender.claim).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery

from accounts.models import User
from duban.lib import clock
from notifications.models import Delivery, DeliveryAttempt
from notifications.selectors import deliveries_failed
from policy_tasks.models import AuditAction
from policy_tasks.permissions import require
from policy_tasks.services.actors import office_role
from policy_tasks.services.audit import RequestMeta, actor_for, audit_record

S = Delivery.Status


def failed_transiently(qs: QuerySet[Delivery]) -> QuerySet[Delivery]:
    """Failed rows whose last attempt ended with a transient error."""
    last = DeliveryAttempt.objects.filter(delivery=OuterRef("pk")).order_by("-number").values("outcome")[:1]
    return (
        qs.filter(status=S.FAILED)
        .annotate(last_outcome=Subquery(last))
        .filter(last_outcome=DeliveryAttempt.Outcome.TRANSIENT)
    )


def _requeue(ids: list[int], now: datetime, **fields: object) -> int:
    return Delivery.objects.filter(pk__in=ids, status=S.FAILED).update(
        status=S.PENDING, next_attempt_at=now, claim_token="", lease_until=None, **fields
    )


def deliveries_revive(*, now: datetime, channel: str | None = None, limit: int = 5000) -> int:
    """One more attempt each for the transient failures young enough (slow schedule, healthy channel).

    Their attempt count stays above the fast budget, so a further transient error makes them
    failed again at once: one attempt per revival, never a new burst.
    """
    cutoff = now - timedelta(hours=settings.NOTIFY_RETRY_MAX_AGE_HOURS)
    qs = failed_transiently(Delivery.objects.filter(created_at__gte=cutoff))
    if channel is not None:
        qs = qs.filter(channel=channel)
    return _requeue(list(qs.order_by("id").values_list("pk", flat=True)[:limit]), now)


@transaction.atomic
def deliveries_retry_failed(*, user: User, meta: RequestMeta | None = None) -> int:
    """The failed-delivery panel's one action: every transient failure the user sees, again now,
    with a fresh attempt budget. Unknown and permanently refused rows stay for the admin."""
    require(user, "delivery.retry")
    rows = list(failed_transiently(deliveries_failed(user=user)).select_for_update(of=("self",)).order_by("pk"))
    changed = _requeue([d.pk for d in rows], clock.now(), attempts=0)
    if changed:
        audit_record(
            actor=actor_for(user, role=office_role(user), meta=meta),
            action=AuditAction.DELIVERY_RETRY,
            obj=rows[0],
            before={"status": {d.pk: d.status for d in rows}},
            after={"status": S.PENDING, "ids": [d.pk for d in rows]},
            reason="督查台：发送失败的提醒全部重试",
        )
    return changed
