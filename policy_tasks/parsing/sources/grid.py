"""Rows of cells, from any format, into blocks: one-line cells, no empty rows, title rows as paragraphs."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence

from .base import MAX_GRID_CELLS, TOO_LARGE, SourceError, Table

_SPACE_RE = re.compile(r"\s+")
# A cell spans at most this many rows or columns; a file that says more is damaged or hostile.
MAX_SPAN = 100


def bounded_count(value: str | None, cap: int, low: int = 1) -> int:
    """A span, repeat or index a file writes as text, kept between `low` and `cap`; `low` when it
    is missing or no number."""
    try:
        return max(low, min(int(value or low), cap))
    except ValueError:
        return low


def _ideograph_table() -> dict[int, str | None]:
    """Kangxi radicals (⼀ U+2F00) and compatibility ideographs that many PDF producers map their
    glyphs to, each to the ordinary character people typed (一): `⼀、` must read as `一、`. Text
    copied from a web page may carry invisible characters inside words (a zero-width space or
    joiner, a word joiner, a soft hyphen, a stray byte-order mark): `县\u200b交通局` is `县交通局`."""
    table: dict[int, str | None] = dict.fromkeys((0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD))
    ranges = [(0x2F00, 0x2FDF), (0x2E80, 0x2EFF), (0xF900, 0xFAFF), (0x2F800, 0x2FA1F)]
    for low, high in ranges:
        for code in range(low, high + 1):
            unified = unicodedata.normalize("NFKC", chr(code))
            if len(unified) == 1 and unified != chr(code) and unicodedata.name(unified, "").startswith("CJK"):
                table[code] = unified
    return table


_IDEOGRAPHS = _ideograph_table()


def unify_ideographs(blocks: list[str | Table]) -> list[str | Table]:
    out: list[str | Table] = []
    for block in blocks:
        if isinstance(block, Table):
            out.append(Table(tuple(tuple(cell.translate(_IDEOGRAPHS) for cell in row) for row in block.rows)))
        else:
            out.append(block.translate(_IDEOGRAPHS))
    return out


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


class SpanGrid:
    """Cells placed by position, a span's text repeated into every position it covers (the first
    text placed keeps a position), for the formats that write only the cells that start a span
    (OpenDocument, SpreadsheetML). Bounded: more than MAX_GRID_CELLS positions, placed or laid
    out, is refused as too large rather than built."""

    def __init__(self) -> None:
        self._cells: dict[tuple[int, int], str] = {}

    def place(self, row: int, col: int, text: str, *, down: int = 1, across: int = 1) -> None:
        for dr in range(down):
            for dc in range(across):
                self._cells.setdefault((row + dr, col + dc), text)
        if len(self._cells) > MAX_GRID_CELLS:
            raise SourceError(TOO_LARGE)

    def rows(self) -> list[list[str]]:
        if not self._cells:
            return []
        height = max(row for row, _ in self._cells) + 1
        width = max(col for _, col in self._cells) + 1
        if height * width > MAX_GRID_CELLS:
            raise SourceError(TOO_LARGE)
        return [[self._cells.get((row, col), "") for col in range(width)] for row in range(height)]
