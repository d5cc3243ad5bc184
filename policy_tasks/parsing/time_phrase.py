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

MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY, WEEKLY, TEN_DAILY = (
    "monthly",
    "quarterly",
    "half_yearly",
    "yearly",
    "weekly",
    "ten_daily",
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
_Read: TypeAlias = tuple[str, date | None] | tuple[str, date | None, str, tuple[date, ...]]

_N = rf"(?:\d{{1,2}}|[{CN_NUMERALS}]{{1,3}})"
_Y = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_BEFORE = r"(?P<before>之前|以前|前|止)?"
# Not inside a number (`2.5月`, `十二月` read whole), but after an item's own number a month
# starts (`1.4月底前完工`, `2.8月底前交付` in a table cell's numbered schedule).
_NOT_AFTER_NUMBER = rf"(?:(?<![\d.{CN_NUMERALS}])|(?<=^\d\.)|(?<=^\d\d\.)|(?<=[\s。;:,、]\d\.)|(?<=[\s。;:,、]\d\d\.))"
_NEXT_YEAR = ("明年", "次年", "来年", "下一年", "下年度")
# A span of years counted from the document's, named by its years (`今明两年`: this year and next;
# `明后两年`: next year and the year after): it ends on its last year's last day.
_SPAN_LAST_YEAR = {"今明两年": 1, "明后两年": 2}
# A year stated before a month or quarter: written, or relative to the document's (明年).
_YEAR_PREFIX = rf"(?:(?P<y>{_Y})年|(?P<rel>(?<![每首本再])(?:明年|次年|来年|下一年)|今年|本年|当年))?"
# 月初 is read as 上旬; 初步/初审 … are words, not dates.
_MONTH_PART = r"(?P<p>底|末|上中旬|中下旬|上旬|中旬|下旬|初(?![步稿审验评选见始次级中]))"


def _month_end(year: int, month: int, part: str | None = None) -> date:
    if part in ("上旬", "初"):
        return date(year, month, 10)
    if part in ("中旬", "上中旬"):
        return date(year, month, 20)
    return date(year, month, calendar.monthrange(year, month)[1])


def _stated_year(m: re.Match[str], year: int) -> int | None:
    groups = m.groupdict()
    if groups.get("y"):
        return cn_to_int(groups["y"])
    if groups.get("rel"):
        if groups["rel"] in _SPAN_LAST_YEAR:
            return year + _SPAN_LAST_YEAR[groups["rel"]]
        return year + 1 if groups["rel"] in _NEXT_YEAR else year
    return None


def _year_of(m: re.Match[str], year: int) -> int:
    stated = _stated_year(m, year)
    if stated is not None and not 1900 <= stated <= 2100:
        raise ValueError(stated)
    return year if stated is None else stated
