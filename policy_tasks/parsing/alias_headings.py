"""A heading that is nothing but an office's name with the other names it acts under in brackets.

A body's list of its offices' yearly tasks (a 管委会's or a bureau's 部室 / 科室 list) heads each
office's items with the office alone, and an office that also acts as other offices (合署办公,
挂牌) writes those names in a bracket after its own: `(一)综合办公室(党群工作部、监察室、督查室)` /
`(三)工程建设管理局(安全生产监督局)`. Such an office names no place, as a government's heading
(`三、儋州市政府`) does, but the bracket of further office names marks the line as a name, never a
goal (`(一)加强组织领导` has no bracket of names; `(二)推进改革(牵头单位:…)` a label). The office is
one unit with its aliases (`区经信局<商务局>`), and every item below the heading is its.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .unit_names import looks_like_units

# An office's own name ends in an office's word; the bracket holds only further names of that form.
_OFFICE = r"[\u4e00-\u9fff]{1,14}?(?:办公室|管理局|局|委员会|委|办|中心|部|室|科|处|所|站|队)"
_ALIAS_HEADING_RE = re.compile(rf"^\s*(?P<name>{_OFFICE})\((?P<aliases>{_OFFICE}(?:、{_OFFICE}){{0,5}})\)\s*$")
# Words that open or fill a goal heading, never an office's name.
_GOAL_RE = lazy_compile(
    r"的|[,;:。]|^(?:着力|加快|推进|推动|构建|建设|打造|深化|加强|完善|提升|实施|强化|优化|健全|建立|成立)"
)


def alias_heading(norm: str) -> bool:
    """`综合办公室(党群工作部、监察室)`, the heading's text after its number, normalised."""
    m = _ALIAS_HEADING_RE.match(norm)
    if m is None or _GOAL_RE.search(norm):
        return False
    return looks_like_units(m["name"]) and all(looks_like_units(a) for a in m["aliases"].split("、"))
