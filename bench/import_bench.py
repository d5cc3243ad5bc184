"""The seed import as `manage.py import_policy` runs it: each run in a fresh process (issue 18:
work < 0.2 s, statements constant in the number of clauses).

    .venv/bin/python bench/import_bench.py [--database-url URL] [--runs 5]

The database (PostgreSQL `duban_importbench` by default, created and migrated on first use,
reused afterwards) is emptied before each first import. Each run starts a new Python process,
which sets Django up and loads the command (start-up), empties the database (timed, not
counted), opens its connection (timed apart), then runs the command's work on the seed file: read,
parse, write, in one transaction (work), counting its statements. A second process imports
the same file again (no change). Prints the median and range of each part; start-up is also
the process's wall time as the parent saw it, less emptying, connecting and the work. Exits 1 when the
median work of the first import reaches TARGET_SECONDS.

The processes run with DEBUG off, as production does (a throwaway SECRET_KEY and ALLOWED_HOSTS
are supplied when the environment has none): with DEBUG on, Django's debug cursor formats every
statement with its parameters into a log, which cost the seed's first import ~7 ms, mostly on
the 90 KB insert of the document's version. Statements are counted with an execute wrapper,
which formats nothing; BEGIN and COMMIT do not pass through it and are added to the count, so it
matches tests/imports/test_import_statements.py's (CaptureQueriesContext).

The processes keep Python's bytecode cache, as a deployed process does (the image or the first run
writes it): a machine that sets PYTHONDONTWRITEBYTECODE, as some of this kind do, would have every
process compile every module from source again (~80 ms of the parser's load alone), a cost no
server pays, so the variable is left out of the children's environment.

Start-up ends with a full garbage collection (gc.collect), as the web process's does
(duban/gunicorn_config.py collects and freezes the start-up heap in each worker before its first
request). Importing Django and the apps leaves ~300,000 objects; the interpreter's first full
collection walks all of them (~55 ms here) at a moment set by how many objects were allocated
since, which was sometimes before the work and sometimes inside the parse (the same parse took
57 ms or 113 ms). It is a cost of start-up, so it is counted there.

Two figures are printed for information, not judged: the part of the work that reads and parses
the file (services.import_read.read_upload), and the same first import run again in the same
process after emptying the database once more: what the work costs once the process has paid
its first uses (regular expressions compiled, the working-day index built, Django's and
psycopg's per-model and per-type caches filled), as in a long-running server.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import time
from io import StringIO
from pathlib import Path

STARTED = time.perf_counter()  # as early as this process can read a clock
ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "fixtures" / "kecheng-2023-16.txt"
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/duban_importbench"
TARGET_SECONDS = 0.2


def _child(flush: bool) -> None:
    """One import in this fresh process; prints its timings as one JSON line."""
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.settings")
    import django

    django.setup()
    from django.core.management import call_command, load_command_class
    from django.db import connection

    from policy_tasks.services import imports

    command = load_command_class("policy_tasks", "import_policy")  # what manage.py loads before handle()
    gc.collect()  # the start-up heap's full collection, counted in start-up (see the docstring)
    setup = time.perf_counter() - STARTED
    parse = _timed(imports, "read_upload")
    statements = [0]

    def count(execute, sql, params, many, context):
        statements[0] += 1
        return execute(sql, params, many, context)

    def empty() -> float:
        started = time.perf_counter()
        call_command("flush", interactive=False, verbosity=0)
        connection.close()
        return time.perf_counter() - started

    def work() -> float:
        parse.clear()
        statements[0] = 0
        with connection.execute_wrapper(count):
            started = time.perf_counter()
            call_command(command, str(SEED), stdout=StringIO())
            return time.perf_counter() - started

    emptied = empty() if flush else 0.0
    started = time.perf_counter()
    connection.ensure_connection()
    connect = time.perf_counter() - started
    figures = {"setup": setup, "emptied": emptied, "connect": connect, "work": work()}
    figures.update(parse=sum(parse), statements=statements[0] + TRANSACTION_CONTROL[flush])
    if flush:
        started = time.perf_counter()
        empty()
        connection.ensure_connection()
        figures["warm"] = work()
        figures["after"] = time.perf_counter() - started  # not start-up: taken off the process's wall
    print(json.dumps(figures))


# BEGIN and COMMIT of the import's transaction, which an execute wrapper does not see; the
# import that finds no change runs outside any transaction.
TRANSACTION_CONTROL = {True: 2, False: 0}


def _timed(module, name: str) -> list[float]:
    """Wrap module.name so that each call's duration is appended to the list returned."""
    spent: list[float] = []
    function = getattr(module, name)

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)

    setattr(module, name, timed)
    return spent


def _run(url: str, flush: bool) -> dict:
    env = dict(os.environ, DATABASE_URL=url, DJANGO_SETTINGS_MODULE="duban.settings", DEBUG="false")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # see the module docstring: bytecode cached, as deployed
    env.setdefault("SECRET_KEY", "import-bench-only")
    env.setdefault("ALLOWED_HOSTS", "localhost")
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, __file__, "--child", "flush" if flush else "again"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    wall = time.perf_counter() - started
    figures = json.loads(out.strip().splitlines()[-1])
    figures["wall"] = wall
    return figures


def _prepare(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    with psycopg.connect(url.rsplit("/", 1)[0] + "/postgres", autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
    env = dict(os.environ, DATABASE_URL=url)
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "migrate", "-v0"], env=env, check=True, cwd=ROOT)


def _line(label: str, values: list[float]) -> str:
    ms = sorted(v * 1000 for v in values)
    return f"  {label:<50}{statistics.median(ms):7.0f} ms  ({ms[0]:.0f}–{ms[-1]:.0f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL") or DEFAULT_URL)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--child", choices=["flush", "again"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(flush=args.child == "flush")
        return 0
    _prepare(args.database_url)
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    first, again = [], []
    for _ in range(args.runs):
        first.append(_run(args.database_url, flush=True))
        again.append(_run(args.database_url, flush=False))
    print(f"seed import ({SEED.name}, 55 clauses) by import_policy, {args.runs} fresh processes each")
    print(f"database: {args.database_url.rsplit('/', 1)[1]}; machine: {os.cpu_count()} cores, load average {load}")
    print("DEBUG off, as production (no statement log); start-up ends with a full gc.collect()")
    for label, runs in (("first import", first), ("again, no change", again)):
        print(f"{label}:")
        print(_line("interpreter and Django start-up, command loaded", [r["setup"] for r in runs]))
        # The parent's view: everything the process took but emptying, connecting and the work
        # (and, in a first import's process, the second import run for information).
        rest = [r["wall"] - r["emptied"] - r["connect"] - r["work"] - r.get("after", 0) for r in runs]
        print(_line("start-up and exit, as the parent timed the process", rest))
        print(_line("database connection", [r["connect"] for r in runs]))
        print(_line("work (read, parse, write, commit)", [r["work"] for r in runs]))
        print(_line("  of which reading and parsing the file", [r["parse"] for r in runs]))
        print(f"  {'statements of the work':<50}{' / '.join(sorted({str(r['statements']) for r in runs}))}")
    print("for information, not judged:")
    print(_line("warm: first import again in the same process", [r["warm"] for r in first]))
    work = statistics.median(r["work"] for r in first)
    verdict = "met" if work < TARGET_SECONDS else "MISSED"
    print(f"target: work < {TARGET_SECONDS * 1000:.0f} ms: {verdict} ({work * 1000:.0f} ms)")
    return 0 if work < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
