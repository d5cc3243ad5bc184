"""The in-app inbox: a row in our own database, idempotent on the delivery."""

from __future__ import annotations

from typing import Any

from duban.lib import clock
from notifications.models import Channel, InboxMessage
from notifications.transports.base import Transport


class InboxTransport(Transport):
    channel = Channel.INBOX

    def send(self, delivery: Any) -> str:
        msg = delivery.message
        fields = {
            "recipient_id": delivery.recipient_id,
            "title": msg.subject[:255],
            "body": msg.body,
            "link": msg.link[:500],
            "created_at": clock.now(),
        }
        if getattr(delivery, "is_test", False):
            # An operator's test message (send_test_notification) has no ledger row to hang on.
            row, created = InboxMessage.objects.create(delivery=None, **fields), True
        else:
            # One message per delivery (OneToOne): a retry after an interrupted attempt finds it.
            row, created = InboxMessage.objects.get_or_create(delivery=delivery, defaults=fields)
        self.last_answer = {"inbox_message_id": row.pk, "created": created}
        return f"inbox:{row.pk}"
