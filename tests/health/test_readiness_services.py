"""/readyz on a production-mode gunicorn whose PostgreSQL and Redis connections pass
through proxies the test cuts: unready within one probe when a service goes away (or
stops answering), ready again with the first probe after it returns. The shared servers
themselves never stop."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from datetime import timedelta
from pathlib import Path

import pytest

from duban.health.heartbeat import heartbeat_write
from duban.lib import clock
from tests.health.conftest import free_port, wait_for
from tests.health.tcp_proxy import TcpProxy

pytestmark = pytest.mark.services
ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def _get(url: str) -> tuple[int, dict, float]:
    started = time.monotonic()
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            status, raw = response.status, response.read()
    except urllib.error.HTTPError as exc:
        status, raw = exc.code, exc.read()
    return status, json.loads(raw), time.monotonic() - started


@pytest.fixture
def proxies(real_services):
    db = TcpProxy(real_services.db_host, real_services.db_port)
    broker = TcpProxy(real_services.redis_host, real_services.redis_port)
    yield db, broker
    db.close()
    broker.close()


@pytest.fixture
def web(real_services, proxies, tmp_path):
    db_proxy, broker_proxy = proxies
    port = free_port()
    env = {
        **os.environ,
        "DEBUG": "false",
        "SECRET_KEY": "readiness-test-" + "x" * 40,
        "ALLOWED_HOSTS": "duban.example.gov.cn",
        "DATABASE_URL": real_services.through(
            real_services.database_url, real_services.db_host, real_services.db_port, db_proxy.port
        ),
        "CELERY_BROKER_URL": real_services.through(
            real_services.broker_url, real_services.redis_host, real_services.redis_port, broker_proxy.port
        ),
        "DUBAN_VAR_DIR": str(tmp_path / "var"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "BEAT_HEARTBEAT_MAX_AGE_SECONDS": "60",
        "HEALTH_CHECK_TIMEOUT_MS": "2000",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
    }
    log = tmp_path / "gunicorn.log"
    proc = subprocess.Popen(
        [str(BIN / "gunicorn"), "-c", "duban/gunicorn_config.py", "duban.wsgi"],
        cwd=ROOT,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"

    def up() -> bool:
        assert proc.poll() is None, log.read_text()[-2000:]
        try:
            return _get(f"{base}/healthz")[0] == 200
        except OSError:
            return False

    try:
        wait_for(up, timeout=40, every=0.3, message="gunicorn to answer /healthz")
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)


def _assert_ready(base: str) -> None:
    status, body, _ = _get(f"{base}/readyz")
    assert status == 200, body
    assert body["status"] == "ok"


def _assert_unready(base: str, failing: str, *, within: float) -> dict:
    status, body, took = _get(f"{base}/readyz")
    assert status == 503, body
    assert body["status"] == "fail"
    assert body["checks"][failing]["ok"] is False, body
    assert took < within, f"the probe took {took:.1f}s"
    return body


def _not_revealing(body: dict, *secrets: str) -> None:
    text = json.dumps(body, ensure_ascii=False)
    for secret in ("Traceback", "127.0.0.1", "postgres", "PostgreSQL 1", *secrets):
        assert secret not in text, (secret, text)


def test_readyz_follows_the_database_going_away_and_coming_back(real_services, proxies, web):
    db_proxy, _ = proxies
    heartbeat_write(holder="test")
    _assert_ready(web)

    db_proxy.cut()  # the server is down: connections are refused
    body = _assert_unready(web, "database", within=3.5)
    assert body["checks"]["broker"]["ok"] is True
    _not_revealing(body, str(db_proxy.port), str(real_services.db_port))
    db_proxy.restore()
    _assert_ready(web)

    db_proxy.blackhole()  # the link is dropped: connections hang, the probe must not
    body = _assert_unready(web, "database", within=3.5)
    _not_revealing(body, str(db_proxy.port))
    db_proxy.restore()
    _assert_ready(web)


def test_readyz_follows_the_broker_going_away_and_coming_back(real_services, proxies, web):
    _, broker_proxy = proxies
    heartbeat_write(holder="test")
    _assert_ready(web)

    broker_proxy.cut()
    body = _assert_unready(web, "broker", within=3.5)
    assert body["checks"]["database"]["ok"] is True
    _not_revealing(body, str(broker_proxy.port), str(real_services.redis_port))
    broker_proxy.restore()
    _assert_ready(web)

    broker_proxy.blackhole()
    _assert_unready(web, "broker", within=3.5)
    broker_proxy.restore()
    _assert_ready(web)


def test_readyz_follows_the_beat_heartbeat(real_services, web):
    # BEAT_HEARTBEAT_MAX_AGE_SECONDS=60 in the web process.
    heartbeat_write(holder="test", at=clock.now() - timedelta(seconds=61))
    body = _assert_unready(web, "beat", within=3.5)
    assert body["checks"]["beat"]["detail"].startswith("heartbeat 6")
    heartbeat_write(holder="test")
    _assert_ready(web)
