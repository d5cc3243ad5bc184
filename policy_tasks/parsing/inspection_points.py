"""An inspection group's demands numbered inline in its report (round 154).

A county's news report of a 督导 (督查, 巡查) round closes with what the group demanded of the places and offices it
inspected, the points numbered inline in one paragraph after the group's own verb:

    针对存在问题,督导组指出:一是各镇、部门要在线索排查上再下功夫,…;二是继续加大宣传力度,…;三是…

The group speaks as a meeting's leader does (round 136's `某某在总结讲话中要求:一是…`): the paragraph is the head over
its points, each point a clause charged by its own subject and a point naming no one a clause with no unit (round 89).
`cut_inspection_points` cuts the paragraph before each point, in order after a sentence end (a `一是` inside a point's
sentence is its prose); `inspection_head` tells the cut head, so the report reads as a minute (`minute_subjects`).
Near cases: the group's account of what it did (`督导组先后来到各镇、部门,详细查看…`, no demanding verb and no `一是`),
a group set up and given a duty (`督导组负责…`, round 65), a lone `一是` after the verb (no second point: prose).
"""

from __future__ import annotations

from .head_points import cut_lines, head_point_parts
from .lazy_patterns import lazy_compile
from .outline_node import Node
from .textutil import normalise

# The inspecting group and its demanding verb, perhaps after a short lead-in naming what the points answer
# (`针对存在问题,`, `针对督导发现的问题,`), at the paragraph's start or after a sentence end.
_GROUP = r"(?:督导组|督查组|巡查组|巡察组|检查组|暗访组|考核组)"
# Or the groups' feedback, then the demands they made, closing the sentence (`…对巡察“回头看”中发现的问题,各督导组向被
# 巡察党组织进行了严肃反馈,提出了整改时限和要求。一是夯实整改责任。…`, round 166).
_HEAD = (
    rf"(?:(?:针对[^。;:,!?\n]{{1,20}},\s*)?{_GROUP}(?:[^。;:,!?\n]{{0,8}}?)(?:指出|要求|强调|提出)\s*:"
    rf"|(?:针?对[^。;:,!?\n]{{1,30}},\s*)?各?{_GROUP}[^。;:,!?\n]{{0,30}}?(?:反馈|通报)[^。;:,!?\n]{{0,10}}?,\s*(?:并|同时)?"
    r"提出了?[^。;:,!?\n]{0,12}?(?:要求|意见)\s*[。:])"
)
_HEAD_RE = lazy_compile(rf"(?:^|(?<=[。;!?]))\s*(?P<h>{_HEAD})\s*(?=一是)", needs="一是")
_CUT_HEAD_RE = lazy_compile(rf"^{_HEAD}$", needs=":|。")


def inspection_head(text: str) -> bool:
    """`针对存在问题,督导组指出:`, the head cut from its inline points."""
    return bool(_CUT_HEAD_RE.match(normalise(text).strip()))


def inspection_heading(node: Node) -> bool:
    """A node over an inspection group's points, its cut head among its lines: the points are the group's demands,
    the silent ones clauses beside those a subject charges (as `minute_points.decisions_heading`'s)."""
    return bool(node.children) and any(inspection_head(text) for _, text in node.pieces[1:])


def inline_demands(root: Node) -> bool:
    """A minute's page whose items are all inline points (`一是…`, `二是…`, as `cut_inspection_points` and
    `minute_points.inline_points` cut them): the points are the demands of the head above them, the silent ones
    clauses beside those a subject charges, as a meeting heading's decisions are (`minute_points.decisions_heading`)."""
    # `一要…`, `二要…` (a speaker's points joined to 要, `named_speakers`) are read as `一是…` are (round 166).
    return bool(root.children) and all(kid.style in ("shi", "yao") for kid in root.children)


def cut_inspection_points(
    lines: list[tuple[str, bool]], origins: list[int]
) -> tuple[list[tuple[str, bool]], list[int]]:
    """The lines with an inspection group's `…指出:一是…;二是…` paragraph cut before each point; each part keeps
    its line's number in `origins`."""
    return cut_lines(lines, origins, lambda text: head_point_parts(text, _HEAD_RE))
