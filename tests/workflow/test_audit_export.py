"""Audit exports: signed JSON lines that verify offline and name the first changed line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from policy_tasks.services.audit import SYSTEM, audit_record
from policy_tasks.services.audit_export import audit_export_verify

ROOT = Path(__file__).resolve().parents[2]
KEY = "collector-test-key"


@pytest.fixture
def events(world, settings):
    settings.AUDIT_CHECKPOINT_KEY = KEY
    return [
        audit_record(actor=SYSTEM, action="test.step", obj=world.task, after={"n": i}, reason=f"第{i}步：核实")
        for i in range(3)
    ]


def export(tmp_path, *args: str) -> Path:
    out = tmp_path / "audit.jsonl"
    call_command("audit_export", "--out", str(out), *args, stdout=StringIO())
    return out


def verify_export(path: Path) -> str:
    out = StringIO()
    call_command("audit_verify_export", str(path), stdout=out)
    return out.getvalue()


def test_an_export_holds_one_event_per_line_and_verifies(events, tmp_path):
    path = export(tmp_path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in lines[:-1]] == [e.pk for e in events]
    assert [(row["hash"], row["prev_hash"]) for row in lines[:-1]] == [(e.hash, e.prev_hash) for e in events]
    assert lines[0]["event"]["reason"] == "第0步：核实"
    assert lines[-1]["type"] == "signature" and lines[-1]["lines"] == 3
    assert "导出文件完整：3 条事件" in verify_export(path)


def test_every_one_byte_change_fails_and_names_its_line(events, tmp_path):
    data = export(tmp_path).read_bytes()
    starts = [0, *(i + 1 for i, b in enumerate(data[:-1]) if b == ord("\n"))]
    for offset in range(len(data)):
        changed = bytearray(data)
        changed[offset] ^= 0x01
        bad = tmp_path / "changed.jsonl"
        bad.write_bytes(changed)
        result = audit_export_verify(bad)
        line = max(n for n, start in enumerate(starts, start=1) if start <= offset)
        assert not result.ok, offset
        assert result.line == line, (offset, result.message)


def test_the_verify_command_names_the_changed_line(events, tmp_path):
    path = export(tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("第1步", "第9步"), encoding="utf-8")
    with pytest.raises(CommandError) as exc:
        verify_export(path)
    assert exc.value.returncode == 1
    assert "第 2 行签名不符" in str(exc.value)


def test_a_dropped_line_or_a_cut_tail_is_named(events, tmp_path):
    path = export(tmp_path)
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join([lines[0], lines[2], lines[3]]))
    assert "第 2 行（事件" in audit_export_verify(path).message
    assert "与上一行不相连" in audit_export_verify(path).message
    path.write_bytes(b"".join(lines[:3]))
    result = audit_export_verify(path)
    assert not result.ok and "缺少签名行" in result.message


def test_another_key_does_not_verify(events, tmp_path, settings):
    path = export(tmp_path)
    settings.AUDIT_CHECKPOINT_KEY = "not-the-key"
    result = audit_export_verify(path)
    assert not result.ok and result.line == 1


def test_since_exports_the_events_from_that_day(world, settings, tmp_path, time_machine):
    settings.AUDIT_CHECKPOINT_KEY = KEY
    time_machine.move_to("2026-03-01 10:00:00+08:00", tick=False)
    audit_record(actor=SYSTEM, action="test.old", obj=world.task)
    time_machine.move_to("2026-03-02 00:30:00+08:00", tick=False)
    new = audit_record(actor=SYSTEM, action="test.new", obj=world.task)
    path = export(tmp_path, "--since", "2026-03-02")
    rows = [json.loads(line) for line in path.read_text().splitlines()]
    assert [row["id"] for row in rows[:-1]] == [new.pk]
    assert rows[-1]["since"].startswith("2026-03-02T00:00:00")
    assert audit_export_verify(path).ok


def test_a_bad_since_date_is_refused_in_chinese(events, tmp_path):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        export(tmp_path, "--since", "2026-13-40")


def test_the_export_verifies_on_a_machine_without_the_database(events, tmp_path):
    """Offline: the check runs where no database answers, with only the key."""
    path = export(tmp_path)
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:9/nowhere", "AUDIT_CHECKPOINT_KEY": KEY}
    run = [sys.executable, "manage.py", "audit_verify_export", str(path)]
    good = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert good.returncode == 0, good.stderr
    assert "导出文件完整：3 条事件" in good.stdout
    data = bytearray(path.read_bytes())
    data[data.index("第2步".encode())] ^= 0x01
    path.write_bytes(data)
    bad = subprocess.run(run, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert bad.returncode == 1
    assert "第 3 行签名不符" in bad.stderr
