"""The corpus's prose documents with their deadlines written in other forms the genre uses for the same date.

Each swap touches only the places a document writes the source form, and only where the target form is due
on the same day as the genre reads both (deadlines.py: a month's 底 and a bare month are its last day, a
quarter its last month's end, 上半年 30 June, 年底前 / 年内 31 December), so the gold's dated milestones stay
as they are. Every target form is written by a real document of the corpus: `6月底完成` (湘西 2020), `4月30日前`
(许昌 2011) and `12月25日前` (河南 2023) for a day (the 31st of a long month is that form's day), `12月底前` (赵县 2023,
同心 2023), `第一季度` … `第四季度` (广州 2023, 德州 2023), `2023年10月底前` (赵县 2023), `2023年第一季度` (蔡甸 2023),
`年内` (青州 2023), `年底前` (许昌 2020), `2022年底前` (西安 2022); `上半年` is described in docs/parsing.md.

Two forms of the brief were not tried: `N月末前` (no document of the corpus writes it) and `N月份前`, which the
genre reads both as "by the end of N" and "before N" (`2022年11月份前`, 宁海 2022: the gold leaves it undated)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable

from policy_tasks.parsing.scoring import GoldClause

Swap = Callable[[str, list[GoldClause], int], str]

# A month's end as a deadline, not a recurrence (`每月底前`, `每年3月底前`) nor inside a number (`2.5月`).
_MONTH_END_BEFORE = re.compile(r"(?<![\d.每])(?<!每年)(?P<m>1[0-2]|[1-9])月底前")
# `6月底完成` without 前; not a status date (`截至2019年12月底`).
_MONTH_END = re.compile(r"(?<![\d.每])(?<!每年)(?P<m>1[0-2]|[1-9])月底(?!前)")
_STATUS = re.compile(r"(?:截至|截止)[^,，。;；\n]{0,12}$")
_QUARTERS = {3: "第一季度", 6: "第二季度", 9: "第三季度", 12: "第四季度"}
# A year written before a month in its own line: the month may be read in that year (承前省略,
# `2020年任务:一是4月底前…`), so no other year is written in.
_WRITTEN_YEAR = re.compile(r"(?:19|20)\d{2}\s*年")


def _sub(pattern: re.Pattern[str], text: str, new: Callable[[re.Match[str]], str | None]) -> str:
    def replace(m: re.Match[str]) -> str:
        if _STATUS.search(text, max(0, m.start() - 16), m.start()):
            return m.group(0)
        out = new(m)
        return m.group(0) if out is None else out

    return pattern.sub(replace, text)


def month_end_without_before(text: str, gold: list[GoldClause], year: int) -> str:
    """`6月底前完成` → `6月底完成`."""
    return _sub(_MONTH_END_BEFORE, text, lambda m: f"{m['m']}月底")


def month_end_with_before(text: str, gold: list[GoldClause], year: int) -> str:
    """`6月底完成` → `6月底前完成`."""
    return _sub(_MONTH_END, text, lambda m: f"{m['m']}月底前")


def month_last_day(text: str, gold: list[GoldClause], year: int) -> str:
    """`4月底前` → `4月30日前`, `10月底前` → `10月31日前`; February is left (its last day depends on the year)."""

    def new(m: re.Match[str]) -> str | None:
        month = int(m["m"])
        return None if month == 2 else f"{month}月{calendar.monthrange(2001, month)[1]}日前"

    return _sub(_MONTH_END_BEFORE, text, new)


def quarter_for_month(text: str, gold: list[GoldClause], year: int) -> str:
    """`3月底前` → `第一季度`, `9月底前` → `第三季度` (a quarter's last month only)."""
    return _sub(_MONTH_END_BEFORE, text, lambda m: _QUARTERS.get(int(m["m"])))


def half_year_for_june(text: str, gold: list[GoldClause], year: int) -> str:
    """`6月底前` → `上半年`."""
    return _sub(_MONTH_END_BEFORE, text, lambda m: "上半年" if m["m"] == "6" else None)


_QUARTER = re.compile(r"(?<![前每])(?P<first>第)?(?P<q>[一二三四1-4])季度(?![末底度])")
_QUARTER_MONTH = {"一": 3, "二": 6, "三": 9, "四": 12, "1": 3, "2": 6, "3": 9, "4": 12}


def month_for_quarter(text: str, gold: list[GoldClause], year: int) -> str:
    """`第一季度发行` → `3月底前发行`, `2017年第3季度` → `2017年9月底前`."""
    return _sub(_QUARTER, text, lambda m: f"{_QUARTER_MONTH[m['q']]}月底前")


_YEAR_END_BEFORE = re.compile(r"(?<![上去前明次跨当本今每])年底前")
# `年内` alone: not `5年内` (a span), `三年内`, `当年内` …
_WITHIN_YEAR = re.compile(r"(?<![\d上去前明次跨当本今每一二三四五六七八九十两个])年内")


def year_end_as_december(text: str, gold: list[GoldClause], year: int) -> str:
    """`年底前` → `12月底前` (`2012年底前` → `2012年12月底前`)."""
    return _sub(_YEAR_END_BEFORE, text, lambda m: "年12月底前" if _after_year(text, m) else "12月底前")


def year_end_as_within(text: str, gold: list[GoldClause], year: int) -> str:
    """`年底前` → `年内` (`2012年底前` → `2012年内`)."""
    return _sub(_YEAR_END_BEFORE, text, lambda m: "年内")


def within_year_as_year_end(text: str, gold: list[GoldClause], year: int) -> str:
    """`年内` → `年底前`."""
    return _sub(_WITHIN_YEAR, text, lambda m: "年底前")


def within_year_as_december(text: str, gold: list[GoldClause], year: int) -> str:
    """`年内` → `12月底前`."""
    return _sub(_WITHIN_YEAR, text, lambda m: "12月底前")


def _after_year(text: str, m: re.Match[str]) -> bool:
    # `2012年底前`: the 年 of the match is the year's own.
    return bool(re.search(r"\d\s*$", text[max(0, m.start() - 2) : m.start()]))


# The phrases a year is written before: a month's end, 年底前, a quarter.
_YEAR_LESS = re.compile(
    r"(?<![\d.每年])(?:(?:1[0-2]|[1-9])月底|(?<![上去前明次跨当本今])年底前|第?[一二三四]季度(?![末底度]))"
)


def year_written(text: str, gold: list[GoldClause], year: int) -> str:
    """`6月底前` → `2023年6月底前`, `年底前` → `2023年底前`, `第一季度` → `2023年第一季度`, in the document's own
    year, where no year is written before the phrase in its line (it may then be read in that year)."""

    def new(m: re.Match[str]) -> str | None:
        line_start = text.rfind("\n", 0, m.start()) + 1
        if _WRITTEN_YEAR.search(text, line_start, m.start()) or text[max(0, m.start() - 2) : m.start()] == "每年":
            return None
        return f"{year}{m.group(0)}" if m.group(0).startswith("年") else f"{year}年{m.group(0)}"

    return _sub(_YEAR_LESS, text, new)
