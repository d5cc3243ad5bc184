"""Rows of a web table flattened a cell a line with no 序号 column: each row starts at its task's number.

A task list (工作任务清单) often numbers its tasks inside the task cell (`1.制定…`, `2.制定…`), straight
through or afresh under each heading, and has no 序号 column; its section headings (`一、…`, `(一)…`) are
rows of one merged cell. Stored a cell a line behind ` |` markers, with its empty cells dropped, no bare
number tells where a row starts (`pipe_tables._by_numbers`); the task's own number does:

    主要任务 | 重点工作和要求 | 责任单位 | 完成时限 | 完成进展 |      (a cell a line)
    一、加强安排部署 |
    (一)制定工作任务清单。 |
    1.制定2021年全市工作任务清单。 |
    市安委办 |
    1月20日前 |
    2.制定行业领域工作任务清单。 |
    …

The header is the cells before the first numbered one; a heading cell (`一、`, `(一)`, `第一部分`) is a row of
its own; a cell opening with the next task number (`N.` / `N、`, or `1.` again after a heading) starts a row,
the cells after it (its units, its deadline) are that row's. At least two tasks must be numbered so; a
number that does not go on (`5.` after `1.`) is the cell's own text.

A page cut after its first row (a 提示单 of one task, a stored page stopping inside row 2) leaves one numbered
task; it starts a row only where nothing else can be meant (round 121): every cell before it is a column's
name (`工作任务 | 具 体 要 求 | 责任单位 | 完成情况 | 备注`) or a heading, and the cells from it on fit one row
(no more than the header's columns, something besides the task). A `1.` further into a row (a 具体要求 cell's own
`1.…2.…3.` points after an unnumbered task) leaves a cell before it that names no column, and is read as before.
"""

from __future__ import annotations

from .column_meanings import meaning
from .outline import line_marker
from .textutil import normalise

_HEADING_STYLES = ("chapter", "cn", "pcn", "roman")
_TASK_STYLES = ("num",)


def heading_cell(cell: str) -> bool:
    """A cell opening with a section heading's number (`一、`, `(二)`, `第一部分`): a merged row of its own."""
    marker = line_marker(normalise(cell).strip())
    return marker is not None and marker.style in _HEADING_STYLES


def rows_by_task_numbers(cells: list[str]) -> list[list[str]] | None:
    """The rows (the header first) of a cell stream whose rows start at numbered task cells; None when
    fewer than two tasks are numbered in order."""
    rows: list[list[str]] = [[]]
    expected: int | None = None
    tasks = 0
    for cell in cells:
        marker = line_marker(normalise(cell).strip())
        style = marker.style if marker is not None else None
        if heading_cell(cell):
            rows.append([cell])
            rows.append([])
            if expected is not None:
                expected = -expected  # the numbers may go on or start afresh after a heading
            continue
        if marker is not None and style in _TASK_STYLES and _goes_on(marker.value, expected):
            rows.append([cell])
            expected = marker.value + 1
            tasks += 1
            continue
        rows[-1].append(cell)
    rows = [r for r in rows if r]
    if tasks < 1 or not rows or line_marker(normalise(rows[0][0]).strip()) is not None:
        return None
    if tasks == 1 and not _lone_row(rows):
        return None
    return rows


def _lone_row(rows: list[list[str]]) -> bool:
    """A single numbered task that is a row for sure: the header names columns only, the headings are rows
    of one cell, and the task's row is no wider than the header and holds more than the task."""
    header, *body = rows
    if len(header) < 3 or any(meaning(cell) is None for cell in header):
        return False
    tasks = [r for r in body if not (len(r) == 1 and heading_cell(r[0]))]
    return len(tasks) == 1 and tasks[0] is body[-1] and 2 <= len(tasks[0]) <= len(header)


def _goes_on(value: int, expected: int | None) -> bool:
    if expected is None:
        return value == 1
    if expected < 0:  # after a heading: the next number, or 1 again
        return value in (1, -expected)
    return value == expected
