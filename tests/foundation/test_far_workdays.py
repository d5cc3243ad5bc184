"""Working-day arithmetic costs what the calendar's known years cost, however far a date lies:
beyond the years chinesecalendar knows every Monday–Friday is a working day, which is arithmetic."""

from __future__ import annotations

import time
from datetime import date, timedelta

import pytest

from duban.lib import workdays
from tests.heap import own_heap

FAR = date(9299, 6, 30)


def _weekdays(start: date, end: date) -> int:
    """Mon–Fri in (start, end], counted a week at a time (independent of the code under test)."""
    days = (end - start).days
    full, rest = divmod(days, 7)
    return full * 5 + sum((start + timedelta(days=i)).weekday() < 5 for i in range(1, rest + 1))


def test_a_far_off_workday_count_is_quick_and_exact():
    # The process's own CPU time: the suite runs four workers on two cores, and a wall clock
    # would time the other workers too (1.45 s on the slowest machine of the kind, under load).
    with own_heap():  # nor a collection of what earlier tests left in the worker (tests/heap.py)
        _count_far_workdays()


def _count_far_workdays():
    started = time.process_time()
    edge = date(2101, 1, 1)  # beyond any year the calendar knows
    near = workdays.workdays_between(date(2023, 11, 15), edge)
    assert workdays.workdays_between(date(2023, 11, 15), FAR) == near + _weekdays(edge, FAR)
    assert workdays.workdays_between(FAR, date(2023, 11, 15)) == -(near + _weekdays(edge, FAR))
    assert workdays.add_workdays(FAR, 5) == date(9299, 7, 7)  # the next Tuesday, five weekdays on
    assert workdays.add_workdays(FAR, -3) == date(9299, 6, 25)
    far_count = workdays.workdays_between(date(2023, 11, 15), FAR)
    assert workdays.add_workdays(date(2023, 11, 15), far_count) <= FAR
    assert (
        workdays.workdays_between(date(2023, 11, 15), workdays.add_workdays(date(2023, 11, 15), far_count)) == far_count
    )
    assert time.process_time() - started < 1.0


def _walk_add(day: date, count: int) -> date:
    """The plain day-at-a-time definition, for dates near the edges of the known years."""
    step, current = (1 if count >= 0 else -1), day
    for _ in range(abs(count)):
        current += timedelta(days=step)
        while not workdays.is_workday(current):
            current += timedelta(days=step)
    return current


@pytest.mark.parametrize("edge", [workdays.KNOWN_FIRST, workdays.KNOWN_LAST], ids=["first", "last"])
def test_counts_across_the_edges_of_the_known_years_agree_with_a_day_walk(edge):
    for offset in range(-40, 41, 3):
        day = edge + timedelta(days=offset)
        for count in (-60, -25, -1, 1, 7, 25, 60):
            expected = _walk_add(day, count)
            assert workdays.add_workdays(day, count) == expected, (day, count)
            # Forward: working days in (day, result]; back: in [result, day).
            one = timedelta(days=1)
            counted = (
                workdays.workdays_between(day, expected)
                if count > 0
                else workdays.workdays_between(day - one, expected - one)
            )
            assert counted == count, (day, count)
