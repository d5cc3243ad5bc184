"""Timestamps read from PostgreSQL are the same instants in UTC, read by psycopg's C loader."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from django.db import connection

from accounts.models import User


def _read(sql: str) -> list[datetime]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return list(cursor.fetchone())


def test_the_c_loader_reads_every_timestamp_of_a_connection(require_postgres):
    connection.ensure_connection()
    loader = connection.connection.adapters.get_loader(1184, 0)  # timestamptz, text
    assert loader.__name__ == "UtcTimestamptzLoader"
    with connection.cursor() as cursor:
        cursor.execute("SELECT now()")
        row_loader = cursor.cursor._tx.get_loader(1184, 0)
    assert type(row_loader.load).__module__ != "duban.lib.pg_timestamps"
    assert "psycopg_binary" in type(row_loader.load.__self__).__module__


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-05-01 10:00:00+08", datetime(2023, 5, 1, 2, 0, tzinfo=UTC)),
        ("2023-05-01 10:00:00.5+08", datetime(2023, 5, 1, 2, 0, 0, 500000, tzinfo=UTC)),
        ("2023-12-31 23:59:59.999999-05:30", datetime(2024, 1, 1, 5, 29, 59, 999999, tzinfo=UTC)),
        ("1900-01-01 00:00:00+00", datetime(1900, 1, 1, tzinfo=UTC)),
    ],
)
def test_an_instant_reads_as_the_same_instant_in_utc(require_postgres, text, expected):
    (value,) = _read(f"SELECT '{text}'::timestamptz")
    assert value == expected
    assert value.tzinfo is UTC  # what Django's own loader gives: the value compares and prints alike
    assert value.isoformat() == expected.isoformat()


def test_a_model_keeps_its_instant_through_a_save(require_postgres, db):
    joined = datetime(2024, 3, 9, 7, 30, 15, 123456, tzinfo=timezone(timedelta(hours=8)))
    user = User.objects.create(username="时间检查", date_joined=joined)
    assert User.objects.get(pk=user.pk).date_joined == joined
    assert User.objects.get(pk=user.pk).date_joined.utcoffset() == timedelta(0)
