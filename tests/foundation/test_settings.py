from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from duban.env import env_bool, env_int, parse_database_url

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_SMS = {
    "SMS_BACKEND": "aliyun",
    "ALIYUN_SMS_ACCESS_KEY_ID": "LTAI-deploy-check",
    "ALIYUN_SMS_ACCESS_KEY_SECRET": "secret-deploy-check",
    "ALIYUN_SMS_SIGN_NAME": "督办系统",
    "ALIYUN_SMS_TEMPLATE_CODE": "SMS_000000",
}


def _django_check(env: dict[str, str]) -> subprocess.CompletedProcess:
    full = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY"}}
    full.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=full, capture_output=True, text=True, timeout=120
    )


def test_bad_database_url_stops_startup_with_a_clear_message():
    result = _django_check({"DATABASE_URL": "mysql//nohost"})
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr
    assert "no scheme" in result.stderr


def test_unsupported_database_scheme_is_named():
    with pytest.raises(ImproperlyConfigured, match="'redis' is not supported"):
        parse_database_url("redis://127.0.0.1:6379/0", base_dir=ROOT)


def test_postgres_url_without_database_name_is_refused():
    with pytest.raises(ImproperlyConfigured, match="names no database"):
        parse_database_url("postgres://postgres@127.0.0.1:5432", base_dir=ROOT)


def test_sqlite_url_relative_path_is_under_the_project():
    config = parse_database_url("sqlite:///var/test.sqlite3", base_dir=ROOT)
    assert config["ENGINE"] == "django.db.backends.sqlite3"
    assert config["NAME"] == str(ROOT / "var/test.sqlite3")


def test_postgres_url_is_parsed():
    config = parse_database_url("postgres://u:p@db.example:5433/duban", base_dir=ROOT)
    assert (config["ENGINE"], config["HOST"], config["PORT"], config["NAME"]) == (
        "django.db.backends.postgresql",
        "db.example",
        5433,
        "duban",
    )


def test_postgres_prepares_repeated_statements_unless_told_not_to():
    options = parse_database_url("postgres://u@db.example/duban", base_dir=ROOT)["OPTIONS"]
    assert options == {"server_side_binding": True, "prepare_threshold": 5}
    plain = parse_database_url("postgres://u@db.example/duban", base_dir=ROOT, prepared_statements=False)
    assert "server_side_binding" not in plain.get("OPTIONS", {})
    sqlite = parse_database_url("sqlite:///var/test.sqlite3", base_dir=ROOT)
    assert "server_side_binding" not in sqlite.get("OPTIONS", {})


def test_boolean_and_integer_settings_refuse_typos(monkeypatch):
    monkeypatch.setenv("DEBUG", "ture")
    with pytest.raises(ImproperlyConfigured, match="DEBUG"):
        env_bool("DEBUG")
    monkeypatch.setenv("EMAIL_PORT", "twenty-five")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT"):
        env_int("EMAIL_PORT", 25)


def test_production_refuses_to_start_without_a_secret_key():
    result = _django_check({"DEBUG": "false", "ALLOWED_HOSTS": "duban.example.gov.cn"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_pass_the_deploy_check():
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DEBUG="false",
        SECRET_KEY="k3y-for-the-deploy-check-" + "x9Q!zP2#" * 6,
        ALLOWED_HOSTS="duban.example.gov.cn",
        # Production means PostgreSQL, Redis and a real SMS provider (the refusals of policy_tasks.checks);
        # none of them is reached by the check, so the database need not exist.
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/duban_deploy_check_absent",
        CELERY_BROKER_URL="redis://127.0.0.1:6379/0",
        CACHE_URL="redis://127.0.0.1:6379/1",
        # Audit checkpoints signed with a key of their own, kept off this host (duban.W140/W141).
        AUDIT_CHECKPOINT_KEY="audit-k3y-" + "Zr7#pQ1!" * 6,
        AUDIT_CHECKPOINT_DIR="/mnt/duban-audit",
        **PRODUCTION_SMS,
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_cache_url_that_is_not_redis_stops_startup():
    result = _django_check({"CACHE_URL": "memcached://127.0.0.1:11211"})
    assert result.returncode != 0
    assert "CACHE_URL" in result.stderr and "must be a Redis URL" in result.stderr


def test_a_cache_url_shares_throttles_and_sessions_through_redis():
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DEBUG", "SECRET_KEY"}}
    env["CACHE_URL"] = "redis://127.0.0.1:6379/1"
    code = (
        "from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE, s.DATABASES['default']['CONN_HEALTH_CHECKS'])"
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == [
        "django.core.cache.backends.redis.RedisCache",
        "django.contrib.sessions.backends.cached_db",
        "True",
    ], result.stderr


def test_time_and_language_are_chinese(settings):
    assert settings.LANGUAGE_CODE == "zh-hans"
    assert settings.TIME_ZONE == "Asia/Shanghai"
    assert settings.USE_TZ is True
