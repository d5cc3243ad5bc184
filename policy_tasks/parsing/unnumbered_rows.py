"""A task table flattened a cell a line whose 序号 column is empty in every row.

Offices often number only the headings of a task table (`一、关于优化经济结构`, `(1)加快发展现代
服务业。`) and leave the 序号 cell of each task row empty; a page that flattens the table a cell a
line drops the empty cells, so no row starts at its number. The header still says what a row holds:
`序号 / 重点工作内容 / 责任单位 / 配合单位`, the task's words and then only unit columns. Then a row
starts at a cell that can only be a task's words (`pipe_tables.task_like`: a sentence, never a
unit's name), the names after it fill its unit columns in order (an empty 配合单位 cell is simply
missing), and a numbered line between rows is a heading: in such a table numbers belong to the
headings alone. The table ends at a line that is neither a task, a unit list nor a heading.
"""

from __future__ import annotations

from .column_meanings import CONTENT, NUMBER, TITLE, UNIT_KINDS, meaning
from .outline import line_marker
from .pipe_tables import task_like
from .sources import Table
from .textutil import normalise
from .unit_names import looks_like_units, names_units


def unnumbered_rows(lines: list[tuple[str, bool]], j: int, header: list[str]) -> tuple[int, Table] | None:
    """The rows from line j under `header` (序号, one task column, then unit columns only), or None
    where the table's rows carry numbers or the header is not of that shape."""
    kinds = [meaning(h) for h in header]
    if len(kinds) < 3 or kinds[0] != NUMBER or kinds[1] not in (TITLE, CONTENT):
        return None
    units = len(kinds) - 2
    if not all(k in UNIT_KINDS for k in kinds[2:]):
        return None
    out: list[tuple[str, ...]] = []
    current: list[str] | None = None
    rows = 0
    # Rows are counted under their heading, as the outline reads a list that starts afresh under a
    # new `(2)`: a count run on over the table would leave `(2)` no items of its own.
    count = 0
    while j < len(lines):
        text = lines[j][0].strip()
        norm = normalise(text)
        if not text:
            j += 1
            continue
        marker = line_marker(norm)
        if marker is not None and marker.style not in ("circled",):
            if current is None and not out and marker.style == "num" and norm.rstrip(".、").isdigit():
                return None  # the first row has its 序号: `_cell_rows` reads it
            if len(norm) > 40 or looks_like_units(norm):
                break
            if current is not None:
                count += 1
                out.append(_row(current, units, count))
                current = None
            count = 0
            out.append(tuple([text] * len(header)))  # a heading: a merged row across the table
        elif task_like(text) and not looks_like_units(norm):
            if current is not None:
                count += 1
                out.append(_row(current, units, count))
                rows += 1
            current = [text]
        elif current is not None and (names_units(norm) or looks_like_units(norm)) and len(current) <= units:
            current.append(text)
        else:
            break
        j += 1
    if current is not None:
        out.append(_row(current, units, count + 1))
        rows += 1
    if rows < 2:
        return None
    return j, Table((tuple(header), *out))


def _row(cells: list[str], units: int, count: int) -> tuple[str, ...]:
    return (str(count), cells[0], *cells[1:], *[""] * (units + 1 - len(cells)))
