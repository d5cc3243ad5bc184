"""A schedule entry's numbered steps: `第一季度:1.…。2.…。3.…。`, a milestone each at the entry's time.

A 民生实事 register (`register_pages`) gives a quarter several pieces of work, numbered after the quarter's label:

    第一季度:1.光明区妇幼保健院:开展临建搭设工程…施工。2.国科大深圳医院新院区:推动方案设计工作。3.开展…5场。

Each step is a commitment in words of its own falling on the quarter's end, so each is a milestone (round 86's two
commitments on one day), not the first alone as the entry's text up to its sentence end was (round 132). The steps
count on from 1, each after the sentence before it ends (`。` or `;`); a number that does not follow so (`完成20%`,
`1.5亿元`) is no step. An entry whose text opens with no `1.` is one milestone as before.
"""

from __future__ import annotations

from dataclasses import replace

from .lazy_patterns import lazy_compile
from .result import ParsedMilestone
from .time_phrase import TimePhrase

# `1.`, `1、`, and the bracketed styles a copy may use (`(1)`, `1)`, `（1）`).
_STEP_RE = lazy_compile(r"\s*(?P<mark>[(（]?(?P<n>\d{1,2})[.、．)）])(?!\d)")
_SENTENCE_END = "。;"


def entry_steps(norm: str, content: int, limit: int) -> list[tuple[int, int]] | None:
    """(start, end) of each numbered step of the entry whose text runs from `content` to `limit`, the first starting
    at `content`; or None where the text opens with no `1.` or holds no `2.` after it."""
    m = _STEP_RE.match(norm, content, limit)
    if m is None or m["n"] != "1":
        return None
    starts = [content]
    expected = 2
    for at in range(m.end(), limit):
        if norm[at] not in _SENTENCE_END:
            continue
        step = _STEP_RE.match(norm, at + 1, limit)
        if step is not None and int(step["n"]) == expected:
            starts.append(step.start("mark"))
            expected += 1
    if len(starts) < 2:
        return None
    spans = []
    for k, start in enumerate(starts):
        stop = starts[k + 1] if k + 1 < len(starts) else limit
        end = next((i for i in range(start, stop) if norm[i] in _SENTENCE_END), stop)
        spans.append((start, end))
    return spans


def distinct_step(entry: ParsedMilestone, label: TimePhrase, seen: set[str]) -> ParsedMilestone:
    """A step whose words another entry's step already wrote (`3.开展健康光明义诊宣传活动5场` each quarter) is a
    commitment of its own time: its text is written with the label (`第二季度:3.开展…`), which the importer keys the
    clause's milestones by; it is no span of the clause's text then (start and end 0), as a carried field's is."""
    if entry.text not in seen or entry.text.startswith(label.text):
        return entry
    return replace(entry, text=f"{label.text}:{entry.text}", start=0, end=0)
