"""docs/operations.md's runbook blocks (`<!-- runbook: NAME -->` before a ```sh block), run as
written by bash: create the database and its roles, deploy (check --deploy, migrate as the
owner, the grants, collectstatic), back up, restore into a new database and folder, verify_audit.

What the test changes in a block is only where things are on this machine, listed in
`_localise`: the paths (/srv/duban is this checkout, .venv/bin this venv, /etc/duban,
/var/lib/duban and /var/backups/duban folders of the test's own), `sudo -u duban` (the test is
one account), and names that are global on the PostgreSQL server (the two roles get a suffix of
their own, the restored database the test database's name). libpq's PG* variables point at the
test's server as a superuser, PGDATABASE=duban_cleanroom, as the runbook has the operator set them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

from tests.conftest import services_unavailable
from tests.parallel import worker_suffix
from tests.topology.units import BIN, ROOT

pytestmark = pytest.mark.services

RUNBOOK = ROOT / "docs" / "operations.md"
BLOCK = re.compile(r"^<!-- runbook: ([a-z-]+) -->\n```sh\n(.*?)^```$", re.M | re.S)
# Per xdist worker (tests/parallel.py): two workers must not restore into one database.
DATABASE = f"duban_cleanroom{worker_suffix()}"
REDIS_URL = os.environ.get("RUNBOOK_TEST_REDIS_URL", "redis://127.0.0.1:6379/8")
EVIDENCE = b"%PDF-1.4\n% evidence kept through a backup\n%%EOF\n"


def runbook_blocks() -> dict[str, str]:
    found = BLOCK.findall(RUNBOOK.read_text(encoding="utf-8"))
    names = [name for name, _ in found]
    assert len(names) == len(set(names)), f"a runbook block name is used twice: {names}"
    return dict(found)


class Site:
    """One install's folders and names on this machine; runs a runbook block as root would."""

    def __init__(self, tmp_path: Path, server: dict):
        self.tmp, self.server, tag = tmp_path, server, uuid.uuid4().hex[:8]
        self.password = "runbook-" + uuid.uuid4().hex
        self.owner, self.app = f"duban_owner_rb{tag}", f"duban_app_rb{tag}"
        self.etc, self.var, self.backups = tmp_path / "etc", tmp_path / "var", tmp_path / "backups"
        self.roles_sql = tmp_path / "roles.sql"
        roles = (ROOT / "deploy" / "postgres" / "roles.sql").read_text(encoding="utf-8")
        self.roles_sql.write_text(self._names(roles), encoding="utf-8")
        self.blocks = runbook_blocks()

    def _names(self, text: str) -> str:
        return text.replace("duban_owner", self.owner).replace("duban_app", self.app)

    def _localise(self, text: str) -> str:
        for old, new in [
            ("sudo -u duban ", ""),
            ("chown -R duban:duban ", f"chown -R {os.getuid()}:{os.getgid()} "),
            ("/srv/duban/deploy/postgres/roles.sql", str(self.roles_sql)),
            (".venv/bin/", f"{BIN}/"),
            ("/srv/duban", str(ROOT)),
            ("/etc/duban/", f"{self.etc}/"),
            ("/var/lib/duban", str(self.var)),
            ("/var/backups/duban", str(self.backups)),
            ("duban_restored", f"{DATABASE}_restored"),
        ]:
            text = text.replace(old, new)
        return self._names(text)

    def url(self, role: str, database: str = DATABASE) -> str:
        s = self.server
        return f"postgres://{role}:{self.password}@{s['host']}:{s['port']}/{database}"

    def env_file(self) -> None:
        """The operator's edit of deploy/env.example: this server, local files, no S3."""
        own = {
            "DATABASE_URL": self.url(self.app),
            # The example asks for verify-full; this machine's server speaks no TLS (the database is
            # on the same host here, which `check --deploy` accepts without it).
            "DATABASE_SSLMODE": "disable",
            "CELERY_BROKER_URL": REDIS_URL,
            "CACHE_URL": REDIS_URL,
            "DUBAN_VAR_DIR": str(self.var),
            "DUBAN_STORAGE": "local",
            "AUDIT_CHECKPOINT_DIR": str(self.tmp / "checkpoints"),
        }
        lines = []
        for line in (ROOT / "deploy" / "env.example").read_text(encoding="utf-8").splitlines():
            name = line.split("=", 1)[0]
            if name.startswith("S3_"):
                continue
            lines.append(f"{name}={own.pop(name)}" if name in own else line)
        self.etc.mkdir()
        (self.etc / "duban.env").write_text("\n".join(lines + [f"{k}={v}" for k, v in own.items()]) + "\n")
        (self.etc / "owner.env").write_text(f"DATABASE_URL={self.url(self.owner)}\n")

    def run(self, *names: str, expect: int = 0, then: str = "") -> str:
        """The blocks, after the shell functions, in one bash; `then` is a command of the test's own."""
        script = "\n".join(self._localise(self.blocks[name]) for name in ("functions", *names))
        script += "\n" + then
        s = self.server
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(self.tmp),
            "LANG": "C.UTF-8",
            "PGHOST": s["host"],
            "PGPORT": str(s["port"]),
            "PGUSER": s["user"],
            "PGDATABASE": DATABASE,
            **({"PGPASSWORD": s["password"]} if s.get("password") else {}),
        }
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", script],
            cwd=self.tmp,
            env=env,
            capture_output=True,
            text=True,
            timeout=240,
        )
        assert result.returncode == expect, (
            f"runbook {names}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
        )
        return result.stdout + result.stderr


@pytest.fixture
def site(db, tmp_path):
    if connection.vendor != "postgresql":
        services_unavailable("the runbook needs PostgreSQL (set DATABASE_URL)")
    for tool in ("psql", "createdb", "pg_dump", "pg_restore"):
        if shutil.which(tool) is None:
            services_unavailable(f"{tool} not installed (postgresql-client)")
    params = connection.get_connection_params()
    server = {
        "host": params.get("host") or "127.0.0.1",
        "port": params.get("port") or 5432,
        "user": params["user"],
        "password": params.get("password"),
    }
    with connection.cursor() as cursor:
        cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
        if not cursor.fetchone()[0]:
            services_unavailable("the runbook's database steps need a PostgreSQL superuser")
    site = Site(tmp_path, server)
    admin = f"postgres://{server['user']}" + (f":{server['password']}" if server["password"] else "")
    admin += f"@{server['host']}:{server['port']}/postgres"

    def drop():
        with psycopg.connect(admin, autocommit=True) as conn:
            for name in (DATABASE, f"{DATABASE}_restored"):
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            for role in (site.app, site.owner):
                conn.execute(f'DROP ROLE IF EXISTS "{role}"')

    drop()
    site.admin = admin
    yield site
    drop()


def test_the_runbook_installs_backs_up_and_restores_as_written(site):
    site.run("database")
    # The runbook's `\password` step, which asks at a terminal.
    with psycopg.connect(site.admin, autocommit=True) as conn:
        for role in (site.owner, site.app):
            conn.execute(f"ALTER ROLE \"{role}\" PASSWORD '{site.password}'")
    site.env_file()

    deployed = site.run("deploy")
    assert "System check identified no issues" in deployed
    assert "static files copied" in deployed and (site.var / "static" / "staticfiles.json").is_file()

    # Something to keep: audited rows (a holiday entered by file) and an uploaded file.
    (site.tmp / "2027.csv").write_text("date,kind,name\n2027-01-01,节假日,元旦\n", encoding="utf-8")
    site.run(then=f"duban-manage load_holidays {site.tmp}/2027.csv")
    upload = site.var / "media" / "evidence" / "ab" / "ab12-开工令.pdf"
    upload.parent.mkdir(parents=True)
    upload.write_bytes(EVIDENCE)
    with psycopg.connect(site.url(site.app)) as conn:
        events = conn.execute("SELECT count(*) FROM policy_tasks_auditevent").fetchone()[0]
    assert events >= 1

    backed_up = site.run("backup").strip().splitlines()[-1]
    assert Path(backed_up).parent == site.backups
    assert sorted(p.name for p in Path(backed_up).iterdir()) == ["SHA256SUMS", "database.dump", "media.tar.gz"]

    restored = site.run("restore")
    assert f"审计链完整: {events} events OK" in restored
    assert (site.var / "media-restored" / "evidence" / "ab" / "ab12-开工令.pdf").read_bytes() == EVIDENCE
    # The restored copy is the owner's, and the application may only append to the audit table.
    with psycopg.connect(site.url(site.app, f"{DATABASE}_restored"), autocommit=True) as conn:
        owners = conn.execute("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'").fetchall()
        assert owners == [(site.owner,)]
        conn.execute(
            "INSERT INTO accounts_unit (name, normalised_name, short_name, kind, is_active)"
            " VALUES ('区测试局', '区测试局', '', 'department', true)"
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM policy_tasks_auditevent")

    # bin/restore never merges into live data: the same block again is refused.
    refused = site.run("restore", expect=1)
    assert "already" in refused
