"""Work points stated as a list, then restated in the table that divides them among sections.

A bureau's 工作要点 may state its points twice: first as a numbered list naming no units (`一、工作要点`
`1.深入推进政策解读。对…进行全面解读`), then as a division-of-work table (`二、重点工作任务分解`,
`重点任务 | 工作内容 | 负责科室 |`) whose rows repeat the points' sentences and give each its section.
The table is the document's own assignment, so its rows are the clauses and the list is no level of
clauses (it names no unit, as a 总体要求 section does not). But a point the table leaves out is
still one of the plan's tasks: dropping it with the list would lose it silently. So, in a silent list
whose points are mostly restated by clauses elsewhere (a sentence of the point written again in a
clause's text), each point that no clause restates is a clause of its own.

Such a point may name its section as the subject of its own sentence, right after its title
(`5.统筹推进其他应主动公开信息发布工作。局综合科结合我局日常工作…`): a bureau's own points address its
sections as `局X科` (`…股`, `…室`, `…办`), and that section answers for the point (`section_subject`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .responsibility import Responsibility
from .textutil import normalise
from .units import LISTED

# A sentence shorter than this (`注重回应关切`) may be a mere title both share; a restated point
# repeats its body.
_SENTENCE_MIN = 8
_SENTENCE_RE = re.compile(r"[^。;!?\n]+")
_DROPPED = re.compile(r"[\s,、:“”\"'()《》]")


def _plain(text: str) -> str:
    return _DROPPED.sub("", normalise(text))


def _restated(point: Node, restating: list[str]) -> bool:
    sentences = [_plain(s) for s in _SENTENCE_RE.findall(normalise(point.own_text))]
    return any(len(s) >= _SENTENCE_MIN and any(s in text for text in restating) for s in sentences)


def with_unrestated_points(root: Node, clauses: list[Node]) -> list[Node]:
    """`clauses` plus, in document order, each point of a silent list that no clause restates, where
    at least two of the list's points, and at least half of them, are restated."""
    chosen = {id(n) for n in clauses}
    restating = [_plain(n.own_text) for n in clauses]
    added: list[Node] = []
    for node in root.walk():
        points = node.children
        if len(points) < 2 or id(node) in chosen or any(p.children for p in points):
            continue
        if any(id(p) in chosen for p in points) or any(id(a) in chosen for a in node.ancestors()):
            continue
        restated = [_restated(p, restating) for p in points]
        if sum(restated) >= 2 and sum(restated) * 2 >= len(points) and not all(restated):
            added += [p for p, r in zip(points, restated, strict=True) if not r]
    if not added:
        return clauses
    order = {id(n): i for i, n in enumerate(root.walk())}
    return sorted([*clauses, *added], key=lambda n: order[id(n)])


# `统筹推进…工作。局综合科结合…`: the point's title sentence, then a sentence whose subject is one of the
# bureau's own sections (`局` + the section's short name), followed by what it does. Words that open
# with 局 (`局部地区`, `局面`, `局势`, `局限`, `局长`) name no section.
_SECTION_SUBJECT_RE = lazy_compile(
    r"^[^。,;:\n]{2,24}。\s*(?P<name>局(?!部|面|势|限|长)[\u4e00-\u9fff]{1,5}?(?:科|股|室|办))(?=[\u4e00-\u9fff])"
)


def section_subject(text: str) -> Responsibility | None:
    """The bureau's section a point's second sentence opens with (`局综合科结合…`), or None."""
    m = _SECTION_SUBJECT_RE.match(normalise(text))
    if m is None:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = [text[m.start("name") : m.end("name")]]
    return found
