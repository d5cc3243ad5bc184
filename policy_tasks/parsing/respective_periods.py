"""Quarters or half-years listed before 分别: a target each, due at each period's end.

A target letter split by quarter (分季) gives a row's figures for several periods in one sentence:
`第一、二、三、四季度任务分别为500、600、500、400万元`, `第二三季度…分别为0.1、0.1亿元`,
`上半年、三季度、四季度任务分别为80、60、60万元`. Each period named has its own target, due at that
period's end as a lone `一季度` is (README: `一季度` → 03-31, `上半年` → 06-30), as each date of a
`分别于6月底和7月底` list is its own deadline (`respective_dates`). The time reader dates the part by one
phrase, so the list's other periods are added here. Without 分别 the list is one span (`一、二季度开展
摸底`: by the end of the second quarter), read as it is.
"""

from __future__ import annotations

import re
from datetime import date

from .lazy_patterns import lazy_compile
from .result import ParsedMilestone

_ITEM = r"(?:上半年|下半年|第?[一二三四1-4](?:季度)?)"
_LIST_RE = lazy_compile(rf"(?:(?P<year>\d{{4}})年度?)?(?P<list>{_ITEM}(?:(?:、|和|及|与)?{_ITEM}){{1,5}})")
_PIECE_RE = lazy_compile(r"上半年|下半年|[一二三四1-4]")
_RESPECTIVELY_RE = lazy_compile(r"[^,。;\n]{0,20}?分别")
_PART_END_RE = lazy_compile(r"[,。;\n]")
_QUARTER = {"一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_HALF = {"上半年": 2, "下半年": 4}  # a half-year ends with its second quarter


def respective_periods(text: str, norm: str, year: int, found: list[ParsedMilestone]) -> list[ParsedMilestone]:
    """The milestones of a `第一、二季度…分别` period list's periods that `found` lacks."""
    added: list[ParsedMilestone] = []
    dates = {m.due_date for m in found}
    for m in _LIST_RE.finditer(norm):
        listed = m["list"]
        if not listed.endswith(("季度", "半年")) or (m.start() and norm[m.start() - 1].isdigit()):
            continue
        if not _RESPECTIVELY_RE.match(norm, m.end()):
            continue
        pieces = list(_PIECE_RE.finditer(listed))
        if len(pieces) < 2:
            continue
        when = int(m["year"]) if m["year"] else year
        stop = _PART_END_RE.search(norm, m.end())
        end = stop.start() if stop else len(norm)
        for piece in pieces:
            quarter = _HALF.get(piece[0]) or _QUARTER[piece[0]]
            due = _quarter_end(when, quarter)
            if due in dates:
                continue
            start = m.start("list") + piece.start()
            added.append(ParsedMilestone(text[start:end], start, end, due, "deadline", _named(listed, piece)))
            dates.add(due)
    return added


def _quarter_end(year: int, quarter: int) -> date:
    month = 3 * quarter
    return date(year, month, 31 if month in (3, 12) else 30)


def _named(listed: str, piece: re.Match[str]) -> str:
    """The period as written, its `季度` supplied where the list shares one (`第一、二…季度` → `一季度`)."""
    return piece[0] if piece[0] in _HALF else f"{piece[0]}季度"
