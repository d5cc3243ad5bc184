"""The one place logic reads the clock, so tests can travel (time-machine) and
services can be handed an explicit `now`."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    return timezone.localdate()


def end_of(day: date) -> datetime:
    """The first instant after `day` in the project's time zone: done by `day` is done before it."""
    return timezone.make_aware(datetime.combine(day + timedelta(days=1), time.min))
