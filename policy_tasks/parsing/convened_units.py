"""`由A会同B、C等部门负责落实`: an item's units as a unit that convenes the others.

A 分工 notice (a State Council or provincial office dividing a higher document's measures among
departments) may name an item's units in a sentence rather than a bracket or a label:
`关于“…”的问题,由A会同B、C等部门研究提出落实意见` or `由A会同B等部门负责落实`. `会同` ("together
with, calling in") says who leads: the unit after `由` leads, the units after `会同` are its co
units, and a closing `等部门` / `等有关部门` names none. The part must open with `由` (at the sentence
start or after a comma), both lists must name units and a verb of the work must follow
(`研究`, `负责`, `提出`, `落实` …), so prose such as `会同有关部门研究` with no `由A` before it, or a
`由` list of persons, assigns nothing. In a bracket closing the item the part may stand alone, `由` and
the verb optional (`(A会同B、C落实)`, `convened_part`).

The same bracket may say it the other way round, naming the unit that helps first: `(A配合B落实)`,
`(A协助B负责)` — B carries the work out and answers for it, A assists (`assisted_part`). The part must be
`A配合B` whole and close in a verb of carrying out (`落实`, `负责`, `实施`, `推进`, `办理`), both sides naming
units, so `A、B配合` (helpers alone, after a lead named elsewhere in the bracket) reads as before, and so
does `配合B做好…` in prose. Where the bracket has named its lead already (`(A牵头,B配合C落实)`), B and C
both help.
"""

from __future__ import annotations

import re

from .textutil import strip_span
from .unit_labels import CO, LEAD
from .unit_names import ETC_RE, TRIM, looks_like_units

_VERBS = "研究|负责|共同|做好|提出|制定|抓好|推进|落实|组织|开展|实施|办理|承担"
_CONVENED_RE = re.compile(
    r"(?:^|(?<=[,,。;;\n]))\s*由(?P<lead>[^,,。;;由]{2,60}?)会同(?P<co>[^,,。;;]{2,200}?)"
    r"(?P<etc>等(?:有关|相关)?(?:部门|单位))?(?=" + _VERBS + r")"
)


def convened_assignment(norm: str) -> list[tuple[str, int, int, int, int]]:
    """The lead and co lists of the first `由A会同B…` part in `norm`: (role, names start, names
    end, part start, part end) each; empty when there is none or a list names no units."""
    for m in _CONVENED_RE.finditer(norm):
        lead = m["lead"].strip(TRIM)
        co = ETC_RE.sub("", m["co"]).strip(TRIM)
        if not (looks_like_units(lead) and looks_like_units(co)):
            continue
        part_start, part_end = strip_span(norm, m.start(), m.end(), TRIM)
        return [
            (LEAD, m.start("lead"), m.end("lead"), part_start, part_end),
            (CO, m.start("co"), m.end("co"), part_start, part_end),
        ]
    return []


# The same inside a bracket closing the item, `由` optional, the verb too: `(A会同B、C落实)`,
# `(由A会同B等部门推进)`.
_CONVENED_PART_RE = re.compile(
    r"^由?(?P<lead>[^,。;由]{2,60}?)会同(?P<co>[^,。;]{2,200}?)(?:等(?:有关|相关)?(?:部门|单位))?"
    r"(?:共同)?(?:负责|落实|推进|实施|办理|组织实施)?(?:落实|实施)?$"
)


def convened_part(part: str) -> list[tuple[str, int, int]]:
    """A bracket's part that is `A会同B…` whole: (role, names start, names end) of the lead and the co
    units (offsets in `part`); empty when it is not, or a list names no units."""
    return _part_roles(_CONVENED_PART_RE.match(part))


# `(A配合B落实)`, `(A协助B负责)`: the helper named first, then the unit that carries the work out.
_ASSISTED_PART_RE = re.compile(
    r"^由?(?P<co>[^,。;由]{2,60}?)(?:积极|主动)?(?:配合|协助)(?P<lead>[^,。;]{2,60}?)(?:等(?:有关|相关)?(?:部门|单位))?"
    r"(?:共同|具体)?(?:负责落实|负责实施|负责|落实|推进|实施|办理|组织实施)$"
)


def assisted_part(part: str) -> list[tuple[str, int, int]]:
    """A bracket's part that is `A配合B落实` whole: (role, names start, names end) of the unit carrying
    the work out (LEAD) and of its helpers (CO), offsets in `part`; empty when it is not, or a side names no units."""
    return _part_roles(_ASSISTED_PART_RE.match(part))


def _part_roles(m: re.Match[str] | None) -> list[tuple[str, int, int]]:
    """The lead's and the helpers' spans of a matched bracket part, both sides naming units."""
    if m is None or not (looks_like_units(m["lead"].strip(TRIM)) and looks_like_units(m["co"].strip(TRIM))):
        return []
    return [(LEAD, m.start("lead"), m.end("lead")), (CO, m.start("co"), m.end("co"))]
