"""督办单 numbers: `柯督〔2026〕第3号`, one sequence per issuing office and year.

The pattern (DUBAN_URGE_NUMBER_PATTERN, docs/operations.md) holds `{year}` and `{n}`; the
office is DUBAN_BULLETIN_ISSUER, the name printed on the notice. A number is taken inside
the transaction that creates the notice: on PostgreSQL a transaction-level advisory lock on
(office, year) makes a second issuer wait until the first commits, so it reads the new
highest number; SQLite lets one writer at a time anyway. The unique constraint on
(office, year, sequence) refuses a duplicate whatever happens.
"""

from __future__ import annotations

import zlib
from datetime import date
from typing import TypedDict

from django.conf import settings
from django.db import connection
from django.db.models import Max

DEFAULT_PATTERN = "柯督〔{year}〕第{n}号"
LOCK_CLASS = 0x7D0B  # first key of the advisory lock: "urge numbers", apart from any other lock


class UrgeNumber(TypedDict):
    """The number fields of an UrgeNotice."""

    number: str
    number_office: str
    number_year: int
    number_seq: int


def urge_office() -> str:
    return getattr(settings, "DUBAN_BULLETIN_ISSUER", "") or "督查室"


def urge_number_format(seq: int, year: int, pattern: str | None = None) -> str:
    pattern = pattern or getattr(settings, "DUBAN_URGE_NUMBER_PATTERN", "") or DEFAULT_PATTERN
    return pattern.format(year=year, n=seq)


def _lock(office: str, year: int) -> None:
    if connection.vendor == "postgresql":
        key = (zlib.crc32(office.encode("utf-8")) ^ year) & 0x7FFFFFFF
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_CLASS, key])


def urge_number_next(*, on: date, office: str | None = None) -> UrgeNumber:
    """The number fields of the next notice of `office` in the year of `on`.

    Call inside the transaction that saves the notice: the lock lasts until it ends."""
    from policy_tasks.models import UrgeNotice

    office = office or urge_office()
    year = on.year
    _lock(office, year)
    last = UrgeNotice.objects.filter(number_office=office, number_year=year).aggregate(m=Max("number_seq"))["m"]
    seq = (last or 0) + 1
    return {"number": urge_number_format(seq, year), "number_office": office, "number_year": year, "number_seq": seq}
