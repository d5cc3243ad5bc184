"""A task table's column kinds settled once its header is read (`tables`).

A header often names two columns the same way (two 责任单位-like columns, two text columns) or leaves
one unnamed (a first column of small integers); the rows beside the header tell which is which.
"""

from __future__ import annotations

import itertools
import re

from .column_meanings import AREA, CO, CONTENT, GROUP, LEAD, LISTED, NUMBER, TITLE, settle_start_column
from .main_unit_column import settle_examiner_column, settle_main_column
from .problem_columns import problem_columns
from .remark_deadlines import remark_deadlines
from .textutil import normalise


def settle_columns(
    kinds: list[str | None], rows: list[list[str]], header: list[str], *, held: bool
) -> list[str | None]:
    """Resolve a header that names two columns the same way.

    Two 责任单位-like columns are 牵头 then 配合, but a bare 部门 (主管部门) beside one naming the
    responsibility (责任单位) is the department in charge: it helps. An unlabelled first column of
    small integers is the 序号; a title column with no content column is both."""
    kinds = settle_examiner_column(settle_main_column(list(kinds), header), header, held=held)
    kinds = settle_start_column(kinds, header)  # `开工时间 | 竣工时间`: dated at the end (round 128)
    listed = [i for i, k in enumerate(kinds) if k == LISTED]
    bare = [i for i in listed if re.fullmatch(r"(?:主管)?部门", "".join(normalise(header[i]).split()))]
    if bare and len(bare) < len(listed):
        for i in bare:
            kinds[i] = CO
        listed = [i for i in listed if i not in bare]
    if len(listed) >= 2 and LEAD not in kinds:
        kinds[listed[0]] = LEAD
        for i in listed[1:]:
            kinds[i] = CO
    if NUMBER not in kinds and kinds and kinds[0] is None:
        firsts = [r[0] for r in rows if r and r[0]]
        if firsts and all(re.fullmatch(r"\d{1,3}", normalise(f)) for f in firsts):
            kinds[0] = NUMBER
    if NUMBER in kinds and any(k in (TITLE, CONTENT) for k in kinds[kinds.index(NUMBER) + 1 :]):
        # `工作任务 | 序号 | 具体要求`: a task column before the 序号, the rows' own text after it, is
        # the group a merged cell names over its numbered rows.
        kinds = [AREA if k == TITLE and i < kinds.index(NUMBER) else k for i, k in enumerate(kinds)]
    texts = [i for i, k in enumerate(kinds) if k in (TITLE, CONTENT)]
    if len(texts) >= 2:
        # A text column whose cells repeat down the rows is a merged group name, not the task.
        for i in texts:
            values = [r[i] for r in rows if i < len(r) and r[i]]
            repeats = sum(1 for a, b in itertools.pairwise(values) if a == b)
            if values and repeats * 2 >= len(values):
                kinds[i] = GROUP
    kinds = problem_columns(kinds, rows, header) or kinds  # `具体点位 | 存在问题 | 整改责任单位`
    kinds = remark_deadlines(kinds, rows, header)  # `… | 完成情况 | 备注` with `11月底前完成` under 备注
    if TITLE not in kinds and CONTENT not in kinds:
        # `专项整治行业名称 | 时间安排 | 责任单位`: a category column whose cell changes on every row
        # groups nothing; with no task column beside it, each row's category is the row's own item.
        for i, kind in enumerate(kinds):
            values = [r[i] for r in rows if i < len(r) and r[i]]
            if kind == AREA and len(values) >= 2 and len(set(values)) == len(values):
                kinds[i] = TITLE
                break
    if TITLE not in kinds and CONTENT not in kinds:
        free = [i for i, k in enumerate(kinds) if k is None]
        if free:
            kinds[free[0]] = TITLE
    return kinds
