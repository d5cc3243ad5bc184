"""Rows of a web table flattened a row a line (` | ` between cells) that lost the cells merged
over them.

A page turns an HTML table into text a `<tr>` a line, so a cell merged down several rows (a
rowspan) is written on its group's first row only: the later rows have fewer cells, and read in
order their cells stand under the wrong columns (the row's task under 建设任务, its units under
任务清单). Some pages keep the lost cell's place as an empty cell at the end of the line instead
(`3.及时反馈… | 各科室 | |`), which moves nothing back. What was lost is at the row's start (the
group cells: 建设任务, 工作事项, 工作任务) or at its end (a 时限 cell merged over a row's sub-rows);
the row's own cells are contiguous. So a short row is put where its cells best fit the columns'
kinds (units under the unit column, a date under the time column, text under the text columns),
and only where that fit is better than reading it in order.

A leading text column that such a row lost is a group column: its cell names the rows under it.
Each of its cells becomes a heading row (the cell across the table, as a merged heading row
reads), so the group is a heading and the rows under it are the clauses. A time cell lost at the
row's end (the line does not reach it) is the merged deadline of the row above, which the row
shares (`(4)`'s second sub-row, its own task and units, due with `(4)`).
"""

from __future__ import annotations

import re

from .column_meanings import DUE, LEADER, NUMBER, OTHER, UNIT_KINDS, header_row
from .deadlines import is_time_cell
from .pipe_tables import cell_kind
from .textutil import normalise

_RESPONSIBLE = (*UNIT_KINDS, OTHER)
_NOT_TEXT = (*_RESPONSIBLE, NUMBER, LEADER, DUE)


def line_cells(text: str, sep: str) -> list[str]:
    """A line's cells; the `|` after a row's last cell closes it and opens no empty cell."""
    cells = [c.strip() for c in text.split(sep)]
    if sep == "|" and cells and not cells[-1]:
        cells = cells[:-1]
    return cells


def place_lost_cells(rows: list[list[str]], sep: str = "|") -> list[list[str]]:
    """`rows` (cells as written, empty ones kept) with each short row's cells under the columns
    that fit them, group cells made heading rows and a lost merged deadline shared; unchanged
    where no row needs moving, and for tab-separated rows (a sheet keeps its empty cells)."""
    found = header_row(rows) if sep == "|" else None
    if found is None:
        return rows
    start, kinds = found
    width = len(kinds)
    if not any(k in _RESPONSIBLE for k in kinds):
        return rows
    placed: list[list[str]] = []
    groups: set[int] = set()
    moved = False
    for raw in rows[start + 1 :]:
        cells = list(raw)
        while cells and not cells[-1].strip():
            cells.pop()
        at = _best_start(cells, kinds) if 2 <= len(cells) < width else 0
        if not at or (len(raw) - len(cells) > 1 and len(raw) - len(cells) != at):
            # An empty cell at the line's end is the row's own or stands for a lost one; more are
            # the lost ones only if as many, else a line written out in full (a sub-header under
            # a merged header cell, a total row).
            placed.append(list(raw))
            continue
        moved = True
        row = [""] * at + cells + [""] * (width - at - len(cells))
        if all(k not in _NOT_TEXT for k in kinds[:at]):
            groups.update(range(at))
        previous = placed[-1] if placed else []
        for i in range(at + len(raw), min(width, len(previous))):
            # The line stops before this time column: the cell is merged from the row above.
            if kinds[i] == DUE:
                row[i] = previous[i]
        placed.append(row)
    if not moved:
        return rows
    out = [list(r) for r in rows[: start + 1]]
    for row in placed:
        if len(row) > 1:  # a one-cell row is a heading already
            for i in sorted(groups):
                if i < len(row) and row[i].strip():
                    out.append([row[i]] * width)
                    row = [*row[:i], "", *row[i + 1 :]]
        out.append(row)
    return out


def _best_start(cells: list[str], kinds: list[str | None]) -> int:
    """The column a short row's cells start at: where they fit the columns best, if that is
    better than in order (0) and no other place fits as well. A row that opens with its 序号 under a
    header whose first column is the 序号 lost nothing at its start: its serial is never a task's or a
    unit's cell, however its task reads (`2 | 切实抓好粮食主产县、旱作高产县 | 省农业厅 |  | `)."""
    if kinds and kinds[0] == NUMBER and cells and cell_kind(normalise(cells[0]).strip()) == "number":
        return 0
    scores = [sum(_fit(c, kinds[at + n]) for n, c in enumerate(cells)) for at in range(len(kinds) - len(cells) + 1)]
    best = max(scores)
    if scores[0] == best or scores.count(best) > 1:
        return 0
    return scores.index(best)


def _fit(cell: str, kind: str | None) -> int:
    norm = normalise(cell).strip()
    if not norm:
        return 0
    units, time = unit_like(norm), is_time_cell(norm, slack=1)
    if kind == NUMBER:
        return 2 if cell_kind(norm) == "number" else -2
    if kind in _RESPONSIBLE:
        return 2 if units else (1 if name_like(norm) and not time else -2)
    if kind == LEADER:
        return 2 if cell_kind(norm) == "person" else -1
    if kind == DUE:
        return 2 if time else (-2 if units else 0)
    return -2 if units else (-1 if time or cell_kind(norm) == "number" else 1)


def unit_like(norm: str) -> bool:
    """Units, or units a line (`农村办 规划建设办 国土所 村(社区)`: the cell's lines as spaces),
    of which a short name with no unit ending (`村(社区)`) may be one."""
    if cell_kind(norm) == "units":
        return True
    parts = norm.split()
    return (
        len(parts) >= 2
        and any(cell_kind(p) == "units" for p in parts)
        and all(cell_kind(p) == "units" or name_like(p) for p in parts)
    )


def name_like(norm: str) -> bool:
    """Short words with no sentence in them: a name (`村(社区)`), never a task."""
    return len(norm) <= 10 and not re.search(r"[。;；,，:：]", norm) and not re.match(r"^[\d(（]", norm)
