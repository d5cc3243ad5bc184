"""API latency over real HTTP (issue 18: each list within 2× its bare SQL, for every role and size).

    .venv/bin/python bench/api_bench.py [--tasks 10000 100000] [--requests 1000] [--port 8765]
                                        [--workers 2] [--profile]

For each size in --tasks, a PostgreSQL database of its own (bench/api_bench_data.py: the
DATABASE_URL's name, default `duban_apibench`, with `_10k`, `_100k` appended; created,
migrated and filled on first use, reused afterwards) and a run in a fresh process of this
script. Each run starts gunicorn on 127.0.0.1:<port> with the production configuration and
times, for each reader (supervisor, scoped supervisor, clerk) and each list (a page of 50
of the task list, and of the overdue ledger but for the clerk, who may not read it), --requests GETs over HTTP with the reader's
token, each followed by one run of the bare SQL statement that returns the same rows and
columns for that reader ("between": both at the same moments of the machine). Then the
statement alone, back to back ("loop": its most favourable figure). Then the same requests
in-process (Django's test client, same settings) split into time in SQL and in Python.

A case whose warm-up shows it cannot do --requests pairs in CASE_SECONDS does fewer (at least
MIN_REQUESTS; the line says how many). Prints p50/p95 per reader and list, and the request's
ratio to each baseline at p50 and p95, then the stack's floor (the health probe, and a list
asked for without a token: what every request pays before a list does any work);
exits 1 when any ratio is above 2 (TARGET_RATIO). --profile adds cProfile's top functions.
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
from datetime import date
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))
sys.path.insert(0, str(BASE / "bench"))

from api_bench_data import ROLES, SERVER_ENV, database_for, fill, readers, scopes_of, setup  # noqa: E402
from bench_data import ensure_database  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/duban_apibench"
LEDGER_ON = "2023-12-01"
TARGET_RATIO = 2.0
CASE_SECONDS, MIN_REQUESTS = 120.0, 100  # a case's time budget for its pairs; never fewer pairs

# Which tasks each reader sees, written by hand for the bare statements: none for the unscoped
# supervisor; a scope's document and areas, or a task unit the reader is a member of.
_MEMBER = (
    "EXISTS (SELECT 1 FROM policy_tasks_taskunit tu JOIN accounts_membership mb ON mb.unit_id = tu.unit_id"
    " WHERE tu.task_id = t.id AND mb.user_id = %(user)s)"
)
VISIBLE = {
    "supervisor": "true",
    "scoped supervisor": f"((t.document_id = %(document)s AND t.area_id = ANY(%(areas)s)) OR {_MEMBER})",
    "clerk": _MEMBER,
}
# The rows the endpoint sends, in one hand-written statement each: the page of 50 plus the row
# that tells the paginator there is a next page, with every column a row shows or its light needs.
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
 WHERE {visible}
 ORDER BY t.id LIMIT 51
"""
BARE_LEDGER = """
SELECT m.id, m.document_id, m.text, m.kind, m.due_date, m.original_due_date, m.status, m.delay_count, m.version,
       t.id, t.number, t.title, t.area_id, t.status,
       (SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'short_name', u.short_name,
                                          'role', tu.role, 'position', tu.position) ORDER BY tu.position)
          FROM policy_tasks_taskunit tu JOIN accounts_unit u ON u.id = tu.unit_id WHERE tu.task_id = t.id) AS units
  FROM policy_tasks_milestone m JOIN policy_tasks_task t ON t.id = m.task_id
 WHERE m.due_date < %(on)s AND m.status IN ('open', 'requested') AND {visible}
 ORDER BY m.due_date, m.id LIMIT 51
"""


def _percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def _time_pairs(port: int, path: str, token: str, sql: str, params: dict, n: int) -> tuple[list, list, dict, list]:
    """n GETs of `path` over HTTP and n runs of its bare statement, alternating, so that both
    see the same moments of the machine (other tenants' load comes and goes within a run).
    Each GET opens a fresh connection: gunicorn's sync worker closes every one."""
    from django.db import connection

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Host": "127.0.0.1"}
    http_samples, sql_samples = [], []
    warm_up_started = time.perf_counter()
    with connection.cursor() as cursor:
        i = 0
        while i < n + 20:
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
            elif i == 9:
                warm_up_started = time.perf_counter()  # the first rounds also load the workers
            elif i == 19:
                # A slow case (hundreds of ms a statement) gets fewer pairs: CASE_SECONDS at most.
                per_pair = (time.perf_counter() - warm_up_started) / 10
                n = min(n, max(MIN_REQUESTS, int(CASE_SECONDS / per_pair)))
            i += 1
    conn.close()
    return http_samples, sql_samples, json.loads(body), rows


def _time_sql_loop(sql: str, params: dict, n: int) -> list[float]:
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


def _floors(port: int, n: int) -> list[tuple[str, float, float]]:
    """What the stack costs before a list does any work, over HTTP as the requests above: the
    health probe (answered by the second middleware: gunicorn, the socket and WSGI), and a list
    asked for without a token (every middleware, URL routing and DRF's authentication, answered
    401 with no statement run)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    found = []
    for name, path in (("health probe", "/healthz"), ("list without a token (401)", "/api/v1/tasks/?page_size=50")):
        samples = []
        for i in range(n + 20):
            started = time.perf_counter()
            conn.request("GET", path, headers={"Host": "127.0.0.1"})
            conn.getresponse().read()
            if i >= 20:
                samples.append((time.perf_counter() - started) * 1000)
        found.append((name, *_percentiles(samples)))
    conn.close()
    return found


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


def _cases(role: str, user_id: int) -> list[tuple[str, str, str, dict]]:
    """(list, path, bare statement, its parameters) for one reader."""
    params: dict = {"user": user_id, "on": date.fromisoformat(LEDGER_ON)}
    if role == "scoped supervisor":
        params["document"], params["areas"] = scopes_of(user_id)
    visible = VISIBLE[role]
    cases = [("tasks", "/api/v1/tasks/?page_size=50", BARE_TASKS.format(visible=visible), params)]
    if role != "clerk":  # the ledger is the supervisors' (and leaders'): a clerk gets 403
        ledger = f"/api/v1/ledger/overdue/?page_size=50&on={LEDGER_ON}"
        cases.append(("ledger", ledger, BARE_LEDGER.format(visible=visible), params))
    return cases


def _run_size(args, url: str) -> int:
    """One size, in this process: fill or reuse its database, time every reader and list."""
    ensure_database(url)
    setup(url)
    fill(args.tasks[0])
    tokens = readers()
    load_before = ", ".join(f"{x:.2f}" for x in os.getloadavg())

    env = dict(os.environ, DATABASE_URL=url, **SERVER_ENV)
    # The production configuration (docs/operations.md), with this bench's address and workers.
    # gunicorn of the environment running this bench.
    gunicorn = [str(Path(sys.executable).parent / "gunicorn"), "-c", str(BASE / "duban" / "gunicorn_config.py")]
    gunicorn += ["duban.wsgi", "-b", f"127.0.0.1:{args.port}"]
    gunicorn += ["-w", str(args.workers), "--log-level", "warning"]
    proc = subprocess.Popen(gunicorn, cwd=BASE, env=env)
    missed, split = [], []
    try:
        _wait_for(args.port, proc)
        print(
            f"\n{args.tasks[0]:,} tasks ({url.rsplit('/', 1)[1]}), {args.requests} requests per case; p50 / p95 in ms"
        )
        head = ("HTTP", "SQL between", "×", "SQL loop", "×")
        print(f"{'reader, list':<26}" + "".join(f"{h:>16}" for h in head))
        for role in ROLES:
            token, user_id = tokens[role]
            for name, path, sql, params in _cases(role, user_id):
                http_samples, between, page, rows = _time_pairs(args.port, path, token, sql, params, args.requests)
                # The bare statement must return the rows the endpoint sent, in its order.
                assert [row[0] for row in rows[:50]] == [item["id"] for item in page["results"]], (role, name)
                loop = _time_sql_loop(sql, params, len(between))
                http_p = _percentiles(http_samples)
                cells = [f"{http_p[0]:6.2f} /{http_p[1]:6.2f}"]
                for label, samples in (("between", between), ("loop", loop)):
                    sql_p = _percentiles(samples)
                    ratios = (http_p[0] / sql_p[0], http_p[1] / sql_p[1])
                    cells += [f"{sql_p[0]:6.2f} /{sql_p[1]:6.2f}", f"{ratios[0]:6.2f} /{ratios[1]:5.2f}"]
                    for at, ratio in zip(("p50", "p95"), ratios, strict=True):
                        if ratio > TARGET_RATIO:
                            missed.append(f"{role}, {name}: {ratio:.2f}× the SQL {label} at {at}")
                note = "" if len(between) == args.requests else f"  ({len(between)} requests)"
                print(f"{role + ', ' + name:<26}" + "".join(f"{c:>16}" for c in cells) + note, flush=True)
                runs = max(30, len(between) // 3)
                split.append((f"{role}, {name}", http_p[0], *_in_process(path, token, runs, args.profile)))
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(
            f"target: ≤ {TARGET_RATIO:.0f}× the bare SQL at p50 and p95, against both baselines; {args.workers} gunicorn workers"
        )
        print(f"machine: {os.cpu_count()} cores, load average {load_before} before, {load} after")
        print("where a request's time goes (p50, in-process through Django's test client):")
        for name, http_p50, total, in_sql, queries in split:
            print(
                f"  {name:<26}{total:5.2f} ms in Django: {in_sql:4.2f} ms in {queries} SQL statements, "
                f"{total - in_sql:4.2f} ms Python; gunicorn and HTTP add {http_p50 - total:4.2f} ms"
            )
        print("the stack's floor over HTTP, before any list's work (p50 / p95):")
        for name, p50, p95 in _floors(args.port, args.requests):
            print(f"  {name:<40}{p50:6.2f} / {p95:6.2f} ms")
        for line in missed:
            print(f"MISSED: {line}")
        return 1 if missed else 0
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--profile", action="store_true", help="print cProfile's top functions per case")
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    if len(args.tasks) == 1:
        return _run_size(args, database_for(url, args.tasks[0]))
    # One process per size: Django is set up once per process, for one database.
    status = 0
    for n in args.tasks:
        command = [sys.executable, __file__, "--tasks", str(n), "--requests", str(args.requests)]
        command += ["--port", str(args.port), "--workers", str(args.workers)] + (["--profile"] if args.profile else [])
        status |= subprocess.run(command, env=dict(os.environ, DATABASE_URL=url)).returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
