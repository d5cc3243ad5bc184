"""A ratio or level measured over the year (`全年洁净煤使用比例完成…目标任务`) dates nothing: `全年` names its period.

A one-year pollution plan sets shares and levels the place reports against for the year: `全年洁净煤使用比例完成省、市下达
的目标任务` (round 131, beside `煤炭消费比重完成省、市下达的目标任务`, which names no year), `全年空气质量优良天数比例`,
`全年PM2.5平均浓度`. There `全年` is the period the ratio is taken over (the whole year's share), an attribute of the
measure as `年均` is, not a day the units' work is due by: the sentence sets no deadline of its own, as the README's
level kept over a span has none (round 115). A figure the ratio must reach (`全年…比例达到80%`) is still a target, read
as any undated figure is, due on the document's default. `全年` before the work and its count (`全年完成投资2000万元`,
`全年建设零工驿站不少于100个`, `全年在…完成上稿3篇`) is the genre's yearly quantity target and stays a deadline, and so
does `全年` that a verb follows before the ratio (`全年完成造林1万亩,森林覆盖率…` is cut at its comma anyway).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# `全年` (after an optional year), then the measure's noun phrase (a pollutant's name, `PM2.5`, but no figure, verb or
# stop), then a ratio or level:
# 比例 / 比重 / 占比 / 浓度 / a rate (`达标率`, `优良率`; not `率先`, which leads a verb).
_SHARE_RE = lazy_compile(
    r"(?:(?:19|20)\d{2}\s*年\s*)?全年(?:的)?"
    r"(?P<subject>(?:PM\d+(?:\.\d+)?|[^,;。!?:、\n\d%]){0,20}?)(?:比例|比重|占比|浓度|率(?!先))",
    needs="全年 & 比|率|浓度",
)
# Verbs that make what follows `全年` the work done, its figure the year's count (`全年完成…`, `全年新增…`).
_WORK_RE = lazy_compile(r"完成|实现|达到|确保|力争|争取|新增|新建|建设|建成|开展|举办|提高|提升|降低|下降|控制|增长")


def year_share_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) where `全年` names the period a ratio or level is measured over."""
    if "全年" not in norm:
        return []
    return [(m.start(), m.start("subject")) for m in _SHARE_RE.finditer(norm) if not _WORK_RE.search(m["subject"])]
