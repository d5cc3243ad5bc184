"""The year naming whose work is taken stock of or planned (`盘点今年…工作`, `谋划明年工作`) dates nothing.

A meeting's report, or a notice closing a year, asks the offices to take stock of the year's work and to plan the
next year's: `切实盘点今年“两新”工作完成情况以及取得的成效`, `及早谋划明年工作` (a 两新 工作专班's meeting, round 153),
`认真总结今年工作`, `研究部署明年重点工作`. There the year is an attribute of the work, the object of the verb of
reviewing or planning (whose work), not the time the review is due by: `明年` would date the planning to the end of the
year it plans, `今年` a stock-taking to the end of the year it looks back on. As the year's aims named as a whole
(`year_aims`), such a year is no deadline, and the document's horizon stays its default.

Only a year right after such a verb (`盘点`, `总结`, `回顾`, `谋划`, `筹划`, `研究部署`, `安排`), naming the work
(`…工作`) before the next punctuation, is read so. So is a year written out after the verb of pushing the work on
(`加快推进2022年高标准农田建设各项工作`, a county meeting's demand, round 163): the year's work as a whole, its horizon
no deadline; `推进2022年底前…` (the year opening a time) stays dated. Near cases that stay dated: a year opening the time to do something
in (`利用今年最后一个月时间完成好…`), a year before a deadline (`明年6月底前完成…`), a year opening the task
(`今年完成…工作`, no reviewing verb before it), and a plan drawn up by a date (`今年底前谋划好明年工作`: the `底前` date).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The verb of taking stock or planning, the year, then the work it names within the same part.
_REVIEWED_RE = lazy_compile(
    r"(?:盘点|总结|回顾|谋划|筹划|研究部署|研究|部署|安排|推进)(?:好)?"
    r"(?P<year>今年|明年|本年度?|下一?年度?|来年|(?:19|20)\d{2}年度?(?![底末前内初中]))"
    r"(?=[^,;。!?\n\d]{0,14}?工作)",
    needs="年",
)


def reviewed_year_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) where a year names the work reviewed or planned, no deadline."""
    return [(m.start("year"), m.end("year")) for m in _REVIEWED_RE.finditer(norm)]
