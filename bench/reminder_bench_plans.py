"""The reminder bench's query plans (bench/reminder_bench.py): EXPLAIN ANALYZE of the scan's queries
and of its fan-out inserts, and the targets missed (a sequential scan where an index must serve)."""

from __future__ import annotations

import time
from datetime import date

from reminder_bench_data import BATCH

SEQ_TABLES = ("policy_tasks_milestone", "notifications_delivery")
FAILURES: list[str] = []


def fail(message: str) -> None:
    FAILURES.append(message)
    print(f"!! TARGET MISSED: {message}")


def seq_scans(plan: str) -> list[str]:
    return sorted({line.split("Seq Scan on ")[1].split()[0] for line in plan.splitlines() if "Seq Scan on" in line})


def deliveries_in_ledger() -> int:
    from notifications.models import Delivery

    return Delivery.objects.count()


def explain_scan(day: date, *, verbose: bool = True, since: date | None = None) -> None:
    """EXPLAIN ANALYZE the first page of every milestone scan query, as the SQL path runs it:
    in full, or (`since`) only the due dates new after a complete tick on that day."""
    from notifications.models import ReminderRule
    from notifications.services.candidates import PAGE_COLUMNS, milestone_queries
    from notifications.services.scan_window import Window

    rules = list(ReminderRule.objects.filter(is_active=True, subject_type="milestone"))
    rows_in_ledger = deliveries_in_ledger()
    which = f"due dates new after {since}" if since else "in full"
    print(f"\n== scan queries on {day}, {which}, ledger of {rows_in_ledger:,} rows (EXPLAIN ANALYZE, first page) ==")
    for rule, qs in milestone_queries(rules, day, Window(since=since) if since else None):
        page = qs.order_by("due_date", "pk").values_list(*PAGE_COLUMNS)[:BATCH]
        plan = page.explain(analyze=True, buffers=True)
        started = time.perf_counter()
        rows = len(list(page))
        took = (time.perf_counter() - started) * 1000
        seq = seq_scans(plan)
        # An empty ledger is read by a sequential scan of nothing (the planner's cheapest
        # path for zero pages); on a populated one it would be a read of the whole ledger.
        bad = [t for t in seq if t == "policy_tasks_milestone" or (t == "notifications_delivery" and rows_in_ledger)]
        print(f"\n-- rule {rule.code}: {rows} rows, {took:.1f} ms, seq_scans={seq or 'none'}")
        if verbose:
            print(plan)
        if bad:
            fail(f"sequential scan of {', '.join(bad)} in rule {rule.code}'s query on {day}")


def explain_fanout(day: date) -> None:
    """EXPLAIN ANALYZE the fan-out insert of each rule's first page, rolled back."""
    from django.db import connection, transaction

    from notifications.models import ReminderRule
    from notifications.services.candidates import milestone_batches
    from notifications.services.recipients import RecipientIndex
    from notifications.services.scan_plan import audience, first_attempts
    from notifications.services.scan_write import raw_cursor, statements
    from notifications.services.timing import as_of

    now = as_of(day)
    index = RecipientIndex.load()
    rules = list(ReminderRule.objects.filter(is_active=True, subject_type="milestone"))
    first: dict[int, object] = {}
    for found in milestone_batches(rules, day, BATCH):
        first.setdefault(found.rule.pk, found)
    print(f"\n== fan-out inserts on {day}, each rule's first page (EXPLAIN ANALYZE, rolled back) ==")
    with transaction.atomic(), raw_cursor() as cursor:
        for rule, sql, params in statements(list(first.values()), audience(index, first_attempts(index, now)), now):
            started = time.perf_counter()
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            took = (time.perf_counter() - started) * 1000
            plan = "\n".join(row[0] for row in cursor.fetchall())
            inserted = plan.split("Tuples Inserted: ", 1)[1].split()[0] if "Tuples Inserted" in plan else "?"
            seq = seq_scans(plan)
            print(
                f"-- rule {rule.code}: {len(params['ids']):,} subjects, {inserted} rows, {took:.0f} ms, seq_scans={seq}"
            )
            if "policy_tasks_taskunit" in seq or "policy_tasks_milestone" in seq:
                print(plan)
                fail(f"sequential scan {seq} in rule {rule.code}'s fan-out insert")
        transaction.set_rollback(True)
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE notifications_delivery")
