"""The transport contract: `send(out) -> provider message id` or raise TransportError.

`out` is an Outgoing (outgoing.py): the rendered message (one item, or a digest's several)
and the person it is for; transports know their channel, not the ledger.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from notifications.transports.outgoing import Outgoing


class TransportError(Exception):
    """A failed send. `permanent`: retrying cannot help (bad number, rejected address).
    `ambiguous`: the request may have reached the provider (a read timeout), so an
    at-most-once channel must not retry it."""

    def __init__(self, message: str, *, permanent: bool = False, ambiguous: bool = False):
        super().__init__(message)
        self.message = message
        self.permanent = permanent
        self.ambiguous = ambiguous


class Transport:
    channel = ""
    # SMS and robot messages cannot be recognised as duplicates by the recipient:
    # after an interrupted send they are marked "unknown" for review, never re-sent.
    at_most_once = False
    # What the provider answered to the last call (parsed JSON, the SMTP result, a row id),
    # so an operator's test command can show it; None before the first call.
    last_answer: Mapping[str, object] | None = None  # the provider's answer (parsed JSON), for the operator

    def open(self) -> None:
        """Called once before a batch (e.g. to reuse one SMTP connection)."""

    def close(self) -> None:
        """Called once after a batch, also after an error."""

    def send(self, out: Outgoing) -> str:
        raise NotImplementedError

    def lookup(self, out: Outgoing, *, since: Any, known: Any = None) -> Lookup | None:
        """Ask the provider what became of a send whose outcome is unknown (started at `since`).

        `known(provider_id)` tells whether an id already belongs to some delivery, for
        providers whose records can only be matched by number and time. None: this
        provider offers no status query. Raises TransportError when the query fails."""
        return None


@dataclass
class Lookup:
    """A provider's word on one earlier send: "delivered", "failed", or "none" (no record yet)."""

    state: str
    provider_id: str = ""
    detail: str = ""
