"""A second role phrase after a remit clause: the units carrying the work out where they are.

A province's 分工 writes who does a task in one line, and after the departments that share it within their remits it
may name the level below that carries it out on the spot, as a phrase of its own:
`责任单位:省科技厅、工业和信息化厅按职责分工负责,各地级以上市人民政府结合实际落实` (round 102),
`(A牵头,B按职责分工负责,各县(市、区)因地制宜抓好落实)`. The departments answer for the task as listed (the first
leads); the cities help, each doing its part locally, as `A牵头,…,各镇街落实` reads (`carry_out_parts`). The phrase is
told by how the work is to be carried out locally, `结合实际` (`结合本地实际`) or `因地制宜`, before the verb that carries
it out (`落实`, `抓好落实`, `组织实施`, `推进`); the verb and the phrase are no part of the names. Read only after units
already named with a role: alone (`各地结合实际落实`) it is the task's own sentence, no list.
"""

from __future__ import annotations

import re

from .unit_names import looks_like_units

_LOCAL_RE = re.compile(
    r"^(?:由)?(?P<names>.+?)(?:要|应)?(?:结合(?:本地|当地|各地|本地区|自身|工作)?实际|因地制宜)"
    r"(?:认真|切实|具体|抓好|做好|组织)?(?:贯彻落实|抓好落实|组织实施|落实|实施|推进|执行)$"
)


def local_names(segment: str) -> tuple[int, int] | None:
    """The span of the units in a `B结合实际落实` part (offsets in `segment`), or None."""
    m = _LOCAL_RE.match(segment)
    if m is None or not looks_like_units(m["names"]):
        return None
    return m.start("names"), m.end("names")
