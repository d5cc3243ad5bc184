"""A register's numbered item merged over sub-rows, in a table flattened a cell a line.

A 民生实事 register (`序号 / 项目 / 责任单位 / 建设内容 / 总投资 / 目标进度`) merges an item's 序号 and 项目 cells
down over the rows of its parts, each of which writes its own unit, work and schedule. A page that flattens the
table a cell a line writes the merged cells once, so the item's cells run on past its columns:

    1 / 完善交通基础设施 / 区新兴产业 / 服务中心 / 实施宏图路…。 / 48414 / 一季度开工… / 区住建局 / 实施寺慈线…。 / 1000 / 6月开工…

Each part starts at a unit cell that comes after the part before it has filled its text columns (a task, then
its figures and schedule); its unit cell may be written a unit a line, a name a narrow cell cut in two
(`区新兴产业` / `服务中心`) joined again (`wrapped_unit_lines`). Each part becomes a row of its own, the item's 序号
and 项目 repeated as a .docx gives a merged cell, so the table reader makes one clause a part (round 58's
sub-tasks under a merged project cell). A cell a column wrapped over more lines than the columns left joins the
last column's cell (`7月底` / `具备挡水条件`). Read only where the header is 序号, a name column, then a single
unit column before text columns, as such registers are (round 91).
"""

from __future__ import annotations

from .column_meanings import NUMBER, TITLE, UNIT_KINDS
from .pipe_tables import cell_kind
from .wrapped_unit_lines import joined_wrapped_names


def _unit_start(cells: list[str], n: int) -> int:
    """How many lines from n make a unit cell (a unit a line, a name cut in two joined), 0 where none does."""
    end = n
    while end < len(cells):
        names = joined_wrapped_names(cells[n : end + 1])
        if all(cell_kind(name) == "units" for name in names):
            end += 1
        elif end + 1 < len(cells) and all(
            cell_kind(name) == "units" for name in joined_wrapped_names(cells[n : end + 2])
        ):
            end += 2  # the first half of a name cut in two, its second half after it
        else:
            break
    return end - n


def item_parts(row: list[str], kinds: list[str | None]) -> list[list[str]]:
    """The row as the rows of its parts (one where it has none), each part's unit cell one cell."""
    if len(kinds) < 5 or kinds[0] != NUMBER or kinds[1] != TITLE or kinds[2] not in UNIT_KINDS:
        return [row]
    if any(k in UNIT_KINDS for k in kinds[3:]) or len(row) < 4:
        return [row]
    texts = len(kinds) - 3  # the text columns after the unit column
    head, cells = row[:2], row[2:]
    parts: list[tuple[str, list[str]]] = []
    n = 0
    while n < len(cells):
        size = _unit_start(cells, n)
        if size == 0 or (parts and len(parts[-1][1]) < max(2, texts - 1)):
            if not parts:
                return [row]  # no unit cell right after the item's name: not this layout
            parts[-1][1].append(cells[n])
            n += 1
            continue
        parts.append(("、".join(joined_wrapped_names(cells[n : n + size])), []))
        n += size
    if any(not rest for _, rest in parts):
        return [row]
    out = []
    for units, rest in parts:
        if len(rest) > texts:  # a cell wrapped over more lines than the columns left: the last column's
            rest = [*rest[: texts - 1], "".join(rest[texts - 1 :])]
        out.append([*head, units, *rest])
    return out
