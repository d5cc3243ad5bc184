"""A clause as the assembler reads it: its outline node, its text with the source line of each
piece, its label, and the area it stands in.

`clause_parts` makes it from an item (`clause_text`) and splits an item that holds several
(`split_by_brackets`, `unit_lines`, `opening_roles`); `document` turns each into a task. The splitters that cut an
item at offsets they find (`duty_passages`, `division_items`, `charged_projects`, `unit_lines`, `opening_roles`) cut
it with `cut_clause`, so that every part is labelled and placed on its source lines alike.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .outline_node import Node


@dataclass
class Clause:
    node: Node
    text: str
    offsets: list[tuple[int, int]]  # (offset in text, source line)
    label: str
    area: Node | None

    def line_at(self, offset: int) -> int:
        return max((line for start, line in self.offsets if start <= offset), default=self.node.line)


def spans_from(starts: list[int], end: int) -> list[tuple[int, int]]:
    """Each start with the next start (`end` for the last) as the span it opens."""
    return list(zip(starts, [*starts[1:], end], strict=True))


def cut_clause(clause: Clause, spans: list[tuple[int, int]], *, lines_in_part: bool = False) -> list[Clause]:
    """The clause as one clause per span of its text, labelled `12-1`, `12-2` by order, each stripped.

    A part's first line is the line its start stands on, the lines starting inside it after. With `lines_in_part`
    only the lines that start inside the part are its own, the item's line where none does (`unit_lines`,
    `opening_roles`: the rule they were written with, kept so that no task's source line moves)."""
    parts = []
    for i, (a, b) in enumerate(spans):
        if lines_in_part:
            offsets = [(o - a, n) for o, n in clause.offsets if a <= o < b] or [(0, clause.node.line)]
        else:
            offsets = [(0, clause.line_at(a))] + [(o - a, n) for o, n in clause.offsets if a < o < b]
        parts.append(replace(clause, text=clause.text[a:b].strip(), offsets=offsets, label=f"{clause.label}-{i + 1}"))
    return parts
