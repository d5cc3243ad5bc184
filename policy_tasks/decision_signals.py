"""`decision_made`: a supervisor decided on a unit's work (退回, 销号, 延期批准/不予批准).

Sent from inside the decision service's transaction, so whatever a receiver writes (the
notice ledger rows of notifications, which sits above policy_tasks and cannot be called
from here) commits or rolls back with the decision itself: a refused or failed decision
tells nobody, and a committed one cannot lose its notice to a crash after the commit.
"""

from __future__ import annotations

from django.db import transaction
from django.dispatch import Signal

from accounts.models import User
from policy_tasks.models import CompletionRequest, ExtensionRequest

RETURNED = "returned"
VERIFIED = "verified"
EXT_GRANTED = "ext_granted"
EXT_REFUSED = "ext_refused"

# kwargs: kind (one of the above), request_id (the CompletionRequest or ExtensionRequest), decided_by.
decision_made = Signal()


def decided(kind: str, request: CompletionRequest | ExtensionRequest, user: User) -> None:
    """Tell the receivers, inside the caller's transaction (a service decorated atomic)."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("decision_made must be sent inside the decision's transaction")
    decision_made.send(sender=type(request), kind=kind, request_id=request.pk, decided_by=user)
