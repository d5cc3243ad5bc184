"""Web tables stored as a stream of `|`-separated cells over many lines.

A page saved from an HTML table often keeps one marker a cell and breaks the cells' text over
lines: either each cell begins with `| ` and a bare `|` line ends a row (a merged cell simply
missing from the rows it spans, a cell's text broken a few characters a line), or each cell ends
with ` |` and only the 序号 cells tell where a row starts. Both are read back into rows here.

Because merged and empty cells are dropped, a row can have fewer cells than the header has
columns; each cell is then put under the next column, in order, that can hold what it is: a
number under 序号, a list of units under a unit column, a person under a leader column, text under
a text column. A row that names no unit goes on under the units of the row above (the merged cell
it lost).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .bare_markers import cells_between_markers, only_bare_markers
from .deadlines import is_time_cell
from .lazy_patterns import lazy_compile
from .numbered_cell_rows import heading_cell, rows_by_task_numbers
from .person_names import is_person
from .task_cells import task_read_as_units
from .textutil import normalise
from .unit_names import looks_like_units, names_units
from .units import roles_in_words
from .width_rows import rows_by_width

_NUMBER_RE = re.compile(r"^\d{1,3}$")
# A row's 序号 may run into the thousands where it keeps a larger list's serial (`serial_in_reach`).
_SERIAL_NUMBER_RE = re.compile(r"^\d{1,4}$")


def is_pipe_line(text: str) -> bool:
    """A line of such a stream: its cell marker at the start or the end, not in the middle."""
    t = text.strip()
    return t.startswith("|") or t.endswith("|")


def stream_end(lines: list[tuple[str, bool]], i: int) -> int:
    """The index after the stream's last `|` line from line i; the stream goes on over up to 8
    lines with no marker between two that have one."""
    end, gap = i, 0
    for k in range(i, len(lines)):
        if is_pipe_line(lines[k][0]):
            end, gap = k + 1, 0
        else:
            gap += 1
            if gap > 8:
                break
    return end


def pipe_rows(lines: list[str]) -> list[list[str]]:
    """The stream's rows, the header first; empty cells dropped."""
    if only_bare_markers(lines):
        return _by_numbers([_unspaced(c) for c in cells_between_markers(lines)])
    starts = sum(1 for line in lines if line.strip().startswith("|"))
    ends = sum(1 for line in lines if line.strip().endswith("|"))
    if starts >= ends:
        return _leading(lines)
    cells = _trailing(lines)
    rows = _by_numbers(cells)
    if len(rows) == 1:  # no 序号: the rows start at their tasks' own numbers (`numbered_cell_rows`)
        return rows_by_task_numbers(cells) or rows_by_width(cells) or rows  # or each as wide as the header
    return rows


def _leading(lines: list[str]) -> list[list[str]]:
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []

    def flush() -> None:
        text = "".join(cell).strip()
        if text:
            row.append(text)
        cell.clear()

    for line in lines:
        t = line.strip()
        if not t:
            continue
        if t == "|":
            flush()
            if row:
                rows.append(list(row))
            row.clear()
        elif t.startswith("|"):
            flush()
            cell.append(t[1:].strip())
        else:
            cell.append(t)
    flush()
    if row:
        rows.append(row)
    return [[_unspaced(c) for c in r] for r in rows]


def _trailing(lines: list[str]) -> list[str]:
    cells: list[str] = []
    cell: list[str] = []
    for line in lines:
        parts = line.strip().split("|")
        for part in parts[:-1]:
            cell.append(part.strip())
            cells.append("".join(cell).strip())
            cell = []
        if parts[-1].strip():
            cell.append(parts[-1].strip())
    if cell:
        cells.append("".join(cell).strip())
    return [_unspaced(c) for c in cells if c]


def _by_numbers(cells: list[str]) -> list[list[str]]:
    """Rows of a stream whose rows start with their 序号: the header runs to the first number.

    A number cell starts a row when it is the next serial. A report on the rows of a larger list
    keeps their numbers in that list (145, then 249), so a number that skips ahead starts a row
    too, where it is greater than the last serial and stands where a 序号 does: the row before is
    full (as many cells as the header and as any row before it), or, its empty cells dropped, it
    holds more than its serial and the cell after the number reads as a task (`task_like`), as
    the cell after a 序号 does. A count in a row's cells (`数量` under its own column) is followed
    by what its row goes on with (a unit, a date), and a number within a cell's text is no bare
    number.
    """
    rows: list[list[str]] = [[]]
    expected: int | None = None
    width = 0
    for i, cell in enumerate(cells):
        norm = normalise(cell)
        number = int(norm) if _SERIAL_NUMBER_RE.match(norm) else None
        number = number if number is not None and serial_in_reach(number, expected) else None
        full = len(rows) > 1 and len(rows[-1]) >= max(width, len(rows[0]))
        ahead = len(rows) > 1 and len(rows[-1]) > 1 and i + 1 < len(cells) and task_like(cells[i + 1])
        if number is not None and (expected is None or number == expected or ((full or ahead) and number > expected)):
            if len(rows) == 1:
                # `… | 完成时限 | 二、主要任务 | 1 |`: a section heading before the first serial is the first
                # heading row (its words may name a column), no column of the header (round 115).
                cut = next((n for n, c in enumerate(rows[0]) if n and heading_cell(c)), len(rows[0]))
                rows += [[c] for c in rows[0][cut:]]
                del rows[0][cut:]
            width = max(width, len(rows[-1]) if len(rows) > 1 else 0)
            rows.append([cell])
            expected = number + 1
        else:
            rows[-1].append(cell)
    return [r for r in rows if r]


def serial_in_reach(number: int, expected: int | None) -> bool:
    """A serial in the thousands continues only a list already in its hundreds (962, 1026, 1092: a larger list's
    rows): under row 2 a cell of 1000 is an amount (`总投资` in 万元), no row's serial (round 115)."""
    return number < 1000 or (expected is not None and expected >= 100)


def task_like(cell: str) -> bool:
    """A cell that can only be a task's words: text, not a number, units, a person or a date."""
    norm = normalise(cell).strip()
    if len(norm) >= 6 and norm.endswith("。"):
        return True  # a sentence: a unit's name never closes with a full stop (`…科创中心。`)
    return (
        len(norm) >= 6
        and not _NUMBER_RE.match(norm)
        and not names_units(norm)
        and not is_person(norm)
        and not re.match(r"^\d{4}[年.\-/]|^\d{1,2}月|^[上下]半年|^年[底内]", norm)
    )


def _unspaced(text: str) -> str:
    # `目 标 任 务`: a header spaced out to fill its cell; `市安委办 (工作专班办公室)`, `各县区(开发区) 安委会`: a
    # short cell's line break, kept as a space beside its bracket, is no word boundary either.
    return re.sub(r"(?<=[\u4e00-\u9fff)])\s+(?=[\u4e00-\u9fff(])", "", text) if len(text) <= 16 else text


def cell_kind(cell: str) -> str:
    norm = normalise(cell).strip()
    if _NUMBER_RE.match(norm):
        return "number"
    if is_time_cell(norm):
        return "text"  # a time cell (`年底前`, three characters as a name has), never a person
    names = [n for n in re.split(r"[、,;和及]", norm) if n.strip()]
    if names and all(is_person(n) for n in names):
        return "person"
    if norm.endswith("。"):
        return "text"  # a finished sentence (`筹建黄石(上海)离岸科创中心。`), whatever it ends like
    if looks_like_units(norm) or looks_like_units(re.sub(r"[和及]", "、", norm)) or names_units(norm):
        return "units"
    if len(norm) <= 120 and roles_in_words(norm) is not None:
        return "units"  # `A牵头,B配合`, `A负责`: the units with their roles in words
    return "text"


# A cell written only to say it is empty (`/`, `—`, `无`).
_EMPTY_CELL = lazy_compile(r"[/／\-—–无]*")


def _in_column_order(
    typed: list[tuple[str, str]], kinds: list[str | None], accepts: dict[str, Callable[[str | None], bool]]
) -> list[tuple[str, str]]:
    """A row's cells as the columns can take them in order. Cells are flattened in column order,
    so a cell that reads like a unit (`新(改)建村卫生室`, an item named for a place) but has a text
    cell after it which no column past the unit columns could hold is the row's text (its 事项名称),
    not its lead unit."""
    out = list(typed)
    # `区投资促进中心。`: a helpers' cell closed by a full stop, as a sentence is, is the row's last
    # cell after its lead unit's, where a task never stands (where the header puts the units first,
    # the task does: `建设文化馆。`).
    last = out[-1][0].strip() if out else ""
    text_column = next((n for n, k in enumerate(kinds) if k is not None and accepts["text"](k)), len(kinds))
    unit_column = next((n for n, k in enumerate(kinds) if accepts["units"](k)), -1)
    if (
        text_column < unit_column
        and len(out) >= 2
        and out[-1][1] == "text"
        and last.endswith("。")
        and any(k == "units" for _, k in out[:-1])
    ):
        if cell_kind(last.rstrip("。")) == "units":
            out[-1] = (out[-1][0], "units")
    j = 0
    for n, (cell, kind) in enumerate(out):
        if kind == "units":
            first_unit = next((k for k in range(j, len(kinds)) if accepts["units"](kinds[k])), None)
            later_text = any(k == "text" and not _EMPTY_CELL.fullmatch(c.strip()) for c, k in out[n + 1 :])
            if first_unit is not None and later_text and not any(accepts["text"](k) for k in kinds[first_unit:]):
                kind = "text"
                out[n] = (cell, kind)
        elif kind == "person" and _no_person_before(out[n + 1 :], kinds[j:], accepts):
            kind = "text"
            out[n] = (cell, kind)
        k = j
        while k < len(kinds) and not accepts[kind](kinds[k]):
            k += 1
        if k < len(kinds):
            j = k + 1
    return out


def _no_person_before(
    rest: list[tuple[str, str]], kinds: list[str | None], accepts: dict[str, Callable[[str | None], bool]]
) -> bool:
    """A short cell that reads as a name (`水利`, a 指标 cell) followed by the row's task and then its
    units: the header's columns after its person column hold no text before a unit column, so the
    cell is a text cell written before the task."""
    text_at = next((n for n, (c, k) in enumerate(rest) if k == "text" and not _EMPTY_CELL.fullmatch(c.strip())), None)
    if text_at is None or not any(k == "units" for _, k in rest[text_at + 1 :]):
        return False
    person = next((n for n, k in enumerate(kinds) if accepts["person"](k)), None)
    if person is None:
        return False
    after = kinds[person + 1 :]
    text_column = next((n for n, k in enumerate(after) if accepts["text"](k)), None)
    return text_column is None or not any(accepts["units"](k) for k in after[text_column + 1 :])


def _merged_columns(
    typed: list[tuple[str, str]],
    kinds: list[str | None],
    accepts: dict[str, Callable[[str | None], bool]],
    merged: tuple[str, ...],
) -> set[int]:
    """The leading merged-kind columns a row has no text cell for."""
    first_unit = next((i for i, k in enumerate(kinds) if accepts["units"](k)), len(kinds))
    columns = [i for i in range(first_unit) if accepts["text"](kinds[i])]
    before = next((n for n, (_, kind) in enumerate(typed) if kind == "units"), len(typed))
    missing = len(columns) - sum(1 for _, kind in typed[:before] if kind == "text")
    skip: set[int] = set()
    for i in columns:
        if missing <= 0 or kinds[i] not in merged:
            break
        skip.add(i)
        missing -= 1
    return skip


def align(
    rows: list[list[str]],
    kinds: list[str | None],
    unit_kinds: tuple[str, ...],
    text_kinds: tuple[str, ...],
    leader: str,
    number: str,
    others: tuple[str, ...] = (),
    merged: tuple[str, ...] = (),
    task: tuple[str, ...] = (),
    helping: tuple[str, ...] = (),
    timed: tuple[str, ...] = (),
) -> list[list[str]]:
    """Each row's cells under the columns that can hold them, in order; lost unit cells restored.

    Units beyond the responsible columns go to the columns of units that only score or supervise
    (评分部门), counted from the row's end; any left over join the last responsible column, one
    unit a line being how a cell listing several was flattened. A row with fewer text cells than
    text columns lost the cells merged over its group (`merged` kinds, such as 事项分类, written
    on the group's first row only): its text fills the columns after them. A row's first cell
    that reads as units but stands where its task (`task` kinds) does is its task (`task_cells`).
    A row with fewer unit cells than unit columns lost its empty helping ones (`helping` kinds, such
    as 配合单位), never its lead: its units skip the helping columns a header puts before the lead.
    A sentence naming no time skips a `timed` column (计划完成时间) merged over the rows below the first: in a
    progress register it is the row's 进展 cell, under the text column after it.
    """
    accepts: dict[str, Callable[[str | None], bool]] = {
        "number": lambda k: k == number,
        "units": lambda k: k in unit_kinds,
        "person": lambda k: k == leader,
        "text": lambda k: k in text_kinds or k is None,
    }
    scoring = [i for i, k in enumerate(kinds) if k in others]
    out: list[list[str]] = []
    previous: list[str] | None = None
    for cells in rows:
        row = [""] * len(kinds)
        typed = [(cell, cell_kind(cell)) for cell in cells]
        if typed and _SERIAL_NUMBER_RE.match(normalise(cells[0]).strip()):
            typed[0] = (cells[0], "number")  # the row's 序号 in the thousands (`serial_in_reach`): its serial
        first = task_read_as_units(typed, kinds, task, unit_kinds)
        if first is not None:
            typed[first] = (typed[first][0], "text")
        typed = _in_column_order(typed, kinds, accepts)
        unit_at = [n for n, (_, kind) in enumerate(typed) if kind == "units"]
        # The row's last unit cells go to the scoring columns (never its first: that one answers).
        reserved = dict(zip(reversed(unit_at[1:]), reversed(scoring), strict=False))
        unit_cells = sum(1 for n in unit_at if n not in reserved)
        skip = {
            "text": _merged_columns(typed, kinds, accepts, merged),
            "units": empty_helping_columns(unit_cells, kinds, unit_kinds, helping),
        }
        j, last_unit = 0, None
        for n, (cell, kind) in enumerate(typed):
            if n in reserved:
                row[reserved[n]] = cell
                continue
            k = j
            while k < len(kinds) and (
                not accepts[kind](kinds[k])
                or k in skip.get(kind, ())
                or (kinds[k] in timed and _untimed(cell) and any(accepts["text"](c) for c in kinds[k + 1 :]))
            ):
                k += 1
            if k == len(kinds):
                if kind == "units" and last_unit is not None:
                    row[last_unit] += "、" + cell
                continue
            row[k] = cell
            j = k + 1
            if kind == "units":
                last_unit = k
        units = [i for i, k in enumerate(kinds) if k in unit_kinds]
        # The lead's column: a row without it lost a lead cell merged over the rows it shares.
        lead = next((i for i in units if kinds[i] not in helping), units[0] if units else None)
        if len(cells) == 1 and heading_cell(cells[0]):
            out.append(row)  # a section heading's merged row (`(二)…`): no units of the row above
            continue
        if previous is not None and not any(row[i] for i in units):
            for i in units:
                row[i] = previous[i]
        elif previous is not None and lead is not None and not row[lead]:
            row[lead] = previous[lead]
        out.append(row)
        previous = row
    return out


# `目前正在进行主体建筑装修阶段。`: a report of the work, no time it is due by (`10月底前`, `长期坚持`, `2024年`).
_TIME_WORD_RE = lazy_compile(
    r"\d{1,2}月|\d{4}|[年季]度|年[底内末]|[上下]半年|长期|持续|常态|每[年季月周日]|[一二三四]季"
)


def _untimed(cell: str) -> bool:
    norm = normalise(cell).strip()
    return norm.endswith("。") and not _TIME_WORD_RE.search(norm)


def empty_helping_columns(
    unit_cells: int, kinds: list[str | None], unit_kinds: tuple[str, ...], helping: tuple[str, ...]
) -> set[int]:
    """The helping unit columns before the lead's that a row with `unit_cells` unit cells left empty.

    Every task has a lead; its helpers may be none. A row flattened with its empty cells dropped
    and fewer unit cells than the header has unit columns lost helping cells, so where the header
    puts 配合单位 before 牵头单位, a lone unit cell is the lead, as it is where 牵头单位 comes first.
    """
    units = [i for i, k in enumerate(kinds) if k in unit_kinds]
    lead = next((i for i in units if kinds[i] not in helping), None)
    if lead is None or unit_cells == 0:
        return set()
    before = [i for i in units if i < lead]
    return set(before[: max(0, len(units) - unit_cells)])
