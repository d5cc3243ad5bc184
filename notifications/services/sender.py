"""The sender: claim due ledger rows, send them, record every attempt.

Claim (healthchecks' sendalerts pattern, made batch-sized): in one short
transaction, SELECT … FOR UPDATE SKIP LOCKED the due pending rows and mark them
"claimed" with our token and a lease. Concurrent senders skip each other's rows
(on SQLite, where SKIP LOCKED does not exist, writes are serialised and the
conditional UPDATE on status still lets only one claimer win). Just before the
provider is called the row becomes "sending" (committed), so after a crash the
reconciler knows whether the provider may have been reached. Every later write
is conditional on our token and status: a row the reconciler took back is never
overwritten by a late sender.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F

from duban.lib import clock, workdays
from notifications.models import DIGEST_CHANNELS, Channel, Delivery, DeliveryAttempt
from notifications.services.recipients import Prefs, prefs_from_row
from notifications.services.render import compose, load_item
from notifications.services.retry import deliveries_revive
from notifications.services.timing import backoff_seconds, deliverable_at, in_quiet_hours, local_date
from notifications.transports import Transport, TransportError, get_transport
from notifications.transports.outgoing import Outgoing

log = logging.getLogger(__name__)
S = Delivery.Status


@dataclass
class SendResult:
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    unknown: int = 0
    cancelled: int = 0
    deferred: int = 0

    def add(self, other: SendResult) -> None:
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def claim(*, now: datetime, limit: int) -> tuple[str, list[Delivery]]:
    token = uuid.uuid4().hex
    lease_until = clock.now() + timedelta(seconds=settings.NOTIFY_LEASE_SECONDS)
    with transaction.atomic():
        ids = list(
            Delivery.objects.select_for_update(skip_locked=True)
            .filter(status=S.PENDING, next_attempt_at__lte=now)
            .order_by("next_attempt_at", "recipient_id", "id")
            .values_list("id", flat=True)[:limit]
        )
        if ids:
            Delivery.objects.filter(id__in=ids, status=S.PENDING).update(
                status=S.CLAIMED, claim_token=token, lease_until=lease_until
            )
    rows = (
        Delivery.objects.filter(claim_token=token, status=S.CLAIMED)
        .select_related("recipient", "recipient__notification_preference", "rule")
        .order_by("id")
    )
    return token, list(rows) if ids else []


def _prefs(delivery: Delivery) -> Prefs:
    return prefs_from_row(getattr(delivery.recipient, "notification_preference", None))


def _release(group: list[Delivery], token: str, *, status: str, **fields: object) -> int:
    return (
        Delivery.objects.filter(id__in=[d.pk for d in group], claim_token=token)
        .exclude(status__in=[S.SENT, S.FAILED, S.UNKNOWN, S.CANCELLED])
        .update(status=status, lease_until=None, **fields)
    )


def _start(group: list[Delivery], token: str) -> list[DeliveryAttempt]:
    started = clock.now()
    with transaction.atomic():
        moved = Delivery.objects.filter(id__in=[d.pk for d in group], claim_token=token, status=S.CLAIMED).update(
            status=S.SENDING, attempts=F("attempts") + 1
        )
        if moved != len(group):
            # The reconciler took some back: leave the whole group for a later claim.
            transaction.set_rollback(True)
            return []
        attempts = [DeliveryAttempt(delivery=d, number=d.attempts + 1, started_at=started) for d in group]
        DeliveryAttempt.objects.bulk_create(attempts)
    for d in group:
        d.attempts += 1
    return attempts


def _finish(attempts: list[DeliveryAttempt], outcome: str, error: str = "", provider_id: str = "") -> None:
    DeliveryAttempt.objects.filter(pk__in=[a.pk for a in attempts if a.pk]).update(
        outcome=outcome, error=error[:2000], provider_message_id=provider_id[:255], finished_at=clock.now()
    )


def _send_group(group: list[Delivery], token: str, transport: Transport, now: datetime) -> SendResult:
    result = SendResult()
    today = local_date(now)
    head = group[0]
    prefs = _prefs(head)
    if head.channel == Channel.SMS and in_quiet_hours(clock.now(), *prefs.quiet):
        later = deliverable_at(clock.now(), channel=Channel.SMS, quiet=prefs.quiet)
        result.deferred += _release(group, token, status=S.PENDING, next_attempt_at=later)
        return result
    items, live = [], []
    for d in group:
        item = load_item(d, today)
        if item is None:
            result.cancelled += _release([d], token, status=S.CANCELLED, last_error="提醒对象已办结或时限已变更")
        else:
            items.append(item)
            live.append(d)
    if not live:
        return result
    attempts = _start(live, token)
    if not attempts:
        return result
    lead = live[0]
    try:
        provider_id = transport.send(Outgoing.from_delivery(lead, compose(items, today)))
    except TransportError as exc:
        return _failed(live, token, attempts, transport, exc)
    except Exception as exc:  # a bug in a transport must not leave rows "sending" forever
        log.exception("transport %s crashed on delivery %s", transport.channel, lead.pk)
        return _failed(live, token, attempts, transport, TransportError(f"内部错误: {exc!r}"))
    _finish(attempts, DeliveryAttempt.Outcome.OK, provider_id=provider_id)
    done = Delivery.objects.filter(id__in=[d.pk for d in live], claim_token=token, status=S.SENDING).update(
        status=S.SENT, sent_at=clock.now(), provider_message_id=provider_id[:255], lease_until=None, last_error=""
    )
    if done != len(live):
        log.warning("deliveries %s were reconciled while being sent", [d.pk for d in live])
    result.sent += done
    return result


def _failed(
    group: list[Delivery], token: str, attempts: list[DeliveryAttempt], transport: Transport, exc: TransportError
) -> SendResult:
    result = SendResult()
    error = exc.message[:2000]
    if exc.ambiguous and transport.at_most_once:
        _finish(attempts, DeliveryAttempt.Outcome.UNKNOWN, error)
        result.unknown += _sending_to(group, token, S.UNKNOWN, last_error=f"结果未知，未重发：{error}")
        return result
    last = max(d.attempts for d in group) >= settings.NOTIFY_MAX_ATTEMPTS
    if exc.permanent or last:
        _finish(
            attempts, DeliveryAttempt.Outcome.PERMANENT if exc.permanent else DeliveryAttempt.Outcome.TRANSIENT, error
        )
        result.failed += _sending_to(group, token, S.FAILED, last_error=error)
        return result
    _finish(attempts, DeliveryAttempt.Outcome.TRANSIENT, error)
    prefs = _prefs(group[0])
    retry_at = deliverable_at(
        clock.now() + timedelta(seconds=backoff_seconds(group[0].attempts)), channel=group[0].channel, quiet=prefs.quiet
    )
    result.retrying += _sending_to(group, token, S.PENDING, last_error=error, next_attempt_at=retry_at)
    return result


def _sending_to(group: list[Delivery], token: str, status: str, **fields: object) -> int:
    return Delivery.objects.filter(id__in=[d.pk for d in group], claim_token=token, status=S.SENDING).update(
        status=status, lease_until=None, **fields
    )


def _groups(rows: list[Delivery]) -> list[list[Delivery]]:
    """Digest users get one message per channel for all their due items; everyone else one per row."""
    singles, digests = [], defaultdict(list)
    for d in rows:
        if d.channel in DIGEST_CHANNELS and _prefs(d).digest:
            digests[(d.recipient_id, d.channel)].append(d)
        else:
            singles.append([d])
    return singles + list(digests.values())


def send_batch(*, now: datetime, limit: int | None = None) -> tuple[int, SendResult]:
    token, rows = claim(now=now, limit=limit or settings.NOTIFY_BATCH_SIZE)
    result = SendResult()
    transports: dict[str, Transport] = {}
    healthy: set[str] = set()
    try:
        for group in _groups(rows):
            channel = group[0].channel
            if channel not in transports:
                transports[channel] = get_transport(channel)
                transports[channel].open()
            sent = _send_group(group, token, transports[channel], now)
            if sent.sent:
                healthy.add(channel)
            result.add(sent)
    finally:
        for transport in transports.values():
            transport.close()
    # The channel works again: what failed on it for a transient reason goes now, not in hours.
    revived = sum(deliveries_revive(now=now, channel=channel) for channel in sorted(healthy))
    return len(rows) + revived, result


def send_due(*, now: datetime | None = None, budget_seconds: float | None = None) -> SendResult:
    """Send what is due, batch after batch, until nothing is due or the time budget is spent.

    `now` fixes the moment deliveries are due by (run_reminders --as-of); without it
    each batch reads the clock. Nothing goes out on a non-working day.
    """
    fixed = now
    budget = settings.NOTIFY_SEND_BUDGET_SECONDS if budget_seconds is None else budget_seconds
    deadline = time.monotonic() + budget
    total = SendResult()
    while True:
        moment = fixed or clock.now()
        if not workdays.is_workday(local_date(moment)):
            break
        claimed, result = send_batch(now=moment)
        total.add(result)
        if not claimed or time.monotonic() >= deadline:
            break
    return total
