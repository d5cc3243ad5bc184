"""Reading the time phrases of Chinese policy documents into due dates.

Library decision: this is a focused hand-written reader rather than a general
date library. jionlp was measured to read only 8 of the 12 phrase kinds this
genre uses, weighs about 300 MB and writes into site-packages on import;
dateparser reads none of them. The genre's vocabulary is small and fixed
(月底前, 中旬, 一季度, 上半年, 年内, “十四五”, N个工作日内, 长期坚持 …), so a
table of patterns is shorter to read and test than an adapter around a
library, and it never guesses: a phrase that looks like a time but cannot be
pinned to a date is reported as unreadable, and the caller turns it into a
warning. Chinese numerals (十月, 二〇二四年) are read by textutil.cn_to_int
rather than cn2an: months, days and years are all the genre needs.

Every phrase is read relative to the document's year. A period resolves to
its last day: 上旬 → 10th, 中旬 → 20th, 下旬/底/末/月份/a bare month → month
end, a quarter → quarter end, a year-level phrase → 31 December, a five-year
plan (“十四五”) → the end of its last year. Unreadable on purpose: 择期, 适时,
近期, 限期, 节前, a month-less 月底前, and `6月前`, which is read both as "by
end of June" and "before June". A year before the document's is a reference
(`比2022年增长`), not a deadline.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from .textutil import CN_NUMERALS, cn_to_int, normalise

# Levels say how precise a phrase is; milestones.py derives the kind from it.
PRECISE = "precise"  # a day, month, quarter or half-year
YEAR = "year"  # 年内, 全年, 2023年 …
WEAK_YEAR = "weak_year"  # bare 年度 / 每年: dates a quantity, never a task alone
PLAN = "plan"  # a five-year plan period such as “十四五”
ONGOING = "ongoing"
RELATIVE = "relative"
UNREADABLE = "unreadable"
PAST = "past"  # a year before the document's: a reference point, not a deadline

DATED = (PRECISE, YEAR, WEAK_YEAR, PLAN)


@dataclass(frozen=True)
class TimePhrase:
    start: int
    end: int
    text: str
    level: str
    due: date | None = None


_N = rf"(?:\d{{1,2}}|[{CN_NUMERALS}]{{1,3}})"
_Y = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_BEFORE = r"(?P<before>之前|以前|前|止)?"
_NOT_AFTER_NUMBER = rf"(?<![\d.{CN_NUMERALS}])"


def _month_end(year: int, month: int, part: str | None = None) -> date:
    if part == "上旬":
        return date(year, month, 10)
    if part == "中旬":
        return date(year, month, 20)
    return date(year, month, calendar.monthrange(year, month)[1])


def _year_of(m: re.Match, year: int) -> int:
    written = m.groupdict().get("y")
    return cn_to_int(written) if written else year


def _day(m: re.Match, year: int):
    return PRECISE, date(_year_of(m, year), cn_to_int(m["m"]), cn_to_int(m["d"]))


def _month(m: re.Match, year: int):
    if m["p"] is None and m["before"]:
        # "6月前" is read both as "by end of June" and "before June": never guess.
        return UNREADABLE, None
    if m["p"] is None and not m["y"] and not m["m"].isascii() and not m["fen"]:
        return None  # a bare 一月/十月 is too often not a date at all
    month = cn_to_int(m["m"])
    if month is None or not 1 <= month <= 12:
        return (UNREADABLE, None) if m["p"] or m["y"] else None
    return PRECISE, _month_end(_year_of(m, year), month, m["p"])


def _quarter(m: re.Match, year: int):
    quarter = cn_to_int(m["q"])
    return PRECISE, _month_end(_year_of(m, year), quarter * 3)


def _half(m: re.Match, year: int):
    month = 12 if m["h"] == "下半年" else 6
    return PRECISE, _month_end(_year_of(m, year), month)


def _numbered_year(m: re.Match, year: int):
    written = cn_to_int(m["y"])
    if written is None or not 1900 <= written <= 2100:
        return None
    return (PAST if written < year else YEAR), date(written, 12, 31)


def _plan(m: re.Match, year: int):
    # The Nth five-year plan ends in 1955 + 5N: 十一五 in 2010, 十四五 in 2025.
    return PLAN, date(1955 + 5 * (10 + cn_to_int(m["n"])), 12, 31)


def _fixed(level: str, offset: int = 0) -> Callable[[re.Match, int], tuple]:
    def handler(m: re.Match, year: int):
        return level, (date(year + offset, 12, 31) if level in DATED else None)

    return handler


_PATTERNS: list[tuple[re.Pattern, Callable]] = [
    (
        re.compile(rf"{_NOT_AFTER_NUMBER}(?:(?P<y>{_Y})年)?(?P<m>{_N})月(?P<d>{_N})[日号]{_BEFORE}"),
        _day,
    ),
    (
        re.compile(rf"(?<![\d.])(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?![\d.]){_BEFORE}"),
        _day,
    ),
    (
        re.compile(
            rf"{_NOT_AFTER_NUMBER}(?:(?P<y>{_Y})年)?(?P<range>\d{{1,2}}\s*[-—~至到]\s*)?"
            rf"(?P<m>{_N})月(?P<fen>份)?(?P<p>底|末|上旬|中旬|下旬)?{_BEFORE}"
        ),
        _month,
    ),
    (
        re.compile(rf"(?:(?P<y>{_Y})年)?前?第?(?P<q>[一二三四1-4])季度(?:末|底)?{_BEFORE}"),
        _quarter,
    ),
    (re.compile(rf"(?:(?P<y>{_Y})年)?(?P<h>上半年|下半年|年中前|年中之前)"), _half),
    (
        re.compile(
            rf"(?<![\d.])(?:\d{{4}}\s*[-—~至到]\s*)?(?P<y>{_Y})年度?"
            rf"(?:底|末|内|全年|年底|年内)?{_BEFORE}"
        ),
        _numbered_year,
    ),
    (re.compile(r"(?<![上去前明次跨当本今每])(?:年内|年底前|年底|年末|全年|年度内)"), _fixed(YEAR)),
    (re.compile(r"本年度|本年|今年|当年"), _fixed(YEAR)),
    (re.compile(r"明年|次年|下一年|下年度|来年"), _fixed(YEAR, 1)),
    (re.compile(r"(?<![上去前跨当本今每])年度|每年度?"), _fixed(WEAK_YEAR)),
    (re.compile(r"[\"“”「]?十(?P<n>[一二三四五六七八九])五[\"“”」]?(?:时期|期间|期末|末)?"), _plan),
    (
        re.compile(
            r"(?<![\d.])(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*个?\s*"
            r"(?:工作日|自然日|日|天|周|星期|个月|年)(?:之内|以内|内)"
        ),
        _fixed(RELATIVE),
    ),
    (re.compile(r"长期坚持|持续推进|常态化|每月|每季度|每周|每旬|每半年"), _fixed(ONGOING)),
    (
        re.compile(rf"择期|适时|近期|限期|春节前|节前|(?<![\d上去今明本当每跨{CN_NUMERALS}])年前"),
        _fixed(UNREADABLE),
    ),
    (re.compile(r"(?<![\d每本上下当次年月])(?:月(?:底|末)|上旬|中旬|下旬)(?:之?前|以前)?"), _fixed(UNREADABLE)),
]


def find_time_phrases(text: str, year: int, *, written: str | None = None) -> list[TimePhrase]:
    """All time phrases in `text`; where two overlap the longer wins.

    `written` is the text as written when `text` is a masked copy of the same
    length; each phrase's `text` is sliced from it.
    """
    norm = normalise(text)
    written = text if written is None else written
    found: list[TimePhrase] = []
    for pattern, handler in _PATTERNS:
        for m in pattern.finditer(norm):
            try:
                read = handler(m, year)
            except (ValueError, TypeError, OverflowError):
                read = (UNREADABLE, None)  # 2月30日, 第0季度 …
            if read is None:
                continue
            level, due = read
            found.append(TimePhrase(m.start(), m.end(), written[m.start() : m.end()], level, due))
    found.sort(key=lambda p: (p.start, p.start - p.end))
    chosen: list[TimePhrase] = []
    for phrase in found:
        if not chosen or phrase.start >= chosen[-1].end:
            chosen.append(phrase)
    return chosen


def read_time_phrase(text: str, year: int) -> TimePhrase | None:
    """The most precise readable phrase in a short value such as 完成时限's.

    Returns an UNREADABLE phrase spanning the text when nothing can be read,
    and None for an empty value.
    """
    if not text.strip():
        return None
    phrases = [p for p in find_time_phrases(text, year) if p.level != PAST]
    dated = [p for p in phrases if p.level in DATED]
    if dated:
        return min(dated, key=lambda p: DATED.index(p.level))
    readable = [p for p in phrases if p.level != UNREADABLE]
    if readable:
        return readable[0]
    return TimePhrase(0, len(text), text, UNREADABLE, None)
