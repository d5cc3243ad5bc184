"""A decimal outline's major heading written with a dot (`3.预防、预报、监测和报告` over `3.1`, `3.2`).

Emergency plans (应急预案) and technical plans number their sections `2.1`, `2.2`, `3.1`, each major
section headed by its number alone: `3 预防` (`outline.bare_heading_marker`) or, as often, `3.预防`,
which reads like an item `3.` of a plain list. Where the open item is a decimal one at the top of the
outline (`2.2职责任务` on a web page's second part, its `2` on the page before) and the document numbers
items `3.x`, the short line `3.…` is the next major's heading: it closes `2.2` and heads `3.1`, `3.2`,
instead of nesting as an item under `2.2`'s last sub-item. Under a plain list's item (`一、` / `1.加强…`
/ `1.1…` / `2.强化…`) the dotted number is that list's next item, as it was.
"""

from __future__ import annotations

from .outline import Marker
from .outline_node import Node

_DECIMAL_FAMILY = ("bare", "decimal", "decimal3")


def major_heading(marker: Marker, norm: str, majors: set[int], stack: list[Node]) -> tuple[Marker, int] | None:
    """The heading marker (`bare`) and the stack depth to cut back to, where `marker` is a `num` item
    that heads a decimal outline's next major section; None otherwise."""
    if marker.style != "num" or marker.value not in majors or len(norm) > 40 or "。" in norm[marker.end :]:
        return None
    at = next((i for i, node in enumerate(stack) if node.style in _DECIMAL_FAMILY), None)
    if at is None or any(node.style != "root" for node in stack[:at]):
        return None
    open_major = int(stack[at].written.split(".")[0]) if stack[at].written[:1].isdigit() else 0
    if marker.value <= open_major:
        return None
    return Marker("bare", marker.value, marker.written, marker.end), at
