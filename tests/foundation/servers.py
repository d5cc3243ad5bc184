"""Web nodes for the production tests: gunicorn processes on the test's PostgreSQL database,
started as an operator starts them (docs/operations.md) with DEBUG off."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.db import connection

from tests.conftest import services_unavailable as unavailable

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def live_database_url() -> str:
    """The live test database (the test must be transactional for a server to see its rows)."""
    if connection.vendor != "postgresql":
        unavailable("a web node needs PostgreSQL (set DATABASE_URL)")
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def http(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None):
    request = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


class WebNodes:
    def __init__(self, tmp_path: Path):
        self.tmp_path = tmp_path
        self.processes: list[subprocess.Popen] = []
        self.logs: list = []

    def start(self, **env: str) -> str:
        port = free_port()
        full = {
            k: v
            for k, v in os.environ.items()
            if k not in {"DATABASE_URL", "CACHE_URL", "DEBUG", "DJANGO_SETTINGS_MODULE"}
        }
        full.update(
            DEBUG="false",
            SECRET_KEY="k3y-for-the-web-node-tests-" + "x9Q!zP2#" * 6,
            ALLOWED_HOSTS="127.0.0.1",
            SECURE_SSL_REDIRECT="false",
            DATABASE_URL=live_database_url(),
            DUBAN_VAR_DIR=str(self.tmp_path / "var"),
            GUNICORN_BIND=f"127.0.0.1:{port}",
            WEB_CONCURRENCY="1",
        )
        full.update(env)
        log = open(self.tmp_path / f"gunicorn-{port}.log", "wb")
        self.logs.append(log)
        process = subprocess.Popen(
            [str(GUNICORN), "-c", "duban/gunicorn_config.py", "duban.wsgi"],
            cwd=ROOT,
            env=full,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        self.processes.append(process)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise AssertionError((self.tmp_path / f"gunicorn-{port}.log").read_text())
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    return f"http://127.0.0.1:{port}"
            except OSError:
                time.sleep(0.2)
        raise AssertionError(f"gunicorn did not listen on {port} within 60 s")

    def stop(self) -> None:
        for process in self.processes:
            process.terminate()
        for process in self.processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        for log in self.logs:
            log.close()
