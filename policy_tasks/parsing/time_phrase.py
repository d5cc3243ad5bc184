"""What a time phrase of the genre is: its levels of precision, its record, and the
pieces of Chinese date writing (numerals, years, month parts) that the patterns share.

See deadlines.py for the conventions of the genre the reader follows.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from typing import TypeAlias

from .textutil import CN_NUMERALS, cn_to_int

# Levels say how precise a phrase is; milestones.py derives the kind from it.
PRECISE = "precise"  # a day, month, quarter or half-year
RECURRING = "recurring"  # 每月10日前, 每季度 …: `occurrences` holds the dates
YEAR = "year"  # 年内, 全年, 2023年 …
WEAK_YEAR = "weak_year"  # bare 年度 / 每年: dates a quantity, never a task alone
PLAN = "plan"  # a five-year plan period such as “十四五”
ONGOING = "ongoing"
RELATIVE = "relative"
UNREADABLE = "unreadable"
PAST = "past"  # a year before the document's: a reference point, not a deadline

# Most precise first: where one part of a sentence states two, the first level here wins.
DATED = (PRECISE, RECURRING, YEAR, WEAK_YEAR, PLAN)

MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY, WEEKLY, TEN_DAILY, DAILY = (
    "monthly",
    "quarterly",
    "half_yearly",
    "yearly",
    "weekly",
    "ten_daily",
    "daily",  # a duty every few days (`每15天一次`, `month_intervals`)
)


@dataclass(frozen=True)
class TimePhrase:
    start: int
    end: int
    text: str
    level: str
    due: date | None = None
    # The year the phrase itself states, written (`2024年`, a range's last year) or
    # relative (`明年`); None when it is read in the document's year.
    stated_year: int | None = None
    recurrence: str | None = None  # monthly | quarterly | half_yearly | yearly | weekly | ten_daily
    occurrences: tuple[date, ...] = ()


# (level, due) or (level, due, recurrence, occurrences)
Read: TypeAlias = tuple[str, date | None] | tuple[str, date | None, str, tuple[date, ...]]

N = rf"(?:\d{{1,2}}|[{CN_NUMERALS}]{{1,3}})"
Y = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
BEFORE = r"(?P<before>之前|以前|前|止)?"
# A day's deadline with its hour (`6月20日18:00前`, `6月20日下午5:30前`, `6月20日17时前`): a notice fixes the hour the
# reports close, and the day is still the deadline; an hour written in characters is read only before 前, where it can
# be nothing else (`6月20日3点要求` is no hour). The evening written short, the clock's hour with 时 after it and the
# office's closing time (`2月9日晚19:00时前`, `2月9日下午下班前`, a county's meeting report, round 136) are hours too.
CLOCK = (
    r"(?:[^\S\n]*(?:上午|下午|中午|晚上|早上|傍晚|晚)?[^\S\n]*(?:(?:[01]?\d|2[0-4])[^\S\n]*"
    r"(?::[0-5]\d(?!\d)(?:时(?=之前|以前|前))?|[时点](?:[0-5]?\d分|半)?(?=之前|以前|前))|下班(?=之前|以前|前)))?"
)
# Not inside a number (`2.5月`, `十二月` read whole), but after an item's own number a month
# starts (`1.4月底前完工`, `2.8月底前交付` in a table cell's numbered schedule).
NOT_AFTER_NUMBER = rf"(?:(?<![\d.{CN_NUMERALS}])|(?<=^\d\.)|(?<=^\d\d\.)|(?<=[\s。;:,、]\d\.)|(?<=[\s。;:,、]\d\d\.))"
_NEXT_YEAR = ("明年", "次年", "来年", "下一年", "下年度")
# A span of years counted from the document's year Y ends on its last year's last day. Named by its
# years: `今明两年` (Y and Y+1), `明后两年` (Y+1 and Y+2). Named by its length from now, `今后两年` /
# `未来三年` count Y as the first: a plan issued in Y for "the coming three years" is the 三年行动 of
# Y to Y+2, so `今后两年` ends with Y+1 and `未来三年` with Y+2. A longer span (`未来五年`) is a
# horizon, not a deadline (as the corpus reads it: zhejiang-lishui-2023), and `近两年` is none: in
# the genre it is the years just past (`近两年来`, `近三年未发生…`).
_SPAN_LAST_YEAR = {"今明两年": 1, "明后两年": 2}
SPAN_OF_YEARS = r"今明两年|明后两年|(?:今后|未来)[两二三23]年"


def _span_last_year(rel: str) -> int | None:
    """How many years after the document's a span of years (`SPAN_OF_YEARS`) ends, else None."""
    if rel in _SPAN_LAST_YEAR:
        return _SPAN_LAST_YEAR[rel]
    m = re.fullmatch(r"(?:今后|未来)(.)年", rel)
    length = cn_to_int(m[1]) if m else None
    return None if length is None else length - 1


# A year stated before a month or quarter: written, or relative to the document's (明年).
YEAR_PREFIX = rf"(?:(?P<y>{Y})年|(?P<rel>(?<![每首本再])(?:明年|次年|来年|下一年)|今年|本年|当年))?"
# 月初 is read as 上旬; 初步/初审 … are words, not dates.
MONTH_PART = r"(?P<p>底|末|上中旬|中下旬|上旬|中旬|下旬|初(?![步稿审验评选见始次级中]))"


def clipped_day(year: int, month: int, day: int) -> date:
    """The day of the month, or the month's last day where it has no such day (`每月31日前` in a shorter month)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def month_end(year: int, month: int, part: str | None = None) -> date:
    if part in ("上旬", "初"):
        return date(year, month, 10)
    if part in ("中旬", "上中旬"):
        return date(year, month, 20)
    return date(year, month, calendar.monthrange(year, month)[1])


def stated_year(m: re.Match[str], year: int) -> int | None:
    groups = m.groupdict()
    if groups.get("y"):
        return cn_to_int(groups["y"])
    if groups.get("rel"):
        if (span := _span_last_year(groups["rel"])) is not None:
            return year + span
        return year + 1 if groups["rel"] in _NEXT_YEAR else year
    return None


def year_of(m: re.Match[str], year: int) -> int:
    stated = stated_year(m, year)
    if stated is not None and not 1900 <= stated <= 2100:
        raise ValueError(stated)
    return year if stated is None else stated
