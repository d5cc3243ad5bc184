from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import quote, urlsplit
from zoneinfo import ZoneInfo

import pytest
import redis
import time_machine
from django.conf import settings
from django.db import connection

from duban.health import checks, probe
from duban.health.heartbeat import heartbeat_write
from tests.conftest import services_unavailable as _unavailable

# A Monday the holiday calendar knows, with the 60 days after it.
IN_CALENDAR = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture(autouse=True)
def _fresh_probe_memory():
    """Each test starts as a freshly started process: nothing remembered, nothing logged."""
    checks._remembered["migrations"] = False
    probe._last_ok.clear()
    yield
    checks._remembered["migrations"] = False
    probe._last_ok.clear()


@pytest.fixture
def beating(transactional_db):
    """A healthy deployment at IN_CALENDAR: the beat wrote its heartbeat just now.

    transactional_db: the probe's checks run in threads of their own, on connections of
    their own, which see only committed rows.
    """
    with time_machine.travel(IN_CALENDAR, tick=False) as traveller:
        heartbeat_write(holder="beat-host:1")
        yield traveller


@dataclass
class Services:
    """The suite's own PostgreSQL test database and Redis database, as URLs for subprocesses."""

    database_url: str
    broker_url: str
    db_host: str
    db_port: int
    redis_host: str
    redis_port: int

    def through(self, url: str, host: str, port: int, proxy_port: int) -> str:
        return url.replace(f"@{host}:{port}/", f"@127.0.0.1:{proxy_port}/", 1)


@pytest.fixture
def real_services(transactional_db) -> Services:
    if connection.vendor != "postgresql":
        _unavailable("needs PostgreSQL (set DATABASE_URL)")
    broker = settings.CELERY_BROKER_URL
    if not broker.startswith("redis://"):
        _unavailable("needs Redis (set CELERY_BROKER_URL=redis://…)")
    parsed = urlsplit(broker)
    client = redis.Redis.from_url(broker, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.RedisError as exc:
        _unavailable(f"Redis is not reachable: {exc}")
    finally:
        client.close()
    db = connection.settings_dict
    db_host, db_port = db["HOST"] or "127.0.0.1", int(db["PORT"] or 5432)
    password = quote(db["PASSWORD"] or "", safe="")
    redis_host, redis_port = parsed.hostname or "127.0.0.1", parsed.port or 6379
    return Services(
        database_url=f"postgres://{quote(db['USER'], safe='')}:{password}@{db_host}:{db_port}/{db['NAME']}",
        # Always with an "@" so that `through` can swap the address.
        broker_url=f"redis://{parsed.netloc if '@' in parsed.netloc else '@' + parsed.netloc}{parsed.path or '/0'}",
        db_host=db_host,
        db_port=db_port,
        redis_host=redis_host,
        redis_port=redis_port,
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(predicate, *, timeout: float, every: float = 0.2, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(every)
    raise AssertionError(f"timed out after {timeout}s waiting for {message or predicate}")
