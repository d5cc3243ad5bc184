"""The in-app inbox: a row in our own database, idempotent on the delivery."""

from __future__ import annotations

from duban.lib import clock
from notifications.models import Channel, InboxMessage
from notifications.transports.base import Transport
from notifications.transports.outgoing import Outgoing


class InboxTransport(Transport):
    channel = Channel.INBOX

    def send(self, out: Outgoing) -> str:
        msg = out.text
        fields = {
            "recipient_id": out.recipient.pk,
            "title": msg.subject[:255],
            "body": msg.body,
            "link": msg.link[:500],
            "created_at": clock.now(),
        }
        if out.is_test:
            # An operator's test message (send_test_notification) has no ledger row to hang on.
            row, created = InboxMessage.objects.create(delivery=None, **fields), True
        else:
            # One message per delivery (OneToOne): a retry after an interrupted attempt finds it.
            row, created = InboxMessage.objects.get_or_create(delivery_id=out.delivery_id, defaults=fields)
        self.last_answer = {"inbox_message_id": row.pk, "created": created}
        return f"inbox:{row.pk}"
