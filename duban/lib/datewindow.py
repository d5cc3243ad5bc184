"""The window of dates a user may send: from 2000-01-01 to DUBAN_DATE_YEARS_AHEAD years after today.

Nothing this system supervises happened before 2000 or is due decades ahead; such a date is a
typing mistake, and at the ends of the calendar it overflowed date arithmetic (a 500) or made
the working-day index walk millions of days. The callers raise their own error type.
"""

from __future__ import annotations

from datetime import date

from django.conf import settings

from duban.lib import clock

EARLIEST = date(2000, 1, 1)


def latest() -> date:
    today = clock.today()
    years = int(getattr(settings, "DUBAN_DATE_YEARS_AHEAD", 10))
    try:
        return today.replace(year=today.year + years)
    except ValueError:  # 29 February
        return today.replace(year=today.year + years, day=28)


def contains(day: date) -> bool:
    return EARLIEST <= day <= latest()


def message() -> str:
    return f"日期须在 {EARLIEST:%Y-%m-%d} 至 {latest():%Y-%m-%d} 之间"
