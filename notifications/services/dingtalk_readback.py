"""Read back what became of sent DingTalk work notifications (public edition).

asyncsend_v2 only accepts a message; DingTalk delivers it a moment later, and a recipient who
has left, is outside the app's visible range or is over DingTalk's daily limit never gets it.
getsendresult tells, so a sent row found in its invalid/forbidden/failed lists becomes failed
with DingTalk's reason, on the supervisors' failed-delivery panel like any permanent failure
(never retried: the reason will not heal by itself, and a resend could duplicate).

Runs with the reconciler (every NOTIFY_RECONCILE_EVERY_SECONDS). Each row is asked about until
DingTalk has an answer for it, at most for READBACK_HOURS; a confirmed row gets ":ok" after its
provider id ("dtask:<task_id>:ok"), so it is asked about once, not on every tick — DingTalk
counts API calls against the app's quota.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction

from duban.lib import clock
from duban.lib.dingtalk import DingTalkError, edition
from notifications.models import Channel, Delivery, DeliveryAttempt
from notifications.transports.dingtalk_work import TASK_PREFIX, send_result

log = logging.getLogger(__name__)
S = Delivery.Status
# DingTalk needs a moment to deliver (DINGTALK_READBACK_AFTER_SECONDS); it keeps results for a day.
READBACK_HOURS = 24
CONFIRMED = ":ok"


@dataclass
class ReadbackResult:
    delivered: int = 0
    failed: int = 0
    pending: int = 0


def work_notices_read_back(*, now: datetime | None = None, limit: int = 100) -> ReadbackResult:
    result = ReadbackResult()
    if settings.DINGTALK_MODE != "work_notice" or edition() != "public":
        return result
    now = now or clock.now()
    rows = list(
        Delivery.objects.filter(
            channel=Channel.DINGTALK,
            status=S.SENT,
            # Not yet confirmed (":ok" added) and a task id DingTalk can be asked about.
            provider_message_id__regex=rf"^{TASK_PREFIX}[0-9]+$",
            sent_at__lte=now - timedelta(seconds=settings.DINGTALK_READBACK_AFTER_SECONDS),
            sent_at__gte=now - timedelta(hours=READBACK_HOURS),
        )
        .select_related("recipient")
        .order_by("sent_at", "id")[:limit]
    )
    for delivery in rows:
        try:
            state, reason = send_result(delivery.provider_message_id, delivery.recipient.dingtalk_userid)
        except DingTalkError as exc:
            log.warning("DingTalk send result for delivery %s not read: %s", delivery.pk, exc)
            if exc.transient:
                break  # rate-limited or down: the next tick goes on
            continue
        if state == "failed":
            result.failed += _fail(delivery, reason)
        elif state == "delivered":
            result.delivered += Delivery.objects.filter(
                pk=delivery.pk, status=S.SENT, provider_message_id=delivery.provider_message_id
            ).update(provider_message_id=f"{delivery.provider_message_id}{CONFIRMED}")
        else:
            result.pending += 1
    return result


@transaction.atomic
def _fail(delivery: Delivery, reason: str) -> int:
    changed = Delivery.objects.filter(pk=delivery.pk, status=S.SENT).update(status=S.FAILED, last_error=reason)
    if changed:
        # The attempt that "succeeded" did not: permanent, so no retry brings it back.
        last = DeliveryAttempt.objects.filter(delivery=delivery).order_by("-number").first()
        if last is not None:
            DeliveryAttempt.objects.filter(pk=last.pk).update(outcome=DeliveryAttempt.Outcome.PERMANENT, error=reason)
    return changed
