"""A year naming a plan the work drafts names that plan, not a deadline.

Yearly work points tell a unit to draw up the year's own plans: `制定2021年党组理论中心组学习方案`,
`编制2024年度重点任务清单`, `印发2023年工作要点`. The year there is part of the plan's name, as in a
《title》 (`印发《2023年工作方案》`), and dates nothing: the drafting is due when the clause or the
document says. A name is such only right after a verb of drafting (制定, 编制, 印发, 出台, 修订, 起草,
下发 …), holds a bare year (not `2023年底`, `2023年6月`) and ends in a kind of document (方案, 计划,
要点, 清单, 规划, 预案, 办法, 细则, 意见, 台账, 目录, 安排) before any punctuation. The same name after
`作为` is the document a part of the work goes into (`作为本部门2018年度政务公开工作要点内容向社会发布`: the
department's own work points for the year), and dates nothing either.
"""

from __future__ import annotations

import re

# A bare year (`2024年`, `2024年度`), not a point in it (`2024年底`, `2024年6月`, `2024年上半年`).
_YEAR = r"(?:19|20)\d{2}年度?(?![底末内前初中上下半全1-9一二三四])"
_NAME_RE = re.compile(
    r"(?:研究制定|制定|编制|印发|出台|修订|修编|起草|下发|拟定|编写|作为)(?:并印发|并下发)?"
    r"(?P<name>[\u4e00-\u9fff]{0,8}?" + _YEAR + r"[\u4e00-\u9fff、]{0,30}?"
    r"(?:方案|计划|要点|清单|规划|预案|办法|细则|意见|台账|目录|安排))"
)


def drafted_plan_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) that name, with its year, a plan the work drafts."""
    return [(m.start("name"), m.end("name")) for m in _NAME_RE.finditer(norm)]
