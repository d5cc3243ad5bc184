"""Exactly one beat: two real `celery beat` processes on one PostgreSQL database and one
Redis. Only the lease holder sends; a frozen holder loses the lease to the standby within
the lease time and sends nothing when it wakes; a killed holder is replaced at once."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from datetime import datetime
from itertools import pairwise
from pathlib import Path

import psycopg
import pytest
import redis

from duban.health.models import BeatHeartbeat
from tests.health.conftest import wait_for

_STAMP_RE = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})[,.](\d{3})")

pytestmark = pytest.mark.services
ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
LEASE = 3  # seconds: renew every 1, the server drops a silent holder after 2, standbys try every 1
SENT = "Scheduler: Sending due task notifications.send_reminders"


class Beat:
    def __init__(self, name: str, tmp_path: Path, env: dict[str, str]):
        self.name = name
        self.log = tmp_path / f"{name}.log"
        self.log.write_text("")
        self.proc = subprocess.Popen(
            [str(BIN / "celery"), "-A", "duban", "beat", "-l", "INFO", "-f", str(self.log)],
            cwd=ROOT,
            env={**env, "DUBAN_VAR_DIR": str(tmp_path / name)},
            stdout=subprocess.DEVNULL,
            stderr=(tmp_path / f"{name}.err").open("w"),
            start_new_session=True,
        )

    def text(self) -> str:
        return self.log.read_text()

    def sent(self) -> int:
        return self.text().count(SENT)

    def sent_at(self) -> list[datetime]:
        # Celery's own "[2026-12-03 06:54:19,650: INFO/MainProcess] Scheduler: Sending due task …" or the
        # project's log line (`2026-12-03T06:54:19.650+08:00 …`, or its JSON `"time"`): the time is
        # the first timestamp on the line, whichever format the logging settings chose.
        found = []
        for line in self.text().splitlines():
            if SENT in line and (m := _STAMP_RE.search(line)):
                found.append(datetime.strptime(f"{m[1]} {m[2]}.{m[3]}", "%Y-%m-%d %H:%M:%S.%f"))
        return found

    def says(self, phrase: str, times: int = 1) -> bool:
        assert self.proc.poll() is None, f"{self.name} exited: {self.text()[-2000:]}"
        return self.text().count(phrase) >= times

    def signal(self, sig: int) -> None:
        os.killpg(self.proc.pid, sig)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.signal(signal.SIGCONT)
            self.signal(signal.SIGKILL)
        self.proc.wait(timeout=10)


@pytest.fixture
def beats(real_services, tmp_path):
    env = {
        **os.environ,
        "DATABASE_URL": real_services.database_url,
        "CELERY_BROKER_URL": real_services.broker_url,
        "BEAT_LEASE_SECONDS": str(LEASE),
        "NOTIFY_SEND_EVERY_SECONDS": "1",  # something due every second
    }
    started: list[Beat] = []

    def start(name: str) -> Beat:
        beat = Beat(name, tmp_path, env)
        started.append(beat)
        return beat

    yield start
    for beat in started:
        beat.stop()
    # Nothing consumes what the beats sent; leave the suite's broker as we found it.
    client = redis.Redis.from_url(real_services.broker_url)
    client.delete("celery")
    client.close()


def test_only_the_lease_holder_sends_and_a_standby_takes_over_when_it_is_gone(beats):
    first = beats("beat1")
    wait_for(lambda: first.says("beat: holding the lease"), timeout=30, message="beat1 to take the lease")
    second = beats("beat2")
    wait_for(lambda: second.says("standing by"), timeout=30, message="beat2 to stand by")
    wait_for(lambda: first.sent() >= 3, timeout=10, message="beat1 sending")
    assert second.sent() == 0
    assert BeatHeartbeat.objects.get().holder.endswith(f":{first.proc.pid}")

    # Frozen (SIGSTOP: a hung process, a VM paused): its connection stays open, so only the
    # lease's expiry can free it.
    first.signal(signal.SIGSTOP)
    frozen_at, sent_before_freeze = time.monotonic(), first.sent()
    wait_for(lambda: second.says("beat: holding the lease"), timeout=LEASE + 3, message="beat2 to take over")
    assert time.monotonic() - frozen_at <= LEASE + 1
    wait_for(lambda: second.sent() >= 2, timeout=10, message="beat2 sending")
    wait_for(lambda: BeatHeartbeat.objects.get().holder.endswith(f":{second.proc.pid}"), timeout=5, message="heartbeat")

    # Woken, the first finds the lease gone before it sends anything.
    first.signal(signal.SIGCONT)
    wait_for(lambda: first.says("beat: lost the lease"), timeout=LEASE + 2, message="beat1 to notice")
    wait_for(lambda: first.says("standing by"), timeout=LEASE + 2, message="beat1 to stand by")
    time.sleep(1.5)
    assert first.sent() == sent_before_freeze

    # Killed: the server frees the lock with the connection; the standby takes it at its next try.
    second.signal(signal.SIGKILL)
    killed_at = time.monotonic()
    wait_for(lambda: first.says("beat: holding the lease", times=2), timeout=LEASE + 2, message="beat1 back")
    assert time.monotonic() - killed_at <= LEASE
    wait_for(lambda: first.sent() > sent_before_freeze, timeout=10, message="beat1 sending again")

    # Across both beats and both takeovers, the every-second task went out about once a second:
    # never twice at once, neither by two beats nor by a new holder catching up.
    times = sorted(first.sent_at() + second.sent_at())
    gaps = [(b - a).total_seconds() for a, b in pairwise(times)]
    assert min(gaps) >= 0.5, gaps


def test_a_beat_stopped_in_the_middle_of_a_query_exits(beats, real_services):
    # `systemctl stop` (TERM) while the beat waits on the database: celery's TERM handler
    # saves the schedule on the connection the interrupted query still holds, and the beat
    # hung there instead of exiting (CI met it once: a beat that took more than 15 s to stop).
    BeatHeartbeat.objects.create(pk=1, beat_at=datetime(2026, 3, 2, 9, 0).astimezone(), holder="earlier")
    with psycopg.connect(real_services.database_url) as locker:
        # The heartbeat row locked: the holder's first heartbeat write waits for it.
        locker.execute("SELECT 1 FROM health_beatheartbeat WHERE id = 1 FOR UPDATE")
        beat = beats("beat1")
        wait_for(lambda: beat.says("beat: holding the lease"), timeout=30, message="the beat to take the lease")
        wait_for(lambda: _waiting_on_a_lock(locker), timeout=30, message="the beat to wait on the row")

        beat.signal(signal.SIGTERM)
        try:
            # It hung for good; stopping takes well under a second, 30 s allows for a loaded machine.
            beat.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail("the beat did not stop within 30 s of TERM")
        locker.rollback()
    assert beat.proc.returncode == 0, (beat.log.parent / "beat1.err").read_text()[-2000:]


def _waiting_on_a_lock(conn: psycopg.Connection) -> bool:
    # A backend reads pg_stat_activity once per transaction, and the locker's transaction stays
    # open: without clearing, a first look taken before the beat reached the row was all it ever
    # saw (CI, under load: the beat waited on the row for 60 s and the test never saw it).
    conn.execute("SELECT pg_stat_clear_snapshot()")
    row = conn.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE application_name <> 'duban-beat-lease'"
        " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
    ).fetchone()
    return bool(row and row[0])
