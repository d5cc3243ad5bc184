"""The month a recurring duty starts from: `并从3月起每月20日前上报…`, its occurrences from that month on.

A notice of January may set a monthly report that starts later in the year (`请各区于2月20日前上报…,并从3月起每月20日前
上报截至当月的项目推进情况`): the month names when the duty starts, no deadline of its own (round 101's `从2023年第一季度
开始`, read in `time_patterns` since round 132), and the reports fall due from that month on. A clerk reminded on
20 January and 20 February would be chasing reports the notice never asked for. So the duty's occurrences before the
month its sentence starts it from (`从3月起`, `自2022年3月起`, `从3月份开始`) are dropped, and its first due day is the first
left. A start in another year than the duty's days, or a duty with no start named in its sentence, is left as read.
"""

from __future__ import annotations

from dataclasses import replace

from .lazy_patterns import lazy_compile
from .result import ParsedMilestone

# `从3月起`, `自2022年3月起`, `从3月份开始`: the start, in the duty's sentence before its period.
_START_RE = lazy_compile(r"(?:从|自)(?:(?P<y>\d{4})年)?(?P<m>1[0-2]|[1-9])月份?(?:起|开始)", needs="从|自")
_SENTENCE_END = "。;!?\n"


def started_duty(milestone: ParsedMilestone, norm: str) -> ParsedMilestone:
    """The recurring `milestone` with its occurrences from the month its sentence starts it from (see the module)."""
    if not milestone.recurrence or not milestone.occurrences or milestone.end > len(norm):
        return milestone
    begin = max((norm.rfind(ch, 0, milestone.start) for ch in _SENTENCE_END), default=-1) + 1
    starts = list(_START_RE.finditer(norm, begin, milestone.end))
    if not starts:
        return milestone
    start = starts[-1]
    year = milestone.occurrences[0].year
    if start["y"] is not None and int(start["y"]) != year:
        return milestone
    left = [d for d in milestone.occurrences if d.year != year or d.month >= int(start["m"])]
    if not left or len(left) == len(milestone.occurrences):
        return milestone
    return replace(milestone, occurrences=left, due_date=left[0])
