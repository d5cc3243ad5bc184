"""Where an item's own lines end: the label lines that close it, and the item they have finished.

An item of the genre states its work, then names who answers for it, on label lines of their own
(`牵头单位:A` / `配合单位:B`) or in a bracket after its last sentence (`(责任单位:A)`). Once it has, the item is
finished: only more label lines are its (`outline_lines`), and it takes no sub-list, whose items would have come
before the line that closed it (`lost_openers`).
"""

from __future__ import annotations

import itertools

from .outline_node import Node
from .textutil import normalise
from .units import peek_responsibility, read_responsibility


def field_line(norm: str) -> bool:
    """A line of responsibility fields, or one (牵头单位:…) group, and nothing else."""
    resp = peek_responsibility(norm)
    return bool(resp.spans) and resp.spans[0][0] <= 0 and resp.spans[-1][1] >= len(norm.rstrip("。 "))


def fields_after(norms: list[str], number: int) -> str:
    """The label lines right after line `number` (`牵头单位:A` / `参加单位:B`), up to the first that is none."""
    fields = list(itertools.takewhile(field_line, (norm for norm in norms[number:] if norm)))
    return "\n".join(fields)


def finished(node: Node) -> bool:
    """The item has named its units after its text (`…。牵头单位:A`, `…。(责任单位:A)`)."""
    text = normalise(node.own_text)
    resp = read_responsibility(text)
    if not resp.found:
        return False
    if resp.origin == "正文" and resp.spans[-1][1] < len(text.rstrip(" 。;\n")):
        return False  # prose naming units inside a paragraph (`A为牵头单位,负责…`) closes nothing
    before = text[: resp.spans[0][0]]
    return "。" in before or ";" in before or (resp.spans[0][0] > 0 and "\n" in text[: resp.spans[0][0]])
