"""Deadline and leader cells merged down a table that a page flattened a cell a line.

A target table gives one 完成时限 and one 责任领导 to a block of rows by merging the cell down over
them; flattened a cell a line, the merged cell is written only on the block's first row, and the
rows below hold their serial and task (and their own units) alone. As a merged unit cell does
(`pipe_tables.align`), the cell written last above in that column governs each later row that
lacks it. A heading row spans the table, so no merged cell runs past one: a block ends there.
"""

from __future__ import annotations

from .column_meanings import DUE, LEADER


def carry_merged_cells(body: list[list[str]], kinds: list[str | None], starts: set[int]) -> list[list[str]]:
    """`body` with each empty deadline or leader cell given the cell above it; `starts`: the rows
    a heading row comes right before, where no cell is carried into."""
    columns = [i for i, kind in enumerate(kinds) if kind in (DUE, LEADER)]
    out: list[list[str]] = []
    for n, row in enumerate(body):
        row = list(row)
        if out and n not in starts:
            for i in columns:
                if i < len(row) and not row[i].strip():
                    row[i] = out[-1][i]
        out.append(row)
    return out
