"""A clause as the assembler reads it: its outline node, its text with the source line of each
piece, its label, and the area it stands in.

`clause_parts` makes it from an item (`clause_text`) and splits an item that holds several
(`split_by_brackets`, `unit_lines`, `opening_roles`); `document` turns each into a task.
"""

from __future__ import annotations

from dataclasses import dataclass

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
