"""Split a clause into plain runs and milestone phrases, for <mark> highlighting."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol


class Span(Protocol):
    """A milestone's place in its clause (offsets from the parser)."""

    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class Segment:
    text: str
    milestone: Span | None = None


def clause_segments(text: str, milestones: Iterable[Span]) -> list[Segment]:
    """Plain and highlighted runs covering `text` in order.

    Spans come from the parser (start/end offsets into the clause). A span that is
    out of range, empty, or overlaps one already taken is left unhighlighted rather
    than guessed at: the milestone still appears in the list below the clause.
    """
    spans = sorted(
        (m for m in milestones if 0 <= m.start < m.end <= len(text)),
        key=lambda m: (m.start, -(m.end - m.start)),
    )
    segments: list[Segment] = []
    cursor = 0
    for m in spans:
        if m.start < cursor:
            continue
        if m.start > cursor:
            segments.append(Segment(text[cursor : m.start]))
        segments.append(Segment(text[m.start : m.end], m))
        cursor = m.end
    if cursor < len(text):
        segments.append(Segment(text[cursor:]))
    return segments
