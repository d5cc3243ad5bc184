from __future__ import annotations

import threading
from contextlib import contextmanager
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import SYSTEM, audit_record, audit_verify, compute_hash

TRIGGER = "policy_tasks_auditevent_append_only"


@pytest.fixture
def history(world):
    """Three honest events."""
    return [
        audit_record(actor=SYSTEM, action=f"test.step{n}", obj=world.task, after={"n": n}, reason=f"第{n}步")
        for n in range(3)
    ]


@contextmanager
def behind_the_apps_back():
    """Edit the audit table as a DBA with psql would: on PostgreSQL that means first
    switching off the append-only trigger (inside the test's transaction)."""
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


def run_verify_audit() -> str:
    out = StringIO()
    call_command("verify_audit", stdout=out)
    return out.getvalue()


def test_verify_audit_passes_on_an_honest_history(history):
    assert run_verify_audit().strip() == "审计链完整: 3 events OK"


def test_verify_audit_passes_on_an_empty_history(db):
    assert "审计链完整: 0 events OK" in run_verify_audit()


def test_each_event_links_to_the_one_before(history):
    assert history[1].prev_hash == history[0].hash
    assert history[2].prev_hash == history[1].hash


def test_editing_a_reason_behind_the_apps_back_is_named(history):
    with behind_the_apps_back() as cursor:
        cursor.execute("UPDATE policy_tasks_auditevent SET reason = %s WHERE id = %s", ["无", history[1].pk])
    with pytest.raises(CommandError) as exc:
        run_verify_audit()
    assert f"#{history[1].pk}" in str(exc.value)
    assert "内容被篡改" in str(exc.value)
    assert exc.value.returncode == 1


def test_editing_after_values_behind_the_apps_back_is_named(history):
    after = connection.ops.quote_name("after")
    with behind_the_apps_back() as cursor:
        cast = "::jsonb" if connection.vendor == "postgresql" else ""
        cursor.execute(
            f"UPDATE policy_tasks_auditevent SET {after} = %s{cast} WHERE id = %s", ['{"n": 9}', history[2].pk]
        )
    broken = audit_verify()
    assert broken is not None and broken.event_id == history[2].pk
    with pytest.raises(CommandError, match=f"#{history[2].pk}"):
        run_verify_audit()


def test_deleting_an_event_breaks_the_link_of_the_next_one(history):
    with behind_the_apps_back() as cursor:
        cursor.execute("DELETE FROM policy_tasks_auditevent WHERE id = %s", [history[1].pk])
    broken = audit_verify()
    assert broken is not None and broken.event_id == history[2].pk
    assert "前序哈希" in broken.message


def test_rewriting_an_event_with_a_fresh_hash_still_breaks_the_next_link(history):
    """A forger who recomputes the edited row's own hash is caught by its successor."""
    forged = AuditEvent.objects.get(pk=history[1].pk)
    forged.reason = "改写"
    new_hash = compute_hash(forged)
    with behind_the_apps_back() as cursor:
        cursor.execute(
            "UPDATE policy_tasks_auditevent SET reason = %s, hash = %s WHERE id = %s", ["改写", new_hash, forged.pk]
        )
    assert audit_verify().event_id == history[2].pk


def test_postgres_refuses_update_and_delete_of_audit_events(require_postgres, history):
    for sql in (
        "UPDATE policy_tasks_auditevent SET reason = 'x' WHERE id = %s",
        "DELETE FROM policy_tasks_auditevent WHERE id = %s",
    ):
        with pytest.raises(DatabaseError, match="append-only"), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql, [history[0].pk])
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=history[0].pk).update(reason="x")
    assert audit_verify() is None


def test_writers_on_concurrent_connections_do_not_fork_the_chain(require_postgres, transactional_db, world):
    threads_count, per_thread = 6, 5
    barrier = threading.Barrier(threads_count)
    errors: list[BaseException] = []

    def write(n: int) -> None:
        try:
            barrier.wait()
            for i in range(per_thread):
                audit_record(actor=SYSTEM, action="test.concurrent", obj=world.task, after={"thread": n, "i": i})
        except BaseException as exc:  # reported by the assertion below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    prev_hashes = list(AuditEvent.objects.values_list("prev_hash", flat=True))
    assert len(prev_hashes) == threads_count * per_thread
    assert len(set(prev_hashes)) == len(prev_hashes)
    assert audit_verify() is None


def test_verify_reads_the_chain_in_bounded_queries(history, django_assert_max_num_queries):
    with django_assert_max_num_queries(3):
        assert audit_verify() is None
