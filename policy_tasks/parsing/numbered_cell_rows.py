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
"""

from __future__ import annotations

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
    if tasks < 2 or not rows or line_marker(normalise(rows[0][0]).strip()) is not None:
        return None
    return rows


def _goes_on(value: int, expected: int | None) -> bool:
    if expected is None:
        return value == 1
    if expected < 0:  # after a heading: the next number, or 1 again
        return value in (1, -expected)
    return value == expected
