"""A plan's item that frames the work rather than doing it: its targets, principles, guiding ideas, a notice's purpose.

`(二)主要目标。到2025年,…下降16%`, `一、指导思想` assign the work to no unit: silent, such an item is no clause even
where most of its siblings are (`clauses`), and no item the parse missed (`list_doubts`). A notice's purpose, scope and
time (`一、公示目的`, `二、公示范围、方式和时间`, `frames_the_notice`) are no clauses either.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .textutil import normalise

_ACTIVITY = r"工作|公示|公开|活动|检查|排查|整治|实施|适用"
_FRAME = r"(?:目的|意义|范围|对象|方式|时间)"
# The plan's targets, principles and guiding ideas.
_PLAN_FRAME = r"主要目标|总体目标|工作目标|发展目标|目标要求|指导思想|基本原则|工作原则|总体要求"
# A notice's purpose, scope, manner and time: `公示目的`, `公示范围、方式和时间`, `整治范围`, `检查对象`.
_NOTICE_FRAME = rf"(?:{_ACTIVITY})?{_FRAME}(?:[、和及与]{_FRAME})*"
_FRAMES_RE = lazy_compile(
    rf"^(?:{_PLAN_FRAME})\s*(?:[。:\n]|$)"
    # `一、指导思想以邓小平理论…为指导,…`: a copy that ran the heading into its text (round 127).
    r"|^指导思想(?=以|坚持|高举)"
)
# `一、公示目的`, `二、公示范围、方式和时间`: what a notice's work is for, what it covers, how and how long it is shown,
# charging no one (round 137; README's `整治范围`).
_NOTICE_FRAMES_RE = lazy_compile(rf"^{_NOTICE_FRAME}\s*(?:[。:\n]|$)")
# A section headed by a frame alone (`一、工作目标`, `二、整治范围`): what it holds frames the measures too.
_SECTION_RE = lazy_compile(rf"(?:{_PLAN_FRAME}|{_NOTICE_FRAME})")


def frames_the_plan(text: str) -> bool:
    """Whether an item's own text (after its number) opens as the plan's targets, principles or guiding ideas."""
    return bool(_FRAMES_RE.match(normalise(text).strip()))


def frames_the_notice(text: str) -> bool:
    """Whether an item's own text opens as a notice's purpose, scope or time (`公示目的`, `公示范围、方式和时间`): no
    clause, though it is weighed with the silent items beside the charged ones (a notice's `一、适用范围` beside its one
    charged item leaves its other silent items no clauses, round 119)."""
    return bool(_NOTICE_FRAMES_RE.match(normalise(text).strip()))


def frames_a_section(node: Node) -> bool:
    """Whether a section's heading is a frame and nothing else (`一、工作目标`, `二、整治范围`, `一、公示目的`): the items
    under it are no measures either (a notice to one group of offices, `sole_addressees`)."""
    head = normalise(node.pieces[0][1] if node.pieces else "").strip().rstrip("。:")
    return bool(_SECTION_RE.fullmatch(head))
