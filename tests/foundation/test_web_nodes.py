"""Web nodes as production runs them (gunicorn, DEBUG off, PostgreSQL, Redis):
a database restart costs no request, and the login limit is one count for all nodes."""

from __future__ import annotations

import json
import os
import time
import uuid

import pytest
import redis
from django.db import connection
from knox.models import AuthToken

from tests import factories as f
from tests.foundation.servers import http, unavailable

pytestmark = pytest.mark.services


def _redis_url() -> str:
    broker = os.environ.get("CELERY_BROKER_URL", "")
    url = os.environ.get("DUBAN_TEST_REDIS_URL") or (broker if broker.startswith("redis://") else "")
    if not url:
        unavailable("the shared cache test needs Redis (set CELERY_BROKER_URL=redis://…)")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.RedisError as exc:
        unavailable(f"Redis is not reachable at {url}: {exc}")
    return url


def _backends_of_others() -> list[int]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return [row[0] for row in cursor.fetchall()]


def test_a_database_restart_costs_no_request(web_nodes):
    user = f.UserFactory(username="zhangsan")
    _, token = AuthToken.objects.create(user=user)
    node = web_nodes.start()
    headers = {"Authorization": f"Token {token}"}

    status, body = http("GET", f"{node}/api/v1/me/", headers=headers)
    assert status == 200, body
    kept = _backends_of_others()
    assert len(kept) == 1  # the worker keeps its connection between requests (CONN_MAX_AGE)

    # What a PostgreSQL restart does to that connection, from the server's side.
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [kept[0]])
    deadline = time.monotonic() + 10
    while kept[0] in _backends_of_others() and time.monotonic() < deadline:
        time.sleep(0.1)

    for _ in range(3):
        status, body = http("GET", f"{node}/api/v1/me/", headers=headers)
        assert status == 200, body
        assert json.loads(body)["username"] == "zhangsan"
    assert _backends_of_others() and kept[0] not in _backends_of_others()


def test_the_login_limit_is_counted_once_for_all_nodes(web_nodes):
    url = _redis_url()
    server = redis.Redis.from_url(url)
    prefix = f"duban-test-{uuid.uuid4().hex[:8]}"
    env = {"CACHE_URL": url, "API_LOGIN_RATE": "6/min"}
    # Each node its own key prefix would defeat the point; both get the test's own.
    nodes = [web_nodes.start(**env, CACHE_KEY_PREFIX=prefix) for _ in range(2)]
    answers = []
    try:
        for attempt in range(12):
            body = json.dumps({"username": f"nobody{attempt}", "password": "wrong-password"}).encode()
            status, _ = http(
                "POST",
                f"{nodes[attempt % 2]}/api/v1/auth/token/",
                body,
                {"Content-Type": "application/json"},
            )
            answers.append(status)
        keys = [key.decode() for key in server.scan_iter(f"{prefix}:*")]
    finally:
        for key in server.scan_iter(f"{prefix}:*"):
            server.delete(key)
    # 6 a minute from one address, whichever node answered: the 7th attempt is refused.
    assert answers == [401] * 6 + [429] * 6
    assert any("throttle_login" in key for key in keys), keys
