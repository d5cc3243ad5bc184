"""Redis with a password and TLS (docs/security.md 「传输加密」): a private redis-server that listens
only on a TLS port and asks for a password, with a certificate from a private CA. Through the
settings that production uses (rediss://:password@…, REDIS_TLS_CA_FILE) the cache, the Celery broker
and the readiness probe reach it; without the password, without the CA or without TLS they are
refused."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis

from duban.transport import redis_tls_options
from tests.conftest import services_unavailable
from tests.foundation.tls import make_certificates

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "r3dis-TLS-pa55word"

# Run in a process of its own with the production environment: what the web node, the worker and
# the probe would do with these settings.
THROUGH_SETTINGS = """
import json
from django.conf import settings
from django.core.cache import cache
import redis
from duban.celery import app
from duban.health.checks import check_broker, check_cache

cache.set("transport-test", "经过 TLS", 30)
result = {"cache": cache.get("transport-test"), "probe": [check_broker(), check_cache()]}
app.send_task("notifications.send_reminders")
client = redis.Redis.from_url(settings.CELERY_BROKER_URL, **settings.REDIS_TLS_OPTIONS)
result["queued"] = client.llen("celery")
result["tls"] = client.connection_pool.connection_class.__name__
print("RESULT " + json.dumps(result, ensure_ascii=False))
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def tls_redis(tmp_path):
    binary = shutil.which("redis-server")
    if binary is None:
        services_unavailable("redis-server is not installed")
    certs = make_certificates(tmp_path / "certs")
    port = _free_port()
    process = subprocess.Popen(
        [
            binary,
            "--port", "0",
            "--tls-port", str(port),
            "--bind", "127.0.0.1",
            "--tls-cert-file", str(certs.cert),
            "--tls-key-file", str(certs.key),
            "--tls-ca-cert-file", str(certs.ca),
            "--tls-auth-clients", "no",
            "--requirepass", PASSWORD,
            "--save", "",
            "--appendonly", "no",
            "--dir", str(tmp_path),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )  # fmt: skip
    client = redis.Redis(
        host="127.0.0.1", port=port, password=PASSWORD, ssl=True, ssl_ca_certs=str(certs.ca), socket_timeout=2
    )
    deadline = time.monotonic() + 15
    while True:
        try:
            client.ping()
            break
        except redis.RedisError as exc:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                services_unavailable(f"redis-server with TLS did not start (built without TLS?): {exc}")
            time.sleep(0.1)
    yield port, certs
    client.close()
    process.terminate()
    process.wait(timeout=10)


def test_cache_broker_and_probe_go_through_tls_with_the_password(tls_redis):
    port, certs = tls_redis
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "CELERY_TASK_ALWAYS_EAGER"}}
    env.update(
        DJANGO_SETTINGS_MODULE="duban.settings",
        PYTHONPATH=str(ROOT),
        CELERY_BROKER_URL=f"rediss://:{PASSWORD}@127.0.0.1:{port}/0",
        CACHE_URL=f"rediss://:{PASSWORD}@127.0.0.1:{port}/1",
        REDIS_TLS_CA_FILE=str(certs.ca),
    )
    code = "import django; django.setup()\n" + THROUGH_SETTINGS
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    line = next((x for x in result.stdout.splitlines() if x.startswith("RESULT ")), None)
    assert line, result.stderr[-3000:]
    seen = json.loads(line.removeprefix("RESULT "))
    assert seen == {"cache": "经过 TLS", "probe": ["reachable", "read and write"], "queued": 1, "tls": "SSLConnection"}


def test_redis_refuses_a_client_without_the_password(tls_redis):
    port, certs = tls_redis
    client = redis.Redis.from_url(f"rediss://127.0.0.1:{port}/0", **redis_tls_options(str(certs.ca)))
    with pytest.raises(redis.AuthenticationError):
        client.ping()
    client = redis.Redis.from_url(f"rediss://:wrong@127.0.0.1:{port}/0", **redis_tls_options(str(certs.ca)))
    with pytest.raises(redis.AuthenticationError):
        client.ping()


def test_a_certificate_from_an_unknown_ca_is_refused(tls_redis, tmp_path):
    """Without REDIS_TLS_CA_FILE the system's store is used, which does not know the private CA:
    an impostor with a certificate of its own gets no password."""
    port, _ = tls_redis
    other_ca = make_certificates(tmp_path / "other", name="impostor").ca
    for options in (redis_tls_options(None), redis_tls_options(str(other_ca))):
        client = redis.Redis.from_url(f"rediss://:{PASSWORD}@127.0.0.1:{port}/0", socket_timeout=3, **options)
        with pytest.raises(redis.ConnectionError, match="certificate verify failed"):
            client.ping()


def test_clear_text_is_not_answered_on_the_tls_port(tls_redis):
    port, _ = tls_redis
    client = redis.Redis.from_url(f"redis://:{PASSWORD}@127.0.0.1:{port}/0", socket_timeout=2)
    with pytest.raises(redis.RedisError):
        client.ping()
