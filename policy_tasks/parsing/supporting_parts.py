"""`由A负责组织实施,B做好资金保障`: a unit doing a supporting part of the work the sentence charges another with.

After a part that charges a unit with the item (`A负责`, `由A负责组织实施`, `A牵头`), offices often name the
other units by the part of the work they take on rather than by a role word: `县财政局做好资金保障`,
`县自然资源局做好用地保障`, `各乡镇做好群众工作`, `县人社局提供政策支持`. Each such part's units help: the charged
unit answers for the item, they carry out a part of it, as a supervisor reads `B配合`. A label's list writes the
same after its first unit (`责任单位:县交通局,县财政局做好资金保障`). The part must open with units
and go on with what they provide (`做好` / `提供` / `给予` / `负责做好` / `强化` / `落实` … ending in `保障`, `支持`,
`服务` or `工作`); prose with no unit before its verb (`要做好资金保障`) is no such part.

A meeting's decision writes the funding part the other way round, the money first and its payer after `由`
(`所需解困资金由市财政统筹保障`, `工作经费由县财政予以保障`, round 167): the payer helps as well. The government's
finance written short (`市财政`, `县财政`) is its finance bureau, a unit as the page writes it.
"""

from __future__ import annotations

import re

from .unit_names import looks_like_units

_SUPPORTING_RE = re.compile(
    r"^(?P<names>.+?)(?:负责|要|应|积极|全力)?(?:做好|提供|给予|强化|加强|落实|保障)"
    r"[\u4e00-\u9fff]{0,10}?(?:保障|支持|服务|工作)$"
)


# `所需解困资金由市财政统筹保障`: the money, then its payer after 由 (a unit, or a level's finance written short).
_FUNDED_RE = re.compile(
    r"^\s*(?:所需|相关|工作)?[\u4e00-\u9fff]{0,6}?(?:资金|经费)由(?!各方|双方|多方)(?P<names>[\u4e00-\u9fff、]{2,20}?)"
    r"(?:统筹|负责|予以|全力|足额)?(?:保障|安排|解决|落实)$"
)
_FINANCE_RE = re.compile(r"(?:[省市县区镇乡]|[\u4e00-\u9fff]{2,6}[省市县区])财政")


def supporting_names(segment: str) -> tuple[int, int] | None:
    """The span of the units in a `B做好资金保障` part (offsets in `segment`), or None."""
    if (funded := _FUNDED_RE.match(segment)) is not None:
        names = funded["names"]
        if looks_like_units(names) or _FINANCE_RE.fullmatch(names):
            return funded.start("names"), funded.end("names")
        return None
    m = _SUPPORTING_RE.match(segment)
    if m is None or not looks_like_units(m["names"]):
        return None
    return m.start("names"), m.end("names")
