"""The office's holiday table (节假日与调休): edits, audited, and what the working-day
calendar reads from it (duban.lib.workdays, wired up in PolicyTasksConfig.ready).

Every process keeps the table in memory; an edit writes a fresh version stamp in the
shared cache (Redis in production) so the others reload it within workdays.SYNC_SECONDS.
The stamp is written at once, for this process, and again after the commit, for the
others: a reload that ran before the commit saw the old rows and would otherwise stay.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.cache import cache
from django.db import transaction

from duban.lib import workdays
from policy_tasks.models import AuditAction, CalendarDay
from policy_tasks.services.audit import Actor, audit_record

VERSION_KEY = "duban:calendar-days:version"


def calendar_version() -> str | None:
    """The stamp of the table's last edit (one is made up and shared when the cache lost it).

    None only with a cache that keeps nothing (DummyCache): every process then reloads."""
    version: str | None = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def calendar_load() -> dict[date, bool]:
    return {day: kind == CalendarDay.Kind.WORKDAY for day, kind in CalendarDay.objects.values_list("date", "kind")}


def _changed() -> None:
    def new_calendar_version() -> None:
        cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None)
        workdays.expire()

    new_calendar_version()
    transaction.on_commit(new_calendar_version)


def _fields(entry: CalendarDay) -> dict[str, Any]:
    return {"date": entry.date, "kind": entry.kind, "name": entry.name}


@transaction.atomic
def calendar_day_save(*, actor: Actor, entry: CalendarDay, before: dict[str, Any] | None = None) -> CalendarDay:
    """Create or change one day; `before` is the row as it was (None for a new one)."""
    entry.full_clean()
    created = entry.pk is None
    entry.save()
    audit_record(
        actor=actor,
        action=AuditAction.CALENDAR_DAY_CREATE if created else AuditAction.CALENDAR_DAY_UPDATE,
        obj=entry,
        before=before,
        after=_fields(entry),
    )
    _changed()
    return entry


@transaction.atomic
def calendar_day_delete(*, actor: Actor, entries: Iterable[CalendarDay]) -> int:
    count = 0
    for entry in entries:
        audit_record(actor=actor, action=AuditAction.CALENDAR_DAY_DELETE, obj=entry, before=_fields(entry))
        entry.delete()
        count += 1
    if count:
        _changed()
    return count


@transaction.atomic
def calendar_days_load(*, actor: Actor, rows: Iterable[tuple[date, str, str]]) -> tuple[int, int]:
    """Enter a year's notice: (date, kind, name) rows; an existing day is overwritten.

    Returns (created, changed); a row equal to what is stored is left alone, unaudited."""
    created = changed = 0
    for day, kind, name in rows:
        entry = CalendarDay.objects.filter(date=day).first()
        if entry is None:
            calendar_day_save(actor=actor, entry=CalendarDay(date=day, kind=kind, name=name))
            created += 1
        elif (entry.kind, entry.name) != (kind, name):
            before = _fields(entry)
            entry.kind, entry.name = kind, name
            calendar_day_save(actor=actor, entry=entry, before=before)
            changed += 1
    return created, changed
