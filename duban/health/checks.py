"""What /readyz checks. Each check returns a short detail when all is well and raises
CheckFailed (or anything else) when not; details never carry host names, paths,
passwords or versions, because the endpoint answers without login.

The three database checks run one after another on one connection of their own with a
connect timeout (`bounded_database`), so an unreachable server costs one timeout, not
three, and a hung connection never becomes a page's connection.
"""

from __future__ import annotations

import math
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import redis
from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import connections
from django.db.migrations.executor import MigrationExecutor
from django.db.utils import load_backend
from kombu import Connection

from duban.health.heartbeat import heartbeat_age_seconds
from duban.lib import clock
from duban.lib.workdays import calendar_covers


class CheckFailed(Exception):
    """A check's answer is "not ready"; the message is the detail shown to the prober."""


def timeout_seconds() -> float:
    return settings.HEALTH_CHECK_TIMEOUT_MS / 1000


@contextmanager
def bounded_database() -> Iterator[None]:
    """Give this thread a fresh default connection that gives up connecting after the timeout."""
    base = connections.settings["default"]
    options = dict(base.get("OPTIONS", {}))
    if base["ENGINE"].endswith("postgresql"):
        # libpq counts whole seconds and treats anything under 2 as 2; tcp_user_timeout (ms)
        # bounds a query whose packets go unanswered (a dropped link rather than a refusal).
        options["connect_timeout"] = max(2, math.ceil(timeout_seconds()))
        options["tcp_user_timeout"] = settings.HEALTH_CHECK_TIMEOUT_MS
    wrapper = load_backend(base["ENGINE"]).DatabaseWrapper({**base, "OPTIONS": options}, "default")
    connections["default"] = wrapper
    try:
        yield
    finally:
        wrapper.close()
        del connections["default"]


def check_database() -> str:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "reachable"


# A positive answer is kept for the life of the process: new migrations arrive with new
# code, hence a restart, and rolling one back by hand while serving is not a thing we
# support. A negative answer is asked again at every probe until it turns positive.
_remembered = {"migrations": False}


def check_migrations() -> str:
    if _remembered["migrations"]:
        return "all applied"
    executor = MigrationExecutor(connections["default"])
    unapplied = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if unapplied:
        raise CheckFailed(f"{len(unapplied)} unapplied; run manage.py migrate")
    _remembered["migrations"] = True
    return "all applied"


def check_beat() -> str:
    age = heartbeat_age_seconds()
    if age is None:
        raise CheckFailed("no heartbeat yet; is celery beat running?")
    limit = settings.BEAT_HEARTBEAT_MAX_AGE_SECONDS
    if age > limit:
        raise CheckFailed(f"heartbeat {age:.0f}s old (limit {limit}s)")
    return f"heartbeat {max(age, 0):.0f}s old"


def check_broker() -> str:
    url = settings.CELERY_BROKER_URL
    scheme = url.split("://", 1)[0].split("+", 1)[0].lower()
    if scheme == "filesystem":
        return _check_broker_folders()
    timeout = timeout_seconds()
    if scheme in ("redis", "rediss"):
        tls = settings.REDIS_TLS_OPTIONS if scheme == "rediss" else {}
        client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout, **tls)
        try:
            client.ping()
        finally:
            client.close()
        return "reachable"
    with Connection(url, connect_timeout=timeout) as conn:
        conn.ensure_connection(max_retries=1)
    return "reachable"


def _check_broker_folders() -> str:
    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    keys = ("data_folder_in", "data_folder_out", "processed_folder", "control_folder")
    for folder in {options[key] for key in keys if options.get(key)}:
        name = os.path.basename(folder.rstrip("/"))
        if not os.path.isdir(folder):
            raise CheckFailed(f"broker folder {name}/ missing")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise CheckFailed(f"broker folder {name}/ not writable")
    return "folders writable"


def check_cache() -> str:
    key = f"duban:health:{uuid.uuid4().hex}"
    cache.set(key, "ok", 10)
    try:
        if cache.get(key) != "ok":
            raise CheckFailed("a value written could not be read back")
    finally:
        cache.delete(key)
    return "read and write"


def check_holidays() -> str:
    today = clock.today()
    horizon = today + timedelta(days=settings.HEALTH_HOLIDAY_HORIZON_DAYS)
    for day in (today, horizon):
        if not calendar_covers(day):
            raise CheckFailed(
                f"{day.isoformat()} not in the holiday calendar; enter the year's holidays in the admin"
                " (节假日与调休) or update chinesecalendar"
            )
    return f"covers through {horizon.isoformat()}"


def check_storage() -> str:
    name = default_storage.save(f"health/probe-{uuid.uuid4().hex}.txt", ContentFile(b"ok"))
    default_storage.delete(name)
    return "write and delete"
