"""A 备注 column that holds each row's deadline, in a table with no deadline column.

A short task list sent down to be done within weeks (a 政务公开 提示单, a 任务清单 of a few rows) often
has no 完成时限 column and writes when each task is due under 备注 (`工作任务 | 具体要求 | 责任单位 |
完成情况 | 备注`, row `… | 推进中 | 11月底前完成`): the note a reader checks first is the date. Where
every filled 备注 cell is a deadline and nothing else, a time phrase with a date that says the work is done by
then (`11月底前完成`, `年底前`, `2022年12月20日前完成`), the column is the rows' 完成时限 (round 121).

Left as notes: a 备注 beside a deadline column (a date there reports or explains), a cell that is an
ongoing or recurring time (`持续推进`, `每月`), a bare date that does not say done by it (`11月中旬`, when
something happens), and a column where any filled cell says anything else (`已完成`, `省考核指标`).
"""

from __future__ import annotations

import re

from .column_meanings import DUE, NOTE
from .deadlines import read_time_phrase
from .lazy_patterns import lazy_compile
from .textutil import normalise
from .time_phrase import PRECISE, YEAR

# What may follow the date: the work done (`完成`, `办结`, `前完成`), and a closing mark.
_DONE_RE = lazy_compile(r"(?:之前|以前|前)?(?:完成|办结|完成任务|全部完成)?[。;]?")


def remark_deadlines(kinds: list[str | None], rows: list[list[str]], header: list[str]) -> list[str | None]:
    """The kinds with a 备注 column of deadlines read as the deadline column."""
    if DUE in kinds:
        return kinds
    for i, kind in enumerate(kinds):
        if kind != NOTE or re.sub(r"\s+", "", normalise(header[i])) != "备注":
            continue
        cells = [r[i].strip() for r in rows if i < len(r) and r[i].strip() and not _spans(r)]
        if cells and all(_deadline(c) for c in cells):
            return [DUE if n == i else k for n, k in enumerate(kinds)]
    return kinds


def _spans(row: list[str]) -> bool:
    # A heading row a merged cell fills gives its text to every column, 备注 too: no cell of the column.
    filled = [c for c in row if c.strip()]
    return len(filled) > 1 and len(set(filled)) == 1


def _deadline(cell: str) -> bool:
    """A time phrase with a date that the work is done by, and nothing else."""
    text = normalise(cell)
    found = read_time_phrase(text, 2000)
    if found is None or found.start != 0 or found.level not in (PRECISE, YEAR) or found.due is None:
        return False
    rest = text[found.end :]
    if not _DONE_RE.fullmatch(rest):
        return False
    # Done by then: the phrase closes with 前 / 底 / 末, or the cell says the work is done (`11月完成`).
    return bool(rest.strip("。;")) or found.text.endswith(("前", "止", "底", "末"))
