"""Where one page's server time goes, statement by statement (issue 18).

    BENCH_DATABASE_URL=… .venv/bin/python bench/page_profile.py /dashboard/ supervisor [--explain]

On the data `bench/page_bench.py` filled (run it first): requests the page as the role (after a
warm-up), times every statement and prints them slowest first with the rest of the request
(Python, template); `--explain` adds each slow statement's `EXPLAIN (ANALYZE, BUFFERS)`.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

from page_bench import AS_OF, DEFAULT_URL, DOC_NUMBER, _actors, _setup  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path")
    parser.add_argument("role")
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--dump", default="", help="write the slow statements, parameters inlined, to DIR/N.sql")
    args = parser.parse_args()
    _setup(os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    from django.db import connection
    from django.test import Client

    from policy_tasks.models import PolicyDocument

    doc = PolicyDocument.objects.get(doc_number=DOC_NUMBER)
    client = Client()
    client.force_login(_actors()[args.role])
    sep = "&" if "?" in args.path else "?"
    full = f"{args.path}{sep}document={doc.pk}&as_of={AS_OF.isoformat()}"
    client.get(full)
    from duban import gc_policy

    gc_policy.worker_started()  # as the web process (and page_bench): no full collection mid-request
    timed: list[tuple[float, str, object]] = []

    def timer(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            timed.append(((time.perf_counter() - started) * 1000, sql, params))

    with connection.execute_wrapper(timer):
        started = time.perf_counter()
        response = client.get(full)
        total = (time.perf_counter() - started) * 1000
    in_sql = sum(t for t, _, _ in timed)
    print(f"{full} as {args.role}: {response.status_code}, {total:.0f} ms, {len(timed)} statements {in_sql:.0f} ms")
    print(f"outside SQL (Python, template): {total - in_sql:.0f} ms")
    for n, (ms, sql, params) in enumerate(sorted(timed, key=lambda t: -t[0])[: args.top]):
        print(f"\n--- {ms:.1f} ms: {sql[:300]}{'…' if len(sql) > 300 else ''}")
        if args.dump:
            import psycopg

            raw = connection.connection
            assert isinstance(raw, psycopg.Connection)
            Path(args.dump).mkdir(parents=True, exist_ok=True)
            Path(args.dump, f"{n}.sql").write_text(psycopg.ClientCursor(raw).mogrify(sql, params) + ";\n")
        if args.explain and ms > 5 and sql.lstrip().upper().startswith("SELECT"):
            with connection.cursor() as cursor:
                cursor.execute("SET plan_cache_mode = force_custom_plan")
                cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params)
                print("\n".join(row[0] for row in cursor.fetchall()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
