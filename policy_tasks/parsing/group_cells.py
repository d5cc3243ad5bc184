"""Group cells written before their row's serial in a cell stream whose rows start at their 序号.

A task table that groups its rows under a task (`工作任务 | 具体要求 | 责任科室 | 时限要求`, the
工作任务 cell merged over the group's rows and spanning, in the header, the group cell and the
serial) keeps, flattened a cell at a time, each group's cell before the serial of its first row:
`工作任务 … 时限要求 | 强化…公开 | 1 | 对…清理 | 办公室 | 年底前 | 深化政策解读形式 | 2 | …`. Cut at the
serials, each group cell would close the row before it (and be read as its deadline or note), the
first one the header. A row holds, after its serial, as many cells as the header names columns
after the serial, so what a row holds beyond them is the next row's group cell, put back before
that row's serial; the header, which named the group and the serial in one cell, gets the 序号
column it spanned. A header that opens with its 序号 (or a unit or date column) has no group
column: a cell before a serial there is a heading row one merged cell fills, and stays one.
"""

from __future__ import annotations

import re

from .column_meanings import CO, DUE, LEAD, LEADER, LISTED, NUMBER, meaning
from .outline import line_marker
from .person_names import is_person
from .textutil import normalise
from .unit_names import names_units


def lead_group_cells(rows: list[list[str]]) -> list[list[str]]:
    """`rows` (the header first, each later row starting at its serial) with each group cell moved
    from the end of the row before to the start of its own; unchanged where the header names no
    such cell."""
    if len(rows) < 3:
        return rows
    header = rows[0]
    names = list(header)
    while names and meaning(names[-1]) is None:
        names.pop()
    spill = header[len(names) :]
    kinds = [meaning(n) for n in names]
    if not spill or len(names) < 3 or None in kinds or not all(_group_like(c) for c in spill):
        return rows
    if kinds[0] in (NUMBER, LEAD, LISTED, CO, LEADER, DUE):
        # No group column before the serial: a cell there is a heading row one merged cell fills.
        return rows
    if NUMBER in kinds:
        after, out = len(names) - kinds.index(NUMBER) - 1, [names]
    else:
        # The first name spans the group cell and the serial.
        after, out = len(names) - 1, [[names[0], "序号", *names[1:]]]
    carry = spill
    for row in rows[1:]:
        cells = [*carry, *row]
        cut = len(carry) + 1 + after
        carry = cells[cut:]
        if carry and not all(_group_like(c) for c in carry):
            return rows  # a row's own cells past the header's: not this layout
        out.append(cells[:cut])
    out[-1].extend(carry)
    return out


def _group_like(cell: str) -> bool:
    """A group's name (`加强宣传`, `强化行政规范性文件集中规范公开`): words, not a numbered heading, a
    serial, units, a person or a date, which a row's own cells past its columns would be."""
    norm = normalise(cell).strip()
    return (
        len(norm) >= 2
        and not line_marker(norm)  # `一、…`: a heading row, not a group cell
        and not re.fullmatch(r"[\d.、]+", norm)
        and not names_units(norm)
        and not is_person(norm)
        and not re.match(r"^\d{4}[年.\-/]|^\d{1,2}月|^[上下]半年|^年[底内]", norm)
    )
