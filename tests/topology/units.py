"""The commands of deploy/systemd/*.service, as argv for a test to run in this checkout: the
unit's `/srv/duban/.venv/bin/` becomes this venv's bin, and systemd's `%%` its literal `%`.
The topology test starts its processes from these, so the units and the runbook's commands
are the ones it ran."""

from __future__ import annotations

import configparser
import shlex
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
UNITS = ROOT / "deploy" / "systemd"
INSTALL_DIR = "/srv/duban"
VENV_BIN = f"{INSTALL_DIR}/.venv/bin/"
BIN = Path(sys.executable).parent


def read_unit(name: str) -> configparser.ConfigParser:
    # systemd allows repeated keys; none of ours repeats, and strict parsing would say so.
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # keys are case-sensitive (ExecStart, not execstart)
    parser.read(UNITS / f"duban-{name}.service", encoding="utf-8")
    return parser


def unit_argv(name: str) -> list[str]:
    """ExecStart as the unit has it, specifiers unescaped (`%%h` -> `%h` for celery)."""
    return [word.replace("%%", "%") for word in shlex.split(read_unit(name)["Service"]["ExecStart"])]


def local_argv(name: str) -> list[str]:
    """The same command for this checkout's venv."""
    argv = unit_argv(name)
    assert argv[0].startswith(VENV_BIN), argv[0]
    return [str(BIN / argv[0].removeprefix(VENV_BIN)), *argv[1:]]
