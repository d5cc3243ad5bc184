"""Rows whose sender vanished (worker killed, machine lost) while holding a lease.

"claimed": the provider was never called, so the row simply goes back to pending.
"sending": the provider may or may not have the message. E-mail goes back to
pending (a rare duplicate carries the same Message-ID); the inbox is idempotent;
SMS and DingTalk are at most once, so the row becomes "unknown" for a person to check.

Then `reconcile_unknown` asks the providers that offer a status query (Aliyun
QuerySendDetails, Tencent PullSmsSendStatusByPhoneNumber) what became of the recent
unknown sends: a record of the message makes the row "sent" (or "failed" when the
operator reported it undelivered). No record changes nothing: a report can lag, so
only a person decides that a message never left.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction

from duban.lib import clock
from notifications.models import Channel, Delivery, DeliveryAttempt, InboxMessage
from notifications.transports import Transport, TransportError, get_transport
from notifications.transports.outgoing import Outgoing

log = logging.getLogger(__name__)
S = Delivery.Status


@dataclass
class ReconcileResult:
    released: int = 0
    resend: int = 0
    unknown: int = 0
    failed: int = 0
    sent: int = 0
    confirmed: int = 0  # unknown -> sent on the provider's word
    undelivered: int = 0  # unknown -> failed on the provider's word


# Providers keep their records for days (Tencent 7, Aliyun 30). A row is asked once it is
# SMS_STATUS_QUERY_AFTER_SECONDS old, then at most every SMS_STATUS_QUERY_EVERY_SECONDS, so a
# backlog of unknown rows does not hammer the provider.
LOOKUP_WINDOW = timedelta(days=7)


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
            if d.channel == Channel.INBOX and InboxMessage.objects.filter(delivery=d).exists():
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
    reconcile_unknown(result)
    return result


def _known(provider_id: str) -> bool:
    return bool(provider_id) and (
        Delivery.objects.filter(provider_message_id=provider_id).exists()
        or DeliveryAttempt.objects.filter(provider_message_id=provider_id).exists()
    )


def reconcile_unknown(result: ReconcileResult | None = None, *, limit: int = 20) -> ReconcileResult:
    """Settle unknown sends on the provider's word, outside any transaction (HTTP calls)."""
    result = result or ReconcileResult()
    now = clock.now()
    attempts = (
        DeliveryAttempt.objects.filter(
            outcome=DeliveryAttempt.Outcome.UNKNOWN,
            delivery__status=S.UNKNOWN,
            started_at__gte=now - LOOKUP_WINDOW,
            started_at__lte=now - timedelta(seconds=settings.SMS_STATUS_QUERY_AFTER_SECONDS),
        )
        .select_related("delivery__recipient")
        .order_by("-started_at")
    )
    transports: dict[str, Transport] = {}
    asked = 0
    for attempt in attempts.iterator():
        if asked >= limit:
            break
        d = attempt.delivery
        key = f"notify-lookup:{attempt.pk}"
        if cache.get(key):
            continue
        if d.channel not in transports:
            transports[d.channel] = get_transport(d.channel)
        transport = transports[d.channel]
        try:
            answer = transport.lookup(Outgoing.from_delivery(d), since=attempt.started_at, known=_known)
        except TransportError as exc:
            log.warning("status query for delivery %s failed: %s", d.pk, exc.message)
            answer = None
        cache.set(key, True, settings.SMS_STATUS_QUERY_EVERY_SECONDS)
        if answer is None:
            continue
        asked += 1
        if answer.state == "delivered":
            note = f"服务商状态查询：已发送 {answer.detail}".strip()
            changed = Delivery.objects.filter(pk=d.pk, status=S.UNKNOWN).update(
                status=S.SENT, sent_at=now, last_error="", provider_message_id=(answer.provider_id or "")[:255]
            )
            outcome = DeliveryAttempt.Outcome.OK
            result.confirmed += changed
        elif answer.state == "failed":
            note = f"服务商回执：未送达 {answer.detail}".strip()
            changed = Delivery.objects.filter(pk=d.pk, status=S.UNKNOWN).update(status=S.FAILED, last_error=note)
            outcome = DeliveryAttempt.Outcome.PERMANENT
            result.undelivered += changed
        else:
            if answer.detail:
                log.info("status query for delivery %s: %s", d.pk, answer.detail)
            continue
        if changed:
            DeliveryAttempt.objects.filter(pk=attempt.pk).update(
                outcome=outcome,
                error="；".join(filter(None, [attempt.error, note]))[:2000],
                provider_message_id=(answer.provider_id or attempt.provider_message_id)[:255],
            )
    if result.confirmed or result.undelivered:
        log.warning("settled unknown deliveries on the provider's word: %s", result)
    return result


def _set(delivery: Delivery, **fields: object) -> None:
    # Conditional on the status we locked: a sender finishing just now keeps its result.
    Delivery.objects.filter(pk=delivery.pk, status=delivery.status, claim_token=delivery.claim_token).update(
        lease_until=None, claim_token="", **fields
    )
