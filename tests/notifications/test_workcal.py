"""The scan's fast working-day arithmetic agrees with duban.lib.workdays."""

from __future__ import annotations

from datetime import date, timedelta

from duban.lib import workdays
from notifications.services import workcal


def test_fast_calendar_matches_the_reference_around_holidays_and_make_up_days():
    start = date(2023, 9, 20)  # Mid-Autumn + National Day 2023, with Saturday make-up days
    for offset in range(0, 60, 1):
        day = start + timedelta(days=offset)
        for count in (-7, -3, -1, 0, 1, 3, 5):
            assert workcal.add_workdays(day, count) == workdays.add_workdays(day, count), (day, count)
        other = day + timedelta(days=(offset * 7) % 40 - 20)
        assert workcal.workdays_between(day, other) == workdays.workdays_between(day, other), (day, other)
        assert workcal.next_workday(day) == workdays.next_workday(day)


def test_far_dates_extend_the_index():
    assert workcal.workdays_between(date(2005, 1, 1), date(2025, 6, 16)) == workdays.workdays_between(
        date(2005, 1, 1), date(2025, 6, 16)
    )
