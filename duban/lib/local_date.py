"""`LocalDate("closed_at")`: an instant's date in the project's time zone, as TruncDate gives it,
without a time-zone lookup per row on PostgreSQL.

`x AT TIME ZONE 'Asia/Shanghai'` resolves the zone's name for every row: over the scoreboard's
75,000 milestones that was most of the cost of the closing days (issue 18). A zone whose offset
has not changed for decades (Asia/Shanghai: +08:00 since 1992) is applied as that offset to
instants after the last change; earlier instants, and zones with daylight saving time, still go
through the zone's name, so the result is TruncDate's for every row.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import DateField
from django.db.models.functions import TruncDate
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

_LAST_YEAR = 2100  # the zone database's rules run on; sampled up to here


@lru_cache(maxsize=8)
def fixed_offset_since(name: str) -> tuple[timedelta, datetime] | None:
    """(offset, since) when the zone `name` keeps one offset from `since` on, sampled twice a
    month up to 2100; None when it changes (daylight saving time) or never settles."""
    zone = ZoneInfo(name)
    samples = [
        datetime(year, month, day, 12, tzinfo=zone)
        for year in range(1900, _LAST_YEAR + 1)
        for month in range(1, 13)
        for day in (1, 15)
    ]
    offset = samples[-1].utcoffset()
    if offset is None:
        return None
    since = None
    for moment in reversed(samples):
        if moment.utcoffset() != offset:
            break
        since = moment
    if since is None or since.year >= _LAST_YEAR - 1:
        return None
    # The change happened somewhere in the half month before the first settled sample.
    return offset, since


def _interval(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours:02d}:{rest:02d}"


class LocalDate(TruncDate):
    """TruncDate in the current time zone; on PostgreSQL by a fixed offset where that is exact."""

    output_field = DateField()

    def as_postgresql(
        self, compiler: SQLCompiler, connection: BaseDatabaseWrapper, **extra: Any
    ) -> tuple[str, list[Any]]:
        name = timezone.get_current_timezone_name()
        fixed = fixed_offset_since(name) if settings.USE_TZ else None
        if fixed is None:
            sql, params = super().as_sql(compiler, connection, **extra)
            return sql, list(params)
        offset, since = fixed
        sql, params = compiler.compile(self.lhs)
        return (
            f"(CASE WHEN {sql} >= %s THEN ({sql} AT TIME ZONE INTERVAL '{_interval(offset)}')::date"
            f" ELSE ({sql} AT TIME ZONE %s)::date END)",
            [*params, since, *params, *params, name],
        )
