"""The in-app inbox: a row in our own database, idempotent on the delivery."""

from __future__ import annotations

from typing import Any

from duban.lib import clock
from notifications.models import InboxMessage
from notifications.transports.base import Transport


class InboxTransport(Transport):
    channel = "inbox"

    def send(self, delivery: Any) -> str:
        msg = delivery.message
        # One message per delivery (OneToOne): a retry after an interrupted attempt finds it.
        row, _ = InboxMessage.objects.get_or_create(
            delivery=delivery,
            defaults={
                "recipient_id": delivery.recipient_id,
                "title": msg.subject[:255],
                "body": msg.body,
                "link": msg.link[:500],
                "created_at": clock.now(),
            },
        )
        return f"inbox:{row.pk}"
