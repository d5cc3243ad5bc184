"""SM3 as the chain's digest, recorded per event; retention and algorithm settings refuse bad values."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from gmssl import func, sm3

from policy_tasks.models import AuditEvent
from policy_tasks.services import audit_hashing
from policy_tasks.services.audit import SYSTEM, audit_record, audit_verify, canonical_json, event_fields
from policy_tasks.services.audit_export import audit_export_verify
from tests.workflow.audit_tamper import behind_the_apps_back, delete_events

ROOT = Path(__file__).resolve().parents[2]
# GB/T 32905-2016, appendix A.1: SM3("abc").
SM3_ABC = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0"


def test_both_sm3_implementations_give_the_standards_digest():
    assert audit_hashing._sm3_gmssl(b"abc") == SM3_ABC
    assert audit_hashing.digest("sm3", b"abc") == SM3_ABC
    with pytest.raises(ValueError, match="unknown audit hash algorithm"):
        audit_hashing.digest("md5", b"abc")


def test_a_chain_switched_to_sm3_records_the_algorithm_and_verifies(world, settings):
    old = audit_record(actor=SYSTEM, action="test.before", obj=world.task)
    settings.AUDIT_HASH_ALGORITHM = "sm3"
    new = [audit_record(actor=SYSTEM, action="test.sm3", obj=world.task, after={"n": n}) for n in range(2)]
    stored = {e.pk: e.algorithm for e in AuditEvent.objects.all()}
    assert stored == {old.pk: "sha256", new[0].pk: "sm3", new[1].pk: "sm3"}
    # The stored hash is SM3 of the predecessor's hash and the content, computed independently.
    content = (old.hash + canonical_json(event_fields(AuditEvent.objects.get(pk=new[0].pk)))).encode()
    assert new[0].hash == sm3.sm3_hash(func.bytes_to_list(content))
    assert new[0].prev_hash == old.hash
    out = StringIO()
    call_command("verify_audit", stdout=out, stderr=StringIO())
    assert "审计链完整: 3 events OK" in out.getvalue()


def test_a_change_to_an_sm3_event_is_detected(world, settings):
    settings.AUDIT_HASH_ALGORITHM = "sm3"
    events = [audit_record(actor=SYSTEM, action="test.sm3", obj=world.task, reason="原因") for _ in range(2)]
    with behind_the_apps_back() as cursor:
        cursor.execute("UPDATE policy_tasks_auditevent SET reason = %s WHERE id = %s", ["改过", events[0].pk])
    assert audit_verify().event_id == events[0].pk
    with pytest.raises(CommandError, match=f"#{events[0].pk}.*内容被篡改"):
        call_command("verify_audit", stdout=StringIO(), stderr=StringIO())


def test_relabelling_an_event_sha256_is_detected(world, settings):
    """The algorithm is not a free label: claiming the other one breaks the event's hash."""
    settings.AUDIT_HASH_ALGORITHM = "sm3"
    event = audit_record(actor=SYSTEM, action="test.sm3", obj=world.task)
    with behind_the_apps_back() as cursor:
        cursor.execute("UPDATE policy_tasks_auditevent SET algorithm = 'sha256' WHERE id = %s", [event.pk])
    assert audit_verify().event_id == event.pk


def test_an_export_of_sm3_events_verifies_offline(world, settings, tmp_path):
    settings.AUDIT_HASH_ALGORITHM = "sm3"
    for _ in range(2):
        audit_record(actor=SYSTEM, action="test.sm3", obj=world.task)
    out = tmp_path / "audit.jsonl"
    call_command("audit_export", "--out", str(out), stdout=StringIO())
    assert '"algorithm":"sm3"' in out.read_text()
    assert audit_export_verify(out).ok


def _check(env: dict[str, str]) -> subprocess.CompletedProcess:
    full = {**os.environ, **env}
    return subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=full, capture_output=True, text=True, timeout=120
    )


def test_retention_below_six_months_and_unknown_algorithms_stop_startup():
    short = _check({"AUDIT_RETENTION_DAYS": "90"})
    assert short.returncode != 0 and "AUDIT_RETENTION_DAYS must be at least 183" in short.stderr
    md5 = _check({"AUDIT_HASH_ALGORITHM": "md5"})
    assert md5.returncode != 0 and "must be sha256 or sm3" in md5.stderr
    keyless = _check({"AUDIT_CHECKPOINT_SIGNATURE": "sm2"})
    assert keyless.returncode != 0 and "needs AUDIT_SM2_PRIVATE_KEY" in keyless.stderr


def _keygen() -> tuple[str, str]:
    out = StringIO()
    call_command("audit_sm2_keygen", stdout=out)
    pairs = dict(line.split("=", 1) for line in out.getvalue().split())
    return pairs["AUDIT_SM2_PRIVATE_KEY"], pairs["AUDIT_SM2_PUBLIC_KEY"]


def _verify() -> str:
    out = StringIO()
    call_command("verify_audit", stdout=out, stderr=StringIO())
    return out.getvalue()


@pytest.fixture
def sm2_writer(settings):
    private_key, public_key = _keygen()
    settings.AUDIT_CHECKPOINT_SIGNATURE = "sm2"
    settings.AUDIT_SM2_PRIVATE_KEY = private_key
    return public_key


def test_sm2_checkpoints_verify_with_the_public_key_alone(world, settings, sm2_writer):
    events = [audit_record(actor=SYSTEM, action="test.step", obj=world.task) for _ in range(3)]
    call_command("audit_checkpoint", stdout=StringIO())
    (path,) = settings.AUDIT_CHECKPOINT_DIR.glob("audit-checkpoint-*.json")
    assert json.loads(path.read_text())["checkpoint"]["algorithm"] == "SM2-SM3"
    # The verifying machine has the public key only.
    settings.AUDIT_SM2_PRIVATE_KEY, settings.AUDIT_SM2_PUBLIC_KEY = "", sm2_writer
    assert "与检查点" in _verify()
    delete_events([events[2].pk])
    with pytest.raises(CommandError, match=f"审计链在检查点之后被截断/改写.*#{events[1].pk} 之后"):
        _verify()
    with pytest.raises(CommandError, match="本机没有 SM2 私钥"):
        call_command("audit_checkpoint", stdout=StringIO())


def test_an_sm2_checkpoint_edited_or_signed_by_another_key_is_reported(world, settings, sm2_writer):
    audit_record(actor=SYSTEM, action="test.step", obj=world.task)
    call_command("audit_checkpoint", stdout=StringIO())
    (path,) = settings.AUDIT_CHECKPOINT_DIR.glob("audit-checkpoint-*.json")
    document = json.loads(path.read_text())
    document["checkpoint"]["count"] = 0
    path.write_text(json.dumps(document))
    with pytest.raises(CommandError, match="签名无效"):
        _verify()
    path.unlink()
    call_command("audit_checkpoint", stdout=StringIO())
    settings.AUDIT_SM2_PRIVATE_KEY, settings.AUDIT_SM2_PUBLIC_KEY = "", _keygen()[1]
    with pytest.raises(CommandError, match="签名无效"):
        _verify()


# A key whose public key starts with "04": gmssl's constructor took it for the uncompressed-point
# prefix and stripped it with any leading 0s and 4s of x, so its checkpoints never verified (one
# key in 256; CI met one on 2026-12-03).
PREFIX_PRIVATE = "ce673b0dbed856e15b3a2b4e17571ba8dad494a796ffc0c680c318d261fde6f9"


def test_a_key_whose_public_key_starts_with_04_signs_what_it_verifies():
    from policy_tasks.services.audit_sm2 import public_key_of, sm2_sign, sm2_verify

    public = public_key_of(PREFIX_PRIVATE)
    assert public.startswith("04") and len(public) == 128
    signature = sm2_sign(PREFIX_PRIVATE, b"checkpoint")
    assert sm2_verify(public, b"checkpoint", signature)
    assert sm2_verify("04" + public, b"checkpoint", signature)  # written with its point prefix
    assert not sm2_verify(public, b"checkpoint!", signature)


def test_with_sm2_configured_an_hmac_checkpoint_is_not_trusted(world, settings):
    audit_record(actor=SYSTEM, action="test.step", obj=world.task)
    call_command("audit_checkpoint", stdout=StringIO())  # HMAC, the default
    settings.AUDIT_CHECKPOINT_SIGNATURE = "sm2"
    settings.AUDIT_SM2_PUBLIC_KEY = _keygen()[1]
    with pytest.raises(CommandError, match="签名算法 HMAC-SHA256 不是所配置的 SM2-SM3，不予采信"):
        _verify()
