"""Production refusals: with DEBUG off, `check --deploy` fails on the embedded defaults
(SQLite, the filesystem or memory broker, console SMS) and on demo accounts or the demo
password; `load_demo` refuses unless forced."""

from __future__ import annotations

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.hashers import make_password
from django.core.management import CommandError, call_command
from django.core.management.base import SystemCheckError

from accounts.models import User
from policy_tasks.services.demo import DEMO_PASSWORD
from tests import factories as f
from tests.foundation.test_settings import PRODUCTION_SMS

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "k3y-for-the-refusal-check-" + "x9Q!zP2#" * 6,
    "ALLOWED_HOSTS": "duban.example.gov.cn",
    "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/duban_deploy_check_absent",
    "CELERY_BROKER_URL": "redis://127.0.0.1:6379/0",
    "CACHE_URL": "redis://127.0.0.1:6379/1",
    **PRODUCTION_SMS,
}


def _deploy_check(**overrides: str | None) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DATABASE_URL", "CELERY_BROKER_URL", "SMS_BACKEND", "CACHE_URL"}
    }
    env.update(PRODUCTION)
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_deploy_check_refuses_sqlite():
    result = _deploy_check(DATABASE_URL=None)
    assert result.returncode != 0
    assert "duban.E001" in result.stderr and "SQLite" in result.stderr
    assert "duban.E002" not in result.stderr and "duban.E003" not in result.stderr


@pytest.mark.parametrize("broker", ["filesystem://", "memory://"])
def test_deploy_check_refuses_a_broker_on_one_node(broker):
    result = _deploy_check(CELERY_BROKER_URL=broker)
    assert result.returncode != 0
    assert "duban.E002" in result.stderr and "消息队列" in result.stderr
    assert "duban.E001" not in result.stderr


def test_deploy_check_refuses_the_console_sms_backend():
    result = _deploy_check(SMS_BACKEND=None)
    assert result.returncode != 0
    assert "duban.E003" in result.stderr and "短信" in result.stderr


def test_deploy_check_refuses_a_cache_of_each_process():
    result = _deploy_check(CACHE_URL=None)
    assert result.returncode != 0
    assert "duban.E006" in result.stderr and "限流" in result.stderr


def test_the_embedded_defaults_pass_with_debug_on():
    result = _deploy_check(DEBUG="true", DATABASE_URL=None, CELERY_BROKER_URL=None, SMS_BACKEND=None, CACHE_URL=None)
    assert "duban.E0" not in result.stderr + result.stdout


def _refusals(settings) -> str:
    """The deploy check's complaints as the operator reads them (empty when it passes)."""
    settings.DEBUG = False
    out = StringIO()
    try:
        call_command("check", deploy=True, stdout=out, stderr=out)
    except SystemCheckError as exc:
        return str(exc)
    return out.getvalue()


@pytest.mark.django_db
def test_deploy_check_refuses_demo_accounts(settings):
    f.UserFactory(username="someone")
    assert "duban.E004" not in _refusals(settings)
    call_command("load_demo", "--force", stdout=StringIO())
    message = _refusals(settings)
    assert "duban.E004" in message and "演示账号" in message
    assert "duban.E005" in message and "admin" in message


@pytest.mark.django_db
def test_deploy_check_refuses_the_demo_password_on_a_real_superuser(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.PBKDF2PasswordHasher"]
    f.UserFactory(username="zhangsan", is_superuser=True, password="a-strong-one-7781")
    assert "duban.E005" not in _refusals(settings)
    User.objects.filter(username="zhangsan").update(password=make_password(DEMO_PASSWORD))
    message = _refusals(settings)
    assert "duban.E005" in message and "zhangsan" in message
    assert "duban.E004" not in message


@pytest.mark.django_db
def test_deactivated_demo_accounts_pass(settings):
    call_command("load_demo", "--force", stdout=StringIO())
    User.objects.update(is_active=False)
    message = _refusals(settings)
    assert "duban.E004" not in message and "duban.E005" not in message


@pytest.mark.django_db
def test_load_demo_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="拒绝加载演示数据"):
        call_command("load_demo", stdout=StringIO())
    assert not User.objects.exists()
    call_command("load_demo", "--force", stdout=StringIO())
    assert User.objects.filter(username="admin").exists()


def test_load_demo_exits_non_zero_in_production(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "CELERY_BROKER_URL"}}
    env.update(DEBUG="false", SECRET_KEY=PRODUCTION["SECRET_KEY"], ALLOWED_HOSTS="duban.example.gov.cn")
    env["DUBAN_VAR_DIR"] = str(tmp_path / "var")
    result = subprocess.run(
        [sys.executable, "manage.py", "load_demo"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "拒绝加载演示数据" in result.stderr and "--force" in result.stderr
