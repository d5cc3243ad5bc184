"""Working-day arithmetic for the scan, fast: duban.lib.workdays with a cumulative index.

chinese_calendar's is_workday validates its tables on every call (tens of µs), and
the scan asks "how many working days since the due date" for thousands of dates
per tick. Here each day is asked once (cached) and counts become a subtraction of
two prefix sums. Semantics are exactly duban.lib.workdays' (tests compare them), the
office's holiday table included: when it changes, the day cache and the index start over.
"""

from __future__ import annotations

from bisect import bisect_left
from datetime import date, timedelta
from functools import cache

from duban.lib import workdays

_MARGIN = timedelta(days=3 * 366)


def is_workday(day: date) -> bool:
    workdays.sync()
    return _is_workday(day)


@cache
def _is_workday(day: date) -> bool:
    return workdays.is_workday_synced(day)


def _shift(day: date, delta: timedelta) -> date:
    try:
        return day + delta
    except OverflowError:
        return date.max if delta > timedelta(0) else date.min


def _clamp(day: date) -> date:
    first, last = workdays.span()
    return min(max(day, first), last)


class _Index:
    """cum[i] = working days in [lo, lo + i]; rebuilt wider when a date falls outside.

    The index only ever covers the years the calendar knows: beyond them every weekday is a
    working day, so counts there are arithmetic from the index's edge (a date in year 9299
    once made it walk 2.7 million days on every scan)."""

    def __init__(self) -> None:
        self.lo = self.hi = None
        self.cum: list[int] = []

    def ensure(self, *days: date) -> None:
        low = _clamp(_shift(min(days), -_MARGIN))
        high = _clamp(_shift(max(days), _MARGIN))
        if self.lo is not None and self.lo <= low and high <= self.hi:
            return
        lo = min(low, self.lo or low)
        hi = max(high, self.hi or high)
        cum, total, day = [], 0, lo
        while day <= hi:
            total += _is_workday(day)
            cum.append(total)
            day += timedelta(days=1)
        self.lo, self.hi, self.cum = lo, hi, cum

    def count(self, day: date) -> int:
        """Working days in [lo, day] (minus those in (day, lo) when day is before lo)."""
        if day > self.hi:  # then hi is the calendar's last known day
            return self.cum[-1] + workdays.weekdays_through(day) - workdays.weekdays_through(self.hi)
        if day < self.lo:  # then lo is its first
            return workdays.weekdays_through(day) - workdays.weekdays_through(self.lo - timedelta(days=1))
        return self.cum[(day - self.lo).days]

    def first_reaching(self, target: int) -> date:
        first, last = workdays.span()
        if target > self.cum[-1] and self.hi == last:
            return workdays.first_weekday_reaching(target - self.cum[-1] + workdays.weekdays_through(self.hi))
        if target <= 0 and self.lo == first:
            return workdays.first_weekday_reaching(target + workdays.weekdays_through(self.lo - timedelta(days=1)))
        return self.lo + timedelta(days=bisect_left(self.cum, target))


_index = _Index()


def _start_over() -> None:
    global _index
    _is_workday.cache_clear()
    _index = _Index()


workdays.on_change(_start_over)


def workdays_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    workdays.sync()
    index = _index
    index.ensure(start, end)
    return index.count(end) - index.count(start)


def add_workdays(day: date, count: int) -> date:
    """The date `count` working days after `day` (before it when negative); 0 gives `day`."""
    if count == 0:
        return day
    workdays.sync()
    reach = timedelta(days=min(abs(count) * 2 + 30, 4_000_000))
    index = _index
    index.ensure(_shift(day, -reach), _shift(day, reach))
    if count > 0:
        return index.first_reaching(index.count(day) + count)
    return index.first_reaching(index.count(day - timedelta(days=1)) + count + 1)


def next_workday(day: date) -> date:
    while not is_workday(day):
        day += timedelta(days=1)
    return day
