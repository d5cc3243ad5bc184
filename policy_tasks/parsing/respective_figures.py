"""Figures listed after 分别: one commitment, each figure for one of the things named before it.

A target may name several things and then give each its figure in the same order, the list of
figures joined by 、 after one verb and the word 分别 (respectively):
`化学需氧量、二氧化硫、氨氮、氮氧化物排放分别减少9.2%、10.7%、11%、13.7%`. The figures mean nothing
without the things they pair with (`10.7%` alone commits to nothing), so the list is one commitment,
as one sentence states it; the milestone reader (`sentence_parts`) does not cut it at its 、.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .text_marks import Marks

# `分别减少9.2%`, `分别达到95%和90%`, `分别为3个`: 分别, a few words (the verb), then the first figure.
_RESPECTIVELY_RE = lazy_compile(r"分别[\u4e00-\u9fff]{0,4}[\d.]")
# Before a figure a list part may hold only a sign of its kind (`约`, `-`) and spaces, or a decimal's whole part a
# PDF's space cut from it (`分别下降4.8%、3. 3%和1.4%`: `3.3%`, round 115).
_BEFORE_FIGURE_RE = lazy_compile(r"^[\s约近逾-]{0,2}(?:\d{1,3}\.\s)?$")


def continues_figures(norm: str, group_start: int, start: int, end: int, marks: Marks) -> bool:
    """Whether the 、 part `norm[start:end]` is one more figure of a `分别…a、b、c` list that the
    part group from `group_start` opened: the part begins with a figure, names no time, and the
    group's words pair their things with figures by 分别."""
    if marks.phrases_in(start, end) or not _RESPECTIVELY_RE.search(norm, group_start, start):
        return False
    first = next(iter(marks.quantities_in(start, end)), None)
    return first is not None and bool(_BEFORE_FIGURE_RE.match(norm[start : first.start()]))
