"""Which tasks and milestones a supervisor's scope covers: the one rule, in each form it is asked in.

A supervisor grant is limited by its `SupervisionScope` rows, each a document and, optionally,
one area of it; a grant without rows covers everything. A subject is covered when one row
names its document and either no area or the subject's area. A task's area is its own; an
area milestone's is its own; a task milestone's is its task's (candidates.SCOPE_AREA).

The forms, held to the same relation by tests/notifications/test_scope_forms.py:
- `covers`: in Python, one subject at a time (the permission predicates, the scan's plan);
- `covers_q`: a `Q` over subjects (`permissions.visible_tasks`, the API's area milestones);
- `covers_sql`: a SQL condition over scope rows as `rows` lays them out (the scan's fan-out);
- `covers_condition`: `covers_q` written as SQL with its parameters (`permissions.visible_tasks_sql`).
"""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import Q

# (document, area); area None: the whole document.
Scope = tuple[int, int | None]
# One scope as the SQL form joins it: (user, everything, document, area). A grant without
# scopes is one row with `everything` set, so the join needs no second branch for it.
ScopeRow = tuple[int, bool, int | None, int | None]


def covers(scopes: Sequence[Scope], document_id: int | None, area_id: int | None) -> bool:
    """Whether a grant limited to `scopes` (empty: not limited) covers the subject."""
    return not scopes or any(document == document_id and area in (None, area_id) for document, area in scopes)


def covers_document(scopes: Sequence[Scope], document_id: int | None) -> bool:
    """Whether the grant covers some part of the document: for document-level reads."""
    return not scopes or any(document == document_id for document, _ in scopes)


def covers_q(scopes: Sequence[Scope], *, document: str = "document_id", area: str = "area_id") -> Q | None:
    """The subjects covered, over the fields `document` and `area`; None when the grant is not
    limited (no condition: a `Q()` would silently vanish from the OR its caller builds)."""
    if not scopes:
        return None
    covered = Q()
    for document_id, area_id in scopes:
        one = Q(**{document: document_id})
        if area_id is not None:
            one &= Q(**{area: area_id})
        covered |= one
    return covered


def covers_condition(scopes: Sequence[Scope], *, document: str, area: str) -> tuple[str, list[int]] | None:
    """`covers_q` as a SQL condition over the column expressions `document` and `area`, with its
    parameters; None when the grant is not limited, as there."""
    if not scopes:
        return None
    parts, params = [], []
    for document_id, area_id in scopes:
        if area_id is None:
            parts.append(f"{document} = %s")
            params.append(document_id)
        else:
            parts.append(f"({document} = %s AND {area} = %s)")
            params.extend([document_id, area_id])
    return " OR ".join(parts), params


def rows(user_id: int, scopes: Sequence[Scope]) -> list[ScopeRow]:
    """The grant's scopes as `covers_sql` reads them."""
    if not scopes:
        return [(user_id, True, None, None)]
    return [(user_id, False, document_id, area_id) for document_id, area_id in scopes]


def covers_sql(row: str, *, document: str, area: str) -> str:
    """True when the scope row aliased `row` (columns everything, document_id, area_id, as `rows`
    makes them) covers a subject whose document and area are the SQL expressions given."""
    return f"{row}.everything OR ({row}.document_id = {document} AND ({row}.area_id IS NULL OR {row}.area_id = {area}))"
