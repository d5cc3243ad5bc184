"""Counting working days as a subtraction of two prefix sums (workdays.py owns the calendar).

Each day inside the known years is asked once, when the index first covers it; outside them
every weekday is a working day, so counts there are Monday–Friday arithmetic from the
index's edge and nothing walks day by day (a reply date in year 9299 once made every
reminder scan walk 2.7 million days, docs/security.md).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from datetime import date, timedelta

# Days asked beyond those a call needs. The index grows by the days it lacks (never rebuilt),
# so a small margin costs little later; a wide one cost every fresh process ~2,500 calendar
# questions on its first count (a third of the seed import's work, docs/performance.md).
_MARGIN = timedelta(days=45)
_DAY = timedelta(days=1)


# Monday–Friday arithmetic. date(1, 1, 1) (ordinal 1) is a Monday, so weekdays in ordinals
# 1..n are five per whole week plus the first min(rest, 5) days of the last one.


def weekdays_through(day: date) -> int:
    """Mon–Fri days from 0001-01-01 to `day` inclusive."""
    weeks, rest = divmod(day.toordinal(), 7)
    return weeks * 5 + min(rest, 5)


def first_weekday_reaching(target: int) -> date:
    """The first day on which `weekdays_through` reaches `target` (target >= 1)."""
    weeks, rest = divmod(target - 1, 5)
    return date.fromordinal(weeks * 7 + rest + 1)


def _shift(day: date, delta: timedelta) -> date:
    try:
        return day + delta
    except OverflowError:
        return date.max if delta > timedelta(0) else date.min


class CountIndex:
    """cum[i] = working days in [lo, lo + i]; rebuilt wider when a date falls outside.

    It only ever covers `span()`, the days the calendar answers one by one."""

    def __init__(self, *, is_working: Callable[[date], bool], span: Callable[[], tuple[date, date]]):
        self._is_working, self._span = is_working, span
        self.start_over()

    def start_over(self) -> None:
        """The calendar changed: forget every count."""
        self.lo: date | None = None
        self.hi: date | None = None
        self.cum: list[int] = []

    def between(self, start: date, end: date) -> int:
        """Working days in (start, end]; negative when end is before start."""
        self._ensure(start, end)
        return self._count(end) - self._count(start)

    def add(self, day: date, count: int) -> date:
        """The date `count` (non-zero) working days after `day`, before it when negative."""
        reach = timedelta(days=min(abs(count) * 2 + 30, 4_000_000))
        self._ensure(_shift(day, -reach), _shift(day, reach))
        if count > 0:
            return self._first_reaching(self._count(day) + count)
        return self._first_reaching(self._count(day - timedelta(days=1)) + count + 1)

    def _clamp(self, day: date) -> date:
        first, last = self._span()
        return min(max(day, first), last)

    def _ensure(self, *days: date) -> None:
        low = self._clamp(_shift(min(days), -_MARGIN))
        high = self._clamp(_shift(max(days), _MARGIN))
        if self.lo is None or self.hi is None:
            self.lo, self.hi, self.cum = low, high, self._counts(low, high, 0)
            return
        if low < self.lo:
            # Days before the index: their counts go first, and every count after grows by theirs.
            before = self._counts(low, self.lo - _DAY, 0)
            self.cum = before + [count + before[-1] for count in self.cum]
            self.lo = low
        if high > self.hi:
            self.cum += self._counts(self.hi + _DAY, high, self.cum[-1])
            self.hi = high

    def _counts(self, first: date, last: date, total: int) -> list[int]:
        """Running totals of working days from `first` to `last` inclusive, starting at `total`."""
        cum, day = [], first
        while day <= last:
            total += self._is_working(day)
            cum.append(total)
            day += _DAY
        return cum

    def _count(self, day: date) -> int:
        """Working days in [lo, day] (minus those in (day, lo) when day is before lo)."""
        assert self.lo is not None and self.hi is not None
        if day > self.hi:  # then hi is the calendar's last known day
            return self.cum[-1] + weekdays_through(day) - weekdays_through(self.hi)
        if day < self.lo:  # then lo is its first
            return weekdays_through(day) - weekdays_through(self.lo - timedelta(days=1))
        return self.cum[(day - self.lo).days]

    def _first_reaching(self, target: int) -> date:
        assert self.lo is not None and self.hi is not None
        first, last = self._span()
        if target > self.cum[-1] and self.hi == last:
            return first_weekday_reaching(target - self.cum[-1] + weekdays_through(self.hi))
        if target <= 0 and self.lo == first:
            return first_weekday_reaching(target + weekdays_through(self.lo - timedelta(days=1)))
        return self.lo + timedelta(days=bisect_left(self.cum, target))
