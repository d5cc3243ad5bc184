"""Responsibility a heading states for the items below it: a carry sentence (`以下各项措施均由A、B负责,
不再逐条列出`), a 分工 list grouped by unit (`一、县示范区管委会牵头工作(8项)`), a heading that is
nothing but a unit's name (`三、儋州市政府`), or one naming only a unit's remit (`一、属住建局职责范围:`,
`remit_headings`). Such a heading leads too the items below it that name only the units that help
(`一、县发改局牵头的工作` / `1.争取中央投资。(配合单位:县财政局)`: 县发改局 leads, 县财政局 helps), as the
list's grouping says."""

from __future__ import annotations

import re
from dataclasses import replace

from .alias_headings import alias_heading
from .counted_lists import counted_heading
from .lazy_patterns import lazy_compile
from .outlet_headings import outlet_heading
from .remit_headings import remit_heading
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import CO, LEAD, LISTED
from .unit_lists import split_names
from .unit_names import PLACE_FIRST_RE, looks_like_units


def carried_units(text: str) -> Responsibility | None:
    """`以下各项措施均由A、B负责,不再逐条列出`: units named once for the clauses below."""
    if (counted := counted_heading(text)) is not None:
        return counted  # `有3项由A牵头,分别是`: a digest's tasks counted by their lead (`counted_lists`)
    norm = normalise(text)
    m = re.search(r"(?:以下|下列|本部分|本领域)[^。]{0,20}?均由(?P<names>[^。]+?)(?:牵头)?负责[^。]*?不再", norm)
    # A 分工 list grouped by unit: `一、县示范区管委会牵头工作(8项)` heads the items that unit leads.
    m = m or re.match(
        r"^\s*(?P<names>[^。,;]{2,40}?)(?:牵头|负责|承担)(?:的|落实的)?(?:工作|任务|事项)(?:\(\d+项\))?\s*$", norm
    )
    # `一、县发改局牵头` (`县发改局、县财政局牵头`): the units alone before the role, no work named.
    bare = re.match(r"^\s*(?P<names>[^。,;:]{2,40}?)(?:牵头|负责)\s*$", norm)
    if m is None and bare is not None and "由" not in bare["names"] and looks_like_units(bare["names"]):
        m = bare
    if m is None:
        # `一、属住建局职责范围:`: an inspection notice's heading naming the unit whose remit the
        # problems below it fall in is a unit-name heading in the genre's words (`remit_headings`).
        return _unit_heading(text, norm) or remit_heading(text)
    found = Responsibility(origin="上级标题")
    found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
    return found if found.found else None


# A heading that is nothing but a government's or a bureau's name (`三、儋州市政府`): the list
# below it is that unit's (a provincial key-project list grouped by the city that answers for it).
_UNIT_HEADING_RE = re.compile(
    r"^\s*(?P<names>[\u4e00-\u9fff()、]{2,24}?(?:人民政府|政府|管委会|管理委员会|行政公署|局|厅|委员会|委|办公室))\s*$"
)


# A heading that only ends in 政府 is often a goal (`一、着力构建高效协同的数字政府`): a unit's name is
# short, names its place first (`PLACE_FIRST_RE`) and has no verb or 的.
_GOAL_RE = lazy_compile(
    r"的|^(?:着力|加快|推进|推动|构建|建设|打造|深化|加强|完善|提升|实施|强化|优化|健全|建立|全面|持续|坚持|积极|大力|努力|促进|落实|规范)"
)


def _unit_heading(text: str, norm: str) -> Responsibility | None:
    if alias_heading(norm):
        # `(一)综合办公室(党群工作部、监察室)`: one office with the names it also acts under.
        found = Responsibility(origin="上级标题", whole_section=True)
        found.roles[LISTED] = split_names(text, norm, 0, len(norm))
        return found if found.found else None
    if (outlet := outlet_heading(norm)) is not None:
        # `(一)***日报社(晨刊、手机报)`: a publicity plan's outlet, its papers in brackets (`outlet_headings`).
        found = Responsibility(origin="上级标题", whole_section=True)
        found.roles[LISTED] = [text[outlet[0] : outlet[1]].strip()]
        return found
    m = _UNIT_HEADING_RE.match(norm)
    if m is None or len(m["names"]) > 12 or _GOAL_RE.search(m["names"]) or not PLACE_FIRST_RE.match(m["names"]):
        return None
    if not looks_like_units(m["names"]):
        return None
    found = Responsibility(origin="上级标题", whole_section=True)
    found.roles[LISTED] = split_names(text, norm, m.start("names"), m.end("names"))
    return found if found.found else None


def named_unit_heading(text: str) -> Responsibility | None:
    """The unit a heading that is nothing but its name names (`一、木垒县东城镇党委`), or None."""
    return _unit_heading(text, normalise(text))


def with_heading_lead(own: Responsibility, heading: Responsibility) -> Responsibility | None:
    """An item naming only its helping units (`(配合单位:A)`) under a heading that names the units
    leading the items below it: the heading's units lead, the item's help. None where the item names
    a lead or a listed unit of its own."""
    if own.roles[LEAD] or own.roles[LISTED] or not own.roles[CO]:
        return None
    leads = [n for names in (heading.roles[LEAD], heading.roles[LISTED]) for n in names]
    if not leads:
        return None
    return replace(own, roles={LEAD: [], LISTED: leads, CO: [n for n in own.roles[CO] if n not in leads]})
