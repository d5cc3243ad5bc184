"""Changing a document's scoring weights (考核计分标准), audited: the ranking a supervision office
publishes must say which weights produced it, and when they changed, and who changed them."""

from __future__ import annotations

from decimal import Decimal

from django.db import transaction

from policy_tasks.models import AuditAction, PolicyDocument
from policy_tasks.services.audit import Actor, audit_record

SCORING_FIELDS = (
    "score_base",
    "bonus_on_time",
    "deduction_lead",
    "deduction_co",
    "deduction_missing_report",
    "deduction_late_report",
    "deduction_returned",
)


def scoring_weights(document: PolicyDocument) -> dict[str, Decimal]:
    return {name: getattr(document, name) for name in SCORING_FIELDS}


@transaction.atomic
def document_scoring_update(*, actor: Actor, document: PolicyDocument, weights: dict[str, Decimal]) -> PolicyDocument:
    """Set the weights given (names from SCORING_FIELDS); nothing else of the document changes.
    Refused (ValidationError) when a weight is negative or too large for its column."""
    unknown = set(weights) - set(SCORING_FIELDS)
    if unknown:
        raise ValueError(f"not scoring weights: {sorted(unknown)}")
    current = PolicyDocument.objects.select_for_update().get(pk=document.pk)
    before = scoring_weights(current)
    for name, value in weights.items():
        setattr(current, name, Decimal(value))
    current.clean_fields(exclude=[f.name for f in PolicyDocument._meta.fields if f.name not in weights])
    after = scoring_weights(current)
    if after == before:
        return current
    changed = [name for name in SCORING_FIELDS if after[name] != before[name]]
    current.save(update_fields=[*changed, "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.DOCUMENT_SCORING_UPDATE,
        obj=current,
        before={name: before[name] for name in changed},
        after={name: after[name] for name in changed},
        document=current,
    )
    return current
