"""The one place logic reads the clock, so tests can travel (time-machine) and
services can be handed an explicit `now`."""

from __future__ import annotations

from datetime import date, datetime

from django.utils import timezone


def now() -> datetime:
    return timezone.now()


def today() -> date:
    return timezone.localdate()
