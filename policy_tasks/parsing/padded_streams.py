"""Web tables flattened a cell a line whose page writes every row out to the table's width.

Some pages turn an HTML table into text a cell a line, each cell closed by ` |`, and write every
row with as many cells as the header line has (its names, and the empty cells it made up for a
header cell merged over sub-columns): a row's empty cells, and the cells merged down over it from a
row above (a rowspan: a section's 序号 and 牵头单位, a project's name over its sub-projects), are
bare `|` markers after its last cell (`已完工 |` then `|||||`). Dropping the empty cells
(`pipe_tables`) loses where a row ends; counted, they cut the stream into rows of the header's
width, each with its cells first and its markers after.

A row that lost cells lost its first ones, those merged down over it, and its own are the table's
next columns in order: a short row's cells are placed where they fit the columns best (a serial
under 序号, units under a unit column, words under a text column). A header cell may span two
columns the header names once (`项目名称` over a project and its sub-project), found where the
fullest rows fit best; a name cell spans both (a project with no sub-projects) or is one of them.
Then what the merged cells say is written out as the genre's text form (`tables.table_lines`):
a 序号 merged over its section's rows opens a section headed by it and the section's unit
(`一、区住建局`, a heading that is nothing but a unit's name), and that unit, merged down its unit
column, answers for every row under it; a name cell merged over rows naming their own items
(`(一)…` over `1.…` `2.…`) heads them; each row is its own name, its units and its notes.
"""

from __future__ import annotations

import functools

from .cell_serials import serial_of
from .column_meanings import CONTENT, DUE, LEADER, NUMBER, OTHER, TITLE, UNIT_KINDS, header_row, meaning
from .deadlines import is_time_cell
from .merged_row_cells import name_like, unit_like
from .outline import line_marker
from .pipe_tables import cell_kind
from .sources import Table
from .textutil import normalise
from .unit_names import names_units

_UNITS = (*UNIT_KINDS, OTHER)
_TASK = (TITLE, CONTENT)
# Fewer rows than this are no table worth the reading (a header, a sub-header, two rows).
_MIN_CHUNKS = 4


def padded_stream(lines: list[tuple[str, bool]], i: int) -> tuple[int, Table] | None:
    """The table of such a stream starting at line i, and the line after it; None where the lines
    are no stream of rows padded to one width, or none of its rows lost a merged cell."""
    k = i - 1
    while k >= 0 and not lines[k][0].strip():
        k -= 1
    if not lines[i][0].strip().endswith("|") or (k >= 0 and lines[k][0].strip().endswith("|")):
        return None  # a stream is read from its first line only
    j = i
    while j < len(lines) and lines[j][1] and (not lines[j][0].strip() or lines[j][0].strip().endswith("|")):
        j += 1
    while j > i and not lines[j - 1][0].strip():
        j -= 1
    cells = _cells([text for text, _ in lines[i:j] if text.strip()])
    width = _header_width(cells) if cells else 0
    if width < 4 or len(cells) % width:
        return None
    chunks = [cells[k : k + width] for k in range(0, len(cells), width)]
    if len(chunks) < _MIN_CHUNKS or not all(_packed(chunk) for chunk in chunks):
        return None
    header, *rows = [[c for c in chunk if c] for chunk in chunks]
    kinds = [meaning(h) for h in header]
    if header_row([header]) is None or not any(k in UNIT_KINDS for k in kinds):
        return None
    spanned = 1
    if rows and _names_only(rows[0], header):
        # The sub-columns of the header's last cell (`本月进展情况` over `前期手续 | 在建形象进度`,
        # the line's made-up empty cells after it): their cells are read under that cell.
        spanned, rows = len(rows[0]), rows[1:]
    if len(rows) < 2 or len({len(r) for r in rows}) < 2:
        return None  # no row lost a merged cell: the stream's other readers take it
    columns = _columns(rows, kinds, spanned)
    if columns is None:
        return None
    return j, Table((tuple(header), *_written_out(rows, columns, kinds)))


def _cells(lines: list[str]) -> list[str]:
    """Every cell, the empty ones too (`||` is two); [] where a line has text after its last marker."""
    cells: list[str] = []
    for line in lines:
        parts = line.strip().split("|")
        if parts[-1].strip():
            return []
        cells.extend(p.strip() for p in parts[:-1])
    return cells


def _header_width(cells: list[str]) -> int:
    """The header line's cells: its names, then the empty cells it made up."""
    n = 0
    while n < len(cells) and cells[n]:
        n += 1
    if n < 3:
        return 0
    while n < len(cells) and not cells[n]:
        n += 1
    return n


def _packed(chunk: list[str]) -> bool:
    """A row's cells first, its markers after: no empty cell before a full one."""
    filled = sum(1 for c in chunk if c)
    return filled > 0 and all(chunk[:filled])


def _names_only(row: list[str], header: list[str]) -> bool:
    """A line naming the sub-columns of a header cell (`前期手续 | 在建形象进度`): short names, no
    serial, number, unit or date a row would hold."""
    return len(row) < len(header) and all(
        len(norm := "".join(normalise(c).split())) <= 8
        and serial_of(norm) is None
        and not line_marker(norm)
        and not names_units(norm)
        and not any(ch.isdigit() for ch in norm)
        and meaning(norm) not in (*_UNITS, NUMBER, LEADER)
        for c in row
    )


def _fit(cell: str, kind: str | None) -> int:
    """How well a cell fits a column of the kind: 2 well, 1 as words may, below 0 badly."""
    norm = normalise(cell).strip()
    # An item's own number (`1.市政公用城学校`, `3.…配套幼儿园`) makes it a name, however it ends.
    units = unit_like(norm) and line_marker(norm) is None
    time, serial = is_time_cell(norm, slack=1), serial_of(norm) is not None
    if kind == NUMBER:
        return 2 if serial else -2
    if kind in _UNITS:
        return 2 if units else (1 if name_like(norm) and not time and not serial else -2)
    if kind == LEADER:
        return 2 if cell_kind(norm) == "person" else -1
    if kind == DUE:
        return 2 if time else (-2 if units else 0)
    return -2 if units else (-1 if time or serial else 1)


# A placement: the score, and each cell's column (an index into the columns) with the number of
# columns it spans.
_Placed = tuple[int, tuple[tuple[int, int], ...]]


def _place(row: tuple[str, ...], columns: tuple[int, ...], kinds: tuple[str | None, ...]) -> _Placed:
    """The row's best placement: its cells in order from some column on, a cell spanning two
    columns of one header cell where it fills both."""

    @functools.cache
    def best(n: int, at: int) -> _Placed:
        if n == len(row):
            return 0, ()
        if at >= len(columns):
            return -100, ()
        options: list[_Placed] = []
        fit = _fit(row[n], kinds[columns[at]])
        score, rest = best(n + 1, at + 1)
        options.append((fit + score, ((at, 1), *rest)))
        if at + 1 < len(columns) and columns[at + 1] == columns[at]:
            score, rest = best(n + 1, at + 2)
            options.append((fit + score, ((at, 2), *rest)))
        return max(options, key=lambda o: o[0])

    # Of placements that fit alike, the one spanning fewest columns (a span is the exception), then
    # the earliest start (a row keeps the cells it has rather than losing more).
    placements = [best(0, start) for start in range(len(columns))]
    return max(placements, key=lambda o: (o[0], -sum(span for _, span in o[1])))


def _columns(rows: list[list[str]], kinds: list[str | None], spanned: int) -> tuple[int, ...] | None:
    """The table's columns as header indices: the header's own (its last cell over `spanned`
    sub-columns), or one task column twice where the rows fit best so (a name cell over a project
    and its sub-project); None where a row fits badly."""
    own = (*range(len(kinds) - 1), *[len(kinds) - 1] * spanned)
    candidates = [own, *(tuple(sorted([*own, h])) for h, k in enumerate(kinds) if k in _TASK)]
    frozen = tuple(kinds)
    scored = [(sum(_place(tuple(r), c, frozen)[0] for r in rows), c) for c in candidates]
    total, columns = max(scored, key=lambda s: s[0])
    if any(_place(tuple(r), columns, frozen)[0] < len(r) for r in rows):
        return None  # some row's cells do not fit the columns as words would
    return columns if total > 0 else None


def _written_out(rows: list[list[str]], columns: tuple[int, ...], kinds: list[str | None]) -> list[tuple[str, ...]]:
    """The rows under the header's columns, with the heading rows their merged cells make."""
    width, frozen = len(kinds), tuple(kinds)
    placed = [_cells_by_column(row, _place(tuple(row), columns, frozen)[1], columns) for row in rows]
    starts = [min(p) if p else len(kinds) for p in placed]
    out: list[tuple[str, ...]] = []
    carried: dict[int, str] = {}
    for n, cells in enumerate(placed):
        after = starts[n + 1] if n + 1 < len(placed) else 0
        row = [""] * width
        for h in range(width):
            if h in cells:
                row[h] = cells[h][-1] if kinds[h] in _TASK else " ".join(cells[h])
            elif h < starts[n] and kinds[h] in _UNITS:
                row[h] = carried.get(h, "")  # merged down from the row above
        number = next((h for h, k in enumerate(kinds) if k == NUMBER), None)
        named = [v for h, values in cells.items() if kinds[h] in _TASK for v in values]
        if number is not None and number in cells and (after > number or any(line_marker(v) for v in named)):
            # The 序号 merged over the rows below, or beside a name that numbers itself (`二 | … | (一)…`):
            # a section, headed by its serial and its unit.
            serial = cells[number][0]
            task = min((h for h in cells if kinds[h] in _TASK), default=width)
            merged = [
                row[h] for h in range(number + 1, after if after > number else task) if kinds[h] in _UNITS and row[h]
            ]
            joiner = "" if serial.endswith((")", "）", "、", ".")) else "、"
            out.append((f"{serial}{joiner}{merged[0]}" if merged else serial,) * width)
            row[number] = ""
        for h, values in cells.items():
            if kinds[h] in _TASK:
                out.extend((v,) * width for v in values[:-1])  # a name merged over rows of their own
        carried.update({h: row[h] for h in range(width) if kinds[h] in _UNITS and row[h]})
        out.append(tuple(row))
    return out


def _cells_by_column(
    row: list[str], placement: tuple[tuple[int, int], ...], columns: tuple[int, ...]
) -> dict[int, list[str]]:
    """Header index → the row's cells under it, in order."""
    out: dict[int, list[str]] = {}
    for cell, (at, _) in zip(row, placement, strict=False):
        out.setdefault(columns[at], []).append(cell)
    return out
