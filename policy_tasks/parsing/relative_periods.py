"""A week or a month named relative to a dated document: `本周完成`, `下周内`, `本月底前`.

A meeting minute or a short notice sets work for the days right after it: `治理方案的评审要求本周完成`,
`本月底以前将…报县住建局`. Such a phrase names no year or month of its own; it is read from the document's
date, as the office that wrote it reads it:

- a week (`本周`, `本星期`, `本周内`, `本周前`) is due on its last working day, Friday (the product counts
  working days, and a week's report, `每周`, is due on Fridays too, `time_patterns._weekly`); a document
  dated on the weekend gives its own week's Sunday. `下周` is the next week's Friday.
- a month (`本月底`, `本月内`, `本月末前`) is due on the month's last day; `下月底` on the next month's.

The document's date is its 成文日期 or date line (`header`), or, for a minute whose header states none, the
date of the meeting its opening names (`2011年12月13日…主持召开…会议`, `meeting_date`). An undated document
dates no such phrase (a sharing site's copy that lost its date: `在本月底以前` stays undated, as before).
Reports are no deadlines: `本月已完成`, `截至本周`, a month's own figures (`本月进展情况`, `下月计划`) are
not read.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from datetime import date, timedelta

from .lazy_patterns import lazy_compile
from .result import ParsedMilestone
from .textutil import cn_number, normalise

_WEEK_RE = lazy_compile(
    r"(?<!截至)(?<!截止)(?P<which>本|下)(?:周|星期)(?P<part>内|末)?(?:之?前|以前)?(?!已|计划|工作|小结|进展|情况|例会)",
    needs="本周|下周|本星期|下星期",
)
_MONTH_RE = lazy_compile(
    r"(?<!截至)(?<!截止)(?P<which>本|下)(?:个)?月(?:份)?(?P<part>底|末|内)(?:之?前|以前)?(?!已)",
    needs="本月|本个月|下月|下个月",
)
# The part of the sentence a phrase dates: from the last `,` `;` `。` `:` before it to the next after it.
_BOUND_RE = re.compile(r"[,;。:!?\n]")
# A minute's opening: `2011年12月13日某镇镇长某某主持召开…会议`, `于2020年5月8日召开`, `会议时间:2020年5月8日`.
_MEETING_RE = lazy_compile(
    r"(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日[^。;]{0,60}?(?:召开|主持|举行|组织召开)[^。;]{0,60}?会"
    r"|会议时间\s*:\s*(?P<y2>\d{4})年(?P<m2>\d{1,2})月(?P<d2>\d{1,2})日"
)


def meeting_date(header: Sequence[tuple[int, str]]) -> date | None:
    """The date of the meeting a minute's opening (the lines before its first item) names, or None."""
    for _, line in header:
        m = _MEETING_RE.search(normalise(line))
        if m is None:
            continue
        y, mo, d = (m["y"], m["m"], m["d"]) if m["y"] else (m["y2"], m["m2"], m["d2"])
        try:
            return date(int(y), cn_number(mo), cn_number(d))
        except ValueError:
            return None
    return None


def _week_due(anchor: date, which: str) -> date:
    monday = anchor - timedelta(days=anchor.weekday())
    if which == "下":
        return monday + timedelta(days=11)
    # Written on a Saturday or Sunday, `本周` has no working day left: its own Sunday.
    return monday + timedelta(days=4 if anchor.weekday() <= 4 else 6)


def _month_due(anchor: date, which: str) -> date:
    year, month = anchor.year, anchor.month
    if which == "下":
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return date(year, month, calendar.monthrange(year, month)[1])


def relative_milestones(
    text: str, anchor: date | None, masked: Sequence[tuple[int, int]] = ()
) -> list[ParsedMilestone]:
    """The milestones `text`'s relative weeks and months set, read from the document's date `anchor`."""
    if anchor is None:
        return []
    norm = normalise(text)
    found = []
    for pattern, due_of in ((_WEEK_RE, _week_due), (_MONTH_RE, _month_due)):
        for m in pattern.finditer(norm):
            if any(s <= m.start() < e for s, e in masked):
                continue
            starts = [b.end() for b in _BOUND_RE.finditer(norm, 0, m.start())]
            start = starts[-1] if starts else 0
            stop = _BOUND_RE.search(norm, m.end())
            end = stop.start() if stop else len(norm)
            part = text[start:end].strip()
            start += len(text[start:end]) - len(text[start:end].lstrip())
            found.append(
                ParsedMilestone(part, start, start + len(part), due_of(anchor, m["which"]), "deadline", m.group())
            )
    return sorted(found, key=lambda x: x.start)
