"""Rows of cells, from any format, into blocks: one-line cells, no empty rows, title rows as paragraphs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .base import Table

_SPACE_RE = re.compile(r"\s+")


def one_line(text: str) -> str:
    """A cell's paragraphs or line breaks as one line: the parser reads a table row as one line."""
    return _SPACE_RE.sub(" ", text).strip()


def table_blocks(rows: Iterable[Sequence[str]]) -> list[str | Table]:
    """A grid as blocks in order: the title rows above a table (one text across the whole row,
    e.g. a sheet's merged title `XX区2023年重点任务分解表`) become paragraphs, the rest one Table."""
    grid = [[one_line(cell or "") for cell in row] for row in rows]
    grid = [row for row in grid if any(row)]
    if not grid:
        return []
    width = max(max((i + 1 for i, cell in enumerate(row) if cell), default=0) for row in grid)
    grid = [(row + [""] * width)[:width] for row in grid]
    blocks: list[str | Table] = []
    while grid and len({cell for cell in grid[0] if cell}) <= 1:
        blocks.append(next(cell for cell in grid.pop(0) if cell))
    if grid:
        blocks.append(Table(tuple(tuple(row) for row in grid)))
    return blocks
