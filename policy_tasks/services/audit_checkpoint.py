"""Signed checkpoints of the audit chain's head, kept outside the database.

The chain shows that no event in the middle was edited or removed; it cannot show that the
newest events were not cut off, nor that someone able to switch off the trigger did not
rewrite an event and recompute every later hash. A checkpoint written elsewhere says "at this
time there were N events, the last one #id with this hash": a database that no longer agrees
with it has lost or changed history.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC
from pathlib import Path

from django.conf import settings
from django.db import transaction

from duban.lib import clock
from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import GENESIS, canonical_json
from policy_tasks.services.audit_sm2 import ALGORITHM as SM2_ALGORITHM
from policy_tasks.services.audit_sm2 import public_key_of, sm2_sign, sm2_verify

SIGNATURE_ALGORITHM = "HMAC-SHA256"
# Distinct from every other use of SECRET_KEY, so a key derived for sessions signs no checkpoint.
_KEY_SALT = b"duban.audit.checkpoint-key"
PREFIX = "audit-checkpoint-"
TRUNCATED = "审计链在检查点之后被截断/改写"


def signing_key() -> bytes:
    if settings.AUDIT_CHECKPOINT_KEY:
        return settings.AUDIT_CHECKPOINT_KEY.encode()
    return hmac.new(settings.SECRET_KEY.encode(), _KEY_SALT, hashlib.sha256).digest()


def sign(data: bytes) -> str:
    return hmac.new(signing_key(), data, hashlib.sha256).hexdigest()


def signature_ok(data: bytes, signature: object) -> bool:
    return isinstance(signature, str) and hmac.compare_digest(sign(data), signature)


def checkpoint_algorithm() -> str:
    return SM2_ALGORITHM if settings.AUDIT_CHECKPOINT_SIGNATURE == "sm2" else SIGNATURE_ALGORITHM


def _sm2_public_key() -> str:
    return settings.AUDIT_SM2_PUBLIC_KEY or public_key_of(settings.AUDIT_SM2_PRIVATE_KEY)


def checkpoint_sign(data: bytes) -> str:
    if checkpoint_algorithm() == SM2_ALGORITHM:
        if not settings.AUDIT_SM2_PRIVATE_KEY:
            raise ValueError("AUDIT_SM2_PRIVATE_KEY is not set on this machine: it can verify, not sign")
        return sm2_sign(settings.AUDIT_SM2_PRIVATE_KEY, data)
    return sign(data)


def checkpoint_signature_ok(data: bytes, signature: object) -> bool:
    if checkpoint_algorithm() == SM2_ALGORITHM:
        return isinstance(signature, str) and sm2_verify(_sm2_public_key(), data, signature)
    return signature_ok(data, signature)


@dataclass(frozen=True)
class Checkpoint:
    count: int
    last_id: int | None
    head_hash: str
    at: str
    name: str = ""

    def payload(self) -> dict[str, object]:
        return {
            "count": self.count,
            "last_id": self.last_id,
            "head_hash": self.head_hash,
            "at": self.at,
            "algorithm": checkpoint_algorithm(),
        }


def chain_head() -> Checkpoint:
    # Writers take an advisory lock and commit in id order, so every event up to the newest
    # one seen here is already visible: the count below matches that head.
    with transaction.atomic():
        head = AuditEvent.objects.order_by("-id").values_list("id", "hash").first()
        if head is None:
            return Checkpoint(count=0, last_id=None, head_hash=GENESIS, at=clock.now().isoformat())
        count = AuditEvent.objects.filter(id__lte=head[0]).count()
    return Checkpoint(count=count, last_id=head[0], head_hash=head[1], at=clock.now().isoformat())


def _names(directory: Path, stem: str) -> Iterator[Path]:
    yield directory / f"{stem}.json"
    for n in range(1, 100):  # two checkpoints in one microsecond (a frozen clock in tests)
        yield directory / f"{stem}-{n}.json"
    raise FileExistsError(f"{directory}: no free name for {stem}")


def _link_new(tmp: str, directory: Path, stem: str) -> Path:
    for path in _names(directory, stem):
        try:
            os.link(tmp, path)  # fails when the name exists, unlike rename
        except FileExistsError:
            continue
        return path
    raise AssertionError("unreachable")


def _create_new(data: bytes, directory: Path, stem: str) -> Path:
    """For mounts without hard links (some object-store and SMB mounts): exclusive create,
    never replacing a file, though a reader may see it half written for a moment."""
    for path in _names(directory, stem):
        try:
            out = open(path, "xb")  # closed by the with below, after the fsync
        except FileExistsError:
            continue
        with out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        return path
    raise AssertionError("unreachable")


def _publish(directory: Path, stem: str, data: bytes) -> Path:
    """Write a new file atomically (a reader sees all of it or none) and never replace one."""
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=".json")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        try:
            path = _link_new(tmp, directory, stem)
        except FileExistsError:
            raise
        except OSError:  # EPERM, ENOTSUP...: the filesystem has no hard links
            path = _create_new(data, directory, stem)
    finally:
        os.unlink(tmp)
    dir_fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
    return path


def checkpoint_write(directory: Path | str | None = None) -> Path:
    directory = Path(directory or settings.AUDIT_CHECKPOINT_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    head = chain_head()
    payload = head.payload()
    document = {"checkpoint": payload, "signature": checkpoint_sign(canonical_json(payload).encode())}
    stamp = clock.now().astimezone(UTC).strftime("%Y%m%dT%H%M%S.%fZ")
    data = (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode()
    return _publish(directory, PREFIX + stamp, data)


@dataclass(frozen=True)
class LoadedCheckpoints:
    valid: list[Checkpoint]
    problems: list[str]


def _parse(path: Path) -> Checkpoint | str:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        payload, signature = document["checkpoint"], document["signature"]
    except (OSError, ValueError, TypeError, KeyError):
        return f"检查点 {path.name} 无法读取或格式不对"
    if not isinstance(payload, dict):
        return f"检查点 {path.name} 无法读取或格式不对"
    if payload.get("algorithm") != checkpoint_algorithm():
        # Only the configured algorithm is trusted: an HMAC checkpoint, for one, could come from
        # whoever read the web host's key, which SM2 is chosen to rule out.
        return (
            f"检查点 {path.name} 的签名算法 {payload.get('algorithm')} 不是所配置的 {checkpoint_algorithm()}，不予采信"
        )
    if not checkpoint_signature_ok(canonical_json(payload).encode(), signature):
        return f"检查点 {path.name} 签名无效（文件被改动，或签名密钥不符）"
    try:
        checkpoint = Checkpoint(
            count=int(payload["count"]),
            last_id=None if payload["last_id"] is None else int(payload["last_id"]),
            head_hash=str(payload["head_hash"]),
            at=str(payload["at"]),
            name=path.name,
        )
    except (KeyError, TypeError, ValueError):
        return f"检查点 {path.name} 签名有效但内容不全"
    if checkpoint.count and checkpoint.last_id is None:  # events counted, yet no last one named
        return f"检查点 {path.name} 签名有效但内容不全"
    return checkpoint


def checkpoints_load(directory: Path | str | None = None) -> LoadedCheckpoints:
    directory = Path(directory or settings.AUDIT_CHECKPOINT_DIR)
    valid: list[Checkpoint] = []
    problems: list[str] = []
    paths = sorted(directory.glob(f"{PREFIX}*.json")) if directory.is_dir() else []
    for path in paths:
        parsed = _parse(path)
        if isinstance(parsed, str):
            problems.append(parsed)
        else:
            valid.append(parsed)
    valid.sort(key=lambda c: (c.count, c.last_id or 0, c.at))
    return LoadedCheckpoints(valid=valid, problems=problems)


def _holds(checkpoint: Checkpoint) -> bool:
    if checkpoint.count == 0 or checkpoint.last_id is None:  # _parse refuses a count without a last event
        return True
    head = AuditEvent.objects.filter(pk=checkpoint.last_id).values_list("hash", flat=True).first()
    kept = AuditEvent.objects.filter(id__lte=checkpoint.last_id).count()
    return head == checkpoint.head_hash and kept == checkpoint.count


def checkpoint_check(checkpoint: Checkpoint, older: list[Checkpoint]) -> str | None:
    """None when the database still has what the checkpoint saw; otherwise what is missing or altered.

    A checkpoint holds only the head, so an altered event is placed between the newest older
    checkpoint that still holds and this one (hourly checkpoints keep that span short).
    """
    last_id = checkpoint.last_id
    if _holds(checkpoint) or last_id is None:
        return None
    seen = f"检查点 {checkpoint.name}（{checkpoint.at}）记录 {checkpoint.count} 条、末条 #{last_id}"
    head = AuditEvent.objects.filter(pk=last_id).values_list("hash", flat=True).first()
    kept = AuditEvent.objects.filter(id__lte=last_id).count()
    if head is None:
        survivor = AuditEvent.objects.filter(id__lte=last_id).order_by("-id").values_list("id", flat=True).first()
        after = f"#{survivor} 之后" if survivor is not None else "第一条起"
        return (
            f"{TRUNCATED}：{seen}，数据库中只剩 {kept} 条，缺失 {checkpoint.count - kept} 条；"
            f"第一条缺失的事件在 {after}（末条 #{last_id} 已不存在）"
        )
    bound = next((c for c in reversed(older) if c.count and _holds(c)), None)
    lower = AuditEvent.objects.filter(id__gt=bound.last_id if bound else 0).order_by("id").values_list("id", flat=True)
    first = lower.first()
    where = f"#{first} 至 #{last_id} 之间" if first != last_id else f"#{last_id}"
    if kept < checkpoint.count:
        return f"{TRUNCATED}：{seen}；末条仍在，但之前缺失 {checkpoint.count - kept} 条；第一处缺失在 {where}"
    if head != checkpoint.head_hash:
        what = f"末条 #{last_id} 的哈希与检查点不符（检查点 {checkpoint.head_hash[:16]}…，数据库 {head[:16]}…）"
    else:
        what = f"#{last_id} 及之前有 {kept} 条，多于检查点的 {checkpoint.count} 条（事后插入）"
    return f"{TRUNCATED}：{seen}；{what}；第一处改写在 {where}"


def audit_verify_checkpoints(directory: Path | str | None = None) -> tuple[Checkpoint | None, list[str]]:
    """The latest valid checkpoint (None when there is none) and every problem found."""
    loaded = checkpoints_load(directory)
    problems = list(loaded.problems)
    if not loaded.valid:
        return None, problems
    latest = loaded.valid[-1]
    finding = checkpoint_check(latest, loaded.valid[:-1])
    if finding:
        problems.append(finding)
    return latest, problems
