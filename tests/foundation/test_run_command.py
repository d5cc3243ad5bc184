"""The pieces `make run` starts, started the same way on a throwaway SQLite database
and the embedded filesystem broker: migrate, load the demo, web answers, worker and beat come up."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def embedded_env(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "DEBUG"}}
    env["DUBAN_VAR_DIR"] = str(tmp_path / "var")
    return env


def _manage(env, *args, timeout=180) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
    )


def _get(url: str) -> tuple[int, str]:
    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        response = opener.open(url, timeout=5)
        return response.status, response.headers.get("Location", "")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.headers.get("Location", "")


def test_run_command_pieces_start_on_embedded_defaults(embedded_env):
    migrate = _manage(embedded_env, "migrate", "--noinput")
    assert migrate.returncode == 0, migrate.stderr
    demo = _manage(embedded_env, "load_demo")
    assert demo.returncode == 0, demo.stderr
    assert "admin" in demo.stdout and "duban-demo-2023" in demo.stdout
    again = _manage(embedded_env, "load_demo")
    assert again.returncode == 0 and "已存在" in again.stdout

    port = _free_port()
    web = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=embedded_env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    worker_log = Path(embedded_env["DUBAN_VAR_DIR"]) / "worker.log"
    worker = subprocess.Popen(
        [str(BIN / "celery"), "-A", "duban", "worker", "--beat", "--concurrency=1", "--loglevel=INFO"],
        cwd=ROOT,
        env=embedded_env,
        stdout=worker_log.open("w"),
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        status = None
        while time.monotonic() < deadline:
            try:
                status, location = _get(f"http://127.0.0.1:{port}/")
                break
            except OSError:
                time.sleep(0.3)
        assert status in (200, 302), status
        if status == 302:
            assert "/admin/" in location or "login" in location
        # The admin's own login form sends people to the one with the second factor (docs/security.md).
        assert _get(f"http://127.0.0.1:{port}/admin/login/") == (302, "/login/")
        assert _get(f"http://127.0.0.1:{port}/login/")[0] == 200

        def beat_started(log: str) -> bool:
            return "beat: Starting" in log or "Scheduler: Sending" in log or "DatabaseScheduler" in log

        # The worker can say "ready" a moment before its embedded beat logs: wait for both.
        while time.monotonic() < deadline and not ("ready" in (log := worker_log.read_text()) and beat_started(log)):
            time.sleep(0.5)
        log = worker_log.read_text()
        assert "ready" in log, log[-2000:]
        assert beat_started(log), log[-2000:]
    finally:
        for proc in (web, worker):
            proc.terminate()
        for proc in (web, worker):
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
