"""A target table flattened a cell a line whose columns hold each place's figure.

A city's 目标任务 framework for its counties (`目标类别 / 考核项目及内容 / 全市 / 甲区 / 乙县 / 丙县 / 经开区 / 分值 /
考核实施单位`) gives each place a column of its own, holding that place's figure for the indicator, and names the
units that answer for the indicator in one unit column; it numbers none of its rows. A web page storing it a cell a
line drops the empty cells and writes a cell merged down its rows once, on the first of them: the group of rows
(`主要经济指标`), the score (`15`) and the unit cell over two indicators. So the rows are told apart by their figures:
an indicator is the line that figures follow; the first line after its figures that names units is its unit cell
(a line going on with `及` / `和` / `、` is part of it); a row that writes no unit cell of its own lies under the
cell of the row above, merged down; any other line before the next indicator is a group cell over the rows after
it, the nearest one their group. A line that is a sentence, a numbered heading or long text ends the table.
"""

from __future__ import annotations

import itertools
import re

from .column_meanings import AREA, CONTENT, NUMBER, TITLE, UNIT_KINDS, meaning
from .lazy_patterns import lazy_compile
from .outline import line_marker
from .sources import Table
from .spread_cells import unspread
from .textutil import normalise
from .unit_names import names_units

# `全市`, `巴州区`, `南江县`, `经开区`: a column of one place's figures.
_PLACE_RE = lazy_compile(
    r"^(?:全(?:省|市|县|区|州|盟|旗)|[\u4e00-\u9fff]{1,6}(?:省|市|县|区|州|旗|盟|镇|乡|街道))$",
    needs="省|市|县|区|州|旗|盟|镇|乡|街道",
)
# `分值`, `权重`: the indicator's score in the assessment, a figure too.
_SCORE_RE = lazy_compile(r"^(?:分值|分数|权重|标准分|基础分)$")
# A cell holding a figure (`466`, `32.55`, `8%`, `-2`), or an empty cell's dash.
_FIGURE_RE = lazy_compile(r"^(?:[-+]?\d+(?:\.\d+)?\s*%?|[-—/]{1,2})$")
_SENTENCE_RE = lazy_compile(r"[。;;!?,,:]")
_GROUP_MAX = 12  # a group cell names a field in a few words


def place_figure_table(lines: list[tuple[str, bool]], i: int) -> tuple[int, Table] | None:
    """The table whose header starts at line i, rebuilt (see the module), and where it ends; or None."""
    if meaning(lines[i][0].strip()) not in (AREA, TITLE, CONTENT):
        return None
    found = _header(lines, i)
    if found is None:
        return None
    j, header = found
    rows = _rows(lines, j)
    if rows is None or len(rows[1]) < 2:
        return None
    end, body = rows
    return end, Table((tuple(header), *(_cells(header, row) for row in body)))


def _header(lines: list[tuple[str, bool]], i: int) -> tuple[int, list[str]] | None:
    """Column names a line each, ending at the last unit column: a task column, three or more place
    columns in a row, a unit column, no 序号 (a numbered table is read by its numbers)."""
    cells: list[tuple[int, str]] = []
    for j in range(i, len(lines)):
        text = unspread(lines[j][0])
        if not text:
            continue
        if len(text) > 10 or re.search(r"\d", text) or not (_column(text) or _PLACE_RE.match(text)):
            break
        cells.append((j, text))
    kinds = [meaning(text) for _, text in cells]
    units = [k for k, (_, text) in enumerate(cells) if _unit_column(text)]
    if not units or NUMBER in kinds:
        return None
    cells = cells[: units[-1] + 1]
    names = [text for _, text in cells]
    places = _longest_place_run(names)
    if places < 3 or not any(k in (TITLE, CONTENT) for k in kinds[: units[-1]]):
        return None
    return cells[-1][0] + 1, names


def _unit_column(text: str) -> bool:
    """`考核实施单位`, `责任单位`, a target table's `监考单位` (`main_unit_column`): a column of units."""
    return meaning(text) in UNIT_KINDS


def _column(text: str) -> bool:
    return meaning(text) is not None or bool(_SCORE_RE.match(text))


def _longest_place_run(names: list[str]) -> int:
    best = run = 0
    for name in names:
        run = run + 1 if _PLACE_RE.match(name) and meaning(name) is None else 0
        best = max(best, run)
    return best


class _Row:
    def __init__(self, group: str, title: str) -> None:
        self.group, self.title = group, title
        self.figures: list[str] = []
        self.unit: str | None = None


def _rows(lines: list[tuple[str, bool]], j: int) -> tuple[int, list[_Row]] | None:
    rows: list[_Row] = []
    groups: list[str] = []  # the group cells read since the last row
    end = j
    while j < len(lines):
        text = lines[j][0].strip()
        if not text:
            j += 1
            continue
        row = rows[-1] if rows else None
        if _FIGURE_RE.match(text):
            if row is None or groups:
                break  # a figure under no indicator: not this table's
            row.figures.append(text)
        elif _starts_row(text, lines, j):
            rows.append(_Row(groups[-1] if groups else (row.group if row else ""), text))
            groups = []
        elif row is not None and row.figures and row.unit is None and not groups and names_units(text):
            row.unit = text
        elif row is not None and row.unit is not None and not groups and _goes_on(row.unit, text):
            row.unit += text  # `市对外开放办` / `及相关部门`: one cell the column wrapped
        elif len(normalise(text)) > _GROUP_MAX or _SENTENCE_RE.search(normalise(text)) or line_marker(text):
            break
        elif groups and len(groups[-1]) <= 2 and len(text) <= 2:
            groups[-1] += text  # `产业` / `招商`: a group cell the column wrapped
        else:
            groups.append(text)
            j += 1
            continue
        end = j + 1
        j += 1
    if not rows:
        return None
    for above, row in itertools.pairwise(rows):
        if row.unit is None:
            row.unit = above.unit  # written once on the first row of the cell merged down
    return end, rows


def _starts_row(text: str, lines: list[tuple[str, bool]], j: int) -> bool:
    """An indicator: words, no sentence, and a figure on the next line."""
    norm = normalise(text)
    if _FIGURE_RE.match(text) or len(norm) > 40 or re.search(r"[。;;!?]", norm) or line_marker(norm):
        return False
    after = next((lines[k][0].strip() for k in range(j + 1, len(lines)) if lines[k][0].strip()), "")
    return bool(_FIGURE_RE.match(after))


def _goes_on(cell: str, text: str) -> bool:
    return text.startswith(("及", "和", "、")) or cell.endswith("、")


def _cells(header: list[str], row: _Row) -> tuple[str, ...]:
    """The row under the header: its group, its indicator, its figures from the left, its unit."""
    figures = iter(row.figures)
    cells: list[str] = []
    task = False
    for name in header:
        kind = meaning(name)
        if kind == AREA:
            cells.append(row.group)
        elif kind in (TITLE, CONTENT) and not task:
            cells.append(row.title)
            task = True
        elif _unit_column(name):
            cells.append(row.unit or "")
        elif kind is None:
            cells.append(next(figures, ""))
        else:
            cells.append("")
    return tuple(cells)
