"""A heading that names the unit whose remit the problems below it fall in.

An inspection notice (督查通报, a 创建办's 督查情况通报) sorts what its inspectors found by the office
that must fix it, each group under a heading that names that office's remit and nothing else:

    一、属住建局职责范围:
    (一)江滨官邸等房产项目工地
    1、工地围挡尚未按要求布置公益广告。
    (二)文山路
    欧派特自行车店等占道经营,屡禁不止。
    三、属工商局职责范围:
    主要商业大街沿街店面门前三包落实不到位。

The genre words it as `属X职责范围`, `属于X管辖范围`, `X职责范围内的问题`, `X负责整改的问题`, `需X整改的问题`,
`涉及X的问题`. It is the unit-name heading (`三、儋州市政府`, `carried_units`) in the words of the genre: X
answers for every problem below it, so the problems are the lowest items (a place's sub-heading over a
paragraph alone is one, as under a unit's name), and a remit heading over a paragraph alone is itself
the clause, its paragraph the clause's text (`unit_work_headings`). Only the heading's own line is read,
and X must read as units (`looks_like_units`): `涉及民生的问题` or `涉及部门的问题` names no one.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .person_names import is_person
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import VAGUE_RE, looks_like_units


def _names(group: str) -> str:
    return rf"(?P<{group}>[\u4e00-\u9fff()、]{{2,30}}?)"


_REMIT = r"(?:职责|职能|监管|管辖|管理)(?:范围|范畴)?"
_FIX = r"(?:整改|处理|解决|落实|办理)"
# What may close the heading: a count of the problems (`(5个)`, `(共3项)`) and a colon or full stop.
_CLOSE = r"(?:\((?:共|计)?\d{1,3}(?:个|项|处|条)\))?\s*[:。]?\s*$"
_REMIT_HEADING_RE = lazy_compile(
    r"^\s*(?:"
    # `属住建局职责范围`, `属于县城管局管辖范围的问题`
    rf"(?:属于?|归){_names('within')}的?{_REMIT}内?(?:的问题|存在的问题)?"
    # `县住建局职责范围内的问题`
    rf"|{_names('remit')}的?{_REMIT}内?(?:的问题|存在的问题)"
    # `县城管局负责整改的问题`, `需县住建局整改的问题`, `交县交通局处理的问题`, `县城管局负责的问题`
    rf"|(?:需|由|交由|交)?{_names('fixing')}(?:(?:负责|牵头)(?:{_FIX})?|{_FIX})的问题"
    # `涉及县城管局的问题`
    rf"|涉及{_names('concerned')}的问题"
    rf"){_CLOSE}",
    needs="属|归|的问题",
)
_GROUPS = ("within", "remit", "fixing", "concerned")
# A bare kind of body (`部门`, `职能部门`, `责任单位`) names no one in particular.
_BARE_KIND_RE = lazy_compile(r"(?:各|其他|其它|有关|相关)?(?:职能|责任|主管|监管)?(?:部门|单位|企业)")


def remit_heading(text: str) -> Responsibility | None:
    """The units a heading's own line names as the ones whose remit the items below fall in
    (`属住建局职责范围:`), as the heading's charge of every level below it; None for any other text."""
    line_end = text.find("\n")
    line = text if line_end < 0 else text[:line_end]
    norm = normalise(line)
    m = _REMIT_HEADING_RE.match(norm)
    if m is None:
        return None
    group = next(g for g in _GROUPS if m[g])
    names, start = m[group], m.start(group)
    if VAGUE_RE.fullmatch(names) or _BARE_KIND_RE.fullmatch(names) or not looks_like_units(names):
        return None
    found = Responsibility(origin="上级标题", whole_section=True)
    found.roles[LISTED] = split_names(line, norm, start, start + len(names))
    if not found.roles[LISTED] or any(is_person(n) for n in found.roles[LISTED]):
        return None
    return found
