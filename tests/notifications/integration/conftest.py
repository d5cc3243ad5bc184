"""Real services for the delivery guarantees: PostgreSQL, Redis, a Celery worker
process, an SMTP server (aiosmtpd) and the provider HTTP server.

The worker is a separate process, so tests use the live test database
(transactional_db) and hand its name to the worker. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from email import message_from_bytes
from email.header import decode_header, make_header
from pathlib import Path

import pytest
import redis
from aiosmtpd.controller import Controller
from celery import Celery
from django.conf import settings as django_settings
from django.db import connection

from tests.conftest import services_unavailable as _unavailable
from tests.notifications.conftest import ensure_default_rules
from tests.notifications.providers import ProviderServer

ROOT = Path(django_settings.BASE_DIR)
TRAVELED = Path(__file__).with_name("traveled.py")
REDIS_URL = os.environ.get("NOTIFY_TEST_REDIS_URL", "redis://127.0.0.1:6379/6")
MOMENT = "2023-10-31T09:00:00+08:00"  # a Tuesday: the seed's 抽蓄项目 due day


def wait_for(predicate, *, timeout: float, every: float = 0.2, tick=None, message: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        if tick is not None:
            tick()
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout}s waiting for {message or predicate}")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Mail:
    message_id: str
    to: str
    subject: str


@dataclass
class SmtpRecorder:
    received: list[Mail] = field(default_factory=list)
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.delay:
            await asyncio.sleep(self.delay)  # a slow server: the worker can be killed mid-batch
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        msg = message_from_bytes(envelope.content)
        with self.lock:
            self.received.append(
                Mail(msg["Message-ID"], envelope.rcpt_tos[0], str(make_header(decode_header(msg["Subject"]))))
            )
        return "250 Message accepted for delivery"

    def ids(self) -> list[str]:
        with self.lock:
            return [m.message_id for m in self.received]


@pytest.fixture
def services(transactional_db):
    if connection.vendor != "postgresql":
        _unavailable("the integration tests need PostgreSQL (set DATABASE_URL)")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as exc:
        _unavailable(f"Redis is not reachable at {REDIS_URL}: {exc}")
    client.flushdb()
    ensure_default_rules()
    yield client
    client.flushdb()


@pytest.fixture
def smtp():
    recorder = SmtpRecorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=_free_port())
    controller.start()
    recorder.port = controller.port
    yield recorder
    controller.stop()


@pytest.fixture
def provider():
    with ProviderServer() as server:
        yield server


class Cluster:
    """Worker and beat processes started by a test, killed by it or at teardown."""

    def __init__(self, tmp_path: Path, env: dict[str, str]):
        self.tmp_path = tmp_path
        self.env = env
        self.procs: list[subprocess.Popen] = []
        # Not the current app: shared tasks (export jobs) of later tests in this process would bind to it.
        self.client = Celery("duban-tests", broker=REDIS_URL, set_as_current=False)

    def _start(self, name: str, args: list[str], ready: str, moment: str) -> subprocess.Popen:
        log = self.tmp_path / f"{name}.log"
        log.write_text("")
        proc = subprocess.Popen(
            [sys.executable, str(TRAVELED), moment, "-A", "duban", *args, "-l", "INFO", "-f", str(log)],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.tmp_path / f"{name}.err", "w"),
            start_new_session=True,
        )
        proc.log = log
        self.procs.append(proc)
        wait_for(lambda: ready in log.read_text() or proc.poll() is not None, timeout=40, message=f"{name} to start")
        assert proc.poll() is None, f"{name} exited: {(self.tmp_path / f'{name}.err').read_text()[-2000:]}"
        return proc

    def worker(self, name: str = "w1", moment: str = MOMENT) -> subprocess.Popen:
        args = ["worker", "--pool=solo", "-c", "1", "-n", f"{name}@%h", "--without-gossip", "--without-mingle"]
        return self._start(name, args, " ready.", moment)

    def beat(self, name: str = "beat1", moment: str = MOMENT) -> subprocess.Popen:
        schedule = ["--scheduler", "django_celery_beat.schedulers:DatabaseScheduler"]
        return self._start(name, ["beat", *schedule], "beat: Starting", moment)

    def send(self, task: str) -> None:
        self.client.send_task(task)

    def tick(self) -> None:
        """What beat would do: wake the sender and the reconciler."""
        self.send("notifications.reconcile_deliveries")
        self.send("notifications.send_reminders")

    def kill(self, proc: subprocess.Popen) -> None:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)

    def stop_all(self) -> None:
        for proc in self.procs:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGTERM)
        for proc in self.procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        self.client.close()


@pytest.fixture
def cluster(services, smtp, provider, tmp_path, monkeypatch):
    # Celery lets CELERY_BROKER_URL in the environment win over a broker passed to Celery();
    # CI exports one for the whole suite, so point it at the test Redis for the test's client.
    monkeypatch.setenv("CELERY_BROKER_URL", REDIS_URL)
    db = connection.settings_dict
    env = {
        **os.environ,
        **provider.settings_env(),
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "duban.settings",
        "DUBAN_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "CELERY_BROKER_URL": REDIS_URL,
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(smtp.port),
        "NOTIFY_DEFAULT_CHANNELS": "email,inbox",
        "NOTIFY_BACKOFF_BASE_SECONDS": "1",
        "NOTIFY_BACKOFF_MAX_SECONDS": "2",
        "NOTIFY_MAX_ATTEMPTS": "3",
        "NOTIFY_LEASE_SECONDS": "4",
        "NOTIFY_BATCH_SIZE": "5",
        "NOTIFY_SEND_BUDGET_SECONDS": "5",
        "NOTIFY_SCAN_EVERY_SECONDS": "1",
        "NOTIFY_SEND_EVERY_SECONDS": "1",
        "NOTIFY_RECONCILE_EVERY_SECONDS": "1",
    }
    env.pop("CELERY_TASK_ALWAYS_EAGER", None)
    running = Cluster(tmp_path, env)
    yield running
    running.stop_all()
