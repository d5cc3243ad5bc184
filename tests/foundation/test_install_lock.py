"""The production install reads requirements.lock (`pip install --require-hashes -r
requirements.lock`, docs/operations.md "Install"). These read the files only, no network: a pin
changed in requirements.txt without `bin/lock`, an entry pip would refuse for want of a hash, or
a test tool slipping into production all show here rather than on the district's server."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?==([^\s;\\]+)")


def _name(raw: str) -> str:
    return re.sub(r"[-_.]+", "-", raw).lower()


def _pins(path: Path) -> dict[str, str]:
    pins = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = PIN.match(line.strip())
        if match:
            pins[_name(match.group(1))] = match.group(2)
    return pins


def _lock_entries() -> dict[str, tuple[str, list[str]]]:
    """name -> (version, hashes), reading pip's continuation lines the way pip does."""
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = {}
    for logical in re.sub(r"\\\n", " ", text).splitlines():
        logical = logical.split("#", 1)[0].strip()
        if not logical:
            continue
        match = PIN.match(logical)
        assert match, f"requirements.lock: not an exact pin: {logical[:80]}"
        hashes = re.findall(r"--hash=sha256:([0-9a-f]{64})\b", logical)
        entries[_name(match.group(1))] = (match.group(2), hashes)
    return entries


def test_every_runtime_pin_is_locked_at_the_same_version():
    runtime = _pins(ROOT / "requirements.txt")
    locked = _lock_entries()
    assert runtime, "requirements.txt has no pins"
    stale = {name: (version, locked.get(name, ("missing", []))[0]) for name, version in runtime.items()}
    stale = {name: pair for name, pair in stale.items() if pair[0] != pair[1]}
    assert not stale, f"requirements.lock is out of date, run bin/lock: {stale}"


def test_every_locked_package_has_a_hash():
    locked = _lock_entries()
    # Dependencies of dependencies are there too, not only what requirements.txt names.
    assert len(locked) > len(_pins(ROOT / "requirements.txt"))
    unhashed = [name for name, (_, hashes) in locked.items() if not hashes]
    assert not unhashed, f"pip --require-hashes would refuse these: {unhashed}"


def test_the_lock_holds_no_test_tool_and_agrees_with_the_dev_pins():
    dev_text = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    assert "-r requirements.txt" in dev_text.splitlines(), "make install must install the runtime pins too"
    dev_only = _pins(ROOT / "requirements-dev.txt")
    locked = _lock_entries()
    for tool in ("pytest", "pytest-django", "ruff", "hypothesis", "moto", "playwright", "schemathesis"):
        assert tool in dev_only and tool not in locked, tool
    # A test-only pin that production also pulls in (pypdfium2 via pdfplumber) must be the
    # same version, or the tests would run against another release than the servers.
    clash = {n: (v, locked[n][0]) for n, v in dev_only.items() if n in locked and locked[n][0] != v}
    assert not clash, f"requirements-dev.txt and requirements.lock disagree: {clash}"
