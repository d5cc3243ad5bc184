"""A 责任人 line written once after an item's last sub-item: it closes the item, and every sub-item carries it.

A plan whose items each close with their persons on a line of their own (`1.新闻宣传。…` / `责任人:张三、李四`) writes
that line once for an item it splits into sub-items, after the last of them:

    2.专题报道(2篇)
    (1)创新方式转型升级。…7月16日头版见报。
    (2)积极整改并取得良好效果。…发稿时间:7月底或8月上旬。
    责任人:王存之、***、***
    3.文艺副刊宣传。…
    责任人:侯中良、项其敏

The line stands where the item ends, at the level its siblings write theirs: the persons answer for item 2 as a
whole, so each sub-item, a clause of its own, has them as leaders (round 161; a leader field is persons, README round
84). Only where the pattern is the plan's: another item at the parent's level closes with such a line of its own,
no earlier sub-item names a person, and the item's heading names none. Sub-items each closing with their own line
keep theirs, and a line under the last sub-item of a plan whose items carry no such line stays that sub-item's.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .textutil import normalise
from .unit_labels import LABEL_RE, LEADER, label_role
from .units import peek_responsibility, read_responsibility

if TYPE_CHECKING:
    from .outline_node import Node
    from .responsibility import Responsibility


def _person_line(node: Node) -> bool:
    """Whether the item's last line is a leader field and nothing more (`责任人:张三、李四`)."""
    if len(node.pieces) < 2 or node.children:
        return False
    line = node.pieces[-1][1]
    m = LABEL_RE.match(normalise(line).strip())
    if m is None or label_role(m[1]) != LEADER:
        return False
    resp = read_responsibility(line)
    return resp is not None and not resp.found and bool(resp.leaders)


def with_item_person_lines(
    nodes: list[Node], found: list[tuple[Responsibility, str]]
) -> list[tuple[Responsibility, str]]:
    """Earlier sub-items take the persons of the line closing their item after the last sub-item."""
    at = {id(node): i for i, node in enumerate(nodes)}
    out = list(found)
    for i, node in enumerate(nodes):
        parent = node.parent
        if parent is None or parent.style == "root" or node is not parent.children[-1] or not _person_line(node):
            continue
        earlier = parent.children[:-1]
        if not earlier or any(id(child) not in at or out[at[id(child)]][0].leaders for child in earlier):
            continue
        heading = parent.pieces[0][1] if parent.pieces else ""
        if peek_responsibility(heading).leaders:
            continue
        siblings = parent.parent.children if parent.parent is not None else []
        if not any(s is not parent and _person_line(s) for s in siblings):
            continue  # the plan's items do not close with such a line: the line is the last sub-item's
        leaders = found[i][0].leaders
        for child in earlier:
            j = at[id(child)]
            out[j] = (replace(out[j][0], leaders=list(leaders)), out[j][1])
    return out
