"""Working-day arithmetic for the scan, fast: duban.lib.workdays with a cumulative index.

chinese_calendar's is_workday validates its tables on every call (tens of µs), and
the scan asks "how many working days since the due date" for thousands of dates
per tick. Here each day is asked once (cached) and counts become a subtraction of
two prefix sums. Semantics are exactly duban.lib.workdays' (tests compare them).
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta
from functools import cache

from duban.lib import workdays

_MARGIN = timedelta(days=3 * 366)


@cache
def is_workday(day: date) -> bool:
    return workdays.is_workday(day)


class _Index:
    """cum[i] = working days in [lo, lo + i]; rebuilt wider when a date falls outside."""

    def __init__(self) -> None:
        self.lo = self.hi = None
        self.cum: list[int] = []

    def ensure(self, *days: date) -> None:
        low, high = min(days), max(days)
        if self.lo is not None and self.lo <= low and high <= self.hi:
            return
        lo = min(low, self.lo or low) - _MARGIN
        hi = max(high, self.hi or high) + _MARGIN
        cum, total, day = [], 0, lo
        while day <= hi:
            total += is_workday(day)
            cum.append(total)
            day += timedelta(days=1)
        self.lo, self.hi, self.cum = lo, hi, cum

    def count(self, day: date) -> int:
        return self.cum[(day - self.lo).days]

    def first_reaching(self, target: int) -> date:
        return self.lo + timedelta(days=bisect_left(self.cum, target))


_index = _Index()


def workdays_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    _index.ensure(start, end)
    return _index.count(end) - _index.count(start)


def add_workdays(day: date, count: int) -> date:
    """The date `count` working days after `day` (before it when negative); 0 gives `day`."""
    if count == 0:
        return day
    reach = timedelta(days=abs(count) * 2 + 30)
    _index.ensure(day - reach, day + reach)
    if count > 0:
        return _index.first_reaching(_index.count(day) + count)
    return _index.first_reaching(_index.count(day - timedelta(days=1)) + count + 1)


def next_workday(day: date) -> date:
    while not is_workday(day):
        day += timedelta(days=1)
    return day
