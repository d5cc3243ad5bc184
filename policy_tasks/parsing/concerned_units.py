"""`各有关单位要…` in a notice sent to named groups: the units concerned, one addressee, as the subject of a requirement.

A notice standing alone (no breakdown issued with it) addresses the groups its salutation names (`各区人民政府,市直各委、
办、局,各开发区管委会:`) and may charge, in an item's sentence, the units among them that the work concerns:

    一、通过我省、我市的全国人大代表、政协委员,…提出议案、建议、提案,是…的重要途径之一。各有关单位要高度重视,及时部署
    材料的征集工作。

`各有关单位` (`各相关单位`) is one addressee wherever it is written (corpus README: kept as a reviewer would map it to a
group), and here the subject of `要`: the item's unit, read as the salutation's groups are (`addressee_groups`, rounds
96/97), opening the item or a later sentence of it. A breakdown's own notice reads the same words as its role
(`notice_roles`, round 99), so it keeps that reading; a minute's `各有关单位要主动配合` helps (`minute_subjects`).

Near cases that stay as they were: a notice whose items name a breakdown's roles without issuing one (`牵头单位要…`,
`各责任单位要…`: round 99's `各相关单位要…` is then no one, the units of tasks no list gives), a notice whose salutation names no group (a plan, a report: `各有关单位要…` names no
one there), the words inside another name (`市直各有关单位`, round 117's departments), and `各有关单位` as an object
(`督促各有关单位…`, `请…报各有关单位`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .role_groups import ROLE_WORD

# The kind a notice's salutation of groups adds for the units concerned among them.
CONCERNED = "concerned"
_CONCERNED_RE = lazy_compile(r"^各(?:有关|相关)单位$")
# The salutation's groups among which the units concerned are (`addressee_groups`' kinds of places and departments).
_SALUTED = frozenset({"places", "departments"})
# A breakdown's notice reads `各相关单位` as its role (`notice_roles.BREAKDOWN`).
_BREAKDOWN = "breakdown"
# A breakdown's roles named in the notice's items (`牵头单位要…`, `各责任单位要…`).
_ROLE_RE = lazy_compile(rf"{ROLE_WORD}(?:单位|部门)", needs="单位|部门")


def concerned_kind(name: str) -> str | None:
    """`CONCERNED` for `各有关单位` / `各相关单位` alone, else None."""
    return CONCERNED if _CONCERNED_RE.match(name) else None


def concerned_kinds(kinds: frozenset[str], items: list[str]) -> frozenset[str]:
    """`{CONCERNED}` where the notice's salutation names groups of places or departments and it issues no breakdown,
    its `items` (their own texts) naming no breakdown's role."""
    if not kinds & _SALUTED or _BREAKDOWN in kinds or any(_ROLE_RE.search(text) for text in items):
        return frozenset()
    return frozenset({CONCERNED})
