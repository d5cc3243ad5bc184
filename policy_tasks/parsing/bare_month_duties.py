"""A routine counted by the month written with the month bare: `,月开展一次督查督办`, `月调度一次`.

A county's notice may set a checking office's routine as `…综合运用…手段,月开展一次督查督办` (round 150): `月` opening the
phrase, right after a mark, before a routine's verb and `一次`, is the period of the count, as in `月调度、季通报` and as
`每月开展一次` is (the page may also have lost the `每`). It reads as `每月`: a monthly duty falling at every month's end.

Near cases that stay as they were: a month with its number (`3月开展一次`, a date), a month inside a word (`本月开展一次`,
`当月`, `上月`, `次月`), and a month with no count after the verb (`月开展督查`: no routine stated).
"""

from __future__ import annotations

from .time_phrase import MONTHLY, RECURRING, Read, month_end

# The month right after a mark (or opening the text), a routine's verb, then `一次` (`month_intervals` reads it in its
# pattern, its group `bare`).
BARE_MONTH = r"(?:^|(?<=[,。;:、\s]))(?P<bare>月)(?=(?:开展|召开|组织|进行|通报|调度|督查|督办|检查|报送|上报|汇报|研究|会商|分析)一次)"


def bare_month(year: int) -> Read:
    """Every month's end of `year`, a monthly duty."""
    dates = [month_end(year, month) for month in range(1, 13)]
    return RECURRING, dates[0], MONTHLY, tuple(dates)
