"""API latency over real HTTP (issue 5: p95 < 50 ms, and within 3× of the bare SQL).

    .venv/bin/python bench/api_bench.py [--tasks 10000] [--requests 1000] [--port 8765] [--workers 2] [--profile]

Creates (or reuses) the PostgreSQL database `duban_apibench` (DATABASE_URL to choose
another), migrates it, fills it with --tasks tasks of three milestones and three
progress reports each (bulk), starts gunicorn on 127.0.0.1:<port> against it and
times, over HTTP with a token, a page of 50 of the task list and of the overdue
ledger, alternating each request with a run of the bare SQL statement that returns
the same rows and columns (see BARE_TASKS, BARE_LEDGER). Then the same requests in-process (Django's test client,
same settings) split into time in SQL and time in Python. Prints p50/p95 per case;
exits 1 when a target is missed. --profile adds cProfile's top functions per case.
"""

from __future__ import annotations

import argparse
import cProfile
import http.client
import json
import os
import pstats
import statistics
import subprocess
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/duban_apibench"
DOC_NUMBER = "接口基准〔2023〕1号"
LEDGER_ON = "2023-12-01"
TARGET_P95_MS = 50.0

# The rows the endpoint sends, in one hand-written statement each, for the bench's unscoped
# supervisor (who sees every task, so no visibility filter): the page of 50 plus the row that
# tells the paginator there is a next page, with every column a row shows or its light needs.
BARE_TASKS = """
SELECT t.id, t.document_id, t.area_id, t.number, t.title, t.status, t.closed_at, t.version,
       (SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'short_name', u.short_name,
                                          'role', tu.role, 'position', tu.position) ORDER BY tu.position)
          FROM policy_tasks_taskunit tu JOIN accounts_unit u ON u.id = tu.unit_id WHERE tu.task_id = t.id) AS units,
       (SELECT json_agg(json_build_object('status', m.status, 'due_date', m.due_date))
          FROM policy_tasks_milestone m WHERE m.task_id = t.id) AS milestones,
       d.issued_on, d.year, d.yellow_workdays, d.behind_schedule_points,
       latest.percent, latest.submitted_at
  FROM policy_tasks_task t
  JOIN policy_tasks_policydocument d ON d.id = t.document_id
  LEFT JOIN LATERAL (
       SELECT r.percent, r.submitted_at FROM policy_tasks_progressreport r
         JOIN policy_tasks_reportperiod p ON p.id = r.period_id
        WHERE r.task_id = t.id AND r.is_lead ORDER BY p.starts_on DESC, r.submitted_at DESC, r.id DESC LIMIT 1
  ) latest ON true
 ORDER BY t.id LIMIT 51
"""
BARE_LEDGER = """
SELECT m.id, m.document_id, m.text, m.kind, m.due_date, m.original_due_date, m.status, m.delay_count, m.version,
       t.id, t.number, t.title, t.area_id, t.status,
       (SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'short_name', u.short_name,
                                          'role', tu.role, 'position', tu.position) ORDER BY tu.position)
          FROM policy_tasks_taskunit tu JOIN accounts_unit u ON u.id = tu.unit_id WHERE tu.task_id = t.id) AS units
  FROM policy_tasks_milestone m JOIN policy_tasks_task t ON t.id = m.task_id
 WHERE m.due_date < %s AND m.status <> 'closed'
 ORDER BY m.due_date, m.id LIMIT 51
"""
# What gunicorn and the in-process runs both see: production settings, local addresses.
SERVER_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "api-bench-only-" + "x" * 40,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "LOG_LEVEL": "WARNING",
}


def _ensure_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def _setup(url: str) -> None:
    os.environ.update(SERVER_ENV, DATABASE_URL=url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def _fill(n_tasks: int) -> None:
    from django.utils import timezone

    from accounts.models import Unit, User
    from policy_tasks.models import Area, Milestone, PolicyDocument, ProgressReport, ReportPeriod, Task, TaskUnit

    if Task.objects.filter(document__doc_number=DOC_NUMBER).count() == n_tasks:
        print(f"reusing {n_tasks} tasks in {DOC_NUMBER}")
        return
    PolicyDocument.objects.filter(doc_number=DOC_NUMBER).delete()
    started = time.perf_counter()
    units = [Unit.objects.get_or_create(name=f"区接口基准局{i:02d}")[0] for i in range(40)]
    author = User.objects.get_or_create(username="apibench_clerk")[0]
    doc = PolicyDocument.objects.create(
        title="接口基准实施方案",
        doc_number=DOC_NUMBER,
        issued_on=date(2023, 2, 25),
        year=2023,
        default_due=date(2023, 12, 31),
        source_text="bench",
        sha256="0" * 64,
    )
    areas = Area.objects.bulk_create(Area(document=doc, number=i + 1, title=f"领域{i + 1}") for i in range(8))
    tasks = Task.objects.bulk_create(
        (
            Task(document=doc, area=areas[i % 8], number=i + 1, title=f"重点推进第{i + 1}项工程", text="条款" * 40)
            for i in range(n_tasks)
        ),
        batch_size=2000,
    )
    links = []
    for i, task in enumerate(tasks):
        links.append(TaskUnit(task=task, unit=units[i % 40], role="lead", position=0))
        links += [TaskUnit(task=task, unit=units[(i + k) % 40], role="co", position=k) for k in (1, 2)]
    TaskUnit.objects.bulk_create(links, batch_size=5000)
    closed_at = timezone.make_aware(datetime(2023, 6, 1, 10))
    milestones = []
    for i, task in enumerate(tasks):
        for k in range(3):
            due = date(2023, 1 + (i + 4 * k) % 12, 28)
            closed = (i + k) % 3 == 0
            milestones.append(
                Milestone(
                    document=doc,
                    task=task,
                    position=k,
                    text=f"{due.month}月底前完成第{k + 1}阶段",
                    kind="deadline",
                    due_date=due,
                    original_due_date=due,
                    status="closed" if closed else "open",
                    closed_at=closed_at if closed else None,
                )
            )
    Milestone.objects.bulk_create(milestones, batch_size=5000)
    periods = ReportPeriod.objects.bulk_create(
        ReportPeriod(document=doc, starts_on=date(2023, m, 1), ends_on=date(2023, m, 28), due_on=date(2023, m, 28))
        for m in range(3, 6)
    )
    submitted = timezone.make_aware(datetime(2023, 6, 1, 9))
    reports = [
        ProgressReport(
            task=task,
            unit=units[i % 40],
            period=period,
            author=author,
            progress="推进中",
            percent=10 * (n + 1),
            submitted_at=submitted + timedelta(days=n),
        )
        for i, task in enumerate(tasks)
        for n, period in enumerate(periods)
    ]
    ProgressReport.objects.bulk_create(reports, batch_size=5000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"filled {n_tasks} tasks, {len(milestones)} milestones, {len(reports)} reports in {time.perf_counter() - started:.1f} s"
    )


def _token() -> str:
    from knox.models import AuthToken

    from accounts.models import RoleGrant, User

    user = User.objects.get_or_create(username="apibench_supervisor")[0]
    RoleGrant.objects.get_or_create(user=user, role=RoleGrant.Role.SUPERVISOR, revoked_at=None)
    return AuthToken.objects.create(user=user)[1]


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _time_pairs(port: int, path: str, token: str, sql: str, params: list, n: int) -> tuple[list, list, dict, list]:
    """n GETs of `path` over HTTP and n runs of its bare statement, alternating, so that both
    see the same moments of the machine (other tenants' load comes and goes within a run).
    Each GET opens a fresh connection: gunicorn's sync worker closes every one."""
    from django.db import connection

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Host": "127.0.0.1"}
    http_samples, sql_samples = [], []
    with connection.cursor() as cursor:
        for i in range(n + 20):
            started = time.perf_counter()
            conn.request("GET", path, headers=headers)
            response = conn.getresponse()
            body = response.read()
            http_ms = (time.perf_counter() - started) * 1000
            if response.status != 200:
                raise SystemExit(f"GET {path} answered {response.status}: {body[:300]!r}")
            started = time.perf_counter()
            cursor.execute(sql, params)
            rows = cursor.fetchall()
            sql_ms = (time.perf_counter() - started) * 1000
            assert len(rows) == 51, len(rows)
            if i >= 20:  # the first rounds warm the worker's caches and prepare the statements
                http_samples.append(http_ms)
                sql_samples.append(sql_ms)
    conn.close()
    return http_samples, sql_samples, json.loads(body), rows


def _time_sql_loop(sql: str, params: list, n: int) -> list[float]:
    """The bare statement alone, n times in a row: the most favourable figure it can have."""
    from django.db import connection

    samples = []
    with connection.cursor() as cursor:
        for i in range(n + 20):
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            if i >= 20:
                samples.append((time.perf_counter() - started) * 1000)
    return samples


def _in_process(path: str, token: str, n: int, profile: bool) -> tuple[float, float, int]:
    """(p50 ms per request, p50 ms of it in SQL, queries per request) through Django's test
    client: the whole request cycle with the server's settings, minus gunicorn and sockets."""
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_AUTHORIZATION=f"Bearer {token}", HTTP_HOST="127.0.0.1")
    in_sql: list[float] = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            in_sql.append((time.perf_counter() - started) * 1000)

    totals, sql_totals, count = [], [], 0
    with connection.execute_wrapper(timed):
        for i in range(n + 20):
            in_sql.clear()
            started = time.perf_counter()
            assert client.get(path).status_code == 200
            if i >= 20:
                totals.append((time.perf_counter() - started) * 1000)
                sql_totals.append(sum(in_sql))
                count = len(in_sql)
    if profile:
        profiler = cProfile.Profile()
        profiler.runcall(lambda: [client.get(path) for _ in range(100)])
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(r"duban|policy_tasks|accounts|rest_framework", 30)
    return statistics.median(totals), statistics.median(sql_totals), count


def _wait_for(port: int, proc: subprocess.Popen) -> None:
    for _ in range(100):
        if proc.poll() is not None:
            raise SystemExit("gunicorn exited at start-up")
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/api/schema/")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("gunicorn did not answer")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions per case")
    args = parser.parse_args()

    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    _ensure_database(url)
    _setup(url)
    _fill(args.tasks)
    token = _token()
    load_before = ", ".join(f"{x:.1f}" for x in os.getloadavg())

    env = dict(os.environ, DATABASE_URL=url, **SERVER_ENV)
    # The production configuration (docs/operations.md), with this bench's address and workers.
    gunicorn = [str(BASE / ".venv" / "bin" / "gunicorn"), "-c", str(BASE / "duban" / "gunicorn_config.py")]
    gunicorn += ["duban.wsgi", "-b", f"127.0.0.1:{args.port}"]
    gunicorn += ["-w", str(args.workers), "--log-level", "warning"]
    proc = subprocess.Popen(gunicorn, cwd=BASE, env=env)
    try:
        _wait_for(args.port, proc)
        cases = [
            ("task list", "/api/v1/tasks/?page_size=50", BARE_TASKS, []),
            (
                "overdue ledger",
                f"/api/v1/ledger/overdue/?page_size=50&on={LEDGER_ON}",
                BARE_LEDGER,
                [date.fromisoformat(LEDGER_ON)],
            ),
        ]
        head = ("HTTP p50", "HTTP p95", "SQL p50", "SQL p95", "×p50", "×p95")
        print(f"{'page of 50':<24}" + "".join(f"{h:>10}" for h in head))
        missed, split = False, []
        for name, path, sql, params in cases:
            http_samples, sql_samples, page, rows = _time_pairs(args.port, path, token, sql, params, args.requests)
            # The bare statement must return the rows the endpoint sent, in its order.
            assert [row[0] for row in rows[:50]] == [item["id"] for item in page["results"]], name
            http_p50, http_p95 = _percentiles(http_samples)
            # Two baselines. "between": the statement run between the requests, so at the same
            # moments of the machine; the target is checked against it at p50 and p95. "in a loop":
            # the statement alone, back to back, with the warmest caches and no process hand-offs;
            # the target is checked against its p50, and its p95 ratio is printed for comparison
            # (a multi-process request's tail on this VM is ~1.4× its median, a hot loop's ~1.05×).
            loop = _time_sql_loop(sql, params, args.requests)
            for label, samples in (("SQL between", sql_samples), ("SQL in a loop", loop)):
                sql_p50, sql_p95 = _percentiles(samples)
                missed |= http_p95 > TARGET_P95_MS or http_p50 > 3 * sql_p50
                missed |= label == "SQL between" and http_p95 > 3 * sql_p95
                figures = f"{http_p50:>8.1f}ms{http_p95:>8.1f}ms{sql_p50:>8.2f}ms{sql_p95:>8.2f}ms"
                print(f"{name + ', ' + label:<24}{figures}{http_p50 / sql_p50:>9.1f}×{http_p95 / sql_p95:>9.1f}×")
            split.append((name, http_p50, *_in_process(path, token, args.requests, args.profile)))
        load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
        print(
            f"target: HTTP p95 < {TARGET_P95_MS:.0f} ms; ≤ 3× the bare SQL at p50 (both baselines) and at p95 "
            f"(run between the requests); {args.workers} gunicorn workers"
        )
        print(f"machine: {os.cpu_count()} cores, load average {load_before} before, {load} after")
        print("where a request's time goes (p50, in-process through Django's test client):")
        for name, http_p50, total, in_sql, queries in split:
            print(
                f"  {name:<16}{total:5.1f} ms in Django: {in_sql:4.1f} ms in {queries} SQL statements, "
                f"{total - in_sql:4.1f} ms Python; gunicorn and HTTP add {http_p50 - total:4.1f} ms"
            )
        return 1 if missed else 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


if __name__ == "__main__":
    sys.exit(main())
