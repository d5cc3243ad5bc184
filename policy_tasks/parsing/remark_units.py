"""A progress register flattened a row a line whose departments stand in its 备注 column.

A city's report on the province's 重点民生实事 (round 58) is a web table of indicators whose header
names no unit column: each row writes the department that answers for its indicator in the last
cell, under 备注. The page flattens it a row a line with spaces between cells (an empty cell leaves
two; a justified two-character header cell keeps its space, `单 位`, `备  注`):

    序号 考核指标 单 位 目标任务 已完成数 完成比例 备  注
    1 城镇新增就业 万人 4.5 4.8  106.7% 市人社局
    2 农村公路提质改造 公里  900 950.5  105.6% 市交通局
    农村客运招呼站建设 个  120 130  108.3%
    3 乡村学校少年宫建设 所 10 10  100.0% 市教育局、市文明办

- The 备注 column names the departments where most numbered rows (two in three) end in a word that
  names units; a header with a unit, date or person column of its own is another table's
  (`flat_tables._space_table`, `noted_space_tables`, `progress_space_tables`).
- An item with several indicators writes one line each, the later ones unnumbered (its 序号 cell
  merged down): each line is a task of its own, the item's sub-item (`2(2)`), as a register's
  sub-task rows are (`tables._sub_task`). A line that ends with no department shares the 备注 cell
  merged down from the line above it in the item (the page writes a merged cell on its first row
  only); a numbered line with no department and none above it names no one.
- A row's task is its leading words of text: the indicator, after the project's name where the row
  opens with one (`数字电视户户通工程 60座台站节目数字化覆盖`). The figures after them (measure,
  target, done, share) and a progress note among them are no task's words and date nothing.
"""

from __future__ import annotations

from .column_meanings import CONTENT, DUE, LEADER, LISTED, NUMBER, TITLE, UNIT_KINDS, meaning
from .lazy_patterns import lazy_compile
from .outline import line_marker
from .space_rows import SERIAL_SKIP, SPACED_ROW_RE
from .table_rows import LABEL_FOR, Row
from .textutil import normalise
from .unit_names import names_units

# A figure cell: a count, an amount, a share, or the dash of a cell with nothing to report.
_FIGURE_RE = lazy_compile(r"[-+]?\d[\d.,]*%?|[-—/]+")
# A word of the task's text after its first: a cell of prose (an indicator after the project's
# name), not a measure (`万人`, `元/月/人`) or a target (`不低于60元`).
_TEXT_CHARS = 6
_CJK_RE = lazy_compile(r"[\u4e00-\u9fff]")
# A progress note opening with its month (`9月底已全部开工`): what was done, no indicator's words.
_PROGRESS_RE = lazy_compile(r"\d{1,2}月|\d{4}年|截[至止]|已")
# Of the numbered rows, the share whose last word names units for 备注 to be the unit column.
_UNIT_ROWS = 2 / 3
_MIN_ROWS = 3


def remark_header(line: str) -> list[str] | None:
    """The header's cells where line is such a register's header: 序号 first, an indicator or task
    column next, 备注 last, and no unit, date or person column. A two-character cell the page spaced
    out (`单 位`) is joined where the joined word is a header word."""
    words = normalise(line).split()
    if len(words) < 4 or meaning(words[0]) != NUMBER:
        return None
    cells: list[str] = []
    k = 0
    while k < len(words):
        pair = words[k] + words[k + 1] if k + 1 < len(words) else ""
        if len(words[k]) == 1 and len(pair) == 2 and meaning(pair) is not None:
            cells.append(pair)
            k += 2
        else:
            cells.append(words[k])
            k += 1
    kinds = [meaning(c) for c in cells]
    if len(cells) < 4 or cells[-1] != "备注" or kinds[1] not in (TITLE, CONTENT):
        return None
    if any(k in (*UNIT_KINDS, DUE, LEADER) for k in kinds):
        return None
    return cells


def remark_unit_rows(lines: list[tuple[str, bool]], i: int) -> tuple[int, list[str]] | None:
    """The register whose header is line i as the genre's text, and the line after it; None where
    line i is no such header or its 备注 cells do not name the departments."""
    if remark_header(lines[i][0]) is None:
        return None
    items: list[tuple[str, list[tuple[list[str], str]]]] = []
    j, expected = i + 1, None
    while j < len(lines):
        text = normalise(lines[j][0]).strip()
        if not text:
            j += 1
            continue
        m = SPACED_ROW_RE.fullmatch(text)
        if m is not None and _continues(int(m["n"]), expected, m["rest"].split()):
            items.append((m["n"], [_cells(m["rest"].split())]))
            expected = int(m["n"]) + 1
        elif m is None and items and _indicator_line(text):
            items[-1][1].append(_cells(text.split()))
        else:
            break
        j += 1
    with_unit = sum(1 for _, rows in items if rows[0][1])
    if len(items) < _MIN_ROWS or with_unit < len(items) * _UNIT_ROWS:
        return None
    return j, [line for serial, rows in items for line in _item_lines(serial, rows)]


def _continues(serial: int, expected: int | None, words: list[str]) -> bool:
    """The next serial continues the register; a serial a little past it (a row deleted, its serial
    kept) does where its row ends in a department."""
    if expected is None or serial == expected:
        return True
    return expected < serial < expected + SERIAL_SKIP and names_units(words[-1])


def _indicator_line(text: str) -> bool:
    """An item's further indicator on a line of its own: its text first, then figures (a cell of at
    least one bare figure among three or more). Not a numbered heading or a paragraph of prose."""
    words = text.split()
    if len(words) < 3 or line_marker(text) is not None or not _CJK_RE.search(words[0]):
        return False
    return any(_FIGURE_RE.fullmatch(w) for w in words[1:])


def _cells(words: list[str]) -> tuple[list[str], str]:
    """A row's task words and the department its 备注 cell names ("" where it names none)."""
    unit = words[-1] if len(words) >= 2 and names_units(words[-1]) else ""
    end = len(words) - 1 if unit else len(words)
    task = [words[0]]
    for word in words[1:end]:
        if len(_CJK_RE.findall(word)) < _TEXT_CHARS or _PROGRESS_RE.match(word):
            break
        task.append(word)
    return task, unit


def _item_lines(serial: str, rows: list[tuple[list[str], str]]) -> list[str]:
    """The item's lines: its numbered line's task, then each further indicator as its sub-item,
    each with the department of its own 备注 cell or the one merged down from the line above."""
    out: list[str] = []
    parent: Row | None = None
    unit = ""
    for task, own in rows:
        unit = own or unit
        cells: dict[str, list[str]] = {kind: [] for kind in LABEL_FOR}
        if unit:
            cells[LISTED] = [unit]
        row = Row(serial, 0, task, cells, [])
        if parent is None:
            parent = row
        else:
            parent.subs += 1
            row.parent, row.sub = parent, parent.subs
        out.extend(row.lines())
    return out
