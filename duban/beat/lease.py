"""The beat lease: at most one beat, on any host, holds it at a time.

On PostgreSQL (production) the lease is a session advisory lock on a connection of its
own. The server frees it the moment that connection dies (process killed, host gone),
and because the connection sets `idle_session_timeout`, also when the holder stops
renewing (frozen, cut off): the server closes a session idle longer than that. The
holder renews by asking, on that connection, whether the lock is still its own, and
counts itself out when it has not managed to for as long as the server waits, so a
holder waking from a long pause never sends alongside the beat that took over.

On SQLite (one machine by definition) it is an flock on a file in DUBAN_VAR_DIR, which
the kernel frees when the process dies.

Timings from BEAT_LEASE_SECONDS = L: renew every L/3, the server drops an idle holder
after 2L/3, a standby tries every L/3: a standby takes over within L of the holder
stopping, and at once when the holder's process exits.
"""

from __future__ import annotations

import fcntl
import logging
import time
from pathlib import Path
from typing import TextIO

import psycopg
from django.conf import settings
from django.db import connections

logger = logging.getLogger("duban.beat")

# pg_try_advisory_lock(int4, int4): "duba" and 1 (the beat). Advisory locks are per database.
LOCK_KEY = (0x64756261, 1)


class Lease:
    def __init__(self, seconds: float):
        self.seconds = seconds
        self.renew_every = seconds / 3
        self.poll_every = seconds / 3
        self.expires_after = seconds * 2 / 3

    def acquire(self) -> bool:
        raise NotImplementedError

    def renew(self) -> bool:
        raise NotImplementedError

    def release(self) -> None:
        raise NotImplementedError

    def may_send(self) -> bool:
        """Whether the lease is certainly still ours at this instant, asked right before each send."""
        raise NotImplementedError


class PostgresLease(Lease):
    def __init__(self, seconds: float):
        super().__init__(seconds)
        self._conn: psycopg.Connection | None = None
        self._renewed_at = 0.0

    def _connect(self) -> psycopg.Connection:
        params = connections["default"].get_connection_params()
        for django_only in ("cursor_factory", "context"):
            params.pop(django_only, None)
        timeout_ms = int(self.expires_after * 1000)
        params.update(
            autocommit=True,
            application_name="duban-beat-lease",
            connect_timeout=max(2, int(self.renew_every)),
            # A renewal whose packets go unanswered fails instead of hanging the beat.
            tcp_user_timeout=timeout_ms,
        )
        conn = psycopg.connect(**params)
        conn.execute("SELECT set_config('idle_session_timeout', %s, false)", [str(timeout_ms)])
        return conn

    def _drop(self) -> None:
        if self._conn is not None:
            try:
                self._conn.close()
            except psycopg.Error:
                pass
        self._conn = None

    def may_send(self) -> bool:
        # The server counts idleness from our last query, which started no earlier than
        # _renewed_at (stamped before asking): until expires_after has passed since, no
        # other beat can hold the lock. A tenth is kept back for the send itself.
        return self._conn is not None and time.monotonic() - self._renewed_at < self.expires_after * 0.9

    def acquire(self) -> bool:
        for attempt in (1, 2):  # a standby's idle connection may have been closed: try a fresh one
            try:
                if self._conn is None or self._conn.closed:
                    self._conn = self._connect()
                asked_at = time.monotonic()
                row = self._conn.execute("SELECT pg_try_advisory_lock(%s, %s)", LOCK_KEY).fetchone()
                got = row is not None and row[0]  # a SELECT of one value: always one row
            except (psycopg.Error, OSError) as exc:
                self._drop()
                if attempt == 2:
                    logger.warning("beat lease: cannot reach the database: %s", exc)
                continue
            if got:
                self._renewed_at = asked_at
            return bool(got)
        return False

    def renew(self) -> bool:
        if self._conn is None:
            return False
        if time.monotonic() - self._renewed_at > self.expires_after:
            # We were paused past the server's idle limit: it has let go, and another beat may
            # already hold the lease. Never assume it is still ours.
            self._drop()
            return False
        asked_at = time.monotonic()
        try:
            row = self._conn.execute(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()"
                " AND classid = %s AND objid = %s AND objsubid = 2 AND granted",
                LOCK_KEY,
            ).fetchone()
            held = row[0] if row is not None else 0  # count(*): always one row
        except (psycopg.Error, OSError):
            self._drop()
            return False
        if not held:
            self._drop()
            return False
        self._renewed_at = asked_at
        return True

    def release(self) -> None:
        self._drop()  # closing the session frees the lock


class FileLease(Lease):
    def __init__(self, seconds: float, path: Path):
        super().__init__(seconds)
        self.path = path
        self._file: TextIO | None = None
        self._held = False

    def acquire(self) -> bool:
        if self._file is None:
            self._file = self.path.open("a")
        try:
            fcntl.flock(self._file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        self._held = True
        return True

    def renew(self) -> bool:
        return self._held

    def may_send(self) -> bool:
        return self._held

    def release(self) -> None:
        if self._file is not None:
            self._file.close()  # frees the flock
            self._file = None
        self._held = False


def lease_from_settings() -> Lease:
    seconds = settings.BEAT_LEASE_SECONDS
    if connections["default"].vendor == "postgresql":
        return PostgresLease(seconds)
    return FileLease(seconds, Path(settings.VAR_DIR) / "beat.lock")
