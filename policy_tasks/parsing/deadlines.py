"""Reading the time phrases of Chinese policy documents into due dates.

Library decision: this is a focused hand-written reader rather than a general
date library. jionlp was measured to read only 8 of the 12 phrase kinds this
genre uses, weighs about 300 MB and writes into site-packages on import;
dateparser reads none of them. The genre's vocabulary is small and fixed
(月底前, 中旬, 一季度, 上半年, 年内, “十四五”, N个工作日内, 长期坚持, 每月10日前 …),
so a table of patterns is shorter to read and test than an adapter around a
library, and it never guesses: a phrase that looks like a time but cannot be
pinned to a date is reported as unreadable, and the caller turns it into a
warning. Chinese numerals (十月, 二〇二四年) are read by textutil.cn_to_int
rather than cn2an: months, days and years are all the genre needs.

The conventions of the genre this module reads (each pattern below names its own):

- Relative to the plan's year. A phrase without a year is read in the
  document's year; a year written in full (`2024年3月底前`), or named relative
  to it (`明年`, `次年`), is read in that year and reported in `stated_year`
  so that the caller can ask for a check. A year stated in a sentence governs
  the year-less month and quarter phrases after it in the same sentence
  (`2024年3月底前完成规划，6月底前开工`: both 2024), the usual 承前省略 of
  official prose. A year before the document's is a reference point
  (`比2022年增长`), not a deadline.
- A period resolves to its last day: 上旬 → 10th, 中旬 → 20th, 月初 → as 上旬,
  下旬/底/末/月份/a bare month (`9月投入使用`) → month end, a quarter → quarter
  end, 上半年/年中 → 30 June, a year-level phrase (年内, 年底前, 2023年底) →
  31 December, a range (`2023—2025年`, `3月至6月`) → the end of its last
  period, a five-year plan (“十四五”) → the end of its last year.
- Tables write dates as `2023.12`, `2023-12`, `2023/12/31`, `2023-12-31`:
  the same rules apply.
- Recurring obligations (`每月10日前`, `每月底`, `每季度`, `每季度第一个月10日前`,
  `每半年`, `每年`, `每周`, `每旬`, `按月`) have a `recurrence` and their
  `occurrences` in the document's year, from its start; `due` is the first.
  A week's report is due on its last working day (Friday) unless a weekday is
  named (`每周一`). Rates such as `每人每月500元` are not recurring deadlines.
- Ongoing work (`长期坚持`, `持续推进`, `常态化`; in a 完成时限 value also `长期`,
  `持续开展` …) has no date of its own.
- Unreadable on purpose: 择期, 适时, 近期, 限期, 春节前 / 节前 (which Spring
  Festival depends on when the plan was issued), a month-less 月底前, and
  `6月前`, which is read both as "by end of June" and "before June".
"""

from __future__ import annotations

import calendar
import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .textutil import CN_NUMERALS, cn_to_int, normalise

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


_Read = tuple  # (level, due) or (level, due, recurrence, occurrences)

_N = rf"(?:\d{{1,2}}|[{CN_NUMERALS}]{{1,3}})"
_Y = r"(?:\d{4}|[〇零一二三四五六七八九]{4})"
_BEFORE = r"(?P<before>之前|以前|前|止)?"
# Not inside a number (`2.5月`, `十二月` read whole), but after an item's own number a month
# starts (`1.4月底前完工`, `2.8月底前交付` in a table cell's numbered schedule).
_NOT_AFTER_NUMBER = rf"(?:(?<![\d.{CN_NUMERALS}])|(?<=^\d\.)|(?<=^\d\d\.)|(?<=[\s。;:,、]\d\.)|(?<=[\s。;:,、]\d\d\.))"
_NEXT_YEAR = ("明年", "次年", "来年", "下一年", "下年度")
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


def _stated_year(m: re.Match, year: int) -> int | None:
    groups = m.groupdict()
    if groups.get("y"):
        return cn_to_int(groups["y"])
    if groups.get("rel"):
        return year + 1 if groups["rel"] in _NEXT_YEAR else year
    return None


def _year_of(m: re.Match, year: int) -> int:
    stated = _stated_year(m, year)
    if stated is not None and not 1900 <= stated <= 2100:
        raise ValueError(stated)
    return year if stated is None else stated


def _day(m: re.Match, year: int) -> _Read:
    # `10月15日前`, `2023年12月31日`, `2023-12-31`, `2023/12/31`: that day.
    return PRECISE, date(_year_of(m, year), cn_to_int(m["m"]), cn_to_int(m["d"]))


def _month(m: re.Match, year: int) -> _Read | None:
    # `5月底前`, `6月中旬`, `9月份`, `1-6月`, `9月投入使用` (a bare month: its end).
    if m["p"] is None and m["before"]:
        # "6月前" is read both as "by end of June" and "before June": never guess.
        return UNREADABLE, None
    if m["p"] is None and not (m["y"] or m["rel"]) and not m["m"].isascii() and not m["fen"]:
        return None  # a bare 一月/十月 is too often not a date at all
    month = cn_to_int(m["m"])
    if month is None or not 1 <= month <= 12:
        return (UNREADABLE, None) if m["p"] or m["y"] else None
    return PRECISE, _month_end(_year_of(m, year), month, m["p"])


def _table_month(m: re.Match, year: int) -> _Read | None:
    # Tables write a month as `2023.12` or `2023-12`: its end.
    month = int(m["m"])
    if not 1 <= month <= 12 or not 1900 <= int(m["y"]) <= 2100:
        return None
    return PRECISE, _month_end(int(m["y"]), month)


def _quarter(m: re.Match, year: int) -> _Read:
    # `一季度`, `第一季度`, `三季度末`, `前三季度`: the quarter's last day.
    quarter = cn_to_int(m["q"])
    return PRECISE, _month_end(_year_of(m, year), quarter * 3)


def _half(m: re.Match, year: int) -> _Read:
    # `上半年` / `年中` → 30 June, `下半年` → 31 December.
    month = 12 if m["h"] == "下半年" else 6
    return PRECISE, _month_end(_year_of(m, year), month)


def _numbered_year(m: re.Match, year: int) -> _Read | None:
    # `2023年`, `2023年底前`, `2024年度`, `2023—2025年` (a range: its last year).
    written = cn_to_int(m["y"])
    if written is None or not 1900 <= written <= 2100:
        return None
    first = cn_to_int(m["y0"]) if m["y0"] else written
    if first is None or first > written:
        return None
    return YEAR, date(written, 12, 31)


def _plan(m: re.Match, year: int) -> _Read:
    # The Nth five-year plan ends in 1955 + 5N: 十一五 in 2010, 十四五 in 2025.
    return PLAN, date(1955 + 5 * (10 + cn_to_int(m["n"])), 12, 31)


def _fixed(level: str) -> Callable[[re.Match, int], _Read]:
    def handler(m: re.Match, year: int) -> _Read:
        return level, (date(_year_of(m, year), 12, 31) if level in DATED else None)

    return handler


def _recurring(recurrence: str, dates: list[date], level: str = RECURRING) -> _Read:
    if not dates:
        raise ValueError(recurrence)  # no occurrence in the year: unreadable
    return level, dates[0], recurrence, tuple(dates)


def _monthly(m: re.Match, year: int) -> _Read:
    # `每月10日前` → the 10th of every month; `每月底` / `每月` / `按月` → every month end;
    # `每月上旬` → every 10th. A day past a short month's end falls on its last day.
    day = cn_to_int(m["d"]) if m["d"] else None
    if day is not None and not 1 <= day <= 31:
        raise ValueError(day)
    dates = [_clipped(year, month, day) if day else _month_end(year, month, m["p"]) for month in range(1, 13)]
    return _recurring(MONTHLY, dates)


def _clipped(year: int, month: int, day: int) -> date:
    # `每月31日前` falls on the last day of a shorter month.
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _quarterly(m: re.Match, year: int) -> _Read:
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
        end = _month_end(year, quarter * 3)
        if day and m["first"]:
            dates.append(_clipped(year, quarter * 3 - 2, day))
        elif day and m["next"]:
            if quarter < 4:
                dates.append(_clipped(year, quarter * 3 + 1, day))
        elif day:
            dates.append(_clipped(year, quarter * 3, day))
        elif after:
            due = end + timedelta(days=after)
            if due.year == year:
                dates.append(due)
        else:
            dates.append(end)
    return _recurring(QUARTERLY, dates)


def _half_yearly(m: re.Match, year: int) -> _Read:
    # `每半年`: 30 June and 31 December.
    return _recurring(HALF_YEARLY, [date(year, 6, 30), date(year, 12, 31)])


def _yearly(m: re.Match, year: int) -> _Read:
    # `每年3月底前` → that day each year; a bare `每年` / `每年度` → 31 December, and like
    # 年度 it only dates a quantity (`每年新增100亩`), never a task alone.
    if not m["m"]:
        return _recurring(YEARLY, [date(year, 12, 31)], WEAK_YEAR)
    month = cn_to_int(m["m"])
    due = date(year, month, cn_to_int(m["d"])) if m["d"] else _month_end(year, month, m["p"])
    return _recurring(YEARLY, [due])


_WEEKDAYS = {
    **dict(zip("一二三四五六日天", (0, 1, 2, 3, 4, 5, 6, 6), strict=True)),
    **{str(i): i - 1 for i in range(1, 8)},
}


def _weekly(m: re.Match, year: int) -> _Read:
    # `每周` → every Friday (the working week's last day); `每周一` → every Monday.
    weekday = _WEEKDAYS[m["wd"]] if m["wd"] else 4
    first = date(year, 1, 1)
    first += timedelta(days=(weekday - first.weekday()) % 7)
    return _recurring(
        WEEKLY, [first + timedelta(weeks=w) for w in range(53) if (first + timedelta(weeks=w)).year == year]
    )


def _ten_daily(m: re.Match, year: int) -> _Read:
    # `每旬` (旬报): the 10th, the 20th and the last day of every month.
    dates = [_month_end(year, month, part) for month in range(1, 13) for part in ("上旬", "中旬", "下旬")]
    return _recurring(TEN_DAILY, dates)


# A rate (`每人每月`, `每亩每年`, `每月500元`) is not a recurring deadline.
_NOT_A_RATE_BEFORE = r"(?<![人户亩吨家元个台辆床所座只头])"
_NOT_A_RATE_AFTER = r"(?![\d.]+\s*[万千百]?(?:元|美元)|计|折算|平均|均|发放|支付|缴|结算|领取)"

_PATTERNS: list[tuple[re.Pattern, Callable]] = [
    (
        re.compile(rf"{_NOT_AFTER_NUMBER}{_YEAR_PREFIX}(?P<m>{_N})月(?P<d>{_N})[日号]{_BEFORE}"),
        _day,
    ),
    (
        re.compile(rf"(?<![\d.])(?P<y>\d{{4}})[-/.](?P<m>\d{{1,2}})[-/.](?P<d>\d{{1,2}})(?![\d.]){_BEFORE}"),
        _day,
    ),
    (
        re.compile(
            rf"(?<![\d.])(?P<y>(?:19|20)\d{{2}})[-/.](?P<m>\d{{1,2}})(?![\d.%])"
            rf"(?!\s*(?:[万亿千百]|元|吨|亩|个|人|家|户|平方|公里|米)){_BEFORE}"
        ),
        _table_month,
    ),
    (
        re.compile(
            rf"{_NOT_AFTER_NUMBER}{_YEAR_PREFIX}(?P<range>\d{{1,2}}\s*[-—~至到]\s*)?"
            rf"(?P<m>{_N})月(?P<fen>份)?{_MONTH_PART}?{_BEFORE}"
        ),
        _month,
    ),
    (
        re.compile(rf"{_YEAR_PREFIX}前?第?(?P<q>[一二三四1-4])季度(?:末|底)?{_BEFORE}"),
        _quarter,
    ),
    (
        re.compile(
            rf"{_YEAR_PREFIX}(?:(?P<h>上半年|下半年)|(?P<mid>(?<![全一今本当去明次每])年中)"
            r"(?:之?前|以前)?(?=$|[\s,.;。、)]|完成|基本|全面|实现|建成|投入|启动|开工|竣工|出台|形成|达到|力争|确保))"
        ),
        _half,
    ),
    (
        re.compile(
            rf"(?<![\d.])(?:(?P<y0>{_Y})年?\s*[-—~至到]\s*)?(?P<y>{_Y})年度?"
            rf"(?:底|末|内|全年|年底|年内)?{_BEFORE}"
        ),
        _numbered_year,
    ),
    (re.compile(r"(?<![上去前明次跨当本今每])(?:年内|年底前|年底|年末|全年|年度内)"), _fixed(YEAR)),
    (re.compile(r"(?P<rel>本年度|本年|今年|当年)(?:年?底|年?末|内)?(?:之?前)?"), _fixed(YEAR)),
    (re.compile(r"(?P<rel>明年|次年|下一年|下年度|来年)(?:年?底|年?末|内)?(?:之?前)?"), _fixed(YEAR)),
    (re.compile(r"(?<![上去前跨当本今每])年度"), _fixed(WEAK_YEAR)),
    (re.compile(r"[\"“”「]?十(?P<n>[一二三四五六七八九])五[\"“”」]?(?:时期|期间|期末|末)?"), _plan),
    (
        re.compile(
            r"(?<![\d.])(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*个?\s*"
            r"(?:工作日|自然日|日|天|周|星期|个月|年)(?:之内|以内|内)"
        ),
        _fixed(RELATIVE),
    ),
    # Recurring (see the module docstring).
    (
        re.compile(
            rf"{_NOT_A_RATE_BEFORE}(?:每个?|逐)月(?:(?P<d>{_N})[日号]|月?{_MONTH_PART})?{_BEFORE}"
            rf"{_NOT_A_RATE_AFTER}|按月(?:份)?{_NOT_A_RATE_AFTER}"
        ),
        _monthly,
    ),
    (
        re.compile(
            rf"{_NOT_A_RATE_BEFORE}(?:每个?|逐|按)季度?"
            rf"(?:(?P<first>第一个月|首月)(?P<d>{_N})[日号]|(?P<next>次月|下月|后一个月)(?P<dn>{_N})[日号]"
            rf"|(?:末月|最后一个月)(?P<dl>{_N})[日号]"
            rf"|(?:结束|末)后(?P<n>{_N})(?:个)?(?:日|天|自然日)(?:之?内|以内)|末|底)?{_BEFORE}{_NOT_A_RATE_AFTER}"
        ),
        _quarterly,
    ),
    (re.compile(rf"{_NOT_A_RATE_BEFORE}(?:每|按)半年度?(?:末|底)?{_BEFORE}{_NOT_A_RATE_AFTER}"), _half_yearly),
    (
        re.compile(
            rf"{_NOT_A_RATE_BEFORE}每年度?(?:(?P<m>{_N})月(?:份)?(?:(?P<d>{_N})[日号]|{_MONTH_PART})?)?{_BEFORE}"
            rf"{_NOT_A_RATE_AFTER}"
        ),
        _yearly,
    ),
    (
        re.compile(
            rf"{_NOT_A_RATE_BEFORE}(?:每|按)(?:周|星期)(?!年|岁)"
            r"(?:(?P<wd>[一二三四五六日天1-7])(?![次回遍个天名批场期项篇条家人]))?"
            rf"{_BEFORE}{_NOT_A_RATE_AFTER}"
        ),
        _weekly,
    ),
    (re.compile(r"(?:每|逐|按)旬"), _ten_daily),
    (re.compile(r"长期坚持|持续推进|常态化"), _fixed(ONGOING)),
    (
        re.compile(rf"择期|适时|近期|限期|春节前|节前|(?<![\d上去今明本当每跨次{CN_NUMERALS}])年前"),
        _fixed(UNREADABLE),
    ),
    (re.compile(r"(?<![\d每本上下当次年月])(?:月(?:底|末)|上旬|中旬|下旬)(?:之?前|以前)?"), _fixed(UNREADABLE)),
]
# One of these characters is in every match of the pattern at the same place: a
# pattern is not run over a text without them (the parser reads every clause).
_TRIGGERS = (
    "日号",
    "-/.",
    "-/.",
    "月",
    "季",
    "半中",
    "年",
    "年",
    "年",
    "年",
    "度",
    "五",
    "内",
    "月",
    "季",
    "半",
    "每",
    "周星",
    "旬",
    "长持常",
    "择适近限节年",
    "月旬",
)
assert len(_TRIGGERS) == len(_PATTERNS)


_SENTENCE_END = re.compile(r"[。;!?\n]")
_RANGE_JOIN = re.compile(r"\s*[-—~至到]\s*")


@dataclass
class _Found:
    phrase: TimePhrase
    match: re.Match
    handler: Callable

    def reread(self, year: int) -> TimePhrase | None:
        """The phrase read in another year (a range's or a sentence's stated year)."""
        try:
            read = self.handler(self.match, year)
        except (ValueError, TypeError, OverflowError):
            return None
        if read is None or read[0] != self.phrase.level:
            return None
        return replace(self.phrase, due=read[1], **_extras(read))


def _extras(read: _Read) -> dict:
    return {"recurrence": read[2], "occurrences": read[3]} if len(read) > 2 else {}


def find_time_phrases(text: str, year: int, *, written: str | None = None) -> list[TimePhrase]:
    """All time phrases in `text`; where two overlap the longer wins.

    `written` is the text as written when `text` is a masked copy of the same
    length; each phrase's `text` is sliced from it.
    """
    norm = normalise(text)
    written = text if written is None else written
    found: list[_Found] = []
    for (pattern, handler), triggers in zip(_PATTERNS, _TRIGGERS, strict=True):
        if not any(c in norm for c in triggers):
            continue
        for m in pattern.finditer(norm):
            if m.start() == m.end():
                continue
            try:
                read = handler(m, year)
            except (ValueError, TypeError, OverflowError):
                read = (UNREADABLE, None)  # 2月30日, 第0季度 …
            if read is None:
                continue
            level, due = read[0], read[1]
            stated = _stated_year(m, year) if level not in (UNREADABLE, PLAN) else None
            if stated is not None and stated < year and level in DATED:
                level = PAST  # `比2022年增长`, `2022年6月底`: a reference, not a deadline
            phrase = TimePhrase(m.start(), m.end(), written[m.start() : m.end()], level, due, stated, **_extras(read))
            found.append(_Found(phrase, m, handler))
    found.sort(key=lambda f: (f.phrase.start, f.phrase.start - f.phrase.end))
    chosen: list[_Found] = []
    for f in found:
        if not chosen or f.phrase.start >= chosen[-1].phrase.end:
            chosen.append(f)
    return _carry_years(norm, _join_ranges(norm, written, chosen), year)


def _join_ranges(norm: str, written: str, chosen: list[_Found]) -> list[_Found]:
    """`3月至6月`, `2023年3月—2024年6月`, `一季度至三季度`: one phrase, due at its end."""
    joined: list[_Found] = []
    for f in chosen:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.phrase.level in DATED
            and f.phrase.level in DATED
            and _RANGE_JOIN.fullmatch(norm, prev.phrase.end, f.phrase.start)
        ):
            last = f.phrase
            if last.stated_year is None and prev.phrase.stated_year is not None:
                last = f.reread(prev.phrase.stated_year) or last
                last = replace(last, stated_year=prev.phrase.stated_year)
            start = prev.phrase.start
            joined[-1] = _Found(replace(last, start=start, text=written[start : last.end]), f.match, f.handler)
            continue
        joined.append(f)
    return joined


_YEAR_LABEL_RE = re.compile(r"\s*(?:工作)?(?:任务|目标|计划|安排)\s*:")
_PARAGRAPH_END = re.compile(r"[。\n]")


def _carry_years(norm: str, chosen: list[_Found], year: int) -> list[TimePhrase]:
    """A dated schedule's year governs the year-less months and quarters after it in its sentence.

    Only a month, day or quarter with its year (`2024年3月底前`, `明年一季度`)
    sets the year: a bare horizon (`到2025年`) is a goal, and the months after
    it are this year's schedule. A phrase of the document's year (`今年`,
    `年内`, `2023年`) ends the carry.
    """
    ends = [m.start() for m in _SENTENCE_END.finditer(norm)]
    phrases: list[TimePhrase] = []
    context: tuple[int, int] | None = None  # (year, sentence-end offset)
    for f in chosen:
        phrase = f.phrase
        if context and phrase.start >= context[1]:
            context = None
        if phrase.stated_year is not None and _YEAR_LABEL_RE.match(norm, phrase.end):
            # `2020年任务:一是4月底前…;二是10月底前…。`: a year's own list of tasks in a
            # several-year plan; its months are that year's, down to the paragraph's full stop.
            stop = _PARAGRAPH_END.search(norm, phrase.end)
            context = (phrase.stated_year, stop.start() if stop else len(norm))
        elif phrase.stated_year is not None and phrase.level == PRECISE and phrase.stated_year != year:
            i = bisect_left(ends, phrase.end)
            context = (phrase.stated_year, ends[i] if i < len(ends) else len(norm))
        elif phrase.stated_year is not None or phrase.level == YEAR:
            context = None
        elif context and phrase.level in (PRECISE, RECURRING):
            phrase = f.reread(context[0]) or phrase
        phrases.append(phrase)
    return phrases


# A 完成时限 value that is all ongoing: `长期`, `持续推进`, `长期坚持`, `常态化开展` …
_ONGOING_VALUE = re.compile(
    r"(?:长期|持续|常态化|常年|长效)(?:坚持|推进|开展|实施|抓好|落实|有效|进行|执行)?(?:推进|实施|开展|落实)?"
)


def read_time_phrase(text: str, year: int) -> TimePhrase | None:
    """The deadline a short value such as 完成时限's states.

    A 完成时限 names when the task is done: the latest dated phrase wins
    (`6月底前启动,年底前完成` → 31 December), a recurrence only when it is all
    the value dates (`每季度`, `每月10日前`), a plan period last, a year before
    the document's (level PAST) only when nothing else is stated. A value that is
    all ongoing (`长期`, `持续推进`) is ONGOING. Returns an UNREADABLE phrase
    spanning the text when nothing can be read, and None for an empty value.
    """
    if not text.strip():
        return None
    core = normalise(text).strip(" \n。.;,:、")
    if _ONGOING_VALUE.fullmatch(core):
        start = normalise(text).index(core)
        return TimePhrase(start, start + len(core), text[start : start + len(core)], ONGOING)
    phrases = [p for p in find_time_phrases(text, year) if p.level != PAST]
    for levels in ((PRECISE, YEAR), (RECURRING,), (WEAK_YEAR,), (PLAN,)):
        dated = [p for p in phrases if p.level in levels]
        if dated:
            return max(dated, key=lambda p: (p.due, -p.start))
    readable = [p for p in phrases if p.level != UNREADABLE]
    if readable:
        return readable[0]
    # A 完成时限 is always a deadline: a year before the document's is kept (the
    # caller warns that it differs) rather than dropped as a reference.
    past = [p for p in find_time_phrases(text, year) if p.level == PAST]
    if past:
        return max(past, key=lambda p: (p.due, -p.start))
    return TimePhrase(0, len(text), text, UNREADABLE, None)


# `2023年工作要点`, `2024年度重点任务清单`, `2023—2025年行动计划`: the plan names its year.
_PLAN_YEAR_RE = re.compile(
    rf"(?P<y>{_Y})年?(?:\s*[-—~至到]\s*{_Y})?年度?[^\n,。;:()<>]{{0,24}}?"
    r"(?:工作要点|工作计划|工作方案|实施方案|行动方案|行动计划|推进方案|重点任务|任务清单|责任清单|任务分解"
    r"|责任分工|分工方案|民生实事|目标任务|工作任务|攻坚行动|专项行动)"
)


_WRITTEN_YEAR = re.compile(rf"{_Y}年?")


# `…实施方案(2019-2020年)`: the span in brackets after the kind of plan; its first year. So
# too a span in brackets inside the title, before the kind (`…工作三年(2019—2021年)行动方案`).
_PLAN_YEAR_AFTER_RE = re.compile(
    rf"(?:方案|计划|要点|清单|措施)\((?P<y>{_Y})年?(?:\s*[-—~至到]\s*{_Y})?年\)"
    rf"|\((?P<span>{_Y})年?\s*[-—~至到]\s*{_Y}年\)[^\n,。;:()]{{0,6}}?(?:方案|计划|规划|要点|清单|措施)"
)


def guess_year(text: str) -> int | None:
    """The plan's most likely year, read from its body when the header has none.

    First the year a plan title names (`2023年工作要点`, a range's first year:
    `2023—2025年行动计划`) near the top; else the year that the deadlines state
    most often, a month- or day-precise deadline (`2023年6月底前`, the date line
    `2023年3月5日`) counting twice a bare year; a tie goes to the later year,
    since plans look forward. None when the body states no year.
    """
    norm = normalise(text)
    m = _PLAN_YEAR_RE.search(norm, 0, min(len(norm), 600)) or _PLAN_YEAR_AFTER_RE.search(norm, 0, min(len(norm), 600))
    named = m and (m["y"] if "y" in m.groupdict() and m["y"] else m.groupdict().get("span"))
    if named and 1900 <= (cn_to_int(named) or 0) <= 2100:
        return cn_to_int(named)
    votes: Counter[int] = Counter()
    for phrase in find_time_phrases(norm, 1900):
        written = phrase.stated_year is not None and _WRITTEN_YEAR.search(phrase.text)  # not 明年
        if written and 1900 < phrase.stated_year <= 2100 and phrase.level in DATED:
            votes[phrase.stated_year] += 2 if phrase.level == PRECISE else 1
    if not votes:
        return None
    return max(votes, key=lambda y: (votes[y], y))
