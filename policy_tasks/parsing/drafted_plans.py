"""A year naming a plan the work drafts names that plan, not a deadline.

Yearly work points tell a unit to draw up the year's own plans: `制定2021年党组理论中心组学习方案`,
`编制2024年度重点任务清单`, `印发2023年工作要点`. The year there is part of the plan's name, as in a
《title》 (`印发《2023年工作方案》`), and dates nothing: the drafting is due when the clause or the
document says. A name is such only right after a verb of drafting (制定, 编制, 印发, 出台, 修订, 起草,
下发 …), holds a bare year (not `2023年底`, `2023年6月`) and ends in a kind of document (方案, 计划,
要点, 清单, 规划, 预案, 办法, 细则, 意见, 台账, 目录, 安排) before any punctuation. The same name after
`作为` is the document a part of the work goes into (`作为本部门2018年度政务公开工作要点内容向社会发布`: the
department's own work points for the year), and dates nothing either; so does one the verb both drafts and
carries out (`制定并落实局党委理论学习中心组2024年度学习计划`), or one joined to a 《title》 the verb drafts
(`出台《…三年行动计划(2022-2024)》和2022年“智改数转”工作推进方案`; the name may quote a campaign's name).
So does a year's plan that a project is put into (`纳入今年农村安全饮用水计划`, `列入2023年重点建设项目计划`, a
minute's decision): the project joins the plan of that year, and the unit's work on it is due when the item
says (`确保该项目于今年年内完工`), not by the plan's year. The year may be written as this year or the next
(`今年`, `本年度`, `明年`), as such a decision does.

A five-year plan's period names the plan the same way, whatever the verb (`编制合肥都市圈“十四五”规划`,
`扎实实施“十四五”规划`, `聚焦国家“十四五”规划102项重大工程`), and so the plan's own tasks (`全面完成“十四五”
病险水库除险加固任务` in a plan of 2023: the period's tasks, not a date this year's work is due): a period
followed at once by a name ending in 规划 or 任务 dates nothing. Its end (`“十三五”规划圆满收官`, `“十三五”末`)
and the period as a span (`“十四五”期间`, `时期`) still date the work (`time_patterns`).

A report the work writes or sends names its year the same way (`完成2009年环保专项行动工作总结报告`, `报送2023年度
工作总结`): the report is due when the item says (`于10月30日前报送`), not at the year's end.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile

# A bare year (`2024年`, `2024年度`, `今年`), not a point in it (`2024年底`, `2024年6月`, `今年上半年`, `全年`); the
# plan's scope may follow (`制定2021年全市…任务清单`: the city's list for the year).
# `认真制定全年办理工作方案` (round 128): the plan for the whole year, named as `今年` names it.
_YEAR = r"(?:(?:19|20)\d{2}年|今年|本年|当年|明年|全年)度?(?![底末内前初中上下半1-9一二三四]|全年)"
_NAME_RE = re.compile(
    r"(?:(?:研究制定|制定|编制|印发|出台|修订|修编|起草|下发|拟定|编写|作为|纳入|列入)"
    r"(?:并(?:印发|下发|落实|实施|执行))?|>[和及、])"
    r"(?P<name>[\u4e00-\u9fff]{0,12}?" + _YEAR + r"[\u4e00-\u9fff、“”]{0,30}?"
    r"(?:方案|计划|要点|清单|规划|预案|办法|细则|意见|台账|目录|安排))"
)


# `“十四五”规划`, `“十四五”病险水库除险加固任务`: not the period's end or span (`末`, `期间`, `时期`, `收官`).
# `完成2009年环保专项行动工作总结报告`, `报送2023年度工作总结`: a report the work writes or sends names its year
# as a plan does; only a report's name, since `完成2023年投资计划` achieves the year's plan and is due with the year.
_REPORT_RE = lazy_compile(
    r"(?:完成|撰写|形成|编制|起草|报送|上报|提交)"
    r"(?P<name>[\u4e00-\u9fff]{0,12}?" + _YEAR + r"[\u4e00-\u9fff“”]{0,30}?(?:总结报告|工作总结|总结|报告))"
)
_PLAN_NAME_RE = lazy_compile(
    r"[“\"]?十[一二三四五六七八九]五[”\"]?(?![末内初中期时以收开起首])[\u4e00-\u9fff]{0,12}?(?:规划|任务)(?!\s*(?:圆满)?收官)",
    needs="规划|任务 & 十",
)


def drafted_plan_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) that name, with its year or its five-year plan's
    period, a plan the work drafts (or that plan's tasks)."""
    spans = [(m.start("name"), m.end("name")) for m in _NAME_RE.finditer(norm)]
    if "总结" in norm or "报告" in norm:
        spans += [(m.start("name"), m.end("name")) for m in _REPORT_RE.finditer(norm)]
    if "五" in norm:
        spans += [(m.start(), m.end()) for m in _PLAN_NAME_RE.finditer(norm)]
    return spans
