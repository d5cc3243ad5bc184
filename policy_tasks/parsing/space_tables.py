"""Tables a web page flattened a row a line with single spaces between cells (round 10), under a
header written the same way; found by `flat_tables.text_tables` (with a column of notes last:
`noted_space_tables`; with long columns after the short ones: `progress_space_tables`). How a
row's line is read: `space_rows` (the header's shape, units a line, cells a break carried below),
`spaced_row_cells` (a row's words in the columns by kind, empty cells dropped or kept) and
`spaced_front_cells` (the first words, where the header puts units before the task).
"""

from __future__ import annotations

from .column_meanings import UNIT_KINDS
from .sources import Table
from .space_rows import (
    heading_row,
    row_words,
    short_columns,
    skipped_to,
    space_header,
    with_wrapped,
    wrapped_lines,
)
from .spaced_front_cells import front_cells, front_columns
from .spaced_row_cells import fits, holds_units, kept_tokens, larger_list_row, row_cells, spaced_row


def space_table(lines: list[tuple[str, bool]], i: int) -> tuple[int, Table] | None:
    """A table a web page flattened a row a line with single spaces between cells, under a header
    written the same way (`序号 类别 主要任务 细化措施 牵头单位 参与单位 责任单位`). A text cell may hold
    spaces of its own, a unit or date cell rarely does: the row's last words fill the header's
    trailing unit, date and person columns, one to one or else by kind, an empty cell dropped or
    kept as a second space (`spaced_row_cells.row_cells`), and the words before them are the
    task's text. A row that cannot fill them keeps the cells it has (the first one where it names
    a unit); a serial may skip a deleted row or
    two before a well-formed row. Lines between a row and the next serial's row (or a heading row
    over a row) are the row's cells a break carried below its line (`wrapped_lines`,
    `with_wrapped`); a serial going back, or a line that is no row with no such row after it, ends
    the table."""
    header = space_header(lines[i][0])
    shape = short_columns(header[1]) if header else None
    if header is None or shape is None:
        return None
    words, (trailing, text_col) = header[0], shape
    leading = front_columns(header[1], text_col)  # short columns a header puts before the task
    front_kinds = header[1][1 : 1 + leading]
    rows: list[tuple[str, ...]] = []
    j, expected = i + 1, None
    headings: list[tuple[int, str]] = []  # heading rows not yet followed by a row of their own
    while j < len(lines):
        text = lines[j][0]
        m = spaced_row(text)
        if not text.strip():
            j += 1
            continue
        if m is None and (heading := heading_row(text)) is not None:
            # A merged row across the table (`一、经济发展`): the rows under it count again.
            headings.append((j, heading))
            j, expected = j + 1, None
            continue
        # The first row may keep a larger list's serial (33); the rest follow on from it.
        if not m or (expected is not None and m.n < expected):
            break
        cells, after = row_words(lines, j, m.rest.split(), trailing)
        own_line = after == j + 1
        wrapped, after = wrapped_lines(lines, after, m.n + 1)
        # Two spaces between a row's words keep an empty cell where the header's are single.
        tokens = kept_tokens(m.rest, lines[i][0]) if own_line and not wrapped else cells
        # The cells a header puts before the task come first on the row's line.
        front, used = front_cells(tokens, front_kinds, header[1][len(words) - trailing :], fits)
        tokens, cells = tokens[used:], cells[sum(1 for t in tokens[:used] if t) :]
        if wrapped:  # a break in a cell carried its rest below the row's line
            cells = tokens = with_wrapped(cells, wrapped, trailing, header[1])
        # Units before the task make the row one, whatever its trailing cells hold.
        led = holds_units(front, front_kinds)
        n, follows = m.n, expected is None or m.n == expected
        placed = row_cells(
            tokens,
            cells,
            trailing,
            header[1],
            first=not (rows and follows) and not led,
            short_ok=(bool(rows) and follows) or led,
            fill=not led,
        )
        units = [c for c, kind in zip(front, front_kinds, strict=True) if c and kind in UNIT_KINDS]
        first_unit = units[0] if led else placed[-trailing] if placed else ""
        if placed is None or not (
            follows or skipped_to(first_unit, n, expected or n) or larger_list_row(placed, trailing, header[1], led=led)
        ):
            break
        cells = placed
        rows.extend(tuple([h] * len(words)) for _, h in headings)
        headings = []
        row = [m.written, *front, *[""] * (len(words) - 1 - leading - trailing), *cells[-trailing:]]
        row[text_col] = " ".join(cells[:-trailing])
        rows.append(tuple(row))
        j, expected = after, n + 1
    if headings:  # headings after the last row are the text's again
        j = headings[0][0]
    if not any(r[0] != r[-1] for r in rows):
        return None
    return j, Table((tuple(words), *rows))
