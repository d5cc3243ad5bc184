"""A duty every few months: `每三个月召开一次调度会`, `每四个月…一次`.

Corpus README round 74 writes a duty every few days as its period with an interval (`每两天…上报一次`,
`{"every": "day", "interval": 2}`); a duty every two, three or four months is read the same, a monthly duty whose
occurrences fall at the end of every such span of the year (round 149). Every other month (`每两月…组织一次过堂检查`)
is `bimonthly_duties`' (round 147), which also reads its odd or even months and a day. Six months is `每半年`, a period of its own
(round 133), and is left to it. Near cases: a rate (`每两个月500元`) and a bare month count with no `每`
(`两个月内`, a relative deadline) are no such duty. The month written bare before a routine's count (`,月开展一次督查督办`)
is a monthly duty, read in the same pattern (`bare_month_duties`, round 150).

A duty every few days is read in the same pattern, as round 74 writes it (`每两天向…上报一次`, `巡查水库不少于每15天一次`,
round 177): its period is the day, its occurrences every such span from the year's start. Only a span of a week or
more (at most 52 occurrences, as `每周`) with the routine's `一次` after it in its part is read: the import writes a row
per occurrence, so a shorter rhythm (`每两天…一次`) stays unread as `每天` does (docs/parsing.md, session 27's issue 12).
A rate (`每15天发放补助500元`), a bare `每天` (`每天巡查不少于3次`, a quantity) and `每日` stay as they were.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .bare_month_duties import BARE_MONTH, bare_month
from .lazy_patterns import lazy_compile
from .textutil import cn_to_int
from .time_phrase import DAILY, MONTHLY, RECURRING, Read, month_end

EVERY_FEW_MONTHS_RE = lazy_compile(
    r"(?<![人户亩吨家元个台辆床所座只头])每(?:隔)?(?P<k>[三四34])个?月(?:份)?"
    r"(?![\d.]+\s*[万千百]?(?:元|美元)|计|折算|平均|均|发放|支付|缴|结算|领取)"
    # `每15天一次`, `每两天…上报一次`: the routine's `一次` in the same part (round 177).
    r"|(?<![人户亩吨家元个台辆床所座只头])每(?:隔)?(?P<days>[1-9]\d?|[两二三四五六七八九]|十[五]?)天"
    r"(?=[^,;。\n\d]{0,16}?[一1]次)"
    rf"|{BARE_MONTH}"
)


def every_few_months(m: re.Match[str], year: int) -> Read | None:
    """The ends of every `k` months of `year`, a monthly duty (every month for the bare month)."""
    if m["bare"]:
        return bare_month(year)
    if m["days"]:
        span = cn_to_int(m["days"]) or (int(m["days"]) if m["days"].isdigit() else 0)
        if span < 7:
            return None  # `每两天`: more rows than a weekly duty's, left unread (session 27's issue 12)
        start = date(year, 1, 1)
        days = [start + timedelta(days=span * i - 1) for i in range(1, 367 // span + 1)]
        return RECURRING, days[0], DAILY, tuple(d for d in days if d.year == year)
    k = cn_to_int(m["k"]) or 3
    dates: list[date] = [month_end(year, month) for month in range(k, 13, k)]
    return RECURRING, dates[0], MONTHLY, tuple(dates)
