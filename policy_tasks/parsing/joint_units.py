"""`A会同B`: a unit that does the work together with another, written as one name.

A unit field may say who organises and who joins in one phrase, `市教育局会同市财政局`, and a
cell short of room abbreviates it to `宣传处会办公室`: the first unit leads (it organises the
work), the second helps; so do the units of a part of its own after the lead's (`(A牵头,会同B)`,
`由A牵头,会同B推进`). A bare `会` joins two names only after a department's own ending
(处, 科, 股, 室, 局, 厅), so that `管委会`, `委员会`, `商会` stay names.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .unit_labels import CO, LEAD, LISTED
from .unit_names import looks_like_units

_JOINT_RE = re.compile(r"^(?P<a>.+?)(?:会同|(?<=[处科股室局厅])会)(?P<b>.+)$")


def _joint(name: str) -> tuple[str, str] | None:
    m = _JOINT_RE.match(name)
    if m and looks_like_units(m["a"]) and looks_like_units(m["b"]):
        return m["a"], m["b"]
    return None


def split_joint(roles: dict[str, list[str]]) -> None:
    """Split each `A会同B` of a clause's roles in place: A keeps the name's role, except that the
    first of a list of units named with no role leads; B helps."""
    helpers: list[str] = []
    for role in (LEAD, LISTED, CO):
        kept: list[str] = []
        for i, name in enumerate(roles[role]):
            pair = _joint(name)
            if pair is None:
                kept.append(name)
                continue
            if role == LISTED and i == 0 and not roles[LEAD]:
                roles[LEAD].append(pair[0])
            else:
                kept.append(pair[0])
            helpers.append(pair[1])
        roles[role] = kept
    roles[CO] += helpers


# `(A牵头,会同B)`, `由A牵头,会同B推进`: a part of its own naming who the lead works with.
_WITH_PART_RE = lazy_compile(r"^会同(?P<names>.+?)(?:共同)?(?:推进|落实|实施|负责|办理|研究)?$")


def joined_names(segment: str) -> tuple[int, int] | None:
    """The span of the units in a `会同B` part after a lead's (offsets in `segment`): they help."""
    m = _WITH_PART_RE.match(segment)
    if m is None or not looks_like_units(m["names"]):
        return None
    return m.start("names"), m.end("names")
