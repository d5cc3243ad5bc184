"""What a heading says of the units of the items below it.

A heading charges its items with units in two ways: a carry sentence or a 分工 list grouped by unit
(`carried_units`), or an office's name heading its duties in a 分工 section (`duty_headings`). The
nearest heading that does governs an item that names no unit of its own, and the review page says
which heading it was. A heading that names the units that lead also leads an item naming only the
units that help (`一、县发改局牵头的工作` / `1.争取中央投资。(配合单位:县财政局)`), and so does a
heading's own bracket (`一、经济发展(县发改局牵头)`). A heading whose bracket fills the lead field
(`(十)…(牵头单位:市园林绿化局)`) leads the measures below that fill only their 责任单位 field, those
units helping (`section_lead`).
"""

from __future__ import annotations

from dataclasses import replace

from .body_lists import row_body
from .carried_units import carried_units, with_heading_lead
from .duty_headings import duty_heading
from .outline_node import Node
from .reading_rules import without_reading_rule
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import CO, LEAD, LISTED, find_labels, label_role
from .unit_names import starred
from .units import peek_responsibility


def heading_charge(node: Node) -> Responsibility | None:
    """The units `node`, as a heading, charges the items below it with."""
    return carried_units(node.own_text) or duty_heading(node)


def nearest_heading_charge(node: Node) -> tuple[Responsibility, str] | None:
    """The charge of the nearest heading above `node` that makes one, with its origin for the review page."""
    for above in node.ancestors()[::-1]:
        resp = heading_charge(above)
        if resp is not None and (own := row_body(node.own_text, resp)) is not None:
            return own, own.origin  # `镇党委每年对…督查` in a list for `党委(党支部)` (`body_lists`)
        if resp is not None:
            return resp, f"上级标题:{above.written}"
    return None


def with_own_leaders(heading: tuple[Responsibility, str], own: Responsibility) -> tuple[Responsibility, str]:
    """A heading's units for an item that names no unit, the persons the item names (`责任人:张三`) kept: the
    heading charges its units, not its leaders, over the item's own leader field (round 161's outlet heading
    over items each closing with a `责任人:` line)."""
    if not own.leaders or heading[0].leaders:
        return heading
    return replace(heading[0], leaders=list(own.leaders)), heading[1]


def heading_lead(node: Node, own: Responsibility) -> Responsibility | None:
    """An item naming only the units that help, under a heading naming the units that lead."""
    heading = nearest_heading_charge(node)
    if heading is not None:
        return with_heading_lead(own, heading[0])
    # `一、经济发展(县发改局牵头)`: the units a heading's own bracket names lead its area's items.
    for above in node.ancestors()[::-1]:
        named = peek_responsibility(above.pieces[0][1]) if above.pieces else None
        if named is not None and named.found:
            return with_heading_lead(own, named) or section_lead(node, own, above.pieces[0][1], named)
    return None


def section_lead(node: Node, own: Responsibility, heading: str, named: Responsibility) -> Responsibility | None:
    """A section heading that fills the lead field in its bracket (`(十)提升“中国春城”城市美誉度(牵头单位:
    市园林绿化局)`) over measures that each fill only their 责任单位 field (`39.…[责任单位:A、B,C]`): the plan
    splits one assignment over two levels, as a table's 牵头单位 and 责任单位 columns do, so the heading's
    unit leads every measure and the measure's units help (the lead not repeated among them). A measure
    naming a lead of its own (`牵头单位:`, `A牵头`, a starred unit, `列第一位的为牵头单位`) keeps it; a heading
    that names its area's lead in words (`一、扩大有效投资政策(由区发改局牵头实施)`, `(省发改委总牵头)`) or
    only 责任单位 leaves the measures' own lists to lead as written."""
    if own.roles[LEAD] or not own.roles[LISTED] or not named.roles[LEAD] or starred(own.roles[LISTED]) is not None:
        return None
    norm = normalise(heading)
    fields = [m for s, e in named.spans for m in find_labels(norm, max(s, 0), e)]
    if not any(label_role(m.group(1)) == LEAD for m in fields):
        return None
    text = normalise(node.own_text)
    if without_reading_rule(text) != text:
        return None
    leads = list(named.roles[LEAD])
    helping = [n for n in own.roles[LISTED] + own.roles[CO] if n not in leads]
    return replace(own, roles={LEAD: leads, LISTED: [], CO: helping})
