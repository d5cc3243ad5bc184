"""The cells a header puts between the 序号 and the task, in a table flattened a row a line with
spaces between cells.

Most task tables put the task right after the 序号 and the short cells (units, dates, persons)
after it, and a row's last words fill them (`space_tables.space_table`). Some offices put the
units first (`序号 牵头单位 配合单位 重点任务 完成时限`); a row's words still come in the header's
order, so the words right after the serial fill those columns, as the cells right after the 序号
do in a cell-a-line table (`flat_tables._cell_rows`):

    1 区政务服务中心 区大数据局、区司法局 推进政务服务事项“一网通办”。 2024年12月底前
    2 区市场监管局 开展涉企检查“综合查一次”。 2024年6月底前

Each word after the serial goes to the next of those columns whose kind it fits (`spaced_row_cells.fits`),
until a word fits none left: that one opens the task, which keeps a word at least. An empty cell
kept as a second space holds its column; a dropped one is a helping cell, never the lead
(`space_rows.placed_in_order`).
"""

from __future__ import annotations

from collections.abc import Callable

from .column_meanings import DUE, LEADER, NUMBER, UNIT_KINDS
from .space_rows import placed_in_order

_SHORT_KINDS = (*UNIT_KINDS, DUE, LEADER)


def front_columns(kinds: list[str | None], text_col: int) -> int:
    """How many columns between the header's 序号 (its first) and its task's text column hold short
    cells; 0 where any of them holds text of another kind (a 类别 column), or there are none."""
    between = kinds[1:text_col]
    if kinds[0] != NUMBER or not all(k in _SHORT_KINDS for k in between):
        return 0
    return len(between)


def front_cells(
    tokens: list[str], columns: list[str | None], trailing: list[str | None], fits: Callable[[str, str | None], bool]
) -> tuple[list[str], int]:
    """The cells of the front `columns` from a row's first words (`tokens`, an empty cell kept as
    ''), and how many tokens they took. The task keeps a word at least, before the last words
    that fit the `trailing` columns (`4 区文旅局 建设文化馆。 2024年9月底前`: a task may name a
    unit, a date after it is the 完成时限)."""
    words = [t for t in tokens if t]
    tail = next((k for k in range(min(len(trailing), len(words) - 1), 0, -1) if _fit(words[-k:], trailing, fits)), 0)
    c, used, taken = 0, 0, 0
    for token in tokens:
        if c >= len(columns) or (token and taken + 1 + tail >= len(words)):
            break
        if not token:
            c += 1
        else:
            k = next((k for k in range(c, len(columns)) if fits(token, columns[k])), None)
            if k is None:
                break
            c, taken = k + 1, taken + 1
        used += 1
    return placed_in_order(tokens[:used], columns, fits) or [""] * len(columns), used


def _fit(words: list[str], columns: list[str | None], fits: Callable[[str, str | None], bool]) -> bool:
    return placed_in_order(words, columns, fits) is not None
