"""An item's further indicator on a row of its own, every other cell merged down from the row above.

A 民生实事 progress table gives an item two indicators (`新改扩建公办中小学校1所` and `新增学位810个`) in two rows of
its 工作任务 column, and merges its 序号, 责任单位 and target cells down over both. A page that flattens the table a
row a line writes the merged cells on the first row only, and the second row's line holds the indicator alone, the
merged cells' places left empty (`新增学位810个 | |||||`): its one cell stands under 序号, where the lost cell was.

The line is no row of its own and no heading: it is the item's second task, sharing the cells merged over it, as
a register's indicator lines under one 序号 are (corpus README round 58: one clause a line, `1-1`, `1-2`, a line
naming no department sharing the cell merged down from the line above). `tables` writes it as the item's sub-item,
with the unit, leader and deadline cells of the row above (round 107). Before, the line was dropped without a word.

Not such a line: a heading row (`二、民生类`), a note (`注:…`), a category's name with no figure
(`城乡建设类项目`), a bare serial or a unit: an indicator is a task's words with its count (`810个`).

A progress register (`序号 | 项目内容 | 进展情况 | 责任单位`) writes the indicator's own progress beside it, so its flattened
line keeps two cells and loses only the merged ones at both ends (`新增托位500个。 | 新增托位600个。 | ||`): the
indicator still stands first, shifted under 序号, and the cell after it is its progress, words rather than a unit, a
person or a date. The unit cell merged down from the row above is still the item's. A row whose cell after the
indicator names a unit (`新增学位540个 | 区教育局 | ||`) holds cells of its own and stays no such line.
"""

from __future__ import annotations

from .column_meanings import NUMBER
from .lazy_patterns import lazy_compile
from .outline import line_marker
from .pipe_tables import task_like
from .textutil import normalise

# A figure with its measure word (`810个`, `2所`, `12.3公里`, `95%`): what an indicator counts; no year or day.
_COUNT_RE = lazy_compile(r"\d[\d.]*\s*[万亿千百]?(?![年月日号\d.])[\u4e00-\u9fff%]")
_NOTE_RE = lazy_compile(r"^[^:]{0,6}:")


def lone_indicator(row: list[str], kinds: list[str | None]) -> str | None:
    """The indicator a row holds alone under the 序号 column, its other cells empty (merged from the row above),
    or None where the row is no such line."""
    if len(row) < 3 or not kinds or kinds[0] != NUMBER or not _merged_tail(row):
        return None
    cell = row[0].strip()
    norm = normalise(cell).strip()
    if not task_like(norm) or line_marker(norm) is not None or _NOTE_RE.match(norm) or not _COUNT_RE.search(norm):
        return None
    return cell


def _merged_tail(row: list[str]) -> bool:
    """Whether the row's cells after the first are empty, or (a progress register's sub-row) words shifted left by the
    lost 序号 cell with at least the last cell, the merged unit, left empty."""
    rest = [cell.strip() for cell in row[1:]]
    filled = [cell for cell in rest if cell]
    if not filled:
        return True
    if rest[-1] or any(not cell for cell in rest[: len(filled)]):
        return False  # the unit cell is filled, or the words are not the shifted run right after the indicator
    return all(task_like(cell) for cell in filled)
