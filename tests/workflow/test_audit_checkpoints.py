"""verify_audit holds the chain against signed checkpoints written outside the database."""

from __future__ import annotations

import json
import os
from io import StringIO

import pytest
from django.core.checks import run_checks
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from duban.celery import app as celery_app
from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import SYSTEM, audit_record, audit_verify
from policy_tasks.tasks import write_audit_checkpoint
from tests.workflow.audit_tamper import delete_events, rewrite_reason_and_rechain


def record(world, n: int) -> list[AuditEvent]:
    return [
        audit_record(actor=SYSTEM, action="test.step", obj=world.task, after={"n": i}, reason=f"第{i}步")
        for i in range(n)
    ]


def checkpoint() -> str:
    out = StringIO()
    call_command("audit_checkpoint", stdout=out)
    return out.getvalue()


def verify() -> str:
    out = StringIO()
    call_command("verify_audit", stdout=out, stderr=StringIO())
    return out.getvalue()


def verify_fails() -> str:
    with pytest.raises(CommandError) as exc:
        verify()
    assert exc.value.returncode == 1
    return str(exc.value)


def checkpoint_files(settings) -> list:
    return sorted(settings.AUDIT_CHECKPOINT_DIR.glob("audit-checkpoint-*.json"))


def test_an_intact_chain_verifies_against_its_checkpoint(world, settings):
    before = record(world, 3)
    assert "检查点已写入" in checkpoint()
    record(world, 2)  # written after the checkpoint: still fine
    out = verify()
    assert "审计链完整: 5 events OK" in out
    assert "与检查点" in out and "3 条" in out
    (path,) = checkpoint_files(settings)
    payload = json.loads(path.read_text())["checkpoint"]
    assert payload["count"] == 3 and payload["last_id"] == before[-1].pk
    assert payload["head_hash"] == before[-1].hash
    assert payload["algorithm"] == "HMAC-SHA256" and payload["at"]


def test_without_a_checkpoint_verify_audit_warns(world, settings):
    record(world, 1)
    err = StringIO()
    call_command("verify_audit", stdout=StringIO(), stderr=err)
    assert "没有检查点" in err.getvalue()


def test_deleting_the_last_events_after_a_checkpoint_is_reported(world):
    events = record(world, 5)
    checkpoint()
    delete_events([events[3].pk, events[4].pk])
    assert audit_verify() is None  # what remains is a perfect chain: the walk alone sees nothing
    message = verify_fails()
    assert "审计链在检查点之后被截断/改写" in message
    assert "缺失 2 条" in message
    assert f"第一条缺失的事件在 #{events[2].pk} 之后" in message
    assert f"末条 #{events[4].pk} 已不存在" in message


def test_cutting_the_chain_and_appending_new_events_is_still_reported(world):
    events = record(world, 4)
    checkpoint()
    delete_events([events[3].pk])
    record(world, 2)  # the count is back above the checkpoint's, the old head is gone
    message = verify_fails()
    assert "缺失 1 条" in message and f"#{events[2].pk} 之后" in message


def test_rewriting_one_event_and_every_later_hash_is_reported(world):
    events = record(world, 2)
    checkpoint()  # older checkpoint: still holds after the forgery, so it bounds the search
    events += record(world, 3)
    checkpoint()
    rewrite_reason_and_rechain(events[3].pk, "改写过的理由")
    assert audit_verify() is None
    message = verify_fails()
    assert "审计链在检查点之后被截断/改写" in message
    assert f"末条 #{events[4].pk} 的哈希与检查点不符" in message
    assert f"第一处改写在 #{events[2].pk} 至 #{events[4].pk} 之间" in message


def test_a_tampered_checkpoint_file_is_reported(world, settings):
    events = record(world, 3)
    checkpoint()
    (path,) = checkpoint_files(settings)
    document = json.loads(path.read_text())
    document["checkpoint"]["count"] = 2  # as if the tail had never been there
    document["checkpoint"]["last_id"] = events[1].pk
    path.write_text(json.dumps(document))
    message = verify_fails()
    assert f"检查点 {path.name} 签名无效" in message


def test_a_checkpoint_signed_with_another_key_is_reported(world, settings):
    record(world, 1)
    checkpoint()  # signed with the key derived from SECRET_KEY
    settings.AUDIT_CHECKPOINT_KEY = "a-key-kept-off-the-database-host"
    assert "签名无效" in verify_fails()
    checkpoint()
    checkpoint_files(settings)[0].unlink()  # the old key's checkpoint, retired
    assert "审计链完整" in verify()


def test_checkpoints_are_new_files_never_overwritten(world, settings, time_machine):
    time_machine.move_to("2026-03-02 09:00:00+08:00", tick=False)
    record(world, 1)
    checkpoint()
    (first,) = checkpoint_files(settings)
    before = first.read_bytes()
    record(world, 1)
    checkpoint()  # the same instant: same time-stamped name, so it takes the next free one
    files = checkpoint_files(settings)
    assert [p.name for p in files] == [
        "audit-checkpoint-20260302T010000.000000Z-1.json",
        "audit-checkpoint-20260302T010000.000000Z.json",
    ]
    assert first.read_bytes() == before
    assert list(settings.AUDIT_CHECKPOINT_DIR.glob(".tmp-*")) == []  # written aside, then linked


def test_the_beat_writes_a_checkpoint_every_hour(world, settings):
    entry = celery_app.conf.beat_schedule["audit.write_checkpoint"]
    assert entry["task"] == "audit.write_checkpoint" and entry["schedule"] == 3600
    record(world, 2)
    path = write_audit_checkpoint()
    assert json.loads(open(path).read())["checkpoint"]["count"] == 2
    assert "与检查点" in verify()


@pytest.mark.services
def test_postgres_owner_who_disables_the_trigger_to_cut_the_chain_is_caught(require_postgres, world):
    events = record(world, 3)
    checkpoint()
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM policy_tasks_auditevent WHERE id = %s", [events[2].pk])
    delete_events([events[2].pk])  # ALTER TABLE ... DISABLE TRIGGER, as the owner may
    assert AuditEvent.objects.count() == 2
    assert f"#{events[1].pk} 之后" in verify_fails()


def test_deploy_check_warns_about_a_derived_key_and_a_local_checkpoint_dir(settings, tmp_path):
    settings.DEBUG = False
    settings.AUDIT_CHECKPOINT_KEY = ""
    settings.AUDIT_CHECKPOINT_DIR = settings.VAR_DIR / "audit-checkpoints"
    found = {m.id for m in run_checks(tags=["duban_audit"], include_deployment_checks=True)}
    assert found == {"duban.W140", "duban.W141"}
    settings.AUDIT_CHECKPOINT_KEY = "its-own-key"
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "mounted-from-the-log-host"
    assert run_checks(tags=["duban_audit"], include_deployment_checks=True) == []


def test_a_mount_without_hard_links_still_gets_new_files_only(world, settings, monkeypatch, time_machine):
    time_machine.move_to("2026-03-02 09:00:00+08:00", tick=False)

    def no_hard_links(src, dst):
        raise PermissionError(1, "Operation not permitted")  # as s3fs and many SMB mounts answer

    monkeypatch.setattr(os, "link", no_hard_links)
    record(world, 1)
    checkpoint()
    checkpoint()
    files = checkpoint_files(settings)
    assert len(files) == 2 and files[1].name == "audit-checkpoint-20260302T010000.000000Z.json"
    assert list(settings.AUDIT_CHECKPOINT_DIR.glob(".tmp-*")) == []
    assert "与检查点" in verify()


def test_deleting_an_event_in_the_middle_and_rechaining_is_placed_before_the_head(world):
    events = record(world, 2)
    checkpoint()
    events += record(world, 3)
    checkpoint()
    delete_events([events[3].pk])
    rewrite_reason_and_rechain(events[4].pk, events[4].reason)  # relink #5 to #3: the walk is clean
    assert audit_verify() is None
    message = verify_fails()
    assert "末条仍在，但之前缺失 1 条" in message
    assert f"第一处缺失在 #{events[2].pk} 至 #{events[4].pk} 之间" in message


def test_a_signed_checkpoint_with_a_count_but_no_last_event_is_reported_not_a_crash(world, settings):
    # Only a holder of the signing key could write one; verify_audit must still answer.
    from policy_tasks.services.audit import canonical_json
    from policy_tasks.services.audit_checkpoint import checkpoint_sign

    record(world, 2)
    checkpoint()
    (path,) = checkpoint_files(settings)
    document = json.loads(path.read_text())
    document["checkpoint"]["last_id"] = None
    document["signature"] = checkpoint_sign(canonical_json(document["checkpoint"]).encode())
    path.write_text(json.dumps(document))
    assert f"检查点 {path.name} 签名有效但内容不全" in verify_fails()
