"""A carry sentence standing on its own, before the items or under a heading, not in a bracket.

`以下各项任务均需各县(市、区)人民政府落实,不再单独列出` is written inside a clause's bracket as often as on
a line of its own: in the notice before the list (`(注:以下各项任务均需各乡镇落实,不再逐一列出)`), or
right under a section's heading. Standing alone it governs every clause after it, in the whole
list or in that section: the units it names share each of them, after the clause's own units, as
they do when the sentence closes a bracket (`units.read_responsibility`'s `adds`).
"""

from __future__ import annotations

from collections.abc import Iterable

from .outline_node import Node
from .units import carried_adds


def preamble_adds(header: list[tuple[int, str]]) -> list[str]:
    """The units a carry sentence before the first item adds to every clause."""
    return _union(carried_adds(text) for _, text in header)


def heading_adds(node: Node) -> list[str]:
    """The units carry sentences in the headings above `node` add to it."""
    return _union(carried_adds(a.own_text) for a in node.ancestors())


def _union(lists: Iterable[list[str]]) -> list[str]:
    out: list[str] = []
    for names in lists:
        out += [n for n in names if n not in out]
    return out
