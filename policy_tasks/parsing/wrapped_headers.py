"""Header cells a printed table wrapped inside themselves, and headers repeated at a page turn.

A narrow column of a printed table breaks its header cell after two characters, and a page that
flattens the table a cell a line keeps the break (`牵头` / `部门`, `完成` / `时间`, `项目` / `类别`):
two header lines of two characters each are one column when the second is a head noun that names
a column's kind (`部门`, `单位`, `时间`, `类别`, `内容`, …), the first is none (a head noun and a 序号
are columns of their own, as in `名称` / `单位`) and the two together name a column of the genre
(`牵头部门`, `完成时间`, `项目类别`). A header cell's bracketed gloss wrapped onto a line of its own
(`责任股室` / `(单位)`) belongs to the cell above it: a bracket opens no column. So does a year a schedule
column's cell names before its name (`2023年` / `目标进度`): a year alone opens no column (round 91). A table that runs over a page repeats its header where the
page turns: the header written again between its rows is no row's cells.
"""

from __future__ import annotations

import re

from .column_meanings import NUMBER, meaning

# Nouns that close a column's name: what the column holds.
_HEADS = frozenset("部门 单位 处室 科室 时间 时限 期限 类别 名称 内容 任务 事项 目标 措施 领导".split())
_PAIR_RE = re.compile(r"[\u4e00-\u9fff]{2}")
# Two characters at least and no numeral: `(一)` after the header is the first row's serial.
# A year alone on a header line (`2023年`, `2023年度`), the column's name under it.
_YEAR_RE = re.compile(r"(?:19|20)\d{2}\s*年度?")
_GLOSS_RE = re.compile(r"[(（](?![一二三四五六七八九十百]+[)）])[\u4e00-\u9fff、/]{2,6}[)）]")


def wrapped_cell(first: str, second: str) -> str | None:
    """The column name a header cell wrapped after two characters spells (`牵头` + `部门` →
    `牵头部门`), or None where the two lines are two columns."""
    first, second = first.strip(), second.strip()
    if _GLOSS_RE.fullmatch(second) and meaning(first) not in (None, NUMBER):
        return first + second
    if _YEAR_RE.fullmatch(first) and meaning(second) not in (None, NUMBER):
        return first + second  # `2023年` / `目标进度`: the year the column's schedule is for, wrapped over it
    if not (_PAIR_RE.fullmatch(first) and _PAIR_RE.fullmatch(second)):
        return None
    if second not in _HEADS or first in _HEADS or meaning(first) == NUMBER:
        return None
    joined = first + second
    return joined if meaning(joined) is not None else None


def repeats_header(found: tuple[int, list[str]] | None, header: list[str]) -> bool:
    """Whether a header read again between a table's rows (`found`, as the cell-a-line reader
    gives it) is the table's own, repeated where a printed page turned. One of the two may have
    taken in a short line after it (a heading row `二、主要任务` under the first header, a row's
    first cell under the repeat): the shorter is the other's beginning, three columns at least."""
    if found is None:
        return False
    shorter = min(len(found[1]), len(header))
    return shorter >= 3 and found[1][:shorter] == header[:shorter]
