"""A count of days after the document's own issue: `于本工作要点印发后30日内报送…`, `自本通知印发之日起15日内`.

A covering notice tells the departments it charges to answer within so many days of its issue (上海市场监管 2023,
round 189: `市局各责任部门要…于本工作要点印发后30日内报送市局办公室备案`). The count is a deadline the office itself reads
from the document's date, as round 89 reads `本周完成` and `本月底前` (`relative_periods`): the 成文日期 or date line of a
notice issuing its own plan is the day it was 印发. So the phrase is dated where the document names the document itself
(`本通知`, `本方案`, `本工作要点`, or `自印发之日起` with no other document named) and its date is known:

- `N日内`, `N天内`, `N个自然日内`: the document's date plus N days (2023年4月24日 + 30 → 2023-05-24);
- `N个月内`: the same day N months on (the month's last day where it has no such day).

Near cases, left as they were (the time reader's undated `relative` milestone, for the reviewer to date):

- `N个工作日内`: a working day skips the year's holidays and counts its 调休 weekends, which the parser does not know
  (the holiday calendar is the product's, not the text's), so it is never guessed;
- another document's issue (`各区实施方案印发后30日内`), or receipt (`收到本通知后10日内`, `接到承办通知后7个工作日内`):
  a day the document cannot tell;
- a page that lost its date: no anchor, no date (as `relative_periods`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from .lazy_patterns import lazy_compile
from .result import ParsedMilestone
from .textutil import cn_number, normalise
from .time_phrase import clipped_day

# The document naming itself: `本通知`, `本工作要点`, `本实施方案`, `本文`.
_ITSELF = r"本(?:通知|工作要点|要点|实施方案|方案|意见|办法|计划|清单|文件|文)"
_COUNT_RE = lazy_compile(
    rf"(?:自\s*)?(?:{_ITSELF}\s*(?:印发|下发|发布)|(?<=自)(?:印发|下发|发布))(?:后|之日起|起)\s*"
    r"(?P<n>\d{1,3}|[一二三四五六七八九十两]{1,3})\s*(?P<unit>个?自然日|日|天|个月)(?:之内|以内|内)",
    needs="印发|下发|发布",
)


def _months_on(anchor: date, months: int) -> date:
    y, m = divmod(anchor.month - 1 + months, 12)
    return clipped_day(anchor.year + y, m + 1, anchor.day)


def issue_dated(text: str, milestones: Sequence[ParsedMilestone], anchor: date | None) -> list[ParsedMilestone]:
    """`milestones` with the undated count after the document's own issue in `text` dated from `anchor` (see above)."""
    if anchor is None:
        return list(milestones)
    norm = normalise(text)
    dated = list(milestones)
    for m in _COUNT_RE.finditer(norm):
        n = cn_number(m["n"])
        due = _months_on(anchor, n) if m["unit"] == "个月" else anchor + timedelta(days=n)
        for k, ms in enumerate(dated):
            # The time reader's `30日内` inside the phrase (`relative`, no date): the same commitment, now dated.
            if ms.kind == "relative" and ms.due_date is None and ms.start < m.end() and m.start() < ms.end:
                dated[k] = replace(ms, due_date=due, kind="deadline")
    return dated
