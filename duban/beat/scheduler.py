"""django-celery-beat's DatabaseScheduler that sends only while it holds the beat lease.

Set as CELERY_BEAT_SCHEDULER, so `celery beat` and a worker's embedded `--beat` both use
it. A second beat anywhere stands by, logging that it waits, and takes over when the
lease comes free (duban/beat/lease.py). The beat holding the lease also writes the
heartbeat /readyz reads.
"""

from __future__ import annotations

import logging
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import DatabaseError, InterfaceError, close_old_connections, connection
from django_celery_beat.schedulers import DatabaseScheduler

from duban.beat.lease import lease_from_settings
from duban.health.heartbeat import heartbeat_write

logger = logging.getLogger("duban.beat")

# How often a standby says it is still waiting.
WAITING_LOG_EVERY = 60.0


class LeasedScheduler(DatabaseScheduler):
    def __init__(self, *args, **kwargs):
        self.lease = lease_from_settings()
        self.holder = f"{socket.gethostname()}:{os.getpid()}"
        self._leading = False
        self._waiting_logged_at: float | None = None
        self._heartbeat_at: float | None = None
        self._busy = 0
        self._interrupted = False
        self._closed = False
        super().__init__(*args, **kwargs)
        # Save each entry's last run as soon as it is sent rather than every few minutes, so
        # a beat taking over starts where the last one stopped instead of sending again.
        self.sync_every_tasks = 1

    def setup_schedule(self):
        # A standby writes nothing. Its start-up writes (beat_schedule into the database) would
        # make the holder re-read the schedule while an entry it just sent is not saved yet,
        # and django-celery-beat then sends that entry again. Done on taking the lease.
        if self._leading:
            super().setup_schedule()

    def tick(self, *args, **kwargs):
        with self._working():
            if not self._lead():
                return self.lease.poll_every
            self._beat_heartbeat()
            return min(super().tick(*args, **kwargs), self.lease.renew_every)

    def _do_sync(self):
        with self._working():
            return super()._do_sync()

    @contextmanager
    def _working(self) -> Iterator[None]:
        self._busy += 1
        try:
            yield
        finally:
            self._busy -= 1

    def apply_entry(self, entry, producer=None):
        # The lease was renewed at the start of this tick; a pause since (a frozen process,
        # a slow database read) may have outlasted it, and another beat may be sending now.
        if not self.lease.may_send():
            self._leading = False
            self._dirty.discard(entry.name)
            logger.error("beat: the lease ran out before %s was sent; not sending it", entry.name)
            return
        super().apply_entry(entry, producer=producer)

    def _lead(self) -> bool:
        if self._leading:
            if self.lease.renew():
                return True
            self._leading = False
            self._heartbeat_at = None
            logger.error("beat: lost the lease; sending nothing until it is ours again")
        if self.lease.acquire():
            self._leading = True
            self._waiting_logged_at = None
            logger.warning("beat: holding the lease (%s); this beat sends the periodic tasks", self.holder)
            self.setup_schedule()
            self._reload_schedule()
            return True
        now = time.monotonic()
        if self._waiting_logged_at is None or now - self._waiting_logged_at > WAITING_LOG_EVERY:
            logger.warning("beat: another beat holds the lease; standing by (%s)", self.holder)
            self._waiting_logged_at = now
        return False

    def _reload_schedule(self) -> None:
        # The previous holder moved every entry's last run on; read them back from the
        # database and rebuild the heap, or the entries due while we waited all fire at once.
        self._initial_read = True
        self._heap = None
        # A change seen while standing by flags the heap for a rebuild from the entries in
        # memory, whose last runs are the stale ones: the fresh read above replaces them.
        self._heap_invalidated = False

    def _beat_heartbeat(self) -> None:
        now = time.monotonic()
        every = min(10.0, settings.BEAT_HEARTBEAT_MAX_AGE_SECONDS / 4)
        if self._heartbeat_at is not None and now - self._heartbeat_at < every:
            return
        close_old_connections()
        try:
            heartbeat_write(holder=self.holder)
        except (DatabaseError, InterfaceError) as exc:
            logger.warning("beat: cannot write the heartbeat: %s", exc)
            return
        self._heartbeat_at = now

    def close(self):
        if self._busy:
            # Celery's TERM handler calls this from inside whatever the beat was doing, then
            # raises SystemExit. Mid-query, saving the schedule would wait forever for the
            # connection the interrupted query holds; the beat's loop calls close() again
            # once SystemExit has unwound it.
            self._interrupted = True
            return
        if self._closed:
            return
        self._closed = True
        if self._interrupted:
            connection.close()  # the interrupted statement may still be running on it
        try:
            super().close()
        finally:
            self.lease.release()  # a standby takes over at its next try, not after the lease
