"""A sub-heading written as one sentence of principle over unnumbered paragraphs each closed by its own bracket.

A 政府工作报告 分工 often keeps the report's own sentence as the sub-heading (`(一)推动经济稳定健康发展,必须充分发挥…
拉动作用。`) and lists the work under it as paragraphs, each closed by the units that do it (`…。(A、B等负责)`). The
heading is a line of its own, one sentence with no bracket: it groups the paragraphs as a bare topic heading
(`(一)约束性指标`) does, and is no clause's text. A line with two sentences, or a `;`, or units of its own, is an item's
text and no heading (round 149).
"""

from __future__ import annotations

import re

from .textutil import normalise
from .units import peek_responsibility

# One sentence: no stop inside it, closed by `。` (or by nothing, a bare topic).
_SENTENCE_RE = re.compile(r"[^。;;!?!?()()\n]{4,44}。?")


def principle_heading(line: str) -> bool:
    """Whether `line` (an item's first line, without its number) is a heading sentence with no units of its own."""
    text = normalise(line).strip()
    return bool(_SENTENCE_RE.fullmatch(text)) and not peek_responsibility(text).found


def grouping_heading(line: str) -> bool:
    """A heading over lines each closed by their own units: a bare topic (`(一)约束性指标`) or a sentence of principle."""
    text = normalise(line).strip()
    bare = bool(text) and len(text) <= 30 and not re.search(r"[。;!?]", text) and not peek_responsibility(text).found
    return bare or principle_heading(text)
