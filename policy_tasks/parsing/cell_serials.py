"""Where a row of a table flattened a cell a line starts (`flat_tables._cell_rows`).

A row starts at its 序号 cell (`3`, `3.`, `三`, `(三)`), the next number. A bare number past the
next may still start one: a larger list's rows keep their numbers (12, 26, 42), and a row deleted
from the table leaves its serial out (1, 2, 4), as in a table a row a line (`space_rows.skipped_to`).
A sentence under a heading row before its group's first 序号 is the group's note, no row's cell.
"""

from __future__ import annotations

from .deadlines import is_time_part
from .lazy_patterns import lazy_compile
from .pipe_tables import serial_in_reach, task_like
from .space_rows import skipped_to
from .textutil import cn_to_int, normalise
from .unit_names import names_units


def heading_note(text: str, lines: list[tuple[str, bool]], j: int) -> bool:
    """A sentence right under a heading row, before its group's first 序号 (`一、经济发展` /
    `本部分任务纳入年度考核。` / `1`): a note on the group, written across the table as its heading is,
    so no cell of a row; it is read with its heading, and the group's rows still number from 1."""
    return normalise(text).rstrip().endswith(("。", ";", "；")) and row_next(lines, j)


def row_next(lines: list[tuple[str, bool]], j: int) -> bool:
    """The next line after line j that holds anything is a 序号 cell."""
    after = next((text for text, _ in lines[j + 1 :] if text.strip()), "")
    return serial_of(after) is not None


def skips_to(serial: int, expected: int, current: list[str], lines: list[tuple[str, bool]], j: int) -> bool:
    """A bare number past the next serial that still starts a row: the rows of a larger list keep
    their numbers in it (12, 26, 42). It does where a 序号 stands: greater than the last serial,
    written in figures, after a row that holds more than its serial (or before the first row), and
    followed by a cell that reads as a task, as a 序号 is (pipe_tables.task_like); a count under its
    own column is followed by what its row goes on with (a unit, a date). In the table's middle a
    serial one or two past the next starts a row without such a cell too, where both rows are well
    formed (`_skips_a_deleted_row`)."""
    if serial < expected or not serial_in_reach(serial, expected) or not normalise(lines[j][0]).strip().isdigit():
        return False
    if expected > 1 and len(current) < 2:
        return False
    after = next((text.strip() for text, _ in lines[j + 1 :] if text.strip()), "")
    return task_like(after) or (expected > 1 and _skips_a_deleted_row(serial, expected, current, lines, j))


# How many cells a row a cell a line may hold before the next bare number, looked ahead for a
# skipped serial's row.
_SKIP_LOOKAHEAD = 12


def _skips_a_deleted_row(serial: int, expected: int, current: list[str], lines: list[tuple[str, bool]], j: int) -> bool:
    """A serial one or two past the next in the table's middle where a row was deleted (1, 2, 4),
    its first cell no task's sentence (a 类别 cell, a short task): it starts a row where both rows
    are well formed, as in a table a row a line (`space_rows.skipped_to`). The row before has
    reached its unit cells (a count under its own column comes before them or is the row's own),
    and the cells up to the next bare number hold the row's text, then its units."""
    if not any(names_units(c) for c in current[1:]):
        return False
    cells: list[str] = []
    for text, _ in lines[j + 1 :]:
        norm = normalise(text).strip()
        if not norm:
            continue
        if serial_of(norm) is not None or len(cells) == _SKIP_LOOKAHEAD:
            break
        cells.append(norm)
    first = next((n for n, c in enumerate(cells) if names_units(c)), None)
    if not first:  # none, or the number is followed by units at once (a count before its row's units)
        return False
    worded = any(not is_time_part(c) and not c.isdigit() for c in cells[:first])
    return worded and skipped_to(cells[first], serial, expected)


_SERIAL_RE = lazy_compile(r"\(?(?P<n>\d{1,4}|[一二三四五六七八九十]{1,3})\)?[.、]?")


def serial_of(text: str) -> int | None:
    """A 序号 cell's number as offices write it: `3`, `3.`, `三`, `(三)`."""
    m = _SERIAL_RE.fullmatch(normalise(text).strip())
    if m is None:
        return None
    return int(m["n"]) if m["n"].isdigit() else cn_to_int(m["n"])
