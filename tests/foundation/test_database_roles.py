"""Least privilege in PostgreSQL (issue 14): migrations run as the owner, the application as a
role that owns nothing, cannot switch the audit trigger off and may only append to the audit
table; `check --deploy` warns when the application connects as a superuser or an owner."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from policy_tasks.checks_database import database_role_warnings

ROOT = Path(__file__).resolve().parents[2]
ROLES_SQL = ROOT / "deploy" / "postgres" / "roles.sql"


def _url(user: str, dbname: str) -> str:
    params = connection.get_connection_params()
    return f"postgres://{user}@{params.get('host') or '127.0.0.1'}:{params.get('port') or 5432}/{dbname}"


def _manage(*args: str, url: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")} | env | {"DATABASE_URL": url}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=environ, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def fresh_database(require_postgres):
    """A database of its own, owned by a fresh owner role, with a fresh application role."""
    tag = uuid.uuid4().hex[:8]
    owner, app, dbname = f"duban_owner_{tag}", f"duban_app_{tag}", f"duban_roles_{tag}"
    admin_url = _url(connection.get_connection_params()["user"], "postgres")
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'CREATE ROLE "{owner}" LOGIN')
        admin.execute(f'CREATE DATABASE "{dbname}" OWNER "{owner}"')
    sql = ROLES_SQL.read_text().replace("duban_owner", owner).replace("duban_app", app)
    yield owner, app, dbname, sql
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        for role in (app, owner):
            admin.execute(f'DROP ROLE IF EXISTS "{role}"')


def _as_superuser(dbname: str, sql: str) -> None:
    with psycopg.connect(_url(connection.get_connection_params()["user"], dbname), autocommit=True) as conn:
        conn.execute(sql)


@pytest.mark.services
def test_the_application_role_appends_to_the_audit_table_and_cannot_cut_it(fresh_database):
    owner, app, dbname, sql = fresh_database
    _as_superuser(dbname, sql)  # before the first migrate: the roles and default privileges
    migrated = _manage("migrate", "--noinput", url=_url(owner, dbname))
    assert migrated.returncode == 0, migrated.stderr[-2000:]
    _as_superuser(dbname, sql)  # after it: the audit table's own limits; running it twice is fine

    with psycopg.connect(_url(app, dbname), autocommit=True) as conn:
        conn.execute(
            "INSERT INTO accounts_unit (name, normalised_name, short_name, kind, is_active) "
            "VALUES ('区测试局', '区测试局', '', 'department', true)"
        )
        conn.execute("UPDATE accounts_unit SET short_name = '测试局' WHERE name = '区测试局'")
        conn.execute(
            "INSERT INTO policy_tasks_auditevent (created_at, actor_role, action, object_type, object_id,"
            " reason, request_id, prev_hash, hash, algorithm)"
            " VALUES (now(), 'system', 'test', 'x', '1', '', '', %s, %s, 'sha256')",
            ["0" * 64, "1" * 64],
        )
        assert conn.execute("SELECT count(*) FROM policy_tasks_auditevent").fetchone() == (1,)
        refused = [
            "ALTER TABLE policy_tasks_auditevent DISABLE TRIGGER ALL",
            "DELETE FROM policy_tasks_auditevent",
            "UPDATE policy_tasks_auditevent SET reason = 'x'",
            "TRUNCATE policy_tasks_auditevent",
            "DROP TRIGGER policy_tasks_auditevent_append_only ON policy_tasks_auditevent",
            "CREATE TABLE duban_sneak (id int)",
        ]
        for statement in refused:
            with pytest.raises(psycopg.errors.InsufficientPrivilege):
                conn.execute(statement)
        assert conn.execute("SELECT count(*) FROM policy_tasks_auditevent").fetchone() == (1,)

    # The deploy check: silent for the application role, a warning for the owner.
    deploy = {"DEBUG": "false", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "duban.example.gov.cn"}
    as_app = _manage("check", "--deploy", "--tag", "duban_database", url=_url(app, dbname), **deploy)
    assert as_app.returncode == 0 and "duban.W15" not in as_app.stderr + as_app.stdout, as_app.stderr
    as_owner = _manage("check", "--deploy", "--tag", "duban_database", url=_url(owner, dbname), **deploy)
    assert "duban.W151" in as_owner.stderr + as_owner.stdout
    assert "审计表 policy_tasks_auditevent" in as_owner.stderr + as_owner.stdout


@pytest.mark.services
def test_deploy_check_warns_when_the_application_is_a_superuser(require_postgres):
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            pytest.skip("the tests connect as a role that is not a superuser")
    [warning] = database_role_warnings()
    assert warning.id == "duban.W150" and "超级用户" in warning.msg


def test_deploy_check_says_nothing_on_sqlite_or_with_debug(settings):
    settings.DEBUG = True
    from policy_tasks.checks_database import database_role

    assert database_role(None) == []
    if connection.vendor == "sqlite":
        assert database_role_warnings() == []
