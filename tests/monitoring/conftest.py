"""A real gunicorn with two workers (and, for the log tests, a real Celery worker) against
the live test database on PostgreSQL and a private Redis database. They are separate
processes, so the tests use transactional_db and hand them the database's name."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pytest
import redis
from django.conf import settings as django_settings
from django.db import connection

from tests.conftest import services_unavailable as _unavailable

ROOT = Path(django_settings.BASE_DIR)
BIN = Path(sys.executable).parent
REDIS_URL = os.environ.get("MONITORING_TEST_REDIS_URL", "redis://127.0.0.1:6379/3")
METRICS_TOKEN = "scrape-token-for-tests"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, *, timeout: float, message: str, every: float = 0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")


def json_lines(path: Path) -> list[dict]:
    lines = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if raw.startswith("{"):
            try:
                lines.append(json.loads(raw))
            except json.JSONDecodeError:
                pass  # a line still being written
    return lines


@dataclass
class Answer:
    status: int
    headers: dict
    body: str


def http(url: str, *, method: str = "GET", headers: dict | None = None, data: bytes | None = None) -> Answer:
    request = urllib.request.Request(url, method=method, headers=headers or {}, data=data)
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return Answer(response.status, dict(response.headers), response.read().decode())
    except urllib.error.HTTPError as exc:
        return Answer(exc.code, dict(exc.headers), exc.read().decode())


@pytest.fixture
def services(transactional_db):
    if connection.vendor != "postgresql":
        _unavailable("the gunicorn and worker tests need PostgreSQL (set DATABASE_URL)")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as exc:
        _unavailable(f"Redis is not reachable at {REDIS_URL}: {exc}")
    client.flushdb()
    yield client
    client.flushdb()


@pytest.fixture
def service_env(services, tmp_path) -> dict[str, str]:
    db = connection.settings_dict
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "duban.settings",
        "DUBAN_VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DATABASE_URL": f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}",
        "CELERY_BROKER_URL": REDIS_URL,
        "DUBAN_LOG_FORMAT": "json",
        # Loopback is not listed: the test itself is a client that must show the token.
        "DUBAN_METRICS_ALLOW": "192.0.2.0/24",
        "DUBAN_METRICS_TOKEN": METRICS_TOKEN,
    }
    for name in ("CELERY_TASK_ALWAYS_EAGER", "PROMETHEUS_MULTIPROC_DIR", "DEBUG"):
        env.pop(name, None)
    return env


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(timeout=10)


class Web:
    def __init__(self, port: int, log: Path, proc: subprocess.Popen):
        self.base, self.log, self.proc = f"http://127.0.0.1:{port}", log, proc

    def get(self, path: str, **kwargs) -> Answer:
        return http(self.base + path, **kwargs)

    def scrape(self) -> Answer:
        return self.get("/metrics", headers={"Authorization": f"Bearer {METRICS_TOKEN}"})


@pytest.fixture
def gunicorn(service_env, tmp_path):
    port = _free_port()
    log = tmp_path / "gunicorn.log"
    env = {
        **service_env,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "2",
        "GUNICORN_ACCESS_LOG": "-",
        "PROMETHEUS_MULTIPROC_DIR": str(tmp_path / "prometheus"),
    }
    proc = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "duban/gunicorn_config.py", "duban.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    web = Web(port, log, proc)

    def answering() -> bool:
        assert proc.poll() is None, log.read_text()[-3000:]
        try:
            return web.get("/login/").status == 200
        except OSError:
            return False

    try:
        wait_for(answering, timeout=60, message="gunicorn to answer")
        # Both workers booted: each logs its own "Booting worker" line.
        wait_for(lambda: log.read_text().count("Booting worker") >= 2, timeout=30, message="two workers")
        yield web
    finally:
        _stop(proc)


@pytest.fixture
def celery_worker(service_env, tmp_path):
    log = tmp_path / "worker.log"
    log.write_text("")
    args = ["worker", "--pool=solo", "-c", "1", "-n", "monitoring@%h", "--without-gossip", "--without-mingle"]
    proc = subprocess.Popen(
        [str(BIN / "celery"), "-A", "duban", *args, "-l", "INFO", "-f", str(log)],
        cwd=ROOT,
        env=service_env,
        stdout=subprocess.DEVNULL,
        stderr=(tmp_path / "worker.err").open("w"),
        start_new_session=True,
    )
    proc.log = log
    try:
        wait_for(lambda: " ready." in log.read_text() or proc.poll() is not None, timeout=60, message="the worker")
        assert proc.poll() is None, (tmp_path / "worker.err").read_text()[-3000:]
        yield proc
    finally:
        _stop(proc)
