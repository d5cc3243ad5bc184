"""An item of the document's outline: its number as written, its own lines, its place in the tree.

`outline` reads the numbers and `outline_lines` builds the tree of these nodes; the clauses, their
labels and the readers that look at an item's headings take them from here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(eq=False)
class Node:
    style: str
    value: int
    written: str
    line: int
    parent: Node | None = None
    pieces: list[tuple[int, str]] = field(default_factory=list)  # own text: (line, text)
    children: list[Node] = field(default_factory=list)
    raw_first: str = ""  # the first line with its number, as written
    # Which part of the file the item is in: the covering notice is 0, and each `附件` or plan after
    # the notice's 落款 starts the next (`outline_lines`).
    part: int = 0

    @property
    def depth(self) -> int:
        depth, node = 0, self.parent
        while node is not None and node.style != "root":
            depth, node = depth + 1, node.parent
        return depth

    @property
    def own_text(self) -> str:
        return "\n".join(text for _, text in self.pieces)

    def walk(self) -> Iterator[Node]:
        for child in self.children:
            yield child
            yield from child.walk()

    def ancestors(self) -> list[Node]:
        found, node = [], self.parent
        while node is not None and node.style != "root":
            found.append(node)
            node = node.parent
        return found[::-1]
