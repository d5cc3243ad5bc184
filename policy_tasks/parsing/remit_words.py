"""Words that close a unit list by saying each unit acts within its own remit: never a unit.

Offices end a responsibility list with how its units share the work rather than with a role:
`按职责分工负责`, `按职责负责`, `按照各自职责落实`, and, as often, with 职能 (function) for 职责 (duty)
and 分别 (each) before the verb: `〔各县(市)区人民政府,开发区管委会,市政府各部门按照职能分别落实〕`,
`(A、B按职能分工负责)`, `(A、B分别落实)`; `依职责` / `根据职责` / `按职能职责` for `按职责`, and `各负其责` / `各司其职`
(each minds its own part), or the work shared out with no remit named (`(A、B、C分工负责;各乡镇)`, round 117). Such a
list is a plain list: the first unit leads and the others are co-responsible, as with `按职责分工负责`.
"""

from __future__ import annotations

# `按职责`, and as offices vary it: `依职责`, `根据职责`, `依据职能`, `按职能职责`, `按照部门职责`.
_BY_REMIT = r"(?:按|依|根据|依据)(?:照)?(?:各自|部门)?(?:职能职责|职责职能|职责|职能)"
# The work shared out among them, no remit named: `(A、B、C分工负责;各乡镇)`, a 晋政发 bracket's formula (round 117).
_SHARED = r"分工负责|分工落实"
# Each unit minding its own part, said as a set phrase: `A、B各负其责`, `A、B各司其职`.
_EACH_OWN = r"各负其责|各司其职"
# The role words a list may end in (a regex alternative, no groups): `按照职能分别落实`, `按职责分工负责`.
REMIT_ROLE = _BY_REMIT + r"(?:分工)?(?:分别)?(?:负责|落实)|分别落实|" + _SHARED + "|" + _EACH_OWN
# Where such words cut a unit list, the verb optional (`A、B按职责,…`) and `推进` too; not before a
# helper's role (`B按职责配合` helps: `unit_labels` reads it as a role).
REMIT_STOP = (
    _BY_REMIT
    + r"(?:分工)?(?:分别)?(?:负责|落实|推进)?(?!(?:分工)?(?:分别)?(?:配合|协助|参与))|分别落实|"
    + _SHARED
    + "|"
    + _EACH_OWN
)
# Enough of them to tell a cell that names its units' roles in words from a plain list.
REMIT_HINT = _BY_REMIT + "|" + _EACH_OWN
