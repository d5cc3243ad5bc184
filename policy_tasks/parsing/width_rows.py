"""Rows of a `|` stream with no 序号 column, told apart by the header's width.

A 民生实事 register page for one or two projects writes its table a cell a line behind `|` markers with no 序号
(`项目名称 | 内容 | 牵头单位 | 进展情况(7月) | 进展情况(10月) |`), so no serial starts a row. Its header is the run of
cells that each name a column; every row then holds as many cells as the header, its unit cell under the unit
column naming units. A width that leaves cells over, or puts a header or task cell under the unit column, is no
such table (the stream is read as before).
"""

from __future__ import annotations

from .column_meanings import NUMBER, UNIT_KINDS, meaning
from .unit_names import names_units


def rows_by_width(cells: list[str]) -> list[list[str]] | None:
    """The header and its rows, each as wide as the header; None where no width fits."""
    prefix = 0
    while prefix < len(cells) and meaning(cells[prefix]) is not None:
        prefix += 1
    for width in range(min(prefix, len(cells) // 2), 2, -1):
        kinds = [meaning(c) for c in cells[:width]]
        units = [n for n, k in enumerate(kinds) if k in UNIT_KINDS]
        if NUMBER in kinds or not units or len(cells) % width:
            continue
        rows = [cells[n : n + width] for n in range(0, len(cells), width)]
        if all(names_units(row[n]) for row in rows[1:] for n in units):
            return rows
    return None
