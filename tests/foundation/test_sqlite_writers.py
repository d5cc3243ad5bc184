"""The embedded SQLite database takes writers from several processes, as `make run` starts them.

Web, worker and beat write to one file at once. A transaction that reads and then writes while
another commits is refused at once by SQLite ("database is locked", no wait) unless it took the
write lock when it began: beat lost a schedule entry so on start-up. Two connections built from
the embedded default's settings, each in Django's own transaction, one committing while the other
reads then writes.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

from django.db import connections, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper

from duban.env import parse_database_url

ALIAS = "embedded_writers"


def _connect(path: Path) -> DatabaseWrapper:
    """A connection of this thread's own under ALIAS, so that `transaction.atomic` runs on it."""
    settings = parse_database_url(f"sqlite:///{path}", base_dir=path.parent)
    settings.update(TIME_ZONE=None, AUTOCOMMIT=True, ATOMIC_REQUESTS=False, CONN_HEALTH_CHECKS=False)
    settings.setdefault("TEST", {})
    settings.setdefault("OPTIONS", {})
    conn = DatabaseWrapper(settings, alias=ALIAS)
    connections[ALIAS] = conn
    return conn


def test_a_reader_that_then_writes_waits_for_the_other_writer(tmp_path, django_db_blocker):
    # Connections of their own to a file of their own, not the test database.
    with django_db_blocker.unblock():
        _two_writers(tmp_path / "duban.sqlite3")


def _two_writers(path: Path) -> None:
    setup = _connect(path)
    with setup.cursor() as cur:
        cur.execute("CREATE TABLE entry (name TEXT)")
    setup.close()

    first_wrote = threading.Event()
    errors: list[BaseException] = []

    def first_writer() -> None:
        conn = _connect(path)
        try:
            with transaction.atomic(using=ALIAS), conn.cursor() as cur:
                cur.execute("INSERT INTO entry VALUES ('first')")
                first_wrote.set()
                time.sleep(0.4)
        except BaseException as exc:  # reported to the test's thread
            errors.append(exc)
        finally:
            conn.close()

    thread = threading.Thread(target=first_writer)
    thread.start()
    assert first_wrote.wait(5)
    second = _connect(path)
    try:
        with transaction.atomic(using=ALIAS), second.cursor() as cur:
            cur.execute("SELECT count(*) FROM entry")
            time.sleep(0.2)  # the first writer commits meanwhile
            cur.execute("INSERT INTO entry VALUES ('second')")
        with second.cursor() as cur:
            cur.execute("SELECT name FROM entry ORDER BY rowid")
            names = [row[0] for row in cur.fetchall()]
    finally:
        second.close()
        thread.join(5)
        del connections[ALIAS]
    assert errors == []
    assert names == ["first", "second"]
