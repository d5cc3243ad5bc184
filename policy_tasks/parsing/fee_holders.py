"""A fund allocation's line naming the unit whose fee it allocates: `1.双定镇项目管理费,计划投入20万元;`.

A notice allocating a fund (`…补助资金分配方案公告`) sets aside part of it for the bodies that manage the
projects, one numbered line a body: the fee named after its holder, then the sum (`坛洛镇项目管理费,计划投入
30万元;`, `农业农村局工作经费,安排10万元`). No bracket, label or verb names a unit: the holder written as the
fee's attribute is the line's unit, as `A负责的…项目` names the unit of a 督办 list's project (round 82,
`charged_projects`); it answers for spending the fee, alone, so it leads.

Only a line that opens with the holder's name right before the fee (`…管理费`, `…工作经费`) and goes on to
its sum: a fee of no named body (`中央第二批资金项目管理费`, `各单位项目管理费:` over the lines) or a line
that only mentions a fee in its prose names no one here.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .opening_names import opening_lead
from .responsibility import Responsibility

_FEE_RE = lazy_compile(
    r"(?P<names>[\u4e00-\u9fff()、]{2,24}?)(?P<fee>(?:项目)?管理(?:工作)?(?:费|经费)|工作经费|办公经费)"
    r"\s*[,:]?\s*(?:计划|拟|共)?(?:投入|安排|下达|分配|补助)?(?:资金)?\s*\d+(?:\.\d+)?\s*(?:万|亿)?元"
)


def fee_charge(text: str) -> Responsibility | None:
    """The holder of the fee an allocation's line opens with (see above), leading; None for any other line."""
    return opening_lead(text, _FEE_RE)
