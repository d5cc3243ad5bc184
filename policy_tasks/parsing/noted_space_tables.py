"""A table flattened a row a line with single spaces between cells, whose last column is a note.

Round 10 reads a web table a page wrote a row a line with single spaces between cells under a
header written the same way, its unit columns last (`space_tables.space_table`). A progress
report on a 政府工作报告's targets puts a column of notes after them (`序号 目标任务 责任单位
上半年推进情况`; also 落实情况, 完成情况, 备注): what was done, not who does it. Its rows keep
the same shape with the note written last:

    1 地区生产总值增长6%以上。 区发展改革委 地区生产总值同比增长2.9%。
    2 第一产业增加值增长5%。 区农业农村委
    区林业局
    区供销联社
    第一产业增加值同比增长3.4%。

The unit cells are the last words that name units (a text or note cell holds spaces of its own
at times, a unit cell rarely does); the words after them are the note. A unit cell of several
units may be written a unit a line, the note then following on a line of its own. A numbered
heading between rows (`二、重点工作`, `(一)以创建国家高新区为抓手,…`) is a row one merged cell
fills, as the table readers give such a row. As in `space_tables.space_table`, a row after the first whose
unit cells cannot be found is kept with the cells it has, and a serial may skip a deleted row.
"""

from __future__ import annotations

import re

from .column_meanings import NOTE, UNIT_KINDS
from .outline import line_marker
from .sources import Table
from .space_rows import SPACED_ROW_RE, short_columns, short_row_cells, skipped_to, space_header
from .textutil import normalise
from .unit_names import names_units


def noted_space_table(lines: list[tuple[str, bool]], i: int) -> tuple[int, Table] | None:
    """The table whose header is line i, and the line after it; None where line i is no such
    header or no row follows."""
    head = space_header(lines[i][0])
    if head is None:
        return None
    header, kinds = head
    notes = 0
    while notes < len(kinds) - 2 and kinds[len(kinds) - 1 - notes] == NOTE:
        notes += 1
    body = kinds[: len(kinds) - notes]
    shape = short_columns(body)
    if notes == 0 or shape is None:
        return None
    units, text_col = shape
    if not all(k in UNIT_KINDS for k in body[len(body) - units :]):
        return None
    note_col = len(body)
    rows: list[list[str]] = []
    headings: list[str] = []  # headings read since the last row, kept only if a row follows
    row: list[str] | None = None
    j, end, expected = i + 1, i + 1, 1
    while j < len(lines):
        text = normalise(lines[j][0]).strip()
        if not text:
            j += 1
            continue
        m = SPACED_ROW_RE.fullmatch(text)
        cells = _next_row(m, expected, row is not None, units, body) if m else None
        if m and int(m["n"]) == expected and cells is None:
            break
        if m and cells is not None:
            rows.extend([h] * len(header) for h in headings)
            headings = []
            row = [""] * len(header)
            row[0], row[text_col] = m["n"], cells[0]
            row[len(body) - units : len(body)] = cells[1]
            row[note_col] = cells[2]
            rows.append(row)
            j, end, expected = j + 1, j + 1, int(m["n"]) + 1
            continue
        if _heading(text):
            headings.append(text)
            j += 1
            continue
        if row is None or headings:
            break
        if not row[note_col] and " " not in text and names_units(text):
            # The row's unit cell written a unit a line: its next unit.
            row[len(body) - 1] = "、".join(c for c in (row[len(body) - 1], text) if c)
        elif not row[note_col]:
            row[note_col] = text
        else:
            break  # past the table: a note is a line of its own at most
        j, end = j + 1, j + 1
    if not rows:
        return None
    return end, Table((tuple(header), *(tuple(r) for r in rows)))


def _next_row(
    m: re.Match[str], expected: int, after_first: bool, units: int, kinds: list[str | None]
) -> tuple[str, list[str], str] | None:
    """The cells of the row line `m` where it continues the table, else None. The next serial
    continues it; after the first row, a row whose unit cells cannot be found (a unit cell left
    empty) still does, with the cells it has (`_short_cells`). A serial running one or two past the
    next (a row deleted, its serials kept) continues it where its row is well formed
    (`space_rows.skipped_to`, as in `space_tables.space_table`)."""
    words, serial = m["rest"].split(), int(m["n"])
    cells = _row_cells(words, units)
    if serial == expected:
        return cells if cells is not None or not after_first else _short_cells(words, units, kinds)
    if serial > expected and cells is not None and skipped_to(cells[1][0], serial, expected):
        return cells
    return None


def _short_cells(words: list[str], units: int, kinds: list[str | None]) -> tuple[str, list[str], str]:
    """(text, unit cells, note) of a row whose words hold no run of `units` unit names: the words
    after the last that names units are the note, those up to it the task's and the unit cells, as
    `space_rows.short_row_cells` places them (the task keeps its first word). With no unit named,
    the task's text ends at its first sentence's `。` and the words after it are the note (a
    progress figure is no target of the task's); with none before the last word, every word is
    the task's."""
    last = next((k for k in range(len(words) - 1, 0, -1) if names_units(words[k])), None)
    if last is None:
        end = next((k + 1 for k in range(len(words) - 1) if words[k].endswith("。")), len(words))
        return " ".join(words[:end]), [""] * units, " ".join(words[end:])
    head = short_row_cells(words[: last + 1], units, kinds)
    return " ".join(head[:-units]), head[-units:], " ".join(words[last + 1 :])


def _row_cells(words: list[str], units: int) -> tuple[str, list[str], str] | None:
    """(text, unit cells, note) of a row's words: the unit cells are the last run of `units`
    words that name units, with at least a word of text before them."""
    for last in range(len(words) - 1, units - 1, -1):
        cells = words[last - units + 1 : last + 1]
        if all(names_units(c) for c in cells):
            return " ".join(words[: last - units + 1]), cells, " ".join(words[last + 1 :])
    return None


def _heading(text: str) -> bool:
    """`二、重点工作`, `(一)以创建国家高新区为抓手,更大力度推动科技创新`: a numbered heading, no
    sentence."""
    marker = line_marker(text)
    return (
        marker is not None
        and marker.style in ("chapter", "cn", "pcn")
        and len(text) <= 40
        and "。" not in text.rstrip("。")
    )
