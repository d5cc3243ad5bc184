"""China's official working-day calendar, with its make-up working days (调休).

Backed by the chinesecalendar package, which follows the State Council's yearly
holiday notice. Dates outside the years it knows fall back to Monday–Friday,
because a reminder on a plausible day beats a crash (docs/decisions.md).

Outside those years the calendar is plain arithmetic, so no function here walks more
than the known years one day at a time: a reply date in year 9299 once made every
reminder scan walk 2.7 million days (docs/security.md).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar
from chinese_calendar.constants import holidays as _holidays

# The years chinesecalendar has a holiday notice for; every other day is a weekday or not.
KNOWN_FIRST = date(min(_holidays).year, 1, 1)
KNOWN_LAST = date(max(_holidays).year, 12, 31)


# chinesecalendar re-derives the range of years it knows (min/max over its whole holiday
# table) on every call, ~16 µs; lights and reminders ask the same few hundred dates again
# and again. The answer for a date never changes while the process runs (a new yearly
# notice arrives with a package upgrade, hence a restart), so it is remembered.
@lru_cache(maxsize=8192)
def is_workday(day: date) -> bool:
    if not KNOWN_FIRST <= day <= KNOWN_LAST:
        return day.weekday() < 5
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


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


def _walk_count(lo: date, hi: date) -> int:
    """Working days in (lo, hi], one day at a time: only ever inside the known years."""
    count, current = 0, lo
    while current < hi:
        current += timedelta(days=1)
        count += is_workday(current)
    return count


def _count(lo: date, hi: date) -> int:
    """Working days in (lo, hi], lo <= hi: the known years walked, the rest computed."""
    inner_lo, inner_hi = max(lo, KNOWN_FIRST - timedelta(days=1)), min(hi, KNOWN_LAST)
    if inner_lo >= inner_hi:
        return weekdays_through(hi) - weekdays_through(lo)
    before = weekdays_through(inner_lo) - weekdays_through(lo)
    after = weekdays_through(hi) - weekdays_through(inner_hi)
    return before + _walk_count(inner_lo, inner_hi) + after


def workdays_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    if end >= start:
        return _count(start, end)
    return -_count(end, start)


def add_workdays(day: date, count: int) -> date:
    """The date `count` working days after `day` (before it when negative); 0 gives `day`."""
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    current = day
    while remaining:
        beyond = current >= KNOWN_LAST if step > 0 else current <= KNOWN_FIRST
        if beyond:
            # Every day from here on in this direction is a plain weekday or not.
            if step > 0:
                return first_weekday_reaching(weekdays_through(current) + remaining)
            # Going back: the day d with `remaining` weekdays in [d, current).
            return first_weekday_reaching(weekdays_through(current - timedelta(days=1)) - remaining + 1)
        if step < 0 and current > KNOWN_LAST + timedelta(days=7):
            # Far after the known years and going back: jump to their edge when the count allows.
            skip = weekdays_through(current - timedelta(days=1)) - weekdays_through(KNOWN_LAST)
            if skip < remaining:
                remaining -= skip
                current = KNOWN_LAST + timedelta(days=1)
                continue
            return first_weekday_reaching(weekdays_through(current - timedelta(days=1)) - remaining + 1)
        if step > 0 and current < KNOWN_FIRST - timedelta(days=7):
            skip = weekdays_through(KNOWN_FIRST - timedelta(days=1)) - weekdays_through(current)
            if skip < remaining:
                remaining -= skip
                current = KNOWN_FIRST - timedelta(days=1)
                continue
            return first_weekday_reaching(weekdays_through(current) + remaining)
        current += timedelta(days=step)
        if is_workday(current):
            remaining -= 1
    return current


def next_workday(day: date) -> date:
    """`day` itself if it is a working day, else the next one (a long holiday is a week at most)."""
    while not is_workday(day):
        day += timedelta(days=1)
    return day


def calendar_covers(day: date) -> bool:
    """Whether the holiday calendar knows `day` (rather than guessing Monday–Friday).

    chinesecalendar knows whole years (the last yearly notice it carries), so a day is
    covered when its year is; the readiness probe asks this of the day 60 days ahead.
    """
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True
