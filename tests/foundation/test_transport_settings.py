"""Transport settings (docs/security.md 「传输加密」): PostgreSQL's sslmode and CA from DATABASE_URL or
DATABASE_SSLMODE/DATABASE_SSLROOTCERT, STARTTLS by default towards a remote SMTP server, and the
deploy check's warnings (duban.W160-W163) for every clear-text connection to another host."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from duban.env import parse_database_url
from duban.transport import database_tls, is_local_host
from policy_tasks import checks_transport
from policy_tasks.checks_transport import transport_encryption
from tests.foundation.test_settings import PRODUCTION_SMS

ROOT = Path(__file__).resolve().parents[2]
REMOTE_DB = "postgres://duban:pw@db.duban.invalid:5432/duban"


def _database(url: str, sslmode: str | None = None, sslrootcert: str | None = None) -> dict:
    config = parse_database_url(url, base_dir=ROOT)
    database_tls(config, sslmode, sslrootcert, setting="DATABASE_URL")
    return config


def _run(env: dict[str, str], *argv: str) -> subprocess.CompletedProcess:
    full = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "CACHE_URL", "DEBUG", "SECRET_KEY", "DJANGO_SETTINGS_MODULE"}
    }
    full.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *argv], cwd=ROOT, env=full, capture_output=True, text=True, timeout=120
    )


def test_sslmode_and_ca_in_the_database_url_reach_libpq(tmp_path):
    ca = tmp_path / "db-ca.pem"
    ca.write_text("-----BEGIN CERTIFICATE-----\n")
    options = _database(f"{REMOTE_DB}?sslmode=verify-full&sslrootcert={ca}")["OPTIONS"]
    assert (options["sslmode"], options["sslrootcert"]) == ("verify-full", str(ca))


def test_database_sslmode_variable_sets_the_mode_and_may_not_contradict_the_url():
    assert _database(REMOTE_DB, "require")["OPTIONS"]["sslmode"] == "require"
    assert _database(f"{REMOTE_DB}?sslmode=require", "require")["OPTIONS"]["sslmode"] == "require"
    with pytest.raises(ImproperlyConfigured, match="contradicts sslmode='disable'"):
        _database(f"{REMOTE_DB}?sslmode=disable", "verify-full")


def test_an_unknown_sslmode_or_a_missing_ca_file_stops_startup(tmp_path):
    with pytest.raises(ImproperlyConfigured, match="'verify_full' is not one of"):
        _database(REMOTE_DB, "verify_full")
    with pytest.raises(ImproperlyConfigured, match="no such file"):
        _database(REMOTE_DB, "verify-full", str(tmp_path / "absent.pem"))
    # libpq's word for the system's store is no file name.
    assert _database(REMOTE_DB, "verify-full", "system")["OPTIONS"]["sslrootcert"] == "system"
    with pytest.raises(ImproperlyConfigured, match="PostgreSQL only"):
        _database("sqlite:///var/x.sqlite3", "require")


def test_only_loopback_and_sockets_are_this_machine():
    assert all(map(is_local_host, ["127.0.0.1", "127.0.1.1", "::1", "[::1]", "localhost", "", "/run/postgresql"]))
    assert not any(map(is_local_host, ["10.0.0.5", "db.duban.internal", "192.168.1.2", "fe80::1"]))


def test_smtp_starttls_is_on_by_default_in_production_towards_another_host():
    code = "from django.conf import settings as s; print(s.EMAIL_USE_TLS, s.EMAIL_USE_SSL)"
    production = {"DEBUG": "false", "SECRET_KEY": "k3y-" + "x9Q!zP2#" * 6, "ALLOWED_HOSTS": "duban.example.gov.cn"}
    seen = {}
    for name, extra in {
        "remote": {"EMAIL_HOST": "smtp.example.gov.cn"},
        "local relay": {"EMAIL_HOST": "127.0.0.1"},
        "implicit TLS": {"EMAIL_HOST": "smtp.example.gov.cn", "EMAIL_USE_SSL": "true"},
        "development": {"EMAIL_HOST": "smtp.example.gov.cn", "DEBUG": "true"},
    }.items():
        result = _run({**production, **extra}, "shell", "--no-imports", "-c", code)
        seen[name] = result.stdout.split() or result.stderr[-500:]
    assert seen == {
        "remote": ["True", "False"],
        "local relay": ["False", "False"],
        "implicit TLS": ["False", "True"],
        "development": ["False", "False"],
    }


def test_the_proxy_header_is_believed_only_behind_a_tls_proxy():
    code = "from django.conf import settings as s; print(s.SECURE_PROXY_SSL_HEADER, s.SESSION_COOKIE_SECURE)"
    production = {"DEBUG": "false", "SECRET_KEY": "k3y-" + "x9Q!zP2#" * 6, "ALLOWED_HOSTS": "duban.example.gov.cn"}
    behind = _run(production, "shell", "--no-imports", "-c", code)
    alone = _run({**production, "DUBAN_BEHIND_TLS_PROXY": "false"}, "shell", "--no-imports", "-c", code)
    assert behind.stdout.split() == ["('HTTP_X_FORWARDED_PROTO',", "'https')", "True"], behind.stderr[-500:]
    # gunicorn ending TLS itself: a client could write the header, so Django does not read it.
    assert alone.stdout.split() == ["None", "True"], alone.stderr[-500:]


def test_a_redis_ca_file_without_a_rediss_url_stops_startup(tmp_path):
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    result = _run({"CELERY_BROKER_URL": "redis://10.0.0.9:6379/0", "REDIS_TLS_CA_FILE": str(ca)}, "check")
    assert result.returncode != 0
    assert "REDIS_TLS_CA_FILE is set but neither CELERY_BROKER_URL nor CACHE_URL is rediss://" in result.stderr


@pytest.fixture
def production(settings):
    """DEBUG off with every service on this machine: nothing to warn about."""
    settings.DEBUG = False
    # The database entry is the live connection's: its warning is tested on the function below.
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:6379/0"
    settings.CACHE_URL = "redis://127.0.0.1:6379/1"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_USE_TLS, settings.EMAIL_USE_SSL = "localhost", False, False
    return settings


def _ids() -> list[str]:
    return [warning.id for warning in transport_encryption(None)]


def test_services_on_this_machine_pass(production):
    assert _ids() == []
    assert checks_transport._database(_database("postgres://duban@/duban?host=/run/postgresql")) == []
    production.CELERY_BROKER_URL = "unix:///run/redis/redis.sock"
    assert _ids() == []


def test_a_remote_database_without_tls_is_warned_about():
    [warning] = checks_transport._database(_database(REMOTE_DB))
    assert warning.id == "duban.W160" and "sslmode 为 prefer" in warning.msg
    for weak in ("disable", "allow", "prefer"):
        assert [w.id for w in checks_transport._database(_database(REMOTE_DB, weak))] == ["duban.W160"]
    for strong in ("require", "verify-ca", "verify-full"):
        assert checks_transport._database(_database(REMOTE_DB, strong)) == []


def test_a_remote_redis_without_tls_or_without_a_password_is_warned_about(production):
    production.CELERY_BROKER_URL = "redis://redis.duban.internal:6379/0"
    production.CACHE_URL = "rediss://redis.duban.internal:6380/1"
    warnings = transport_encryption(None)
    assert [(w.id, w.msg.split(" ")[0]) for w in warnings] == [
        ("duban.W161", "CELERY_BROKER_URL"),
        ("duban.W162", "CELERY_BROKER_URL"),
        ("duban.W162", "CACHE_URL"),
    ]
    production.CELERY_BROKER_URL = "redis://:s3cret@redis.duban.internal:6379/0"
    production.CACHE_URL = "rediss://:s3cret@redis.duban.internal:6380/1"
    assert _ids() == ["duban.W161"]
    production.CELERY_BROKER_URL = "rediss://duban:s3cret@redis.duban.internal:6380/0"  # an ACL user
    assert _ids() == []


def test_a_remote_smtp_server_without_tls_is_warned_about(production):
    production.EMAIL_HOST = "smtp.example.gov.cn"
    [warning] = transport_encryption(None)
    assert warning.id == "duban.W163" and "smtp.example.gov.cn" in warning.msg
    production.EMAIL_USE_TLS = True
    assert _ids() == []
    production.EMAIL_USE_TLS, production.EMAIL_USE_SSL = False, True
    assert _ids() == []
    # The file and console backends send nothing over a network.
    production.EMAIL_USE_SSL = False
    production.EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    assert _ids() == []


def test_the_deploy_check_names_every_clear_text_connection(tmp_path):
    """End to end, as an operator runs it: `manage.py check --deploy` in a production environment."""
    base = {
        "DEBUG": "false",
        "SECRET_KEY": "k3y-for-the-transport-check-" + "x9Q!zP2#" * 6,
        "ALLOWED_HOSTS": "duban.example.gov.cn",
        "AUDIT_CHECKPOINT_KEY": "audit-k3y-" + "Zr7#pQ1!" * 6,
        "AUDIT_CHECKPOINT_DIR": "/mnt/duban-audit",
        **PRODUCTION_SMS,
    }
    clear = _run(
        {
            **base,
            "DATABASE_URL": REMOTE_DB,
            "CELERY_BROKER_URL": "redis://redis.duban.invalid:6379/0",
            "CACHE_URL": "redis://redis.duban.invalid:6379/1",
            "EMAIL_HOST": "smtp.duban.invalid",
            "EMAIL_USE_TLS": "false",
        },
        "check",
        "--deploy",
    )
    for code in ("W160", "W161", "W162", "W163"):
        assert f"duban.{code}" in clear.stderr + clear.stdout, clear.stderr
    ca = tmp_path / "ca.pem"
    ca.write_text("x")
    encrypted = _run(
        {
            **base,
            "DATABASE_URL": f"{REMOTE_DB}?sslmode=verify-full&sslrootcert={ca}",
            "CELERY_BROKER_URL": "rediss://:s3cret@redis.duban.invalid:6380/0",
            "CACHE_URL": "rediss://:s3cret@redis.duban.invalid:6380/1",
            "REDIS_TLS_CA_FILE": str(ca),
            "EMAIL_HOST": "smtp.duban.invalid",
        },
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
    )
    assert encrypted.returncode == 0, encrypted.stderr
    assert "duban.W16" not in encrypted.stderr + encrypted.stdout
