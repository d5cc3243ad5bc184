"""deploy/systemd's units and deploy/env.example, read as systemd and the settings read them:
what an operator copies to /etc must start the processes docs/operations.md describes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from tests.topology.units import BIN, INSTALL_DIR, ROOT, UNITS, VENV_BIN, read_unit, unit_argv

RUNBOOK = {
    "web": ["gunicorn", "-c", "duban/gunicorn_config.py", "duban.wsgi"],
    "worker": ["celery", "-A", "duban", "worker", "-n", "worker@%h", "-l", "INFO"],
    "beat": ["celery", "-A", "duban", "beat", "-l", "INFO"],
}


@pytest.mark.parametrize("name", sorted(RUNBOOK))
def test_each_unit_runs_the_runbook_command_with_the_shared_environment(name):
    unit = read_unit(name)
    service = unit["Service"]
    assert service["WorkingDirectory"] == INSTALL_DIR
    assert service["EnvironmentFile"] == "/etc/duban/duban.env"
    assert service["User"] == "duban" and service["Restart"] == "on-failure"
    assert unit["Install"]["WantedBy"] == "multi-user.target"
    argv = unit_argv(name)
    assert argv[0] == VENV_BIN + RUNBOOK[name][0] and argv[1:] == RUNBOOK[name][1:]
    # What the arguments name exists in the project the unit runs from.
    assert (BIN / RUNBOOK[name][0]).exists()
    if name == "web":
        assert (ROOT / "duban" / "gunicorn_config.py").is_file() and (ROOT / "duban" / "wsgi.py").is_file()
    else:
        assert (ROOT / "duban" / "celery.py").is_file()
    assert " ".join(RUNBOOK[name][1:]) in (ROOT / "docs" / "operations.md").read_text(encoding="utf-8")


@pytest.mark.skipif(not shutil.which("systemd-analyze"), reason="systemd-analyze is not installed")
def test_systemd_accepts_the_units(tmp_path):
    # Pointed at this checkout, since /srv/duban does not exist here (systemd checks ExecStart's program).
    for unit in UNITS.glob("*.service"):
        text = unit.read_text(encoding="utf-8").replace(VENV_BIN, f"{BIN}/").replace(INSTALL_DIR, str(ROOT))
        (tmp_path / unit.name).write_text(text, encoding="utf-8")
    result = subprocess.run(
        ["systemd-analyze", "verify", *sorted(str(p) for p in tmp_path.glob("*.service"))],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0 and not result.stderr.strip(), result.stderr


def _read_by_settings() -> set[str]:
    names = set()
    for path in (ROOT / "duban").rglob("*.py"):
        names |= set(re.findall(r"\"([A-Z][A-Z0-9_]+)\"", path.read_text(encoding="utf-8")))
    return names


def test_env_example_names_only_variables_the_settings_read_and_every_production_one():
    lines = (ROOT / "deploy" / "env.example").read_text(encoding="utf-8").splitlines()
    names = {line.split("=", 1)[0] for line in lines if re.match(r"^[A-Z][A-Z0-9_]*=", line)}
    unknown = names - _read_by_settings()
    assert not unknown, f"deploy/env.example sets variables nothing reads: {unknown}"
    required = {
        "DEBUG",
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "CELERY_BROKER_URL",
        "CACHE_URL",
        "SMS_BACKEND",
        "DUBAN_STORAGE",
        "S3_BUCKET",
        "AUDIT_CHECKPOINT_KEY",
        "AUDIT_CHECKPOINT_DIR",
    }
    assert required <= names, required - names
    assert dict(line.split("=", 1) for line in lines if line.startswith("DEBUG="))["DEBUG"] == "false"


def test_env_example_read_by_sh_passes_the_deploy_check(tmp_path):
    """The template, sourced as the runbook's duban-manage does, is a complete production
    environment by the deploy check's measure (its placeholders have the right shapes; the
    database it names is not reached: the checks that read it stay silent)."""
    script = f'set -a; . "{ROOT}/deploy/env.example"; set +a; exec "$0" manage.py check --deploy'
    result = subprocess.run(
        ["sh", "-c", script, sys.executable],
        cwd=ROOT,
        env={"PATH": os.environ["PATH"], "DUBAN_VAR_DIR": str(tmp_path / "var")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
