"""A 分工意见's bracket retold in a report's sentence: `《意见》要求A、B等按职责分工负责,年内持续推进`.

The State Council's (and a province's) 重点工作分工 closes each task with its bracket, `(A、B等按职责分工负责,12月底前
完成)` (round 69's digest kept the brackets). A trade paper or a portal reporting the document for its sector rewrites
each task it picks as a sentence of its own, no number, no bracket, no label, the bracket's words moved into the prose:

    其中,在提到“进一步清理用电不合理加价…”时,《意见》明确,由A、B、C等按职责分工负责,12月底前完成。
    针对“深入实施可持续发展战略…”,《意见》要求A、B、C等按职责分工负责,年内持续推进。
    《意见》规定,A、B…M等按职责分工负责,12月底前完成“强化大气污染综合治理…”的任务。

`按职责分工负责` is the formula of those brackets, and names the units that answer for the task in prose as in the
bracket: a sentence part `(由)A、B…(等)按职责分工负责`, possibly after the reporter's words citing the document
(`《意见》要求`, `《意见》明确,由`), whose names all read as units, assigns the task; the first listed leads, the others
help, `等` is no part of a name, and the part after it is its time limit, as in the bracket. Such paragraphs, two at
least in a document numbering no item, are the report's tasks, one clause each (`label_items`). A leader's post before
the formula (`市政府领导按职责分工负责`) names persons, no units, and a vague `有关部门按职责分工负责` no one.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import split_top, strip_span
from .unit_labels import LISTED
from .unit_names import TRIM, VAGUE_RE, looks_like_units

# The reporter citing the document before the units: `《意见》要求`, `《意见》明确,由`, `意见提出`, then `由`.
_PART_RE = lazy_compile(
    r"(?:[《<][^《》<>]{1,30}[》>]|意见|方案|通知)?(?:明确|要求|规定|提出|指出|强调)?由?"
    r"(?P<names>[\u4e00-\u9fff()、]{2,200}?)按职责分工负责$"
)
_SENTENCE_RE = re.compile(r"[^。;\n]+")


def retold_parts(norm: str) -> list[tuple[str, int, int, int, int]]:
    """Each `(由)A、B等按职责分工负责` part of `norm`'s sentences whose names are units: (role, names start, names
    end, part start, part end), the units listed as a bracket lists them (the first leads)."""
    found = []
    for sentence in _SENTENCE_RE.finditer(norm):
        for s, e in split_top(norm, ",", sentence.start(), sentence.end()):
            s, e = strip_span(norm, s, e, TRIM)
            m = _PART_RE.match(norm, s, e)
            if m is None:
                continue
            names = m["names"].strip(TRIM)
            if names.endswith("等"):
                names = names[:-1]
            if looks_like_units(names, 1) and not any(
                VAGUE_RE.search(n) or n.startswith("各") for n in names.split("、")
            ):
                found.append((LISTED, m.start("names"), m.start("names") + len(names), s, e))
    return found
