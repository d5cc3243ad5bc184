"""The audit trail as signed JSON lines for a log collector, and their offline check.

One event per line, with its hash, its predecessor's hash and the content the hash covers,
so the chain can be recomputed from the file alone. Each line ends with its own HMAC over
the line's bytes before it (a collector can check any line on its own, and a changed byte
names its line); a last line signs the whole file, so a line dropped, added or moved shows.
The key is the checkpoint key (AUDIT_CHECKPOINT_KEY); checking needs the key, not the database.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import canonical_json, chain_hash, event_fields
from policy_tasks.services.audit_checkpoint import SIGNATURE_ALGORITHM, signing_key
from policy_tasks.services.audit_hashing import ALGORITHMS

_MAC = b',"mac":"'


def _signed_line(body: dict[str, Any], key: bytes, mac_state: hmac.HMAC | None = None) -> bytes:
    """`{...,"mac":"<hmac of everything before ,"mac">"}` and a newline."""
    head = canonical_json(body).encode()[:-1]  # without the closing brace
    if mac_state is None:
        mac = hmac.new(key, head, hashlib.sha256).hexdigest()
    else:
        mac_state.update(head)
        mac = mac_state.hexdigest()
    return head + _MAC + mac.encode() + b'"}\n'


def _lines(events: Iterator[AuditEvent], key: bytes, meta: dict[str, Any]) -> Iterator[bytes]:
    whole = hmac.new(key, digestmod=hashlib.sha256)
    count, first_id, last_id = 0, None, None
    for event in events:
        line = _signed_line(
            {
                "type": "event",
                "id": event.pk,
                "algorithm": event.algorithm,
                "prev_hash": event.prev_hash,
                "hash": event.hash,
                "event": event_fields(event),
            },
            key,
        )
        whole.update(line)
        count, last_id = count + 1, event.pk
        first_id = event.pk if first_id is None else first_id
        yield line
    trailer = {"type": "signature", "lines": count, "first_id": first_id, "last_id": last_id, **meta}
    yield _signed_line({**trailer, "algorithm": SIGNATURE_ALGORITHM}, key, mac_state=whole)


def audit_export(*, out: Path | str, since: datetime | None, exported_at: datetime) -> int:
    """Write events created at or after `since` (all when None) to `out`; the number of events."""
    out = Path(out)
    events = AuditEvent.objects.order_by("id")
    if since is not None:
        events = events.filter(created_at__gte=since)
    meta = {"since": since.isoformat() if since else None, "exported_at": exported_at.isoformat()}
    key = signing_key()
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".tmp")
    count = 0
    try:
        with os.fdopen(fd, "wb") as stream:
            for line in _lines(events.iterator(chunk_size=2000), key, meta):
                stream.write(line)
                count += 1
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, out)  # a collector never picks up half a file
    except BaseException:
        os.unlink(tmp)
        raise
    return count - 1


@dataclass(frozen=True)
class ExportCheck:
    ok: bool
    message: str
    line: int | None = None  # the first bad line, 1-based
    events: int = 0


def _split_mac(line: bytes) -> tuple[bytes, bytes] | None:
    at = line.rfind(_MAC)
    if at < 0 or not line.endswith(b'"}'):
        return None
    return line[:at], line[at + len(_MAC) : -2]


def _bad(n: int, what: str) -> ExportCheck:
    return ExportCheck(False, f"第 {n} 行{what}", line=n)


def _check_event(n: int, head: bytes, prev: dict[str, Any] | None) -> tuple[dict[str, Any] | None, ExportCheck | None]:
    try:
        row = json.loads(head + b"}")
        fields, algorithm, prev_hash, digest = row["event"], row["algorithm"], row["prev_hash"], row["hash"]
        if row.get("type") != "event" or not isinstance(fields, dict) or algorithm not in ALGORITHMS:
            raise ValueError
    except (ValueError, KeyError, TypeError):
        return None, _bad(n, "不是有效的审计事件")
    if chain_hash(algorithm, prev_hash, fields) != digest:
        return None, _bad(n, f"（事件 #{row.get('id')}）的哈希与内容不符")
    if prev is not None and prev_hash != prev["hash"]:
        return None, _bad(n, f"（事件 #{row.get('id')}）与上一行不相连：中间缺行或顺序被改")
    return row, None


def audit_export_verify(path: Path | str, key: bytes | None = None) -> ExportCheck:
    """Check an export with the key alone: every line's MAC, every hash, every link, the trailer."""
    key = key if key is not None else signing_key()
    data = Path(path).read_bytes()
    lines = data.split(b"\n")
    if lines[-1] == b"":
        lines.pop()  # the file's final newline; without it the last line fails as incomplete
    if not lines:
        return ExportCheck(False, "文件为空，缺少签名行")
    whole = hmac.new(key, digestmod=hashlib.sha256)
    prev: dict[str, Any] | None = None
    for n, line in enumerate(lines, start=1):
        split = _split_mac(line)
        if split is None:
            return _bad(n, "不完整或格式不对")
        head, mac = split
        if b'"type":"signature"' in head and n == len(lines):
            whole.update(head)
            if not hmac.compare_digest(whole.hexdigest().encode(), mac):
                return _bad(n, "（签名行）签名不符：文件被改动、截断或用了别的密钥")
            try:
                trailer = json.loads(head + b"}")
            except ValueError:
                return _bad(n, "（签名行）无法解析")
            if trailer.get("lines") != n - 1:
                return _bad(n, f"（签名行）记录 {trailer.get('lines')} 条事件，文件中有 {n - 1} 条")
            span = f"#{trailer['first_id']} 至 #{trailer['last_id']}" if n > 1 else "无事件"
            return ExportCheck(True, f"导出文件完整：{n - 1} 条事件（{span}），签名有效", events=n - 1)
        if not hmac.compare_digest(hmac.new(key, head, hashlib.sha256).hexdigest().encode(), mac):
            return _bad(n, "签名不符：该行被改动")
        prev, problem = _check_event(n, head, prev)
        if problem is not None:
            return problem
        whole.update(line + b"\n")
    return ExportCheck(False, f"缺少签名行：文件在第 {len(lines)} 行之后被截断", line=len(lines) + 1)
