"""Numbers run on under one heading: a gap or a repeat there is worth a reviewer's look.

Clauses are grouped by their heading and numbering style (a decimal outline's items run on under
their major number: `1.1`, `1.2`, then `2.1`); within a group each number should follow the one
before. An item read as one clause per bracket (`1-1`, `1-2`) is one number, not a repeat of it.
"""

from __future__ import annotations

from .outline_node import Node
from .result import ParseWarning


def numbering_warnings(clauses: list[tuple[Node, str, int]]) -> list[ParseWarning]:
    """Warnings for the clauses' numbers; each clause as (its outline node, its label, its task number)."""
    groups: dict[tuple[int, str, str], list[tuple[Node, str, int]]] = {}
    for node, label, number in clauses:
        major = node.written.rsplit(".", 1)[0] if node.style.startswith("decimal") else ""
        groups.setdefault((id(node.parent), node.style, major), []).append((node, label, number))
    clause_nodes = {id(node) for node, _, _ in clauses}
    warnings: list[ParseWarning] = []
    for members in groups.values():
        seen: dict[int, int] = {}  # number → the node that first wrote it
        expected = members[0][0].value
        for node, label, number in members:
            n = node.value
            if seen.get(n) == id(node):
                continue
            if n in seen:
                warnings.append(ParseWarning(number, node.line, f"第{label}条编号重复 (duplicate clause number {n})"))
            elif n != expected and not _headings_between(node, expected, n, clause_nodes):
                message = (
                    f"第{label}条编号不连续，应为第{expected}条 (clause number out of sequence: expected {expected})"
                )
                warnings.append(ParseWarning(number, node.line, message))
            seen.setdefault(n, id(node))
            expected = max(expected, n + 1)
    return warnings


def _headings_between(node: Node, expected: int, n: int, clause_nodes: set[int]) -> bool:
    """Whether each number skipped before the node is a sibling item of its style with clauses below
    it (a register's item whose own line names no one, over an indicator line that does): the
    document's numbering runs on, that item is a heading."""
    if node.parent is None:
        return False
    headings = {
        c.value for c in node.parent.children if c.style == node.style and any(id(d) in clause_nodes for d in c.walk())
    }
    # A covering notice's requirement that charges no one, beside those that do (`notice_requirements`): written, no gap.
    kids = node.parent.children
    if node.part == 0 and any(k.part > 0 for k in kids):
        headings |= {c.value for c in kids if c.style == node.style and c.part == 0}
    return all(v in headings for v in range(expected, n))
