"""Working-day counts (prefix sums, duban/lib/workday_index.py) agree with asking the calendar
one day at a time."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar

from duban.lib import workdays


def _between_by_walking(start: date, end: date) -> int:
    lo, hi, sign = (start, end, 1) if end >= start else (end, start, -1)
    return sign * sum(workdays.is_workday(lo + timedelta(days=i)) for i in range(1, (hi - lo).days + 1))


def _add_by_walking(day: date, count: int) -> date:
    step = 1 if count > 0 else -1
    while count:
        day += timedelta(days=step)
        count -= step * workdays.is_workday(day)
    return day


def test_counts_match_walking_the_calendar_around_holidays_and_make_up_days():
    start = date(2023, 9, 20)  # Mid-Autumn + National Day 2023, with Saturday make-up days
    for offset in range(0, 60, 1):
        day = start + timedelta(days=offset)
        for count in (-7, -3, -1, 0, 1, 3, 5):
            assert workdays.add_workdays(day, count) == _add_by_walking(day, count), (day, count)
        other = day + timedelta(days=(offset * 7) % 40 - 20)
        assert workdays.workdays_between(day, other) == _between_by_walking(day, other), (day, other)


def test_far_dates_extend_the_index():
    assert workdays.workdays_between(date(2005, 1, 1), date(2025, 6, 16)) == _between_by_walking(
        date(2005, 1, 1), date(2025, 6, 16)
    )


def test_beyond_the_known_years_counts_are_weekday_arithmetic():
    first, last = workdays.span()
    after = last + timedelta(days=400)
    assert workdays.workdays_between(last, after) == _between_by_walking(last, after)
    assert workdays.add_workdays(last, 300) == _add_by_walking(last, 300)
    assert workdays.add_workdays(first, -300) == _add_by_walking(first, -300)


def test_known_days_are_answered_as_the_package_answers_them():
    # is_workday_synced reads the package's tables itself, without its per-call checks (the
    # office's table is empty here: tests/conftest.py).
    first, last = workdays.span()
    day = first
    while day <= last:
        assert workdays.is_workday_synced(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)
