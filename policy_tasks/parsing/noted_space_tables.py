"""A table flattened a row a line with single spaces between cells, whose last column is a note.

Round 10 reads a web table a page wrote a row a line with single spaces between cells under a
header written the same way, its unit columns last (`flat_tables._space_table`). A progress
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
fills, as the table readers give such a row.
"""

from __future__ import annotations

from .column_meanings import NOTE, UNIT_KINDS
from .outline import line_marker
from .sources import Table
from .space_rows import SPACED_ROW_RE, short_columns, space_header
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
        if m and int(m["n"]) == expected:
            cells = _row_cells(m["rest"].split(), units)
            if cells is None:
                break
            rows.extend([h] * len(header) for h in headings)
            headings = []
            row = [""] * len(header)
            row[0], row[text_col] = m["n"], cells[0]
            row[len(body) - units : len(body)] = cells[1]
            row[note_col] = cells[2]
            rows.append(row)
            j, end, expected = j + 1, j + 1, expected + 1
            continue
        if _heading(text):
            headings.append(text)
            j += 1
            continue
        if row is None or headings:
            break
        if not row[note_col] and " " not in text and names_units(text):
            # The row's unit cell written a unit a line: its next unit.
            row[len(body) - 1] += "、" + text
        elif not row[note_col]:
            row[note_col] = text
        else:
            break  # past the table: a note is a line of its own at most
        j, end = j + 1, j + 1
    if not rows:
        return None
    return end, Table((tuple(header), *(tuple(r) for r in rows)))


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
