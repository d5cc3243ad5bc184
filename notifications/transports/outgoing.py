"""What the sender hands a transport: one rendered message for one person.

A transport knows its channel, not the ledger: it reads this, never a Delivery row. The
sender makes one from a claimed row (`from_delivery`, the rendered message attached), the
reconciler one without a message for a provider status query, and send_test_notification one
with no row at all.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accounts.models import User
    from notifications.models import Delivery
    from notifications.services.render import Message


@dataclass(frozen=True)
class Outgoing:
    # What providers are told to tell sends apart (SMS OutId, e-mail Message-ID, DingTalk
    # msg uuid): the ledger row's id, or `test-<time>` for an operator's test message.
    ref: str
    recipient: User
    message: Message | None = None
    delivery_id: int | None = None  # None: a test message with no ledger row behind it
    provider_message_id: str = ""  # what the provider answered an earlier attempt

    @classmethod
    def from_delivery(cls, delivery: Delivery, message: Message | None = None) -> Outgoing:
        return cls(
            ref=str(delivery.pk),
            recipient=delivery.recipient,
            message=message,
            delivery_id=delivery.pk,
            provider_message_id=delivery.provider_message_id,
        )

    @property
    def is_test(self) -> bool:
        return self.delivery_id is None

    @property
    def text(self) -> Message:
        """The message to send (every send has one; only a status query goes without)."""
        assert self.message is not None, "a send needs its rendered message"
        return self.message
