"""The patterns of the genre's time phrases and what each one reads: a day, a month, a
quarter, a half-year, a year, a plan period, a relative span, a recurrence, ongoing work, and
the phrases that are unreadable on purpose (see deadlines.py for the conventions)."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from typing import TypeAlias

from .bimonthly_duties import BIMONTHLY_RE, bimonthly
from .day_spans import DASHLESS_FIRST, DAY_RE, DAY_SPAN_RE, YEAR_START, dashless_span_ok
from .dotted_dates import DOTTED_DAY_RE, dotted_day
from .lazy_patterns import lazy_compile
from .month_intervals import EVERY_FEW_MONTHS_RE, every_few_months
from .named_days import COMMEMORATIVE_DAY_RE, HOLIDAY, NATIONAL_DAY_RE, commemorative_day, national_day
from .textutil import CN_NUMERALS, cn_number, cn_to_int
from .time_phrase import (
    BEFORE,
    DATED,
    HALF_YEARLY,
    MONTH_PART,
    MONTHLY,
    NOT_AFTER_NUMBER,
    ONGOING,
    PLAN,
    PRECISE,
    QUARTERLY,
    RECURRING,
    RELATIVE,
    SPAN_OF_YEARS,
    TEN_DAILY,
    UNREADABLE,
    WEAK_YEAR,
    WEEKLY,
    YEAR,
    YEAR_PREFIX,
    YEARLY,
    N,
    Read,
    Y,
    clipped_day,
    month_end,
    year_of,
)
from .yearly_duties import YEARLY_DUTY_RE, year_before

# A pattern's reader: what its match says in the document's year; None when it is no time phrase.
Handler: TypeAlias = Callable[[re.Match[str], int], Read | None]


def _day(m: re.Match[str], year: int) -> Read:
    # `10月15日前`, `2023年12月31日`, `2023-12-31`, `2023/12/31`: that day.
    return PRECISE, date(year_of(m, year), cn_number(m["m"]), cn_number(m["d"]))


def _month(m: re.Match[str], year: int) -> Read | None:
    # `5月底前`, `6月中旬`, `9月份`, `1-6月`, `9月投入使用` (a bare month: its end).
    if m["p"] is None and m["before"] and not m["m"].isascii():
        # `三月前` may be `三个月前`, "three months ago": never guess.
        return UNREADABLE, None
    # `6月前`, `11月份前` (no 底): the month's end, as `6月底前`, with a check (`month_before`).
    if m["p"] is None and not (m["y"] or m["rel"]) and not m["m"].isascii() and not m["fen"]:
        return None  # a bare 一月/十月 is too often not a date at all
    month = cn_to_int(m["m"])
    if month is None or not 1 <= month <= 12:
        return (UNREADABLE, None) if m["p"] or m["y"] else None
    return PRECISE, month_end(year_of(m, year), month, m["p"])


def _month_without_yue(m: re.Match[str], year: int) -> Read | None:
    # `2016年6底前`: a month after its year with its 月 dropped, as tables are typed in haste.
    return PRECISE, month_end(int(m["y"]), int(m["m"]), m["p"])


def _table_month(m: re.Match[str], year: int) -> Read | None:
    # Tables write a month as `2023.12` or `2023-12`: its end.
    month = int(m["m"])
    if not 1 <= month <= 12 or not 1900 <= int(m["y"]) <= 2100:
        return None
    return PRECISE, month_end(int(m["y"]), month)


def _quarter(m: re.Match[str], year: int) -> Read:
    # `一季度`, `第一季度`, `三季度末`, `前三季度`: the quarter's last day.
    quarter = cn_number(m["q"])
    return PRECISE, month_end(year_of(m, year), quarter * 3)


def _half(m: re.Match[str], year: int) -> Read:
    # `上半年` / `年中` → 30 June, `下半年` → 31 December.
    month = 12 if m["h"] == "下半年" else 6
    return PRECISE, month_end(year_of(m, year), month)


def _numbered_year(m: re.Match[str], year: int) -> Read | None:
    # `2023年`, `2023年底前`, `2024年度`, `2023—2025年` (a range: its last year).
    written = cn_to_int(m["y"])
    if written is None or not 1900 <= written <= 2100:
        return None
    first = cn_to_int(m["y0"] or m["y0x"] or m["y"])  # `y0x`: a span that lost its dash (`day_spans`)
    if first is None or first > written or not dashless_span_ok(m, first, written):
        return None
    if year_before(m) and written >= year:  # a past year's `X年前` is a reference (round 41)
        return UNREADABLE, None  # `2014年前`: by the end of 2013 or of 2014, the reviewer's call (round 115)
    return YEAR, date(written, 12, 31)


# A plan period named for its start: `开好局`, `起好步`, `良好开局`, `开局之年`, `起步之年`, `首年`
# (not a `起步区`, a place), after the period's name within its clause (`“十四五”发展开好局`).
_PERIOD_START_RE = re.compile(r"[^,;。!?:\n]{0,12}?(?:开好?局|起好?步(?!区)|首年)")


def _plan(m: re.Match[str], year: int) -> Read | None:
    """The Nth five-year plan ends in 1955 + 5N: 十一五 in 2010, 十四五 in 2025.

    A period named for its start (`确保“十四五”开好局起好步`, `实现“十五五”良好开局`, `“十四五”开局之年`)
    wishes it a good beginning and commits nothing by its end: no time phrase. Its end (`“十三五”
    规划圆满收官`, `“十四五”末`) or the period as a span (`“十四五”期间完成…`) is the deadline it always was."""
    if not m.group().endswith("末") and _PERIOD_START_RE.match(m.string, m.end()):
        return None
    return PLAN, date(1955 + 5 * (10 + cn_number(m["n"])), 12, 31)


def _fixed(level: str) -> Callable[[re.Match[str], int], Read]:
    def handler(m: re.Match[str], year: int) -> Read:
        return level, (date(year_of(m, year), 12, 31) if level in DATED else None)

    return handler


def _recurring(recurrence: str, dates: list[date], level: str = RECURRING) -> Read:
    if not dates:
        raise ValueError(recurrence)  # no occurrence in the year: unreadable
    return level, dates[0], recurrence, tuple(dates)


def _monthly(m: re.Match[str], year: int) -> Read:
    # `每月10日前` (`每月在10日前`, `每月于10日前`) → the 10th of every month; `每月底` / `每月` / `按月` → every
    # month end; `每月上旬` → every 10th. A day past a short month's end falls on its last day. Two report
    # days (`每月在10日、25日前`, `每月5日和20日前`) are both kept, each month.
    days = [day for day in (cn_to_int(d) for d in (m["d"], m["d2"]) if d) if day is not None]
    if any(not 1 <= day <= 31 for day in days):
        raise ValueError(days)
    if not days:
        return _recurring(MONTHLY, [month_end(year, month, m["p"]) for month in range(1, 13)])
    dates = sorted({clipped_day(year, month, day) for month in range(1, 13) for day in days})
    return _recurring(MONTHLY, dates)


def _quarterly(m: re.Match[str], year: int) -> Read:
    # `每季度` / `每季度末` → quarter ends; `每季度第一个月10日前` / `每季度首月10日前` →
    # the 10th of its first month; `每季度末月25日前` → the 25th of its last month;
    # `每季度次月10日前` → the 10th of the month after it;
    # `每季度结束后10日内` → ten days after its end. Only dates in the year count.
    written_day = m["d"] or m["dn"] or m["dl"]  # 第一个月10日 / 次月10日 / 末月25日
    day = cn_to_int(written_day) if written_day else None
    after = cn_to_int(m["n"]) if m["n"] else None
    if (day is not None and not 1 <= day <= 31) or (after is not None and not 1 <= after <= 90):
        raise ValueError(day or after)
    dates = []
    for quarter in range(1, 5):
        end = month_end(year, quarter * 3)
        if day and m["first"]:
            dates.append(clipped_day(year, quarter * 3 - 2, day))
        elif day and m["next"]:
            if quarter < 4:
                dates.append(clipped_day(year, quarter * 3 + 1, day))
        elif day:
            dates.append(clipped_day(year, quarter * 3, day))
        elif after:
            due = end + timedelta(days=after)
            if due.year == year:
                dates.append(due)
        else:
            dates.append(end)
    return _recurring(QUARTERLY, dates)


def _half_yearly(m: re.Match[str], year: int) -> Read:
    # `每半年`: 30 June and 31 December.
    return _recurring(HALF_YEARLY, [date(year, 6, 30), date(year, 12, 31)])


# Done `定期` (regularly), or a number of times (`一次`, `不少于两次`), within the part after 每年.
_YEARLY_ROUTINE = re.compile(r"度?(?:定期|[^,;。\d%]{0,16}?(?:[一两二三四五1-5]|\d{1,2})\s*次(?![数级]))")


def _yearly(m: re.Match[str], year: int) -> Read:
    # `每年3月底前` → that day each year; a bare `每年` / `每年度` → 31 December, and like
    # 年度 it only dates a quantity (`每年新增100亩`), never a task alone; but a routine's
    # (`每年定期公布`, `每年开展一次评估`) is a yearly duty by itself.
    if not m["m"]:
        # A duty's own verb after it (`政府每年安排…`, `每年年底提出…`) is a yearly duty too (`yearly_duties`).
        routine = _YEARLY_ROUTINE.match(m.string, m.end()) or YEARLY_DUTY_RE.match(m.string, m.end())
        return _recurring(YEARLY, [date(year, 12, 31)], RECURRING if routine else WEAK_YEAR)
    month = cn_number(m["m"])
    due = date(year, month, cn_number(m["d"])) if m["d"] else month_end(year, month, m["p"])
    return _recurring(YEARLY, [due])


_WEEKDAYS = {
    **dict(zip("一二三四五六日天", (0, 1, 2, 3, 4, 5, 6, 6), strict=True)),
    **{str(i): i - 1 for i in range(1, 8)},
}


def _weekly(m: re.Match[str], year: int) -> Read:
    # `每周` → every Friday (the working week's last day); `每周一` → every Monday.
    weekday = _WEEKDAYS[m["wd"]] if m["wd"] else 4
    first = date(year, 1, 1)
    first += timedelta(days=(weekday - first.weekday()) % 7)
    return _recurring(
        WEEKLY, [first + timedelta(weeks=w) for w in range(53) if (first + timedelta(weeks=w)).year == year]
    )


def _ten_daily(m: re.Match[str], year: int) -> Read:
    # `每旬` (旬报): the 10th, the 20th and the last day of every month.
    dates = [month_end(year, month, part) for month in range(1, 13) for part in ("上旬", "中旬", "下旬")]
    return _recurring(TEN_DAILY, dates)


# A rate (`每人每月`, `每亩每年`, `每月500元`) is no recurring deadline; a post's (`负责人每月至少两次…`, round 185) is.
_NOT_A_RATE_BEFORE = r"(?:(?<![人户亩吨家元个台辆床所座只头])|(?<=负责人)|(?<=责任人))"
_NOT_A_RATE_AFTER = r"(?![\d.]+\s*[万千百]?(?:元|美元)|计|折算|平均|均|发放|支付|缴|结算|领取)"

PATTERNS: list[tuple[re.Pattern[str], Handler]] = [
    (DAY_SPAN_RE, _day),  # `5月7-13日` (`day_spans`)
    (DAY_RE, _day),  # `10月15日前`, `2023年12月31日`, `5月8日左右`
    (
        # `20251月20日前`: a page that lost the 年 between the year and the month (round 128), as `20259月底前`.
        re.compile(rf"(?<![\d.])(?P<y>(?:19|20)\d{{2}})(?P<m>1[0-2]|0?[1-9])月(?P<d>[1-9]|[12]\d|3[01])[日号]{BEFORE}"),
        _day,
    ),
    (
        re.compile(rf"(?<![\d.])(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?![\d.]){BEFORE}"),
        _day,
    ),
    # `6.30前`, `12.31日前`: a day typed as month.day (`dotted_dates`).
    (DOTTED_DAY_RE, dotted_day),
    (
        re.compile(
            rf"(?<![\d.])(?P<y>(?:19|20)\d{{2}})[-/.](?P<m>\d{{1,2}})(?![\d.%])"
            rf"(?!\s*(?:[万亿千百]|元|吨|亩|个|人|家|户|平方|公里|米)){BEFORE}"
        ),
        _table_month,
    ),
    (
        re.compile(
            rf"{NOT_AFTER_NUMBER}{YEAR_PREFIX}(?P<range>\d{{1,2}}\s*[-—~至到]\s*)?"  # `从3月起…` starts a duty (round 132)
            rf"(?P<m>{N})月(?!份?(?:底|末|初)?起)(?P<fen>份)?{MONTH_PART}?{BEFORE}"
        ),
        _month,
    ),
    (
        re.compile(rf"(?<![\d.])(?P<y>(?:19|20)\d{{2}})\s*年\s*(?P<m>1[0-2]|[1-9])\s*{MONTH_PART}{BEFORE}"),
        _month_without_yue,
    ),
    (
        # `20259月底前`: the year's 年 dropped as hastily as a month's 月 (`2016年6底前`), a month part after.
        re.compile(rf"(?<![\d.])(?P<y>(?:19|20)\d{{2}})(?P<m>1[0-2]|0?[1-9])月{MONTH_PART}{BEFORE}"),
        _month_without_yue,
    ),
    (
        # `从2023年第一季度开始` starts a duty (round 101), as `2026年起` does: not its end.
        re.compile(rf"{YEAR_PREFIX}前?第?(?P<q>[一二三四1-4])季度(?:末|底)?{BEFORE}(?!起|开始|以来)"),
        _quarter,
    ),
    (
        lazy_compile(
            rf"{YEAR_PREFIX}(?:(?P<h>上半年|下半年)|(?P<mid>(?<![全一今本当去明次每])年中)"
            r"(?:之?前|以前)?(?=$|[\s,.;。、)]|完成|基本|全面|实现|建成|投入|启动|开工|竣工|出台|形成|达到|力争|确保))"
        ),
        _half,
    ),
    (
        re.compile(
            rf"{YEAR_START}(?:(?P<y0>{Y})年?\s*[-—~至到]\s*|{DASHLESS_FIRST})?(?P<y>{Y})年度?"
            rf"(?:底|末|内|全年|年底|年内)?{BEFORE}"
            # `2026年起实施` starts the work, `2026年春节前` names a day in the year: neither is its end; nor is
            # `从2023年第一季度开始` (round 101).
            rf"(?!起|开始|以来|{HOLIDAY}|第?[一二三四1-4]季度(?:起|开始|以来))"
        ),
        _numbered_year,
    ),
    # Not the end of a count of years (`用1.5年内完成`: a year and a half, not this year).
    (re.compile(r"(?<![上去前明次跨当本今每\d.])(?:年内|年底前|年底|年末|全年|年度内)"), _fixed(YEAR)),
    # `今年汛期`, `今年春节前`: a season or a holiday in the year is no end of it (round 184).
    (re.compile(rf"(?P<rel>本年度|本年|今年|当年)(?:年?底|年?末|内)?(?:之?前)?(?!{HOLIDAY})"), _fixed(YEAR)),
    (re.compile(r"(?P<rel>明年|次年|下一年|下年度|来年)(?:年?底|年?末|内)?(?:之?前)?"), _fixed(YEAR)),
    # `今明两年`, `明后两年`, `今后两年`, `未来三年`: the span's last year's end (time_phrase.py).
    (re.compile(rf"(?P<rel>{SPAN_OF_YEARS})(?:度)?(?:底|末|内)?(?:之?前)?"), _fixed(YEAR)),
    # `年度计划投资200亿元`, `年度目标任务`: 年度 names the plan's annual figure, a target due as any
    # undated quantity is, not a time the work is dated by (nor one carried to the parts after it).
    (re.compile(r"(?<![上去前跨当本今每])年度(?!计划|目标|任务|指标|预算)"), _fixed(WEAK_YEAR)),
    (re.compile(r"[\"“”「]?十(?P<n>[一二三四五六七八九])五[\"“”」]?(?:时期|期间|期末|末)?"), _plan),
    (
        re.compile(
            r"(?<![\d.])(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*个?\s*"
            r"(?:工作日|自然日|日|天|周|星期|个月|年)(?:之内|以内|内)"
        ),
        _fixed(RELATIVE),
    ),
    # Recurring (see the module docstring).
    # `每单月10日前`, `每双月`, `每两个月`, `隔月`: a month's duty kept every other month (`bimonthly_duties`).
    (BIMONTHLY_RE, bimonthly),
    (EVERY_FEW_MONTHS_RE, every_few_months),  # `每三个月…一次`, `,月开展一次` (`month_intervals`)
    (
        re.compile(
            rf"{_NOT_A_RATE_BEFORE}(?:每个?|逐)月(?:[在于]?(?P<d>{N})[日号]?(?:[、和及与]\s*(?P<d2>{N}))?[日号]|月?{MONTH_PART})?{BEFORE}"
            rf"{_NOT_A_RATE_AFTER}|按月(?:份)?{_NOT_A_RATE_AFTER}"
        ),
        _monthly,
    ),
    (
        re.compile(
            rf"{_NOT_A_RATE_BEFORE}(?:每个?|逐|按)季度?"
            rf"(?:(?P<first>第一个月|首月)(?P<d>{N})[日号]|(?P<next>次月|下月|后一个月)(?P<dn>{N})[日号]"
            rf"|(?:末月|最后一个月)(?P<dl>{N})[日号]"
            rf"|(?:结束|末)后(?P<n>{N})(?:个)?(?:日|天|自然日)(?:之?内|以内)|末|底)?{BEFORE}{_NOT_A_RATE_AFTER}"
        ),
        _quarterly,
    ),
    (lazy_compile(rf"{_NOT_A_RATE_BEFORE}(?:每|按)半年度?(?:末|底)?{BEFORE}{_NOT_A_RATE_AFTER}"), _half_yearly),
    (
        re.compile(
            rf"{_NOT_A_RATE_BEFORE}每年度?(?:(?P<m>{N})月(?:份)?(?:(?P<d>{N})[日号]|{MONTH_PART})?)?{BEFORE}"
            rf"{_NOT_A_RATE_AFTER}"
        ),
        _yearly,
    ),
    (
        re.compile(
            rf"{_NOT_A_RATE_BEFORE}(?:每|按)(?:周|星期)(?!年|岁)"
            r"(?:(?P<wd>[一二三四五六日天1-7])(?![次回遍个天名批场期项篇条家人]))?"
            rf"{BEFORE}{_NOT_A_RATE_AFTER}"
        ),
        _weekly,
    ),
    (lazy_compile(r"(?:每|逐|按)旬"), _ten_daily),
    # `在疫情防控常态化前提下` names the circumstance the work is done in, no work kept up.
    (re.compile(r"长期坚持|持续推进|常态化(?!的?(?:前提|条件|背景|形势|情况)下)"), _fixed(ONGOING)),
    (NATIONAL_DAY_RE, national_day),
    (COMMEMORATIVE_DAY_RE, commemorative_day),  # `在“6·26”国际禁毒日到来之际` (`named_days`)
    (
        # A holiday's date moves with the lunar calendar or the region (`春节前`, `汛期前`): never guessed.
        re.compile(
            rf"择期|适时|近期|限期|(?:{HOLIDAY})(?:之?前|以前)|节前|(?<![\d上去今明本当每跨次{CN_NUMERALS}])年前"
        ),
        _fixed(UNREADABLE),
    ),
    (re.compile(r"(?<![\d每本上下当次年月])(?:月(?:底|末)|上旬|中旬|下旬)(?:之?前|以前)?"), _fixed(UNREADABLE)),
]
# One of these (a character, or a word where a character is too common: 国, 中 and 年 are in most
# clauses) is in every match of the pattern: a pattern is not run over a text without one (the parser
# reads every clause). tests/parsing/test_time_triggers.py holds each to its pattern.
TRIGGERS: tuple[tuple[str, ...], ...] = (
    tuple("日号"),
    tuple("日号"),
    tuple("日号"),
    tuple("-/."),
    tuple("."),
    tuple("-/."),
    tuple("月"),
    tuple("底末旬初"),
    tuple("底末旬初"),
    tuple("季"),
    ("半年", "年中"),
    tuple("年"),
    tuple("年"),
    tuple("年"),
    tuple("年"),
    tuple("今明未"),
    tuple("度"),
    tuple("五"),
    tuple("内"),
    tuple("月"),
    tuple("月天"),  # `每三个月`, `每15天一次` (`month_intervals`)
    tuple("月"),
    tuple("季"),
    tuple("半"),
    tuple("每"),
    tuple("周星"),
    tuple("旬"),
    tuple("长持常"),
    ("国庆",),
    tuple('“"‘'),
    # Every holiday's deadline ends in 前, as 节前 and 年前 do.
    ("择期", "适时", "近期", "限期", "前"),
    ("月底", "月末", "旬"),
)
assert len(TRIGGERS) == len(PATTERNS)
