"""Dates the services accept: inside duban.lib.datewindow, whatever entry point sent them."""

from __future__ import annotations

from datetime import date

from duban.lib import datewindow
from policy_tasks.errors import ServiceError


def require_in_window(day: date | None, *, field: str) -> None:
    if day is not None and not datewindow.contains(day):
        raise ServiceError(datewindow.message(), field=field)
