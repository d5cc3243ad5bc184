"""An assessment table whose title names the parties it holds: they answer for every row; its examiners help.

A county hands its townships (its 街道, its own departments, its villages) the year's targets in an assessment
table (`考核细则`, `考核办法`, `绩效考核评分标准`) and names the parties held once, in the title, right before the
assessment's kind:

    石城县2018年度河长制湖长制工作乡镇目标管理(绩效)考核细则
    序号 | 考核项目 | 各项分值 | 考核指标 | 负责考核部门

Each row's `负责考核部门` (`考核部门`, `考核单位`, `监考单位`) is the county office that examines the target, not
the one doing the work. The party the title names leads every row and the examiners are co in the cell's order,
as a target book's signed party and its assessing offices are (`target_books`, corpus README round 87). Round 67's
reading of a sole examiner column as the units held (`main_unit_column.settle_examiner_column`) is for a table
that writes no party held.

Read from the line right above the table (its title or caption): a notice's own title far above an annexed
table may name another matter.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .textutil import normalise

# The classes of party a level's assessment holds, as titles write them.
_PARTY = (
    r"(?:各)?(?:乡镇\(街道\)|乡镇街道|乡镇|镇街|街道|(?:[县市区]直)(?:各)?(?:单位|部门))|各?村\(社区\)|各村|各社区|村居"
)
# `…工作乡镇目标管理(绩效)考核细则`, `…街道年度综合考核办法`, `…县直单位绩效考核评分标准`: the party right before the
# assessment's words, which end the title.
_TITLE_RE = lazy_compile(
    rf"(?P<party>(?:{_PARTY}))(?:年度)?(?:目标管理|目标|绩效|综合|工作)*(?:\(绩效\))?"
    r"(?:考核|考评)(?:评分)?(?:实施)?(?:细则|办法|方案|标准|评分表|表)$"
)


def assessed_party(line: str) -> str | None:
    """The party an assessment table's title holds (`…乡镇目标管理(绩效)考核细则` → `乡镇`), or None."""
    text = re.sub(r"\s+", "", normalise(line)).rstrip("。:")
    if len(text) > 60 or (m := _TITLE_RE.search(text)) is None:
        return None
    return m["party"]
