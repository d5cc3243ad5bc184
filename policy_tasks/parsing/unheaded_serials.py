"""A table flattened a cell a line whose rows carry serials its header does not name.

A catalogue of what an office publishes (主动公开基本目录) or a duty list often numbers its rows inside
the columns they fill: the header `类别 | 工作事项 | 公开内容 | 公开时限 | 公开方式 | 责任主体` names no
序号, yet each of 工作事项 and 公开内容 spans a narrow serial cell before its words, and the 类别 cell,
numbered its own way (`1.政务概况`), is merged over the rows it groups. A copy keeps a cell a line:

    类别 / 工作事项 / 公开内容 / 公开时限 / 公开方式 / 责任主体
    1.政务 / 概况 / 1 / 主要职责 / 1 / 国家…主要职责 / 形成或变更之日起20个工作日内 / 局门户网站 / 人事司
    2 / 机构设置 / 2 / …职能简介 / … / 人事司
    2.政策 / 法规 / 3 / …

The rows' serials are the items: a row starts at the next bare number, and the same number again in
the row is its next column's serial (where it stands, that column's words start). A row writing its
number once lost its first numbered cell, merged over from the rows above. A line numbered in the
groups' own run (`2.政策`, when the groups have reached 1) before a row's serial is its group cell, its
lines up to the serial one cell the column wrapped: a heading of the rows after it, no item. The
columns after the task columns (its time, its manner, its 责任主体) close each row, one cell each, so
a row's cells are read from its end; what comes before them is the row's task. Each row must close
with a unit cell and at least two rows must be read so, or the table is left to the other readers.
"""

from __future__ import annotations

from .column_meanings import AREA, CONTENT, NUMBER, TITLE, UNIT_KINDS, meaning
from .deadlines import is_time_part
from .outline import Marker, line_marker
from .page_marks import is_page_line
from .sources import Table
from .textutil import normalise
from .unit_names import names_units

_MAX_HEADER_CELL = 8


def unheaded_serial_table(lines: list[tuple[str, bool]], i: int) -> tuple[int, Table] | None:
    """The table whose header starts at line i and whose rows start at bare serials, and where it ends."""
    found = _header(lines, i)
    if found is None:
        return None
    j, header = found
    kinds = [meaning(h) for h in header]
    tasks = [n for n, k in enumerate(kinds) if k in (TITLE, CONTENT)]
    grouped = kinds[0] == AREA
    if not tasks or tasks[0] != int(grouped) or tasks != list(range(tasks[0], tasks[-1] + 1)):
        return None
    closing = len(header) - tasks[-1] - 1  # the cells that close each row
    if closing < 1 or not any(k in UNIT_KINDS for k in kinds[tasks[-1] + 1 :]):
        return None
    read = _rows(lines, j, grouped)
    if read is None:
        return None
    end, rows = read
    twice = any(at is not None for _, _, _, at in rows)
    body: list[tuple[str, ...]] = []
    for group, serial, cells, at in rows:
        if len(cells) < closing or not _closes(cells[-closing:], kinds[tasks[-1] + 1 :]):
            return None
        words = cells[:-closing]
        texts = _task_cells(words, at, len(tasks), twice)
        body.append(((group,) if grouped else ()) + (str(serial), *texts, *cells[-closing:]))
    out_header = (*header[: tasks[0]], "序号", *header[tasks[0] :])
    return end, Table((out_header, *body))


def _header(lines: list[tuple[str, bool]], i: int) -> tuple[int, list[str]] | None:
    """One-word cells a line (blank lines between), up to the first line that opens with a figure:
    at least four, all but one of known meaning, a unit column among them and no 序号."""
    header: list[str] = []
    j = i
    while j < len(lines):
        text = normalise(lines[j][0]).strip()
        if not text:
            j += 1
            continue
        if len(text) > _MAX_HEADER_CELL or not all("\u4e00" <= ch <= "\u9fff" for ch in text):
            break
        if not header and meaning(text) is None:
            return None
        header.append(text)
        j += 1
    kinds = [meaning(h) for h in header]
    if len(header) < 4 or NUMBER in kinds or sum(k is None for k in kinds) > 1:
        return None
    if not any(k in UNIT_KINDS for k in kinds):
        return None
    first = next((normalise(t).strip() for t, _ in lines[j:] if t.strip()), "")
    return (j, header) if first[:1].isdigit() else None


Row = tuple[str, int, list[str], "int | None"]


def _rows(lines: list[tuple[str, bool]], j: int, grouped: bool) -> tuple[int, list[Row]] | None:
    """The rows from line j: (group, serial, cells, where the serial was written again or None)."""
    rows: list[Row] = []
    group, next_group, opening, group_at = "", 1, False, j
    group_of = ""  # the group of the open row
    serial, again = 0, None
    cells: list[str] = []
    cell_lines: list[int] = []
    while j < len(lines):
        text = lines[j][0].strip()
        norm = normalise(text).strip()
        if not norm or is_page_line(text):
            j += 1
            continue
        marker = line_marker(norm)
        if norm.isdigit() and int(norm) == serial + 1:
            if serial and not opening:
                rows.append((group_of, serial, cells, again))
            group_of = group
            serial, cells, again, cell_lines, opening = serial + 1, [], None, [], False
        elif serial and norm.isdigit() and int(norm) == serial and again is None and cells:
            again = len(cells)  # the next numbered column's serial
        elif grouped and marker is not None and _opens_group(norm, marker, next_group):
            if serial and not opening:
                rows.append((group_of, serial, cells, again))
            group, next_group, opening, group_at = norm[marker.end :].strip(), next_group + 1, True, j
            cells, cell_lines = [], []
        elif opening:
            group += norm  # the group cell wrapped in its column
        elif serial and len(norm) <= 80 and "。" not in norm.rstrip("。") and (marker is None or marker.style == "num"):
            cells.append(text)
            cell_lines.append(j)
        else:
            break
        j += 1
    if opening:
        j = group_at  # a group cell with no row under it: the table ended before it
    elif serial:
        # The last row holds no more cells than the longest before it: the lines after those are
        # the text's again (a closing paragraph's short lines).
        most = max((len(r[2]) for r in rows), default=len(cells))
        if len(cells) > most:
            j, cells = cell_lines[most], cells[:most]
        rows.append((group_of, serial, cells, again))
    return (j, rows) if len(rows) >= 2 else None


def _opens_group(norm: str, marker: Marker, next_group: int) -> bool:
    """`2.政策` when the groups have reached 1: the next group's cell, numbered in a run of its own."""
    return marker.style == "num" and marker.value == next_group and not norm.isdigit() and len(norm) <= 30


def _closes(cells: list[str], kinds: list[str | None]) -> bool:
    """The cells that close a row: units under each unit column, no time."""
    return all(
        names_units(cell) and not is_time_part(normalise(cell))
        for cell, kind in zip(cells, kinds, strict=True)
        if kind in UNIT_KINDS
    )


def _task_cells(words: list[str], again: int | None, columns: int, twice: bool) -> list[str]:
    """A row's task words under its task columns: split where its serial was written again; a row
    of a table that writes it twice, written once, lost its first column's cell (merged above)."""
    if columns == 1:
        return ["".join(words)]
    if again is not None:
        parts = [words[:again], words[again:]]
    elif twice:
        parts = [[], words]
    else:
        parts = [[w] for w in words[: columns - 1]] + [words[columns - 1 :]]
    texts = ["".join(p) for p in parts][:columns]
    return texts + [""] * (columns - len(texts))
