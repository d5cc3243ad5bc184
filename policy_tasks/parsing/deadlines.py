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
  (`比2022年增长`), not a deadline, unless the plan commits work to it
  (`2023年底前完成`, `预计2022年12月开工`, `2023年重点任务:`; `past_commitments`).
- A period resolves to its last day: 上旬 → 10th, 中旬 → 20th, 月初 → as 上旬,
  下旬/底/末/月份/a bare month (`9月投入使用`) → month end, a quarter → quarter
  end, 上半年/年中 → 30 June, a year-level phrase (年内, 年底前, 2023年底) →
  31 December, a range (`2023—2025年`, `3月至6月`) → the end of its last
  period, a five-year plan (“十四五”) → the end of its last year; a plan period
  named for its start (`确保“十四五”开好局起好步`, `良好开局`, `开局之年`) → no
  date: a good start commits nothing by the period's end.
- Tables write dates as `2023.12`, `2023-12`, `2023/12/31`, `2023-12-31`:
  the same rules apply. A day typed month.day before 前 (`6.30前`, `12.31日前`) is
  that day (`dotted_dates`); 年度 before 计划/目标/任务 names an annual figure, no time.
- Recurring obligations (`每月10日前`, `每月底`, `每季度`, `每季度第一个月10日前`,
  `每半年`, `每年`, `每周`, `每旬`, `按月`) have a `recurrence` and their
  `occurrences` in the document's year, from its start; `due` is the first.
  A week's report is due on its last working day (Friday) unless a weekday is
  named (`每周一`). Rates such as `每人每月500元` are not recurring deadlines.
- Ongoing work (`长期坚持`, `持续推进`, `常态化`; in a 完成时限 value also `长期`,
  `持续开展` …) has no date of its own; the circumstance a clause's work is done in (`在疫情防控常态化
  前提下`) is none. A 整改时限 of `立行立改` ("put right at once, and keep
  it right") is read as a supervisor reads it: an ongoing obligation with no date, not a deadline
  of today; `立行立改,长期坚持` is ongoing too.
- `6月前` / `2026年6月前` / `11月份前` (a month's deadline without its 底) is read as the
  month's end, as `6月底前`, and the caller asks the reviewer to check (`month_before`).
- A week or a month relative to the document (`本周完成`, `本月底前`) is read from the document's date,
  not its year, by `relative_periods` (a week by its Friday); it is no phrase of this reader.
- Unreadable on purpose: 择期, 适时, 近期, 限期, 春节前 / 节前 (which Spring
  Festival depends on when the plan was issued), a month-less 月底前, and
  `三月前` in Chinese numerals (as `三个月前`, "three months ago").
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from typing import TypedDict

from .either_windows import joins_window
from .framing_years import framing_spans
from .lazy_patterns import lazy_compile
from .numeral_dashes import mend_numeral_dashes
from .past_commitments import commits_past_date
from .period_rhythms import RHYTHM_PATTERNS, RHYTHM_TRIGGERS
from .textutil import cn_to_int, normalise
from .time_patterns import PATTERNS, TRIGGERS, Handler
from .time_phrase import (
    DATED,
    ONGOING,
    PAST,
    PLAN,
    PRECISE,
    RECURRING,
    UNREADABLE,
    WEAK_YEAR,
    YEAR,
    Read,
    TimePhrase,
    Y,
    stated_year,
)
from .year_lists import labels_year_list

# A set lookup per pattern: the parser asks of every clause and every 完成时限 value, and a generator
# over each pattern's characters was a third of a short value's reading.
_TRIGGER_SETS = [(frozenset(words), all(len(word) == 1 for word in words)) for words in (*TRIGGERS, *RHYTHM_TRIGGERS)]
# `一月一调度`, a duty's rhythm (`period_rhythms`), beside the time patterns.
_PATTERNS = [*PATTERNS, *RHYTHM_PATTERNS]
_SENTENCE_END = re.compile(r"[。;!?\n]")
_RANGE_JOIN = re.compile(r"\s*[-—~至到]\s*")


@dataclass
class _Found:
    phrase: TimePhrase
    match: re.Match[str]
    handler: Handler

    def reread(self, year: int) -> TimePhrase | None:
        """The phrase read in another year (a range's or a sentence's stated year)."""
        try:
            read = self.handler(self.match, year)
        except (ValueError, TypeError, OverflowError):
            return None
        if read is None or read[0] != self.phrase.level:
            return None
        return replace(self.phrase, due=read[1], **_extras(read))


class _Extras(TypedDict, total=False):
    recurrence: str
    occurrences: tuple[date, ...]


def _extras(read: Read) -> _Extras:
    return {"recurrence": read[2], "occurrences": read[3]} if len(read) > 2 else {}


def find_time_phrases(text: str, year: int, *, written: str | None = None, frames: bool = False) -> list[TimePhrase]:
    """All time phrases in `text`; where two overlap the longer wins.

    `written` is the text as written when `text` is a masked copy of the same
    length; each phrase's `text` is sliced from it. `frames`: keep the phrases of a sentence framing the year
    (`2020年是…收官之年`), which date nothing but tell the document's year.
    """
    norm = mend_numeral_dashes(normalise(text))  # `2022年4月一2022年10月` (`numeral_dashes`)
    written = text if written is None else written
    found: list[_Found] = []
    chars = set(norm)
    framed = [] if frames else framing_spans(norm)  # `2020年是…收官之年,…。`: no deadline (`framing_years`)
    for (pattern, handler), (triggers, single) in zip(_PATTERNS, _TRIGGER_SETS, strict=True):
        if chars.isdisjoint(triggers) if single else not any(word in norm for word in triggers):
            continue
        for m in pattern.finditer(norm):
            if m.start() == m.end() or any(s <= m.start() < e for s, e in framed):
                continue
            try:
                read = handler(m, year)
            except (ValueError, TypeError, OverflowError):
                read = (UNREADABLE, None)  # 2月30日, 第0季度 …
            if read is None:
                continue
            level, due = read[0], read[1]
            stated = stated_year(m, year) if level not in (UNREADABLE, PLAN) else None
            if (
                stated is not None
                and stated < year
                and level in DATED
                and not commits_past_date(norm, m.start(), m.end())
            ):
                level = PAST  # `比2022年增长`, `2022年6月底`: a reference, not a deadline (`past_commitments`)
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
            and (
                _RANGE_JOIN.fullmatch(norm, prev.phrase.end, f.phrase.start)
                # `7月底或8月上旬`: a window of two periods, due by the later (`either_windows`).
                or joins_window(norm, prev.phrase.end, f.phrase.start)
            )
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


_PARAGRAPH_END = lazy_compile(r"[。\n]")


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
        if phrase.stated_year is not None and labels_year_list(norm, phrase.end):
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


# A 完成时限 value that is all ongoing: `长期`, `持续推进`, `长期坚持`, `常态化开展`, and a standing
# task named as such (`常态工作`, `长期任务`) …
_ONGOING_VALUE = re.compile(
    r"立行立改|(?:长期|持续|常态化?|常年|长效)(?:坚持|推进|开展|实施|抓好|落实|有效|进行|执行)?(?:推进|实施|开展|落实)?"
    r"(?:工作|任务)?"
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
    rf"(?P<y>{Y})年?(?:\s*[-—~至到]\s*{Y})?年度?[^\n,。;:()<>]{{0,24}}?"
    r"(?:工作要点|工作计划|工作方案|实施方案|行动方案|行动计划|推进方案|重点任务|任务清单|责任清单|任务分解"
    r"|责任分工|分工方案|民生实事|目标任务|工作任务|攻坚行动|专项行动)"
)


_WRITTEN_YEAR = re.compile(rf"{Y}年?")


# `…实施方案(2019-2020年)`, `…重点任务分工(2016-2020年)`: the span in brackets after the kind of plan
# (a 分工 or 分解 dividing the plan's work is one, as `任务分工` before a year is); its first year. So
# too a span in brackets inside the title, before the kind (`…工作三年(2019—2021年)行动方案`).
_PLAN_YEAR_AFTER_RE = re.compile(
    rf"(?:方案|计划|要点|清单|措施|分工|分解)\((?P<y>{Y})年?(?:\s*[-—~至到]\s*{Y})?年\)"
    # The kind after the span is this title's, not one after a cited title's closing 》.
    rf"|\((?P<span>{Y})年?\s*[-—~至到]\s*{Y}年\)[^\n,。;:()<>]{{0,6}}?(?:方案|计划|规划|要点|清单|措施)"
)
# Two years joined as a period (`2012—2020年`, `2023-2025`).
SPAN_RE = re.compile(rf"{Y}\s*年?\s*[-—~至到]\s*{Y}\s*年?")


def plan_year(text: str) -> tuple[int, bool] | None:
    """The year a plan's title names near the top (`2023年工作要点`), or the first of the period it
    names as its own (`2023—2025年行动计划`, `实施方案(2019-2020年)`), and whether it was a period."""
    norm = normalise(text)
    m = _PLAN_YEAR_RE.search(norm, 0, min(len(norm), 600)) or _PLAN_YEAR_AFTER_RE.search(norm, 0, min(len(norm), 600))
    if m is None:
        return None
    named = m.groupdict().get("y") or m.groupdict().get("span")
    year = cn_to_int(named) if named else None
    if year is None or not 1900 <= year <= 2100:
        return None
    return year, bool(SPAN_RE.search(m.group()))


def guess_year(text: str) -> int | None:
    """The plan's most likely year, read from its body when the header has none.

    First the year a plan title names (`2023年工作要点`, a range's first year:
    `2023—2025年行动计划`) near the top; else the year that the deadlines state
    most often, a month- or day-precise deadline (`2023年6月底前`, the date line
    `2023年3月5日`) counting twice a bare year; a tie goes to the later year,
    since plans look forward. None when the body states no year.
    """
    if (named := plan_year(text)) is not None:
        return named[0]
    norm = normalise(text)
    votes: Counter[int] = Counter()
    for phrase in find_time_phrases(norm, 1900, frames=True):
        written = phrase.stated_year is not None and _WRITTEN_YEAR.search(phrase.text)  # not 明年
        if written and phrase.stated_year is not None and 1900 < phrase.stated_year <= 2100 and phrase.level in DATED:
            votes[phrase.stated_year] += 2 if phrase.level == PRECISE else 1
    if not votes:
        return None
    return max(votes, key=lambda y: (votes[y], y))


def is_time_part(segment: str) -> bool:
    """Public: a part of a unit list or a bracket that is a time and little else (`6月底前`,
    `年内持续推进`), read as the clause's 完成时限 rather than a unit (`units`, `role_runs`,
    `dated_brackets`)."""
    phrase = read_time_phrase(segment, 2000)
    return phrase is not None and phrase.due is not None and len(phrase.text) * 3 >= len(segment.strip())


def is_time_cell(text: str, *, slack: int = 0) -> bool:
    """Public: a table cell that is one readable time phrase and nothing else (`4月`, `年底前`,
    `2025年6月底前`), but for up to `slack` characters after it (a closing mark). The table
    readers ask it of a cell before they ask whether its words are a name (`pipe_tables`,
    `merged_row_cells`): `年底前` is as short as a person's name."""
    found = read_time_phrase(text, 2000)
    return found is not None and found.level != UNREADABLE and found.start == 0 and found.end >= len(text) - slack
