"""A year framed by what it means, the sentence a notice opens its requirements with: no time phrase in it.

A notice of the year's work says first what the year is: `2020年是决胜全面建成小康社会、决战脱贫攻坚和“十三五”规划收官
之年,也是全面落实强首府战略起步之年,做好2020年的政府工作意义重大。` (南宁经开区 2020), `2021年是中国共产党成立100周年和
“十四五”开局之年`, `2024年是…的关键一年`. The sentence commits no one to anything: its year, the plan period it closes
(`“十三五”规划收官之年`) and the year's work it calls important are the frame of the requirements after it, no deadline
(round 120). The year may first be named by the anniversary it falls on, `今年是中华人民共和国成立75周年,是实施“十四五”
规划的关键一年,…` (嘉鱼 2024, round 136): `…周年` after a figure frames it as `…之年` does, and so does `…之年` / `…一年` in a
later part that goes on calling the year (`,是…`, `,也是…`). Only a sentence opening with the year (`2020年是`, `今年是`) and
calling it so, in its first part or in such parts after it, is a frame, read up to its full stop. Near cases that stay
dated: a year opening a task (`2020年完成改造`), a year as the subject of a target (`2020年是目标年,要完成…`: no `之年`),
`今年是实施规划的第三年` (no anniversary), a sentence after the frame.

A year opening a sentence whose subject is a body above the document's issuer, named by its level alone (`2020年自治区将
城镇老旧小区改造工作纳入为民办实事工程和年度绩效考核事项`, a city bureau's covering notice, round 141; `2021年,省将…`,
`今年国家将…`), reports that body's decision, the frame of the requirements after it: its year is no deadline of the
units charged. Only the sentence's first part is the frame; a later part's own time (`…,各县区要于6月底前…`) still
dates. Near cases that stay dated: a year opening a task with no such subject (`2020年完成改造`, `2020年,各县区要…`),
the body's own department (`2020年省财政厅将…`, a unit the item may charge), a place-wide subject (`2020年全省完成…`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .quota_years import quota_year_spans
from .start_months import start_month_spans

# The frame opens a sentence (after a full stop, a line break or the text's start) and runs to the sentence's end; the
# parts before the one calling the year so each go on `,是…` (`,也是…`).
_FRAMING_RE = lazy_compile(
    r"(?:^|(?<=[。;!?\n]))[ \t]*(?:\d{4}年|今年)是(?:[^。;!?\n,]{2,60}?,(?:也|更|又|还)?是)*?[^。;!?\n,]{2,60}?"
    r"(?:之年|一年|(?<=[\d一二三四五六七八九十百])周年)[^。;!?\n]*",
    needs="之年|一年|周年",
)


# `2020年自治区将…纳入…`: a higher body's decision, its level alone as the subject, up to the part's end.
_HIGHER_BODY_RE = lazy_compile(
    r"(?:^|(?<=[。;!?\n]))[ \t]*(?:\d{4}年|今年),?(?:党中央|中央|国务院|国家|自治区|省)(?:委|人民政府|政府)?"
    r"(?=将|已|把|决定|继续|还将|也将)[^。;!?\n,]*",
    needs="中央|国务院|国家|自治区|省",
)

# A school term named by its year (`确保2021年春季学期开学期间全部学生按时返校`, round 172): the year says which term,
# the occasion of the work, and no day it is due (the term's start is not written): no deadline.
_TERM_RE = lazy_compile(r"\d{4}年(?=(?:春|秋)季?(?:学期|开学))", needs="学期|开学")

# The year's work weighed by its features (`今年为民办实事工作项目分布广、投资额度大、工作任务重、质量要求高、完成时限紧,…`):
# a notice says how hard the year's work is before it charges anyone, as `…之年` frames the year. Two or more features
# (a short noun and its weight word: 广, 大, 重, 高, 紧, 多, 难, 急, 严), joined by `、`, in the sentence's first part
# after the year: that part is the frame, no deadline (round 182). A year opening a task (`今年完成改造`) stays dated.
_WEIGHT = r"[\u4e00-\u9fff]{1,6}?(?:广|大|重|高|紧|多|难|急|严)"
_WEIGHED_RE = lazy_compile(
    rf"(?:^|(?<=[。;!?\n]))[ \t]*(?:\d{{4}}年|今年|本年度?)[^。;!?\n,、]{{0,20}}?{_WEIGHT}(?:、{_WEIGHT})+(?=[,。;])",
    needs="、",
)


def framing_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm`'s sentences that frame the year (`2020年是…收官之年,…。`), of a sentence's first part
    reporting a higher body's decision (`2020年自治区将…纳入…`), of a year naming a school term, of the year's work
    weighed by its features (`今年…任务重、要求高、时限紧`), of a next year naming the year a quota applies, and of a
    month a duty starts from."""
    return sorted(
        [m.span() for m in _FRAMING_RE.finditer(norm)]
        + [m.span() for m in _HIGHER_BODY_RE.finditer(norm)]
        + [m.span() for m in _TERM_RE.finditer(norm)]
        + [m.span() for m in _WEIGHED_RE.finditer(norm)]
        + quota_year_spans(norm)  # `作为下年度…规模上限`: which year's quota, no deadline (`quota_years`)
        + start_month_spans(norm)  # `从2020年4月开始对…督查`: when a duty starts (`start_months`)
    )
