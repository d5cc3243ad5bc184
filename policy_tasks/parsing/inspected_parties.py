"""The parties an inspection report's points charge: the inspected, their heads, and the towns (round 166).

A county's report of its 巡察 '回头看' closes with the demands its groups made of the parties they inspected, numbered
inline after the groups' feedback (`inspection_points`):

    一是夯实整改责任。各被巡察党组织(单位)负责人要切实负起整改领导责任,…
    二是强化“三单”管理。按照巡察问题整改要求,督促各被巡察党组织(单位)建立健全反馈问题清单、…
    三是规范健全资料。各镇和相关单位抽调精干力量,组成整改工作推进小组,…

The inspected parties written under one 各 (`各被巡察党组织(单位)`, `各被巡察单位`, `各被督查单位`) are one addressee, as
round 154's `各镇、部门` is. Their heads made answerable (`…负责人要`, `…主要负责人要`) charge the group, no leader (round
149's heads of groups), and the parties the groups urge (`督促X建立…`) do the work and lead: the group that urges tracks it
(rounds 111/117). The county's towns opening a sentence and acting (`各镇和相关单位抽调…`, `各乡镇要…`) lead it; the bare
`相关单位` after them names no one (round 123). Near cases: the parties in a prose account (`对被巡察党组织进行了反馈`,
no 各 and no charge), a group's own work (`督导组负责…`), `督促整改` with no party named.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED

_PARTIES = r"各被(?:巡察|巡视|督查|督导|检查)(?:党组织|单位|部门)(?:\((?:单位|部门)\))?"
_HEADS = r"(?:主要)?负责(?:人|同志)|党组织书记"
_CHARGE_RE = lazy_compile(
    rf"(?:^|[,;。:!?])\s*(?:(?P<urged>督促|要求|推动)(?P<p1>{_PARTIES})(?=[\u4e00-\u9fff])"
    rf"|(?P<p2>{_PARTIES})(?:{_HEADS})?(?:要|须|必须|应)"
    r"|(?P<towns>各(?:乡镇|镇|乡|街道|镇街))(?:(?:和|及|与)(?:相关|有关)单位)?(?=要|抽调|组织|成立|开展|落实))",
    needs="各",
)


def inspected_charge(text: str) -> Responsibility | None:
    """The parties a point of an inspection report charges (see above), the first leading; None where none."""
    norm = normalise(text)
    if len(norm) != len(text):
        return None
    found = Responsibility(origin="纪要正文")
    for m in _CHARGE_RE.finditer(norm):
        group = next(g for g in ("p1", "p2", "towns") if m[g] is not None)
        name = text[m.start(group) : m.end(group)]
        if name not in found.roles[LISTED]:
            found.roles[LISTED].append(name)
    return found if found.roles[LISTED] else None
