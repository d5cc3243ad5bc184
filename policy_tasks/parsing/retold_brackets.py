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
help, `等` is no part of a name, and the part after it is its time limit, as in the bracket. A health paper's digest
shortens the formula to `由A、B、C等分工负责` (round 137): `等` closing the list keeps it the bracket's formula, where a bare
`A、B分工负责` (a 晋政发 bracket's remit, `bare_unit_brackets`) is none of this reader's. Such paragraphs, two at
least in a document numbering no item, are the report's tasks, one clause each (`label_items`). A leader's post before
the formula (`市政府领导按职责分工负责`) names persons, no units, and a vague `有关部门按职责分工负责` no one.

Each retelling is a sentence of its own that names its task in itself (`针对“…”,`, `在提到“…”时,`, `完成“…”的任务`),
so its sentence, not its line, is where a task starts: a copy broken at a page's width whose paragraph ended at the
margin (the unwrapper joins it to the next), a PDF's text, or a copy with no line breaks at all, runs two retellings
(and the report's lead paragraphs) into one block. A block holding two or more sentences that retell a bracket is
cut before each of them (`retold_paragraphs`, a line repair): what comes before the first is the lead, and what
follows a retelling up to the next (a comment of the reporter's) stays with it. A line retelling one bracket is left
as written, whatever sentence of it retells it.
"""

from __future__ import annotations

import itertools
import re

from .lazy_patterns import lazy_compile
from .textutil import bracket_depths, normalise, split_top, strip_span
from .unit_labels import LISTED
from .unit_names import TRIM, VAGUE_RE, looks_like_units

# The reporter citing the document before the units: `《意见》要求`, `《意见》明确,由`, `意见提出`, then `由`.
_PART_RE = lazy_compile(
    r"(?:[《<][^《》<>]{1,30}[》>]|意见|方案|通知)?(?:明确|要求|规定|提出|指出|强调)?由?"
    r"(?P<names>[\u4e00-\u9fff()、]{2,200}?)(?:按职责|(?<=等))分工负责$",
    needs="分工负责",
)
_SENTENCE_RE = re.compile(r"[^。;\n]+")
# A sentence's end, where a run-together block may be cut before the next one.
_SENTENCE_END_RE = re.compile(r"[。!?]")
_FORMULA = "分工负责"  # `按职责分工负责`, or a digest's `等分工负责`


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


def _retelling_starts(norm: str) -> list[int]:
    """Where each sentence of `norm` that retells a bracket starts (after the last sentence end before its part,
    outside brackets and quotes), when two or more sentences do; else none."""
    depths = bracket_depths(norm)
    ends = [m.end() for m in _SENTENCE_END_RE.finditer(norm) if depths[m.start()] == 0]
    starts = set()
    for _, _, _, part_start, _ in retold_parts(norm):
        start = max((end for end in ends if end <= part_start), default=0)
        while start < len(norm) and norm[start].isspace():
            start += 1
        starts.add(start)
    return sorted(starts) if len(starts) >= 2 else []


def retold_paragraphs(lines: list[tuple[str, bool]], origins: list[int]) -> tuple[list[tuple[str, bool]], list[int]]:
    """The lines with each block running two or more retellings together cut before each retelling's sentence, the
    lead before the first a line of its own; each part keeps its block's number in `origins`."""
    out: list[tuple[str, bool]] = []
    out_origins: list[int] = []
    for (text, splittable), origin in zip(lines, origins, strict=True):
        starts = _retelling_starts(normalise(text)) if text.count(_FORMULA) >= 2 else []
        cuts = [0, *(start for start in starts if start > 0), len(text)]
        parts = [text[start:end].strip() for start, end in itertools.pairwise(cuts)] if starts else [text]
        out += [(part, splittable) for part in parts if part or not starts]
        out_origins += [origin] * (len(out) - len(out_origins))
    return out, out_origins
