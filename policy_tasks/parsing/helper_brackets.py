"""`A(B配合)`: the units that help a unit, in a bracket after its name.

A unit list may put a unit's helpers in a bracket right after it (`责任单位:县交通局(县财政局、县住建局配合)`,
`(县交通局(县财政局协助))`): the unit keeps the role its list gives it and the bracket's units help. A
bracket that is the unit's other name (`区经信局(商务局)`) or a mark of the lead (`(牵头)`) names no
role word with units before it, and stays as it is.
"""

from __future__ import annotations

import re

from .textutil import normalise
from .unit_labels import CO, FREE_RE, LEAD, LISTED, free_role
from .unit_lists import split_names
from .unit_names import looks_like_units

_TRAILING_BRACKET_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<inner>[^()]+)\)$")


def _helpers(name: str) -> tuple[str, list[str]] | None:
    """The name without its bracket and the units the bracket says help, or None."""
    m = _TRAILING_BRACKET_RE.match(normalise(name))
    if not m or not looks_like_units(m["name"]):
        return None
    role = FREE_RE.match(m["inner"].strip())
    if not role or free_role(role["role"]) != CO or not looks_like_units(role["names"]):
        return None
    inner = name[m.start("inner") : m.start("inner") + role.end("names")]
    return name[: m.end("name")].strip(), split_names(inner, normalise(inner), 0, len(inner))


def split_bracketed_helpers(roles: dict[str, list[str]]) -> None:
    """Read each `A(B、C配合)` of a clause's roles in place: A keeps its place, B and C help."""
    helpers: list[str] = []
    for role in (LEAD, LISTED, CO):
        kept: list[str] = []
        for name in roles[role]:
            found = _helpers(name)
            if found is None:
                kept.append(name)
                continue
            kept.append(found[0])
            helpers += found[1]
        roles[role] = kept
    roles[CO] += [h for h in helpers if h not in roles[CO]]
