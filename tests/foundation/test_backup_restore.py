"""Backup and restore as docs/operations.md has an operator do them: bin/backup of the live
database and media folder, bin/restore into a fresh database and folder, then `migrate`,
`verify_audit` and an evidence download from a web node running on the restored copy."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import uuid
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from knox.models import AuthToken

from policy_tasks.models import AuditEvent, Evidence
from policy_tasks.services.audit import SYSTEM
from policy_tasks.services.calendar import calendar_days_load
from tests.foundation.servers import ROOT, WebNodes, http, live_database_url, unavailable

pytestmark = pytest.mark.services

# A PDF the evidence check accepts, with bytes of its own so a mix-up would show.
EVIDENCE = b"%PDF-1.4\n1 0 obj<<>>endobj\n% " + uuid.uuid4().hex.encode() + b"\ntrailer<<>>\n%%EOF\n"


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "MEDIA_ROOT", "DJANGO_SETTINGS_MODULE"}}
    env.update(extra)
    return env


def _run(*args, env: dict[str, str], expect: int = 0) -> subprocess.CompletedProcess:
    result = subprocess.run(args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == expect, f"{args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture
def spare_database(transactional_db):
    """A new, empty database on the same server, dropped at the end (connections and all)."""
    if connection.vendor != "postgresql":
        unavailable("backup and restore need PostgreSQL (set DATABASE_URL)")
    for tool in ("pg_dump", "pg_restore", "psql"):
        if shutil.which(tool) is None:
            unavailable(f"{tool} not installed (postgresql-client)")
    name = f"duban_restore_{uuid.uuid4().hex[:12]}"
    with connection.cursor() as cursor:
        cursor.execute(f'CREATE DATABASE "{name}"')
    live = live_database_url()
    yield live.rsplit("/", 1)[0] + "/" + name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_a_backup_restores_into_a_fresh_database_and_folder_with_its_audit_chain_and_files(
    world, client, spare_database, tmp_path
):
    # Data made through the app: evidence uploaded through the API, a holiday entered.
    _, token = AuthToken.objects.create(user=world.lead_clerk)
    auth = {"HTTP_AUTHORIZATION": f"Token {token}"}
    upload = client.post(
        f"/api/v1/tasks/{world.task.pk}/evidence/", {"file": SimpleUploadedFile("开工令.pdf", EVIDENCE)}, **auth
    )
    assert upload.status_code == 201, upload.content
    evidence = Evidence.objects.get()
    calendar_days_load(actor=SYSTEM, rows=[(date(2027, 1, 1), "holiday", "元旦")])
    events = AuditEvent.objects.count()
    assert events >= 2

    backed_up = _run(
        str(ROOT / "bin" / "backup"),
        str(tmp_path / "backups"),
        env=_env(DATABASE_URL=live_database_url(), MEDIA_ROOT=str(settings.MEDIA_ROOT)),
    )
    folder = Path(backed_up.stdout.strip().splitlines()[-1])
    assert sorted(p.name for p in folder.iterdir()) == ["SHA256SUMS", "database.dump", "media.tar.gz"]

    # A restore never merges into live data.
    refused = _run(
        str(ROOT / "bin" / "restore"),
        str(folder),
        env=_env(DATABASE_URL=live_database_url(), MEDIA_ROOT=str(tmp_path / "elsewhere")),
        expect=1,
    )
    assert "restore only into an empty one" in refused.stderr

    restored_media = tmp_path / "restored-media"
    restored = _env(DATABASE_URL=spare_database, MEDIA_ROOT=str(restored_media), DUBAN_VAR_DIR=str(tmp_path / "var"))
    _run(str(ROOT / "bin" / "restore"), str(folder), env=restored)
    # The original files are gone: whatever is served next comes from the restored folder.
    shutil.rmtree(settings.MEDIA_ROOT)

    _run(sys.executable, "manage.py", "migrate", "--check", env=restored)
    verified = _run(sys.executable, "manage.py", "verify_audit", env=restored)
    assert f"审计链完整: {events} events OK" in verified.stdout

    nodes = WebNodes(tmp_path)
    try:
        node = nodes.start(DATABASE_URL=spare_database, MEDIA_ROOT=str(restored_media))
        status, body = http(
            "GET", f"{node}/api/v1/evidence/{evidence.pk}/download/", headers={"Authorization": f"Token {token}"}
        )
    finally:
        nodes.stop()
    assert status == 200, body[:500]
    assert hashlib.sha256(body).hexdigest() == hashlib.sha256(EVIDENCE).hexdigest() == evidence.sha256
