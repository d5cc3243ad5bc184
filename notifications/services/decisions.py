"""Decision notices: a unit's clerks and head hear of every decision on its work.

A supervisor's 退回, 销号 and 延期批准/不予批准 are sent by policy_tasks as `decision_made`
from inside the decision's transaction (policy_tasks cannot call notifications). The
receiver writes the ledger rows there and then, so the notice commits with the decision
or not at all; the ordinary sender delivers it over each person's channels with the
usual retries. The ledger's `delivery_decision_once` key (kind, request, recipient,
channel) makes a second offer of the same decision insert nothing.

A new 督办单 needs nothing here: the default rule `urge_issued` already tells the
recipient units' clerks and heads on the day it is issued.
"""

from __future__ import annotations

from accounts.models import Membership, User
from duban.lib import clock
from notifications.models import Decision, Delivery
from notifications.services.recipients import RecipientIndex
from notifications.services.scan_plan import first_attempt_at
from notifications.services.timing import local_date
from policy_tasks.models import CompletionRequest, ExtensionRequest

MODELS: dict[Decision, type[CompletionRequest] | type[ExtensionRequest]] = {
    Decision.RETURNED: CompletionRequest,
    Decision.VERIFIED: CompletionRequest,
    Decision.EXT_GRANTED: ExtensionRequest,
    Decision.EXT_REFUSED: ExtensionRequest,
}


def decision_recipients(unit_id: int, decided_by_id: int | None) -> list[int]:
    """The unit's active clerks and heads; never the one who decided."""
    rows = Membership.objects.acting().filter(
        unit_id=unit_id,
        user__is_active=True,
        role__in=[Membership.Role.CLERK, Membership.Role.HEAD],
    )
    if decided_by_id is not None:
        rows = rows.exclude(user_id=decided_by_id)
    return sorted(set(rows.values_list("user_id", flat=True)))


def decision_notify(*, kind: str, request_id: int, decided_by: User | None) -> int:
    """Write the ledger rows telling the unit of a decision; returns how many were offered.

    Must run inside the decision's transaction (the receiver below is called there)."""
    request = MODELS[Decision(kind)].objects.select_related("milestone").get(pk=request_id)
    users = decision_recipients(request.unit_id, getattr(decided_by, "pk", None))
    if not users:
        return 0
    index = RecipientIndex.of_people(users)
    now = clock.now()
    today = local_date(now)
    rows = [
        Delivery(
            subject_type=kind,
            subject_id=request.pk,
            subject_ref=request.milestone_id,
            task_id=request.milestone.task_id,
            rule=None,
            due_date=today,
            fire_date=today,
            recipient_id=user_id,
            channel=channel,
            next_attempt_at=first_attempt_at(now, channel, index.prefs_of(user_id)),
            created_at=now,
        )
        for user_id in users
        for channel in index.channels(user_id)
    ]
    Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def on_decision_made(
    sender: object, *, kind: str, request_id: int, decided_by: User | None = None, **kwargs: object
) -> None:
    # Written in the decision's own transaction (decision_signals.decided checks it is in one):
    # on_commit would lose the notice to a crash between the commit and the callback.
    decision_notify(kind=kind, request_id=request_id, decided_by=decided_by)
