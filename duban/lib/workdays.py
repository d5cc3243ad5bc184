"""China's official working-day calendar, with its make-up working days (调休).

Backed by the chinesecalendar package, which follows the State Council's yearly
holiday notice. Dates outside the years it knows fall back to Monday–Friday,
because a reminder on a plausible day beats a crash (docs/decisions.md).
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import lru_cache

import chinese_calendar


# chinesecalendar re-derives the range of years it knows (min/max over its whole holiday
# table) on every call, ~16 µs; lights and reminders ask the same few hundred dates again
# and again. The answer for a date never changes while the process runs (a new yearly
# notice arrives with a package upgrade, hence a restart), so it is remembered.
@lru_cache(maxsize=8192)
def is_workday(day: date) -> bool:
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return day.weekday() < 5


def add_workdays(day: date, count: int) -> date:
    """The date `count` working days after `day` (before it when negative); 0 gives `day`."""
    step = 1 if count >= 0 else -1
    remaining = abs(count)
    current = day
    while remaining:
        current += timedelta(days=step)
        if is_workday(current):
            remaining -= 1
    return current


def workdays_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    if end == start:
        return 0
    sign = 1 if end > start else -1
    lo, hi = (start, end) if sign > 0 else (end, start)
    count = 0
    current = lo
    while current < hi:
        current += timedelta(days=1)
        if is_workday(current):
            count += 1
    return sign * count


def next_workday(day: date) -> date:
    """`day` itself if it is a working day, else the next one."""
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
