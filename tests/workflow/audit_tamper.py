"""Editing the audit table as an attacker with the database owner's password would."""

from __future__ import annotations

from contextlib import contextmanager

from django.db import connection

from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import compute_hash

TRIGGER = "policy_tasks_auditevent_append_only"


@contextmanager
def behind_the_apps_back():
    """Raw SQL on the audit table. On PostgreSQL the owner first switches off the append-only
    trigger (inside the test's transaction); SQLite has no trigger (migration 0002)."""
    postgres = connection.vendor == "postgresql"
    with connection.cursor() as cursor:
        if postgres:
            # ALTER TABLE refuses while deferred FK checks of the rows just inserted are pending.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            cursor.execute(f"ALTER TABLE policy_tasks_auditevent DISABLE TRIGGER {TRIGGER}")
        yield cursor
        if postgres:
            cursor.execute(f"ALTER TABLE policy_tasks_auditevent ENABLE TRIGGER {TRIGGER}")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


def delete_events(ids: list[int]) -> None:
    with behind_the_apps_back() as cursor:
        for pk in ids:
            cursor.execute("DELETE FROM policy_tasks_auditevent WHERE id = %s", [pk])


def rewrite_reason_and_rechain(pk: int, reason: str) -> None:
    """Change one event's reason, then recompute its hash and every later link, so that the
    chain walk alone finds nothing wrong."""
    events = list(AuditEvent.objects.filter(id__gte=pk).order_by("id"))
    events[0].reason = reason
    prev = AuditEvent.objects.filter(id__lt=pk).order_by("-id").values_list("hash", flat=True).first()
    with behind_the_apps_back() as cursor:
        for event in events:
            if prev is not None:
                event.prev_hash = prev
            event.hash = compute_hash(event)
            cursor.execute(
                "UPDATE policy_tasks_auditevent SET reason = %s, prev_hash = %s, hash = %s WHERE id = %s",
                [event.reason, event.prev_hash, event.hash, event.pk],
            )
            prev = event.hash
