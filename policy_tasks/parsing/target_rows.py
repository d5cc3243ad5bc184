"""A table of tasks and their targets, a row a line under a header naming its columns, no numbers.

A department's 目标责任书 (`letter_titles`) or a short 任务清单 is often a two- or three-column
table, `工作任务 | 目标及质量要求` (`任务 | 目标`, `考核内容 | 目标要求 | 分值`), with no 序号 column and no
unit column: the office the whole table binds is named above it. A page that flattens it keeps a
row a line. The header says the lines below it are rows, so each row is an item, counted in order
(`1`, `2`), though no row carries a number. The rows end at the letter's close: its signature
fields (`责任单位(盖章):`, `主要负责人(签字):`, a blank date `年 月 日`) or a note (`注:`).

Only a document with no numbered item is read so (a fallback in `unnumbered_items`): in a plan whose
items carry numbers, such a table is an attachment's summary, not its clauses.
"""

from __future__ import annotations

import re

from .column_meanings import CONTENT, NOTE, TITLE, meaning
from .lazy_patterns import lazy_compile
from .outline import line_marker, numbered_in_order
from .textutil import normalise

_TASK_RE = lazy_compile(r"任务|工作|指标|项目|内容|事项")
_TARGET_RE = lazy_compile(r"目标|要求|标准")
_SCORE_RE = lazy_compile(r"^(?:分值|分数|权重|考核分值|标准分)$")
# The letter's close: who signs and seals it, its blank date, a note below the table.
_CLOSE_RE = lazy_compile(r"签字|签章|盖章|^(?:注|备注|说明)\s*[::]|^\s*年\s*月\s*日\s*$|^(?:甲方|乙方)\s*[::]")
_CELL_MAX = 10


def is_target_header(text: str) -> bool:
    """`工作任务 | 目标及质量要求`: a line of two to four column names, a task column first and a
    target column after it, every cell a text column (or a score)."""
    cells = [c for c in re.split(r"\s*\|\s*|\t|\s+", normalise(text).strip()) if c]
    if not 2 <= len(cells) <= 4 or any(len(c) > _CELL_MAX for c in cells):
        return False
    if not all(meaning(c) in (TITLE, CONTENT, NOTE) or _SCORE_RE.match(c) for c in cells):
        return False
    return bool(_TASK_RE.search(cells[0])) and any(_TARGET_RE.search(c) for c in cells[1:])


def number_target_rows(lines: list[tuple[str, bool]]) -> list[tuple[str, bool]] | None:
    """The lines with each row under a task-and-target header numbered in order, or None where no
    such header stands over two rows or more."""
    for h, (text, _) in enumerate(lines):
        if not is_target_header(text):
            continue
        items, close = [], len(lines)
        for k in range(h + 1, len(lines)):
            norm = normalise(lines[k][0]).strip()
            if not norm:
                continue
            if _CLOSE_RE.search(norm):
                close = k
                break
            if is_target_header(norm) or line_marker(norm) is not None:
                break
            items.append(k)
        if len(items) >= 2:
            # The signature block is the letter's, no part of its last row: its lines are left out
            # of the items (kept as empty lines, so that every line keeps its number).
            numbered = numbered_in_order(lines, items)
            return [*numbered[:close], *(("", splittable) for _, splittable in numbered[close:])]
    return None
