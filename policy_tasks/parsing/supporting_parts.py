"""`由A负责组织实施,B做好资金保障`: a unit doing a supporting part of the work the sentence charges another with.

After a part that charges a unit with the item (`A负责`, `由A负责组织实施`, `A牵头`), offices often name the
other units by the part of the work they take on rather than by a role word: `县财政局做好资金保障`,
`县自然资源局做好用地保障`, `各乡镇做好群众工作`, `县人社局提供政策支持`. Each such part's units help: the charged
unit answers for the item, they carry out a part of it, as a supervisor reads `B配合`. A label's list writes the
same after its first unit (`责任单位:县交通局,县财政局做好资金保障`). The part must open with units
and go on with what they provide (`做好` / `提供` / `给予` / `负责做好` / `强化` / `落实` … ending in `保障`, `支持`,
`服务` or `工作`); prose with no unit before its verb (`要做好资金保障`) is no such part.
"""

from __future__ import annotations

import re

from .unit_names import looks_like_units

_SUPPORTING_RE = re.compile(
    r"^(?P<names>.+?)(?:负责|要|应|积极|全力)?(?:做好|提供|给予|强化|加强|落实|保障)"
    r"[\u4e00-\u9fff]{0,10}?(?:保障|支持|服务|工作)$"
)


def supporting_names(segment: str) -> tuple[int, int] | None:
    """The span of the units in a `B做好资金保障` part (offsets in `segment`), or None."""
    m = _SUPPORTING_RE.match(segment)
    if m is None or not looks_like_units(m["names"]):
        return None
    return m.start("names"), m.end("names")
