"""Reminder scan and sender at scale, on PostgreSQL.

    .venv/bin/python bench/reminder_bench.py [--milestones 1000000] [--send 3000] [--reset]
                                             [--runs 3] [--check-paths]

Uses its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/duban_bench),
created and migrated if missing. Data (generate_series, a few seconds): 20 documents,
50,000 tasks (a lead and a co-unit each, 100 units with 2 clerks and 1 head), and
the milestones, due dates spread over 2023-2026. "Today" is 2025-06-16; of the
milestones due before it 99% are closed (销号), as they would be in a live system,
the rest and all later ones are open.

Prints: the scan queries' EXPLAIN ANALYZE (the anti-join per milestone rule: index scans
on milestone_open_due_idx), the fan-out inserts' figures (one INSERT … SELECT per rule,
explained and rolled back), one tick on an empty ledger (the catch-up), a repeated tick
(0 inserts), the next working day's first tick (the full scan tick, the day's work), a
repeated tick, and e-mail delivery throughput from one sender loop into a local aiosmtpd
server. First ticks start from a vacuumed ledger and run `--runs` times (each undone
before the next); the median is printed with every run. `--check-paths` also compares,
on the same data, the rows the set-based SQL path inserts with those the Python path
(a dry run) plans.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import time
from datetime import date
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BENCH_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/duban_bench")
TODAY = date(2025, 6, 16)  # a Monday, a working day
FIRST_DUE = date(2023, 1, 1)
DAYS = 1461  # 2023-01-01 .. 2026-12-31: the years the working-day calendar knows


def ensure_database() -> None:
    base, name = BENCH_URL.rsplit("/", 1)
    with psycopg.connect(f"{base}/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}")


def setup_django() -> None:
    os.environ["DATABASE_URL"] = BENCH_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.settings")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def generate(milestones: int, reset: bool) -> None:
    from django.db import connection

    from accounts.models import Membership, RoleGrant, Unit, User
    from notifications.models import Delivery
    from policy_tasks.models import Milestone

    if not reset and Milestone.objects.count() == milestones:
        print(f"reusing {milestones:,} milestones")
        return
    started = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute(
            "TRUNCATE notifications_deliveryattempt, notifications_inboxmessage, notifications_delivery, "
            "policy_tasks_milestone, policy_tasks_taskunit, policy_tasks_task, policy_tasks_policydocument CASCADE"
        )
    Delivery.objects.all().delete()
    Membership.objects.all().delete()
    RoleGrant.objects.all().delete()
    User.objects.filter(username__startswith="bench_").delete()
    units = [Unit.objects.get_or_create(name=f"基准测试局{n:03d}")[0] for n in range(100)]
    users = []
    for unit in units:
        for role, count in (("clerk", 2), ("head", 1)):
            for k in range(count):
                user = User.objects.create(
                    username=f"bench_{unit.pk}_{role}{k}", email=f"u{unit.pk}{role}{k}@bench.local", phone="13900000000"
                )
                users.append(Membership(user=user, unit=unit, role=role))
    Membership.objects.bulk_create(users)
    for n in range(2):
        RoleGrant.objects.create(
            user=User.objects.create(username=f"bench_sup{n}", email=f"sup{n}@bench.local"), role="supervisor"
        )
    unit_ids = [u.pk for u in units]
    per_task = 20
    tasks = milestones // per_task
    with connection.cursor() as cur:
        cur.execute(
            """INSERT INTO policy_tasks_policydocument (title, doc_number, year, source_text, sha256, report_cycle,
                 report_grace_workdays, yellow_workdays, behind_schedule_points, score_base, deduction_lead,
                 deduction_co, version, created_at, updated_at)
               SELECT '基准文件' || d, 'BENCH-' || d, 2025, '', '', 'monthly', 5, 5, 20, 100, 5, 3, 1, now(), now()
               FROM generate_series(1, 20) d"""
        )
        cur.execute("SELECT min(id) FROM policy_tasks_policydocument")
        first_doc = cur.fetchone()[0]
        cur.execute(
            """INSERT INTO policy_tasks_task (document_id, number, label, title, text, leaders, status, version,
                 created_at, updated_at)
               SELECT %s + (g %% 20), g / 20 + 1, '', '基准条款' || g, '条款原文', '[]', 'open', 1, now(), now()
               FROM generate_series(0, %s - 1) g""",
            [first_doc, tasks],
        )
        cur.execute(
            """INSERT INTO policy_tasks_taskunit (task_id, unit_id, role, position)
               SELECT t.id, (%s::bigint[])[1 + (t.id %% 100)], 'lead', 0 FROM policy_tasks_task t
               UNION ALL
               SELECT t.id, (%s::bigint[])[1 + ((t.id + 37) %% 100)], 'co', 1 FROM policy_tasks_task t""",
            [unit_ids, unit_ids],
        )
        cur.execute(
            """INSERT INTO policy_tasks_milestone (document_id, task_id, position, text, start, "end", kind,
                 time_expression, due_date, original_due_date, target_unit, status, delay_count, version, recurrence)
               SELECT t.document_id, t.id, p, '基准节点' || m.due, 0, 0, 'deadline', '', m.due, m.due, '',
                      CASE WHEN m.due < %s AND (t.id * 20 + p) %% 100 <> 0 THEN 'closed' ELSE 'open' END, 0, 1, ''
               FROM policy_tasks_task t
               CROSS JOIN generate_series(0, %s - 1) p
               CROSS JOIN LATERAL (SELECT %s::date + ((t.id * 7919 + p * 104729) %% %s)::int AS due) m""",
            [TODAY, per_task, FIRST_DUE, DAYS],
        )
        cur.execute("ANALYZE")
    print(
        f"generated {tasks:,} tasks and {Milestone.objects.count():,} milestones in {time.perf_counter() - started:.1f} s"
    )


def explain_scan(day: date, *, full: bool) -> None:
    from notifications.models import ReminderRule
    from notifications.services.candidates import milestone_queries

    rules = list(ReminderRule.objects.filter(is_active=True, subject_type="milestone"))
    ledger = "populated ledger" if full else "empty ledger"
    print(f"\n== scan queries on {day}, {ledger} (EXPLAIN ANALYZE) ==")
    ok = True
    for rule, qs in milestone_queries(rules, day):
        qs = qs.values_list("pk", "due_date", "task_id", "area_id", "document_id")
        plan = qs.explain(analyze=True, buffers=True)
        started = time.perf_counter()
        rows = len(list(qs))
        took = (time.perf_counter() - started) * 1000
        uses_index = "milestone_open_due_idx" in plan
        seq = "Seq Scan on policy_tasks_milestone" in plan
        ok &= uses_index and not seq
        print(f"\n-- rule {rule.code}: {rows} rows, {took:.1f} ms, index={uses_index}, seq_scan={seq}")
        if full:
            print(plan)
    print(f"\nall scan queries use milestone_open_due_idx without a sequential scan: {ok}")


def explain_fanout(day: date) -> None:
    """EXPLAIN ANALYZE the fan-out inserts (one per milestone rule with candidates), rolled back."""
    from django.db import connection, transaction

    from notifications.models import ReminderRule
    from notifications.services.recipients import RecipientIndex
    from notifications.services.scan import first_attempts
    from notifications.services.scan_sql import audience, milestones_found, raw_cursor, statements
    from notifications.services.timing import as_of

    now = as_of(day)
    index = RecipientIndex.load()
    found = milestones_found(list(ReminderRule.objects.filter(is_active=True, subject_type="milestone")), day)
    print(f"\n== fan-out inserts on {day} (EXPLAIN ANALYZE, rolled back) ==")
    with transaction.atomic(), raw_cursor() as cursor:
        for rule, sql, params in statements(found, audience(index, first_attempts(index, now)), now):
            started = time.perf_counter()
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
            took = (time.perf_counter() - started) * 1000
            plan = "\n".join(row[0] for row in cursor.fetchall())
            inserted = plan.split("Tuples Inserted: ", 1)[1].split()[0]
            seq = sorted(
                {line.split("Seq Scan on ")[1].split()[0] for line in plan.splitlines() if "Seq Scan on" in line}
            )
            jit = "JIT:" in plan
            print(
                f"-- rule {rule.code}: {len(params['ids']):,} subjects, {int(inserted):,} rows, {took:.0f} ms, "
                f"seq_scans={seq or 'none'}, jit={jit}"
            )
        transaction.set_rollback(True)
    with connection.cursor() as cur:
        # The rolled-back inserts left dead rows; later ticks are timed on a clean ledger.
        cur.execute("VACUUM ANALYZE notifications_delivery")


def tick(label: str, day: date, *, runs: int = 1, vacuum: bool = False) -> None:
    """Time a scan tick. With `vacuum` (a day's first tick) it starts from a vacuumed ledger,
    as autovacuum leaves it overnight, instead of racing autovacuum over the previous
    tick's inserts. With runs > 1 the tick is undone (its rows deleted) and run again, so a
    noisy machine gives a range rather than one sample; the last run's rows stay."""
    from django.db import connection

    from notifications.models import Delivery
    from notifications.services.scan import scan
    from notifications.services.timing import as_of

    timings = []
    for attempt in range(runs):
        last = Delivery.objects.order_by("-id").values_list("id", flat=True).first() or 0
        if vacuum:
            with connection.cursor() as cur:
                cur.execute("VACUUM ANALYZE notifications_delivery")
        started = time.perf_counter()
        result = scan(now=as_of(day))
        timings.append((time.perf_counter() - started) * 1000)
        inserted = Delivery.objects.filter(id__gt=last).count()
        if attempt < runs - 1:
            with connection.cursor() as cur:
                cur.execute("DELETE FROM notifications_delivery WHERE id > %s", [last])
    spread = f"  (runs: {', '.join(f'{t:.0f}' for t in timings)} ms)" if runs > 1 else ""
    print(
        f"{label:<38} {day}  {sorted(timings)[len(timings) // 2]:8.0f} ms  subjects {result.subjects:>6,}  "
        f"inserted {inserted:>7,} ({result.inserted:,} by rowcount){spread}"
    )


def check_paths(day: date) -> None:
    """The set-based tick inserts exactly the rows the Python path (a dry run) plans."""
    from notifications.models import Delivery
    from notifications.services.scan import scan
    from notifications.services.timing import as_of

    columns = ("subject_type", "subject_id", "subject_ref", "task_id", "rule_id", "due_date", "occurrence")
    columns += ("fire_date", "recipient_id", "channel", "next_attempt_at")
    started = time.perf_counter()
    dry = scan(now=as_of(day), dry_run=True)
    took = time.perf_counter() - started
    expected = {
        (
            c.subject_type,
            c.subject_id,
            c.subject_ref,
            c.task_id,
            c.rule.pk,
            c.due_date,
            c.occurrence,
            c.fire_date,
            *rest,
        )
        for p in dry.planned
        for c, rest in [(p.candidate, (p.recipient_id, p.channel, p.next_attempt_at))]
    }
    last = Delivery.objects.order_by("-id").values_list("id", flat=True).first() or 0
    scan(now=as_of(day))
    got = set(Delivery.objects.filter(id__gt=last).values_list(*columns))
    print(
        f"{day}: Python path plans {len(expected):,} rows in {took:.1f} s; SQL path inserted the same: {got == expected}"
    )


def throughput(count: int) -> None:
    from aiosmtpd.controller import Controller
    from django.conf import settings

    from notifications.models import Delivery
    from notifications.services.sender import send_batch
    from notifications.services.timing import as_of

    received = []

    class Sink:
        async def handle_DATA(self, server, session, envelope):
            received.append(len(envelope.content))
            return "250 OK"

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    controller = Controller(Sink(), hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.NOTIFY_BATCH_SIZE = 50
    # Only e-mail, so the figure is SMTP deliveries; the rest stay pending.
    keep = list(
        Delivery.objects.filter(status="pending", channel="email")
        .order_by("next_attempt_at", "id")
        .values_list("pk", flat=True)[:count]
    )
    Delivery.objects.filter(status="pending").exclude(pk__in=keep).update(status="cancelled")
    now = as_of(TODAY).replace(hour=10)
    started = time.perf_counter()
    sent = 0
    while True:
        claimed, result = send_batch(now=now)
        sent += result.sent
        if not claimed:
            break
    took = time.perf_counter() - started
    controller.stop()
    print("\n== delivery throughput (one sender loop, SMTP to local aiosmtpd) ==")
    print(f"{sent:,} e-mails in {took:.1f} s = {sent / took:.0f} per second ({len(received):,} received by the server)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--milestones", type=int, default=1_000_000)
    parser.add_argument("--send", type=int, default=3000, help="e-mails to deliver for the throughput figure")
    parser.add_argument("--reset", action="store_true", help="regenerate the data even if present")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each first tick (median printed)")
    parser.add_argument("--check-paths", action="store_true", help="compare the SQL and Python scan paths' rows")
    args = parser.parse_args()
    ensure_database()
    setup_django()
    generate(args.milestones, args.reset)
    from django.db import connection

    from notifications.models import Delivery
    from policy_tasks.models import Milestone

    with connection.cursor() as cur:
        cur.execute("TRUNCATE notifications_deliveryattempt, notifications_inboxmessage, notifications_delivery")
    print(
        f"open milestones: {Milestone.objects.exclude(status='closed').count():,}; "
        f"open and overdue on {TODAY}: {Milestone.objects.exclude(status='closed').filter(due_date__lt=TODAY).count():,}"
    )
    explain_scan(TODAY, full=False)
    explain_fanout(TODAY)
    with connection.cursor() as cur:
        # A truly empty ledger again for the catch-up tick.
        cur.execute("TRUNCATE notifications_deliveryattempt, notifications_inboxmessage, notifications_delivery")
    print("\n== scan ticks ==")
    tick("first tick, empty ledger (catch-up)", TODAY, runs=args.runs, vacuum=True)
    tick("repeated tick, same day", TODAY)
    # The full scan tick: a working day's first tick does that day's work.
    tick("next working day's first tick (full)", date(2025, 6, 17), runs=args.runs, vacuum=True)
    tick("repeated tick, same day", date(2025, 6, 17))
    print(f"ledger rows: {Delivery.objects.count():,}")
    explain_scan(date(2025, 6, 17), full=True)
    explain_fanout(date(2025, 6, 18))
    if args.check_paths:
        print("\n== both scan paths, same data ==")
        with connection.cursor() as cur:
            cur.execute("TRUNCATE notifications_deliveryattempt, notifications_inboxmessage, notifications_delivery")
        for day in (TODAY, date(2025, 6, 17), date(2025, 6, 18)):
            check_paths(day)
    throughput(args.send)


if __name__ == "__main__":
    main()
