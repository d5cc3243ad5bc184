"""A line after a run of targets that names their unit: `4项目标的责任单位均为市发展改革委。`.

A 目标管理 plan lists its targets as short items (`1.地区生产总值增长15%;` `2.…;`) and, after each
run, a sentence whose subject is the run and whose predicate is the unit: `N项目标的责任单位均为X`
after N items, `该(项)目标责任单位为X、Y` after one. The role noun is the subject here, the units
the predicate, the inverse of `A为牵头单位` (`role_sentences`); the first listed leads, as in a
`责任单位:` field. The line joins the item before it, and the items of the run, each ending in
`;`, share that item's units as any enumeration closed by the item that names them does
(`semicolon_runs`).
"""

from __future__ import annotations

import re

from .textutil import strip_span
from .unit_names import TRIM

_COUNT = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
_WHAT = r"(?:目标|任务|工作|指标|事项)"
_CLOSING_RE = re.compile(
    rf"^(?:(?:以上|上述)?{_COUNT}项{_WHAT}?|该(?:项)?{_WHAT})(?:的)?"
    rf"(?:主要)?责任(?:单位|部门)(?:均|都|分别)?为(?P<units>[^。;\n]{{2,120}})$"
)
_SENTENCE_RE = re.compile(r"[^。;\n]+")


def closing_unit_spans(norm: str) -> list[tuple[int, int, int, int]]:
    """Each such sentence of `norm`: (units start, units end, sentence start, sentence end)."""
    found = []
    for sentence in _SENTENCE_RE.finditer(norm):
        s, e = strip_span(norm, sentence.start(), sentence.end(), TRIM)
        m = _CLOSING_RE.match(norm[s:e])
        if m:
            found.append((s + m.start("units"), s + m.end("units"), s, e))
    return found
