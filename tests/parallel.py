"""The suite on several cores (pytest-xdist, `make test`): each worker gets its own share of the
services the machine has one of.

pytest-django already gives each worker its own test database (`test_<name>_gw0`, `_gw1` …).
Redis is one server with 16 numbered databases, and the tests that start Celery workers, a beat
or gunicorn against it flush and read "their" database; two such tests on two workers would
take each other's messages. So each worker takes a block of database numbers, one per purpose,
and the environment says so before Django reads its settings: tests/settings.py imports this
module first, and xdist sets PYTEST_XDIST_WORKER before that. Without xdist nothing changes.

Names outside a database (PostgreSQL databases and roles that a test creates itself) take
`worker_suffix()`.
"""

from __future__ import annotations

import os
import re
from urllib.parse import urlsplit, urlunsplit

WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")

# What each Redis database of a worker's block is for; the single-process defaults in brackets.
PURPOSES = {
    "CELERY_BROKER_URL": 0,  # the suite's broker (CI: db 0)
    "MONITORING_TEST_REDIS_URL": 1,  # tests/monitoring (db 3)
    "NOTIFY_TEST_REDIS_URL": 2,  # tests/notifications/integration (db 6)
    "RUNBOOK_TEST_REDIS_URL": 3,  # tests/topology/test_runbook.py (db 8)
}
SINGLE_PROCESS_DEFAULTS = {
    "MONITORING_TEST_REDIS_URL": "redis://127.0.0.1:6379/3",
    "NOTIFY_TEST_REDIS_URL": "redis://127.0.0.1:6379/6",
    "RUNBOOK_TEST_REDIS_URL": "redis://127.0.0.1:6379/8",
}
REDIS_DATABASES = 16  # Redis's default `databases`
MAX_WORKERS = REDIS_DATABASES // len(PURPOSES)


def worker_index() -> int | None:
    match = re.fullmatch(r"gw(\d+)", WORKER)
    return int(match.group(1)) if match else None


def worker_suffix() -> str:
    """`_gw1` on xdist's worker gw1, empty in a single process."""
    return f"_{WORKER}" if worker_index() is not None else ""


def _with_database(url: str, number: int) -> str:
    return urlunsplit(urlsplit(url)._replace(path=f"/{number}"))


def _claim_redis_block(index: int) -> None:
    if index >= MAX_WORKERS:
        raise RuntimeError(
            f"xdist worker gw{index}: Redis has {REDIS_DATABASES} databases, enough for {MAX_WORKERS} "
            f"workers of {len(PURPOSES)} each; run with -n {MAX_WORKERS} or fewer"
        )
    for name, offset in PURPOSES.items():
        url = os.environ.get(name) or SINGLE_PROCESS_DEFAULTS.get(name, "")
        if url.startswith(("redis://", "rediss://")):
            os.environ[name] = _with_database(url, index * len(PURPOSES) + offset)


if (index := worker_index()) is not None:
    _claim_redis_block(index)
