"""An inspection summary table's columns: the problem found is the row's task, the point inspected its title.

A 创文 / 创卫 督查情况汇总表 heads its columns `序号 | 具体点位 | 存在问题 | 整改责任单位`: it has no task column,
for what the row's units must do is fix the problem found (`存在问题`) at the point named before it (`具体点位`).
In a table with no task column and no content column, a problem column (elsewhere a progress report's note
beside its tasks) is the rows' content; of the columns whose header means nothing of its own, the first whose
cells do not repeat down the rows (the point) is the title, and one whose cells do (a `滨江街道辖区` cell merged
down over its rows) groups them and assigns nothing.
"""

from __future__ import annotations

import itertools
import re

from .column_meanings import CONTENT, GROUP, NOTE, TITLE
from .lazy_patterns import lazy_compile
from .textutil import normalise

# `存在问题`, `发现问题`, `问题描述`, `主要问题`: the problem found, not a report's difficulties beside its tasks.
_PROBLEM_RE = lazy_compile(r"(?:存在|发现|主要|具体|督查)?(?:的)?问题(?:描述|情况|表现)?")


def problem_columns(kinds: list[str | None], rows: list[list[str]], header: list[str]) -> list[str | None] | None:
    """The columns' kinds read as an inspection summary's, or None when the table is none (it has a task or a
    content column, or no problem column)."""
    if TITLE in kinds or CONTENT in kinds:
        return None
    problems = [
        i
        for i, (kind, name) in enumerate(zip(kinds, header, strict=False))
        if kind == NOTE and _PROBLEM_RE.fullmatch(re.sub(r"\s+", "", normalise(name)))
    ]
    if not problems:
        return None
    kinds = [CONTENT if i in problems else kind for i, kind in enumerate(kinds)]
    for i, kind in enumerate(kinds):
        if kind is not None:
            continue
        values = [r[i] for r in rows if i < len(r) and r[i]]
        if values and sum(1 for a, b in itertools.pairwise(values) if a == b) * 2 >= len(values):
            kinds[i] = GROUP  # a merged area cell over its rows
        elif values and TITLE not in kinds:
            kinds[i] = TITLE  # the point inspected
    return kinds
