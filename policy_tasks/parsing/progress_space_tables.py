"""A progress report's table flattened a row a line, its short columns in the table's middle.

A quarterly progress report on a 责任清单 keeps the list's own columns (序号, the task, its 牵头领导
and unit columns) and adds long-text columns after them: how the work is judged (工作评价), what
was done (`10-12月份进展情况`, 完成情况), what comes next (`1-3月份进度安排`) and 备注:

    序号 2023年重点工作任务 牵头领导 牵头责任单位 主体责任单位 配合责任单位 工作评价 2023年10-12月份进展情况 2024年1-3月份进度安排 备注
    81 科学精准落实疫情防控优化措施,…。 汪  峰   吴蓓蓓 县卫健委 各乡镇
    县开发区
    县直有关单位 达到时序进度 加强基层医疗卫生机构…培训 加强重点场所重点人群防治,…
    85 新增托育机构2所以上。 吴蓓蓓 县卫健委 有关乡镇 县直有关单位 已完成 完成…备案工作 按省、市工作要求,…

The row-a-line readers (`space_tables.space_table`, `noted_space_tables`) find the short cells
(units, persons, dates) in the header's last columns; here they stand between the task and the
long cells. A row is read by kind: the task's words, then the run of short cells (a person cell,
cells that name units, a date where the header has a date column among them), then the long
cells in order; a trailing 备注 may be empty. A unit cell written a unit a line puts its next units
on lines of their own below the row's line: short cells beyond the header's count that follow a
line break join the cell above them. A leader cell of padded two-character names (`汪  峰   吴蓓蓓`)
is its persons (`person_cells`). A schedule column naming a period dates its cells to that
period's end (`period_cells`). An extract of a county's list keeps the list's serials for the
rows it publishes (81, 85): after a first row past 1, a later serial may skip many rows, where its
row fills its short columns by kind.
"""

from __future__ import annotations

from .broken_header_cells import single_spaced_cells
from .column_meanings import DUE, LEADER, NOTE, UNIT_KINDS
from .deadlines import is_time_part
from .period_columns import period_cells
from .person_cells import person_cell
from .sources import Table
from .space_rows import SERIAL_SKIP, SPACED_ROW_RE, mid_row_header
from .textutil import normalise
from .unit_names import names_units

# After the short columns: what was done, judged or planned, and notes.
_LONG_KINDS = (NOTE, DUE)
# How far an extract's serial may run past the next one: the rows between are other offices'.
EXTRACT_SKIP = 30
# Lines a row may run over below its line (a unit a line, a long cell's breaks).
_ROW_LINES = 6


def progress_space_table(lines: list[tuple[str, bool]], i: int) -> tuple[int, Table] | None:
    """The table whose header is line i, and the line after it; None where line i is no such
    header or no row follows."""
    head = mid_row_header(lines[i][0], _shape)
    if head is None:
        return None
    header, kinds, start, end = head
    split_cells = len(header) != len(normalise(lines[i][0]).split())  # the header's cells rejoined
    needed = len(kinds) - 1 - _trailing_notes(kinds)
    rows: list[tuple[str, ...]] = []
    j, after, first, expected = i + 1, i + 1, 0, 0
    while j < len(lines):
        if not lines[j][0].strip():
            j += 1
            continue
        m = SPACED_ROW_RE.fullmatch(normalise(lines[j][0]).strip())
        if m is None or (rows and int(m["n"]) < expected):
            break
        tokens = [(c, False) for c in _cells(m["rest"], split_cells)]
        k = j + 1
        while k < len(lines) and k - j <= _ROW_LINES:
            text = normalise(lines[k][0]).strip()
            if not text or SPACED_ROW_RE.fullmatch(text):
                break
            if len(tokens) >= needed and not _row_follows(lines, k):
                break  # the text after the table: the row has its cells
            tokens += [(c, n == 0) for n, c in enumerate(_cells(text, split_cells))]
            k += 1
        cells = _row_cells(tokens, kinds, start, end)
        serial = int(m["n"])
        if cells is None or (rows and serial != expected and not _skips_to(cells, kinds, serial, expected, first)):
            break
        first = first or serial
        cells[end - 1 :] = period_cells(cells[end - 1 :], header[end:])
        rows.append((m["n"], *cells))
        j, after, expected = k, k, serial + 1
    if not rows:
        return None
    return after, Table((tuple(header), *rows))


def _shape(kinds: list[str | None]) -> tuple[int, int] | None:
    """Where the short columns start and end: right after the 序号 and the task's column, before
    long columns only, at least one a note; None where the header has no such shape. The header
    opens with the 序号 and the task (`mid_row_header` saw to it)."""
    end = 2
    while end < len(kinds) and kinds[end] in (*UNIT_KINDS, LEADER, DUE):
        end += 1
    short, long = kinds[2:end], kinds[end:]
    if not any(k in UNIT_KINDS for k in short) or not long or NOTE not in long:
        return None
    return (2, end) if all(k in _LONG_KINDS for k in long) else None


def _trailing_notes(kinds: list[str | None]) -> int:
    n = 0
    while kinds[len(kinds) - 1 - n] == NOTE:
        n += 1
    return n


def _cells(text: str, split_cells: bool) -> list[str]:
    return single_spaced_cells(text) if split_cells else text.split()


def _row_follows(lines: list[tuple[str, bool]], k: int) -> bool:
    """Whether a row's line comes within a few lines after line k (the lines between are a row's)."""
    for text, _ in lines[k + 1 : k + 1 + _ROW_LINES]:
        if SPACED_ROW_RE.fullmatch(normalise(text).strip()):
            return True
    return False


def _fits(cell: str, kind: str | None) -> bool:
    if kind in UNIT_KINDS:
        return names_units(cell)
    if kind == LEADER:
        return person_cell(cell) is not None
    return kind == DUE and is_time_part(cell)


def _row_cells(tokens: list[tuple[str, bool]], kinds: list[str | None], start: int, end: int) -> list[str] | None:
    """The row's cells after its serial, one per column, from its cells in order (each with
    whether a line break comes before it); None where no run of short cells follows the task."""
    short_kinds = kinds[start:end]
    for p in range(1, len(tokens)):
        q = p
        # As many short cells as columns; more only below a line break (a unit a line).
        while (
            q < len(tokens)
            and (q - p < len(short_kinds) or tokens[q][1])
            and any(_fits(tokens[q][0], k) for k in short_kinds)
        ):
            q += 1
        short = _placed(tokens[p:q], short_kinds)
        if short is None:
            continue
        long_cells = [c for c, _ in tokens[q:]]
        width = len(kinds) - end
        if len(long_cells) > width:  # a long cell's words broken over lines: its own rest
            long_cells = [*long_cells[: width - 1], "".join(long_cells[width - 1 :])]
        long_cells += [""] * (width - len(long_cells))
        text = " ".join(c for c, _ in tokens[:p])
        short = [person_cell(c) or c if k == LEADER else c for c, k in zip(short, short_kinds, strict=True)]
        return [text, *short, *long_cells]
    return None


def _placed(run: list[tuple[str, bool]], kinds: list[str | None]) -> list[str] | None:
    """One cell per short column. Cells beyond the columns' count that follow a line break are a
    unit cell's next units written a unit a line: each joins the cell above it, the first such
    first. Fewer cells go each to the next column it fits; None where a cell fits none left or no
    unit column is filled."""
    cells = [cell for cell, _ in run]
    broken = [after_break for _, after_break in run]
    extra = len(cells) - len(kinds)
    n = 1
    while extra > 0 and n < len(cells):
        if broken[n] and names_units(cells[n]) and names_units(cells[n - 1]):
            cells[n - 1] += "、" + cells.pop(n)
            broken.pop(n)
            extra -= 1
        else:
            n += 1
    if extra > 0:
        return None
    out, c = [""] * len(kinds), 0
    for cell in cells:
        while c < len(kinds) and not _fits(cell, kinds[c]):
            c += 1
        if c == len(kinds):
            return None
        out[c], c = cell, c + 1
    return out if any(out[x] for x, k in enumerate(kinds) if k in UNIT_KINDS) else None


def _skips_to(cells: list[str], kinds: list[str | None], serial: int, expected: int, first: int) -> bool:
    """A later serial past the next continues the table where its row fills every short column:
    a few rows past in a whole list (`space_rows.SERIAL_SKIP`), more in an extract whose first
    serial was past 1 (the rows between belong to other offices)."""
    skip = EXTRACT_SKIP if first > 1 else SERIAL_SKIP
    short = [c for c, k in zip(cells[1:], kinds[2:], strict=False) if k in (*UNIT_KINDS, LEADER)]
    return serial < expected + skip and all(short)
