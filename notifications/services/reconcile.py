"""Rows whose sender vanished (worker killed, machine lost) while holding a lease.

"claimed": the provider was never called, so the row simply goes back to pending.
"sending": the provider may or may not have the message. E-mail goes back to
pending (a rare duplicate carries the same Message-ID); the inbox is idempotent;
SMS and DingTalk are at most once, so the row becomes "unknown" for a person to check.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction

from duban.lib import clock
from notifications.models import Delivery, DeliveryAttempt, InboxMessage
from notifications.transports import get_transport

log = logging.getLogger(__name__)
S = Delivery.Status


@dataclass
class ReconcileResult:
    released: int = 0
    resend: int = 0
    unknown: int = 0
    failed: int = 0
    sent: int = 0


def reconcile_expired(*, limit: int = 1000) -> ReconcileResult:
    result = ReconcileResult()
    now = clock.now()
    with transaction.atomic():
        rows = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(status__in=[S.CLAIMED, S.SENDING], lease_until__lt=now)
            .order_by("lease_until")[:limit]
        )
        for d in rows:
            if d.status == S.CLAIMED:
                _set(d, status=S.PENDING, next_attempt_at=now)
                result.released += 1
                continue
            interrupted = "发送过程中断(租约到期)"
            DeliveryAttempt.objects.filter(delivery=d, outcome=DeliveryAttempt.Outcome.STARTED).update(
                outcome=DeliveryAttempt.Outcome.UNKNOWN, error=interrupted, finished_at=now
            )
            if d.channel == "inbox" and InboxMessage.objects.filter(delivery=d).exists():
                _set(d, status=S.SENT, sent_at=now, last_error="")
                result.sent += 1
            elif get_transport(d.channel).at_most_once:
                _set(d, status=S.UNKNOWN, last_error=f"{interrupted}，结果未知，未重发，请人工核查")
                result.unknown += 1
            elif d.attempts >= settings.NOTIFY_MAX_ATTEMPTS:
                _set(d, status=S.FAILED, last_error=interrupted)
                result.failed += 1
            else:
                _set(d, status=S.PENDING, next_attempt_at=now, last_error=interrupted)
                result.resend += 1
    if rows:
        log.warning("reconciled %d deliveries with expired leases: %s", len(rows), result)
    return result


def _set(delivery: Delivery, **fields) -> None:
    # Conditional on the status we locked: a sender finishing just now keeps its result.
    Delivery.objects.filter(pk=delivery.pk, status=delivery.status, claim_token=delivery.claim_token).update(
        lease_until=None, claim_token="", **fields
    )
