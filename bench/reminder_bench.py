"""Reminder scan at scale, on PostgreSQL; exits 1 when a target is missed.

    .venv/bin/python bench/reminder_bench.py [--milestones 10000000] [--runs 3] [--reset]
                                             [--check-paths] [--send 3000] [--quiet-plans]

Uses its own database (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/duban_bench),
created and migrated if missing. Data (generate_series; 10 M milestones in ~4 minutes, reused
when the count matches, so the bench re-runs on the same database): 20 documents, one task
per 20 milestones (a lead and a co-unit each, 100 units with 2 clerks and 1 head), due dates
spread over 2023-2026. "Today" is 2025-06-16; of the milestones due before it 99% are closed
(销号), as in a live system; the rest and all later ones are open.

Prints the EXPLAIN ANALYZE of every milestone scan query (first page, as the SQL path runs
it) on the empty ledger, and on the populated one for a day with nothing left and a day with
work, each in full and as a day's tick reads it (only the due dates new since the last
complete tick, scan_window.py); the fan-out inserts' plans (rolled back); and the ticks,
each the median of `--runs`: the catch-up on an empty ledger (rows, batches, the largest
transaction, peak memory), a repeated tick with nothing changed, a repeated tick after a
recorded change (full queries), the next working day's first tick and the bare
INSERT … SELECT of the same rows. Each run but the last is undone before the next: its
ledger rows deleted and the scan's bookkeeping (ScanMark, ScanChange) put back.
`--check-paths` compares, on the same data, the rows the SQL path inserts (as the day's
tick, then in full) with the rows the Python path (a dry run) plans. `--send N` also times
N e-mails through one sender loop.

Exits 1 on a sequential scan of milestones or of a populated ledger in a scan query, on a
sequential scan of milestones or task units in a fan-out insert, when the tick that finds
nothing new takes 50 ms or more, when the day's first tick exceeds 1.3x its bare insert, when
the catch-up's largest transaction or memory is not bounded, or when the paths differ.
"""

from __future__ import annotations

import argparse
import socket
import sys
import threading
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
RSS_BOUND = 128 * 2**20  # a catch-up may not hold more than this in Python, whatever the backlog

# Run as a script from bench/: its siblings import as top-level modules.
from reminder_bench_data import BATCH, DAY_AFTER, NEXT_DAY, TODAY, ensure_database, generate, setup_django  # noqa: E402
from reminder_bench_plans import FAILURES, explain_fanout, explain_scan, fail  # noqa: E402


class RssSampler:
    """Peak resident memory of this process while a tick runs (sampled every 20 ms)."""

    def __init__(self) -> None:
        self.peak = self.start = self.rss()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def rss() -> int:
        with open("/proc/self/status") as status:
            return next(int(line.split()[1]) * 1024 for line in status if line.startswith("VmRSS:"))

    def _run(self) -> None:
        while not self._stop.wait(0.02):
            self.peak = max(self.peak, self.rss())

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.rss())


def scan_state() -> tuple[list[dict], list[dict]]:
    """The scan's own bookkeeping (ScanMark, ScanChange), so an undone tick can be undone fully."""
    from notifications.models import ScanChange, ScanMark

    return list(ScanMark.objects.values()), list(ScanChange.objects.values())


def undo(last: int, state: tuple[list[dict], list[dict]]) -> None:
    """Take the ledger rows after `last` away and put the scan's bookkeeping back as it was, so
    the next run starts where this one did (the delete's own change record included)."""
    from django.db import connection, transaction

    from notifications.models import ScanChange, ScanMark

    marks, changes = state
    with transaction.atomic():
        with connection.cursor() as cur:
            cur.execute("DELETE FROM notifications_delivery WHERE id > %s", [last])
        ScanChange.objects.all().delete()
        ScanMark.objects.all().delete()
        ScanChange.objects.bulk_create(ScanChange(**row) for row in changes)
        ScanMark.objects.bulk_create(ScanMark(**row) for row in marks)


def tick(label: str, day: date, *, runs: int = 1, vacuum: bool = False, force: bool = False) -> dict:
    """Time a scan tick; the median of `runs` (each run but the last undone before the next).

    `vacuum`: a day's first tick starts from a vacuumed ledger, as autovacuum leaves it
    overnight. `force`: a change is recorded first, so the tick runs its queries in full."""
    from django.db import connection

    from notifications.models import Delivery, ScanChange
    from notifications.services.scan import scan
    from notifications.services.timing import as_of

    timings, peaks = [], []
    for attempt in range(runs):
        last = Delivery.objects.order_by("-id").values_list("id", flat=True).first() or 0
        state = scan_state()
        if vacuum:
            with connection.cursor() as cur:
                cur.execute("VACUUM ANALYZE notifications_delivery")
        if force:
            ScanChange.objects.create(table="bench", at=as_of(day))
        with RssSampler() as memory:
            started = time.perf_counter()
            result = scan(now=as_of(day), batch_size=BATCH)
            timings.append((time.perf_counter() - started) * 1000)
        peaks.append(memory.peak - memory.start)
        inserted = Delivery.objects.filter(id__gt=last).count()
        if attempt < runs - 1:
            undo(last, state)
    median = sorted(timings)[len(timings) // 2]
    spread = f"  (runs: {', '.join(f'{t:.0f}' for t in timings)} ms)" if runs > 1 else ""
    how = "; queries skipped" if result.unchanged else f"; due dates after {result.since}" if result.since else ""
    print(
        f"{label:<44} {day}  {median:8.0f} ms  subjects {result.subjects:>7,}  inserted {inserted:>8,} "
        f"in {result.batches} batches (largest {result.largest_batch:,}); "
        f"RSS +{max(peaks) / 2**20:.0f} MB{how}{spread}"
    )
    return {
        "ms": median,
        "rows": inserted,
        "last": last,
        "state": state,
        "largest": result.largest_batch,
        "rss": max(peaks),
    }


def insert_floor(first_id: int) -> float:
    """The bare insert of the rows a tick just wrote (ids > first_id): the same rows into the same
    ledger, indexes and deferred foreign-key checks, from a scratch table in one statement and
    one transaction. The rows are left in place (new ids)."""
    from django.db import connection, transaction

    columns = (
        "subject_type, subject_id, subject_ref, task_id, rule_id, due_date, occurrence, fire_date, recipient_id, "
        "channel, status, attempts, next_attempt_at, lease_until, claim_token, provider_message_id, last_error, "
        "created_at, sent_at"
    )
    with connection.cursor() as cur:
        cur.execute("DROP TABLE IF EXISTS bench_floor")
        cur.execute(
            f"CREATE TABLE bench_floor AS SELECT {columns} FROM notifications_delivery WHERE id > %s ORDER BY id",
            [first_id],
        )
        cur.execute("DELETE FROM notifications_delivery WHERE id > %s", [first_id])
        cur.execute("VACUUM ANALYZE notifications_delivery")
        started = time.perf_counter()
        with transaction.atomic():
            cur.execute(f"INSERT INTO notifications_delivery ({columns}) SELECT {columns} FROM bench_floor")
        took = (time.perf_counter() - started) * 1000
        cur.execute("DROP TABLE bench_floor")
    return took


def day_against_floor(label: str, day: date, runs: int) -> dict:
    """A day's first tick and the bare insert of its rows, alternately, so both see the same
    machine load; each run but the last undone before the next. Ratios are per pair."""

    from notifications.services.scan import scan
    from notifications.services.timing import as_of

    ticks, floors = [], []
    for attempt in range(runs):
        result = tick(label, day, vacuum=True)
        ticks.append(result)
        floors.append(insert_floor(result["last"]))
        print(f"{'  bare INSERT … SELECT of the same rows':<44} {'':10}  {floors[-1]:8.0f} ms")
        if attempt < runs - 1:
            undo(result["last"], result["state"])
    scan(now=as_of(day))  # settles the floor's delete (a recorded change) before the repeated ticks
    ratios = sorted(t["ms"] / f for t, f in zip(ticks, floors, strict=True))
    median = dict(ticks[0])
    median["ms"] = sorted(t["ms"] for t in ticks)[runs // 2]
    median["floor"] = sorted(floors)[runs // 2]
    median["ratio"] = ratios[runs // 2]
    print(f"  ratios tick/floor per run: {', '.join(f'{r:.2f}' for r in ratios)}; median {median['ratio']:.2f}")
    return median


def check_paths(day: date) -> None:
    """The set-based tick inserts exactly the rows the Python path (a dry run) plans: the day's
    tick as it runs (only the due dates new since the last complete tick), then undone and run
    again with its queries in full."""
    from notifications.models import Delivery, ScanChange
    from notifications.services.scan import scan
    from notifications.services.scan_write import ROW_COLUMNS, row_values
    from notifications.services.timing import as_of

    started = time.perf_counter()
    dry = scan(now=as_of(day), dry_run=True)
    took = time.perf_counter() - started
    expected = {row_values(p) for p in dry.planned}
    print(f"{day}: Python path plans {len(expected):,} rows in {took:.1f} s")
    for attempt in ("as the day's tick", "in full"):
        last = Delivery.objects.order_by("-id").values_list("id", flat=True).first() or 0
        state = scan_state()
        if attempt == "in full":
            ScanChange.objects.create(table="bench", at=as_of(day))  # the full queries, not the window
        result = scan(now=as_of(day), batch_size=BATCH)
        got = set(Delivery.objects.filter(id__gt=last).values_list(*ROW_COLUMNS))
        same = got == expected
        how = f"due dates after {result.since}" if result.since else "queries in full"
        print(f"  SQL path {attempt} ({how}) inserted {len(got):,} rows, the same: {same}")
        if not same:
            fail(f"the two scan paths differ on {day}: {len(expected - got)} missing, {len(got - expected)} extra")
        if attempt != "in full":
            undo(last, state)


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
    parser.add_argument("--send", type=int, default=0, help="e-mails to deliver for the throughput figure (0: skip)")
    parser.add_argument("--reset", action="store_true", help="regenerate the data even if present")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each tick (median printed)")
    parser.add_argument("--check-paths", action="store_true", help="compare the SQL and Python scan paths' rows")
    parser.add_argument("--quiet-plans", action="store_true", help="print only each scan query's summary line")
    args = parser.parse_args()
    ensure_database()
    setup_django()
    generate(args.milestones, args.reset)
    from django.db import connection

    from notifications.models import Delivery, ScanChange, ScanMark
    from policy_tasks.models import Milestone

    with connection.cursor() as cur:
        # The visibility map lets the scan's index-only scans skip the heap (autovacuum's job live).
        cur.execute("VACUUM ANALYZE policy_tasks_milestone, policy_tasks_task, policy_tasks_taskunit")
        cur.execute("TRUNCATE notifications_deliveryattempt, notifications_inboxmessage, notifications_delivery")
    ScanChange.objects.all().delete()
    ScanMark.objects.all().delete()
    open_count = Milestone.objects.filter(status="open").count()
    overdue = Milestone.objects.filter(status="open", due_date__lt=TODAY).count()
    print(f"open milestones: {open_count:,}; open and overdue on {TODAY}: {overdue:,}")
    verbose = not args.quiet_plans
    explain_scan(TODAY, verbose=verbose)

    print(f"\n== scan ticks (median of {args.runs}; pages of {BATCH:,} subjects, one transaction each) ==")
    catch_up = tick("catch-up: first tick, empty ledger", TODAY, runs=args.runs, vacuum=True)
    quiet = tick("repeated tick, nothing changed", TODAY, runs=args.runs)
    tick("repeated tick after a change (full queries)", TODAY, runs=args.runs, force=True)
    day = day_against_floor("next working day's first tick (the day's work)", NEXT_DAY, args.runs)
    floor = day["floor"]
    tick("repeated tick, nothing changed", NEXT_DAY, runs=args.runs)
    tick("repeated tick after a change (full queries)", NEXT_DAY, runs=args.runs, force=True)
    print(f"ledger rows: {Delivery.objects.count():,}")
    explain_scan(NEXT_DAY, verbose=verbose)
    explain_scan(NEXT_DAY, verbose=verbose, since=TODAY)
    explain_scan(DAY_AFTER, verbose=verbose)
    explain_scan(DAY_AFTER, verbose=verbose, since=NEXT_DAY)
    explain_fanout(DAY_AFTER)
    if args.check_paths:
        print("\n== both scan paths, same data (the day after: Python dry run vs SQL path) ==")
        check_paths(DAY_AFTER)
    if args.send:
        throughput(args.send)

    ratio = day["ratio"]
    print("\n== targets ==")
    print(f"tick that finds nothing new: {quiet['ms']:.0f} ms (target < 50 ms)")
    print(
        f"day's first tick: {day['ms']:.0f} ms for {day['rows']:,} rows; bare insert {floor:.0f} ms; median ratio {ratio:.2f}x (target <= 1.3x)"
    )
    print(
        f"catch-up: {catch_up['rows']:,} rows in {catch_up['ms'] / 1000:.1f} s, largest transaction "
        f"{catch_up['largest']:,} rows, peak RSS growth {catch_up['rss'] / 2**20:.0f} MB "
        f"(the day's tick: {day['rss'] / 2**20:.0f} MB)"
    )
    if quiet["ms"] >= 50:
        fail(f"the tick that finds nothing new took {quiet['ms']:.0f} ms")
    if ratio > 1.3:
        fail(f"the day's first tick is {ratio:.2f}x its bare insert")
    if catch_up["largest"] > BATCH * 20 or catch_up["rss"] > RSS_BOUND:
        fail("the catch-up's transactions or memory grew with the backlog")
    print("all targets met" if not FAILURES else f"{len(FAILURES)} target(s) missed")
    sys.exit(1 if FAILURES else 0)


if __name__ == "__main__":
    main()
