"""A duty's rhythm written `一月一调度`: once a period, one act (round 151).

Offices name a supervision routine by its rhythm, the period then the act, each `一…一…`:

    区委督委办、区政府督查室要对工作落实情况实行一月一调度、一月一通报。
    建立一周一调度、一月一通报工作机制。   一季一督查   一年一考核

`一月一调度` is `每月调度一次`: a duty every month, as `每月` is. Two acts in the same rhythm joined by `、` or `和`
(`一月一调度、一月一通报`) are one routine, one recurring duty, as round 77 wrote one report due on two days of each month;
acts in different rhythms (`一周一调度、一月一通报`) are a duty each. The periods: 周 (weekly, due each Friday as `每周`
is), 月 (monthly, each month's end), 季 (quarterly, each quarter's end), 年 (yearly, 31 December).

Near cases: a date (`一月一日`, `十一月一号`), an annual event named as such (`一年一度的…`), a pace (`一年一个台阶`),
the first quarter (`一季度一…`, which `一季一` never matches), a place's or a household's share (`一村一品`, `一户一策`:
no period), and `统一月一…` or `第一月` (the 一 is another word's).
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .time_phrase import MONTHLY, QUARTERLY, RECURRING, WEEKLY, YEARLY, Read, month_end

_ONCE = r"一(?P<p>周|月|季|年)一(?![日号度个])(?=[\u4e00-\u9fff])"
# The rhythm, then further acts in the same rhythm (`、一月一通报`): one phrase.
RHYTHM_RE = re.compile(
    rf"(?<![第统唯万之同单十]){_ONCE}(?:[\u4e00-\u9fff]{{1,4}}?[、和]一(?P=p)一(?![日号度个])(?=[\u4e00-\u9fff]))*"
)


def _fridays(year: int) -> list[date]:
    first = date(year, 1, 1)
    first += timedelta(days=(4 - first.weekday()) % 7)
    return [first + timedelta(weeks=w) for w in range(53) if (first + timedelta(weeks=w)).year == year]


def rhythm(m: re.Match[str], year: int) -> Read:
    """The duty's days in `year`, by the period its rhythm names."""
    recurrence, dates = {
        "周": (WEEKLY, _fridays(year)),
        "月": (MONTHLY, [month_end(year, month) for month in range(1, 13)]),
        "季": (QUARTERLY, [month_end(year, q * 3) for q in range(1, 5)]),
        "年": (YEARLY, [date(year, 12, 31)]),
    }[m["p"]]
    return RECURRING, dates[0], recurrence, tuple(dates)


RHYTHM_PATTERNS = [(RHYTHM_RE, rhythm)]
RHYTHM_TRIGGERS: tuple[tuple[str, ...], ...] = (("周一", "月一", "季一", "年一"),)
