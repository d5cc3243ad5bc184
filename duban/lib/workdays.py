"""China's official working-day calendar, with its make-up working days (调休).

A day is answered by, in order: the office's own table of 节假日 and 调休 days (the
admin's 节假日与调休 list, policy_tasks.CalendarDay), the chinesecalendar package (which
follows the State Council's yearly notice), and Monday–Friday. The last is a fallback
because a reminder on a plausible day beats a crash (docs/decisions.md); the readiness
probe and the supervision console say when it is in use for the coming 60 days.

This module knows no models: the app that owns the table hands it a loader and a cheap
version stamp (`use_source`). A process checks the stamp at most every SYNC_SECONDS and
reloads the table only when it changed, so a page or a scan tick costs no query.

Outside those years the calendar is plain arithmetic, so no function here walks more
than the known years one day at a time: a reply date in year 9299 once made every
reminder scan walk 2.7 million days (docs/security.md).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from time import monotonic

import chinese_calendar
from chinese_calendar.constants import holidays as _holidays
from chinese_calendar.constants import workdays as _make_up_days

from duban.lib.workday_index import CountIndex

# The years chinesecalendar has a holiday notice for; every other day is a weekday or not.
KNOWN_FIRST = date(min(_holidays).year, 1, 1)
KNOWN_LAST = date(max(_holidays).year, 12, 31)

logger = logging.getLogger("duban.workdays")

# How stale another process's edit of the table may be here, in seconds.
SYNC_SECONDS = 5.0


@dataclass(frozen=True)
class Table:
    """The office's entries: day -> True (调休, a working day) or False (节假日).

    `first`..`last` is the span walked day by day: the package's years and the table's
    years (whole years). `years` are the years the table covers: those with at least one
    holiday in it, since every State Council notice names holidays (a lone 调休 entry is
    not a year's schedule)."""

    days: Mapping[date, bool] = field(default_factory=dict)
    first: date = KNOWN_FIRST
    last: date = KNOWN_LAST
    years: frozenset[int] = frozenset()

    @classmethod
    def of(cls, days: Mapping[date, bool]) -> Table:
        years = {day.year for day in days}
        return cls(
            days=dict(days),
            first=min([KNOWN_FIRST, *(date(y, 1, 1) for y in years)]),
            last=max([KNOWN_LAST, *(date(y, 12, 31) for y in years)]),
            years=frozenset(day.year for day, working in days.items() if not working),
        )


class _State:
    table = Table()
    load: Callable[[], Mapping[date, bool]] | None = None
    version: Callable[[], Hashable] | None = None
    seen: Hashable = None
    listeners: list[Callable[[], None]] = []


# When this process next reads the version stamp (time.monotonic()); a plain global
# because sync() runs on every working-day question, in the reminder scan's hot loop.
_next_check = float("-inf")


def use_source(load: Callable[[], Mapping[date, bool]], version: Callable[[], Hashable]) -> None:
    """Where the table comes from; called once by the owning app's ready()."""
    _State.load, _State.version = load, version
    expire()


def on_change(callback: Callable[[], None]) -> None:
    """Call `callback` whenever the table changes (for caches built on top of this module)."""
    _State.listeners.append(callback)


def expire() -> None:
    """Check the version stamp at the next question (this process just changed the table)."""
    global _next_check
    _next_check = float("-inf")


def install(days: Mapping[date, bool], version: Hashable = None) -> None:
    """Use these entries from now on (a loaded table, or a test's)."""
    global _next_check
    _State.seen, _next_check = version, monotonic() + SYNC_SECONDS
    if dict(days) == _State.table.days:
        return
    _State.table = Table.of(days)
    is_workday_synced.cache_clear()
    _index.start_over()
    for callback in _State.listeners:
        callback()


def sync() -> None:
    """Reload the table if another process changed it; at most one stamp read per SYNC_SECONDS."""
    global _next_check
    load, read_version = _State.load, _State.version  # use_source sets both
    if monotonic() < _next_check or load is None or read_version is None:
        return
    _next_check = monotonic() + SYNC_SECONDS
    try:
        version = read_version()
        if version is None or version != _State.seen:
            install(load(), version)
    except Exception:  # keep the last table: a reminder on yesterday's calendar beats none
        logger.warning("holiday table not reloaded; keeping the previous one", exc_info=True)


def entries() -> Mapping[date, bool]:
    """The office's own table (day -> working), as in use now: what a digest of the calendar needs."""
    sync()
    return _State.table.days


def span() -> tuple[date, date]:
    """The days answered one by one (outside them: Monday–Friday arithmetic)."""
    return _State.table.first, _State.table.last


def is_workday(day: date) -> bool:
    sync()
    return is_workday_synced(day)


# is_workday without the stamp check, for callers that called sync() at their start.
# chinesecalendar.is_workday re-derives the range of years it knows (min/max over its whole
# holiday table) on every call, ~16 µs: the working-day index of a fresh process asks ~480 days
# for the seed's reporting periods, 8 ms of its import. Inside the known years its answer is
# two lookups in the package's own tables, done here (tests/foundation/test_workday_counts.py
# holds the two to the same answer on every known day). Lights and reminders ask the same few
# hundred dates again and again, hence the cache; the package's answer never changes while the
# process runs (a new yearly notice arrives with a package upgrade, hence a restart), the
# table's clears this cache.
@lru_cache(maxsize=8192)
def is_workday_synced(day: date) -> bool:
    entry = _State.table.days.get(day)
    if entry is not None:
        return entry
    if not KNOWN_FIRST <= day <= KNOWN_LAST:
        return day.weekday() < 5
    return day in _make_up_days or (day.weekday() < 5 and day not in _holidays)


def workdays_between(start: date, end: date) -> int:
    """Working days in (start, end]; negative when end is before start."""
    sync()
    return _index.between(start, end)


def add_workdays(day: date, count: int) -> date:
    """The date `count` working days after `day` (before it when negative); 0 gives `day`."""
    if count == 0:
        return day
    sync()
    return _index.add(day, count)


# Counting is a subtraction of two prefix sums over the known years (workday_index.py): the
# reminder scan asks "how many working days since the due date" for thousands of dates a tick.
_index = CountIndex(is_working=is_workday_synced, span=span)


def next_workday(day: date) -> date:
    """`day` itself if it is a working day, else the next one (a long holiday is a week at most)."""
    while not is_workday(day):
        day += timedelta(days=1)
    return day


def calendar_covers(day: date) -> bool:
    """Whether the holiday calendar knows `day` (rather than guessing Monday–Friday).

    Both sources know whole years: chinesecalendar the years of the notices it carries, the
    table the years holding at least one 节假日 (`Table.years`). The readiness probe and the
    supervision console ask this of today and of the day 60 days ahead.
    """
    sync()
    if day.year in _State.table.years:
        return True
    try:
        chinese_calendar.is_workday(day)
    except NotImplementedError:
        return False
    return True


def first_uncovered(start: date, end: date) -> date | None:
    """The first day in [start, end] the calendar does not know, or None (coverage is by year)."""
    for year in range(start.year, end.year + 1):
        day = max(start, date(year, 1, 1))
        if not calendar_covers(day):
            return day
    return None
