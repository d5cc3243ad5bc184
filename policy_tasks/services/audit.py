"""Writing and verifying the audit trail.

Every service calls `audit_record` inside its own transaction, so the change and
its event commit or vanish together. Events form a hash chain; a transaction-level
advisory lock on PostgreSQL serialises writers so two events never claim the same
predecessor (SQLite serialises writes by itself).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connection, transaction
from django.http import HttpRequest

from accounts.models import Unit, User
from duban.lib import clock
from policy_tasks.models import AuditAction, AuditEvent, PolicyDocument, Task
from policy_tasks.services.audit_hashing import digest

if TYPE_CHECKING:
    from rest_framework.request import Request

GENESIS = "0" * 64
_LOCK_KEY = 0x64756261  # "duba": any constant shared by all writers
# The attribute a service sets on a model instance whose change it records itself, so the
# generic save signal (audit_signals) does not record it a second time.
RECORDED_BY_SERVICE = "_audit_recorded_by_service"


@dataclass(frozen=True)
class Actor:
    """Who acts, in which capacity, and from where (request fields are optional)."""

    user: User | AnonymousUser | None = None
    unit: Unit | None = None
    role: str = ""
    ip: str | None = None
    request_id: str = ""


SYSTEM = Actor(role="system")


@dataclass(frozen=True)
class RequestMeta:
    """Where a change came from, when it came through a request (API or page)."""

    ip: str | None = None
    request_id: str = ""

    @classmethod
    def from_request(cls, request: HttpRequest | Request) -> RequestMeta:
        return cls(ip=request.META.get("REMOTE_ADDR") or None, request_id=getattr(request, "request_id", ""))


def actor_for(
    user: User | AnonymousUser | None, *, unit: Unit | None = None, role: str = "", meta: RequestMeta | None = None
) -> Actor:
    meta = meta or RequestMeta()
    return Actor(user=user, unit=unit, role=role, ip=meta.ip, request_id=meta.request_id)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def event_fields(event: AuditEvent) -> dict[str, Any]:
    """What an event's hash covers besides its predecessor's hash (its id does not count)."""
    return {
        "created_at": event.created_at.isoformat(),
        "actor": event.actor_id,
        "actor_unit": event.actor_unit_id,
        "actor_role": event.actor_role,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "document": event.document_id,
        "task": event.task_id,
        "before": event.before,
        "after": event.after,
        "reason": event.reason,
        "ip": event.ip,
        "request_id": event.request_id,
    }


def canonical_json(fields: dict[str, Any]) -> str:
    return json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def chain_hash(algorithm: str, prev_hash: str, fields: dict[str, Any]) -> str:
    """The link: digest of the predecessor's hash and the canonical content, by the event's algorithm.

    Shared with the offline export check, which has the fields but no database.
    """
    return digest(algorithm, (prev_hash + canonical_json(fields)).encode())


def compute_hash(event: AuditEvent) -> str:
    return chain_hash(event.algorithm, event.prev_hash, event_fields(event))


@dataclass(frozen=True)
class AuditEntry:
    """One event for `audit_record_many`: audit_record's arguments, kept for a batch."""

    actor: Actor
    action: AuditAction
    obj: Any
    before: dict[str, Any] | None = None
    after: dict[str, Any] | None = None
    reason: str = ""
    document: Any = None
    task: Any = None


@transaction.atomic
def audit_record(
    *,
    actor: Actor,
    action: AuditAction,
    obj: object,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
    document: PolicyDocument | None = None,
    task: Task | None = None,
) -> AuditEvent:
    entry = AuditEntry(actor, action, obj, before, after, reason, document, task)
    event = _event(entry, _last_hash())
    event.save(force_insert=True)
    return event


@transaction.atomic
def audit_record_many(entries: list[AuditEntry]) -> list[AuditEvent]:
    """The events in this order, chained as one audit_record call each would chain them, in
    three statements whatever their number (a lock, the last hash, one INSERT)."""
    if not entries:
        return []
    events, prev = [], _last_hash()
    for entry in entries:
        events.append(_event(entry, prev))
        prev = events[-1].hash
    return AuditEvent.objects.bulk_create(events)


def _last_hash() -> str:
    """The chain's last hash, under the writers' lock (held until the transaction ends)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_KEY])
    return AuditEvent.objects.order_by("-id").values_list("hash", flat=True).first() or GENESIS


def _event(entry: AuditEntry, prev_hash: str) -> AuditEvent:
    actor, obj = entry.actor, entry.obj
    user = actor.user if isinstance(actor.user, User) and actor.user.is_authenticated else None
    event = AuditEvent(
        created_at=clock.now(),
        actor=user,
        actor_unit=actor.unit,
        actor_role=actor.role,
        # The plain code, as the row will hold it: the instance returned is the one read back.
        action=str(entry.action),
        object_type=obj._meta.label_lower if hasattr(obj, "_meta") else str(type(obj).__name__),
        object_id=str(getattr(obj, "pk", obj)),
        document=entry.document,
        task=entry.task,
        before=_jsonable(entry.before),
        after=_jsonable(entry.after),
        reason=entry.reason,
        ip=actor.ip,
        request_id=actor.request_id,
        prev_hash=prev_hash,
        algorithm=settings.AUDIT_HASH_ALGORITHM,
    )
    event.hash = compute_hash(event)
    return event


@dataclass(frozen=True)
class ChainBreak:
    event_id: int
    message: str


def audit_verify() -> ChainBreak | None:
    """Walk the chain in id order; return the first event whose link or content is wrong."""
    expected_prev = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.prev_hash != expected_prev:
            return ChainBreak(event.pk, "前序哈希不匹配 (prev_hash does not match the previous event)")
        if compute_hash(event) != event.hash:
            return ChainBreak(event.pk, "内容被篡改 (content does not match its hash)")
        expected_prev = event.hash
    return None
