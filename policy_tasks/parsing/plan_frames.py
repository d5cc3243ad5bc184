"""A plan's item that frames the work rather than doing it: its targets, principles or guiding ideas.

`(二)主要目标。到2025年,…下降16%`, `一、指导思想` assign the work to no unit: silent, such an item is no clause even
where most of its siblings are (`clauses`), and no item the parse missed (`list_doubts`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_FRAMES_RE = lazy_compile(
    r"^(?:主要目标|总体目标|工作目标|发展目标|指导思想|基本原则|工作原则|总体要求)\s*(?:[。:\n]|$)"
    # `一、指导思想以邓小平理论…为指导,…`: a copy that ran the heading into its text (round 127).
    r"|^指导思想(?=以|坚持|高举)"
)


def frames_the_plan(text: str) -> bool:
    """Whether an item's own text (after its number) opens as the plan's targets, principles or guiding ideas."""
    return bool(_FRAMES_RE.match(normalise(text).strip()))
