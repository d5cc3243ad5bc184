"""What a heading says of the units of the items below it.

A heading charges its items with units in two ways: a carry sentence or a 分工 list grouped by unit
(`carried_units`), or an office's name heading its duties in a 分工 section (`duty_headings`). The
nearest heading that does governs an item that names no unit of its own, and the review page says
which heading it was. A heading that names the units that lead also leads an item naming only the
units that help (`一、县发改局牵头的工作` / `1.争取中央投资。(配合单位:县财政局)`), and so does a
heading's own bracket (`一、经济发展(县发改局牵头)`).
"""

from __future__ import annotations

from .carried_units import carried_units, with_heading_lead
from .duty_headings import duty_heading
from .outline_node import Node
from .responsibility import Responsibility
from .units import peek_responsibility


def heading_charge(node: Node) -> Responsibility | None:
    """The units `node`, as a heading, charges the items below it with."""
    return carried_units(node.own_text) or duty_heading(node)


def nearest_heading_charge(node: Node) -> tuple[Responsibility, str] | None:
    """The charge of the nearest heading above `node` that makes one, with its origin for the review page."""
    for above in node.ancestors()[::-1]:
        resp = heading_charge(above)
        if resp is not None:
            return resp, f"上级标题:{above.written}"
    return None


def heading_lead(node: Node, own: Responsibility) -> Responsibility | None:
    """An item naming only the units that help, under a heading naming the units that lead."""
    heading = nearest_heading_charge(node)
    if heading is not None:
        return with_heading_lead(own, heading[0])
    # `一、经济发展(县发改局牵头)`: the units a heading's own bracket names lead its area's items.
    for above in node.ancestors()[::-1]:
        named = peek_responsibility(above.pieces[0][1]) if above.pieces else None
        if named is not None and named.found:
            return with_heading_lead(own, named)
    return None
