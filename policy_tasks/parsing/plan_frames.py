"""A plan's item that frames the work rather than doing it: its targets, principles, guiding ideas, a notice's purpose.

`(二)主要目标。到2025年,…下降16%`, `一、指导思想` assign the work to no unit: silent, such an item is no clause even
where most of its siblings are (`clauses`), and no item the parse missed (`list_doubts`). A notice's purpose, scope and
time (`一、公示目的`, `二、公示范围、方式和时间`, `frames_the_notice`) are no clauses either, nor is the section that sets
up the body steering the work (`二、组织领导`, README round 75).

A copy that ran the page into one paragraph runs each heading into its text (`一、工作目标进一步夯实…`, `二、整治对象“两类
场所”…`, `三、工作时间即日起至12月31日`, `二、组织领导为切实加强…`, round 148): the frame's words opening the item are
its heading all the same, unless they open a longer term (`工作目标责任制`, `工作时间节点`); so is a frame a copy joined to
its text with a space where the line broke (`一、工作目标 全面贯彻…`), and a campaign's scope naming its two activities
(`二、排查整治范围涵盖…`, session 37).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .textutil import normalise

_ACTIVITY = r"工作|公示|公开|活动|检查|排查|整治|实施|适用"
_FRAME = r"(?:目的|意义|范围|对象|方式|时间)"
# The plan's targets, principles and guiding ideas, one or two joined (`指导思想和工作目标`), and the section setting
# up the body that steers the work (`组织领导`).
_ONE_PLAN_FRAME = r"主要目标|总体目标|工作目标|发展目标|目标要求|指导思想|基本原则|工作原则|总体要求"
_PLAN_FRAME = rf"(?:{_ONE_PLAN_FRAME})(?:[、和及与](?:{_ONE_PLAN_FRAME}))*|组织领导"
# A notice's purpose, scope, manner and time: `公示目的`, `公示范围、方式和时间`, `整治范围`, `检查对象`; a campaign
# names its two activities before them (`排查整治范围`, `检查整治对象`).
_NOTICE_FRAME = rf"(?:{_ACTIVITY}){{0,2}}{_FRAME}(?:[、和及与]{_FRAME})*"
# A heading a one-paragraph copy ran into its text: only a frame with its activity word (`整治对象`, not a bare
# `对象`), followed by the text's own words, not by a longer term the frame's words open.
_RUN_IN = (
    rf"(?:{_PLAN_FRAME}|(?:{_ACTIVITY}){{1,2}}{_FRAME}(?:[、和及与]{_FRAME})*)"
    r"(?![、和及与的]|责任|任务|考核|管理|体系|节点|分解|落实|进展|完成|安排|计划|表)(?=[ \u3000]*[\u4e00-\u9fff“\"(])"
)
_FRAMES_RE = lazy_compile(
    rf"^(?:{_PLAN_FRAME})\s*(?:[。:\n]|$)"
    # `一、指导思想以邓小平理论…为指导,…`: a copy that ran the heading into its text (round 127).
    r"|^指导思想(?=以|坚持|高举)"
)
# `一、公示目的`, `二、公示范围、方式和时间`: what a notice's work is for, what it covers, how and how long it is shown,
# charging no one (round 137; README's `整治范围`).
# `二、整治重点:各村主次干道、背街小巷、…。`: a campaign's focus given as the places it covers, a list and nothing more, is
# its scope (round 170); a `重点` over measures (`三、工作重点`, `整治重点:清理…,做到…`) is none.
_FOCUS = r"(?:整治|排查|检查|清理|治理){1,2}重点\s*:[^,;:。]+(?:、[^,;:。]+)+。?$"
_NOTICE_FRAMES_RE = lazy_compile(rf"^{_NOTICE_FRAME}\s*(?:[。:\n]|$)|^{_RUN_IN}|^{_FOCUS}")
# A section headed by a frame alone (`一、工作目标`, `二、整治范围`), or by one run into its text: what it holds frames
# the measures too.
_SECTION_RE = lazy_compile(rf"(?:{_PLAN_FRAME}|{_NOTICE_FRAME})")
_RUN_IN_RE = lazy_compile(_RUN_IN)


def frames_the_plan(text: str, *, run_in: bool = True) -> bool:
    """Whether an item's own text (after its number) opens as the plan's targets, principles or guiding ideas.
    `run_in=False`: only a heading set off from its text, the frames left out when the silent items are weighed against
    the charged ones (a run-in heading, which only a one-paragraph copy writes, is weighed as before, round 148)."""
    norm = normalise(text).strip()
    return bool(_FRAMES_RE.match(norm) or (run_in and _RUN_IN_RE.match(norm)))


def frames_the_notice(text: str) -> bool:
    """Whether an item's own text opens as a notice's purpose, scope or time (`公示目的`, `公示范围、方式和时间`): no
    clause, though it is weighed with the silent items beside the charged ones (a notice's `一、适用范围` beside its one
    charged item leaves its other silent items no clauses, round 119)."""
    return bool(_NOTICE_FRAMES_RE.match(normalise(text).strip()))


def frames_a_section(node: Node) -> bool:
    """Whether a section's heading is a frame and nothing else (`一、工作目标`, `二、整治范围`, `一、公示目的`), or a frame
    a one-paragraph copy ran into its text with nothing under it (`一、工作目标进一步夯实…`): the items under it are no
    measures either (a notice to one group of offices, `sole_addressees`)."""
    head = normalise(node.pieces[0][1] if node.pieces else "").strip()
    if not node.children and _RUN_IN_RE.match(head):
        return True
    return bool(_SECTION_RE.fullmatch(head.rstrip("。:")))
