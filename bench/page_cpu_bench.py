"""CPU time of a page per request, Python and PostgreSQL apart: an A/B measure for a loaded machine.

    PGOPTIONS="-c max_parallel_workers_per_gather=0" BENCH_DATABASE_URL=… \
        .venv/bin/python bench/page_cpu_bench.py [--runs 10] /supervision/:supervisor /dashboard/:admin

On the data `bench/page_bench.py` filled (run it first). Wall time counts the time a process
waits for a core; on the shared 2-core machine other work made the same page 1.5–2× slower
from one run to the next (issue 18). CPU time is what the request itself costs: this process's
`process_time` and its PostgreSQL backend's utime + stime (/proc, clock ticks: the mean of
`--runs` requests after a warm-up). Garbage is collected as the web process collects it
(duban/gc_policy.py). Work a parallel worker does is not in the backend's time: turn parallel
query off (PGOPTIONS above) to count it all.
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


def _backend_ms(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", nargs="+", help="PATH:ROLE (supervisor, leader, admin, clerk)")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    _setup(os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL))
    from django.db import connection
    from django.test import Client

    from duban import gc_policy
    from policy_tasks.models import PolicyDocument

    doc = PolicyDocument.objects.get(doc_number=DOC_NUMBER)
    actors = _actors()
    gc_policy.worker_started()
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid(), current_setting('max_parallel_workers_per_gather')")
        pid, parallel = cursor.fetchone()
    print(f"PostgreSQL backend {pid} on this machine, max_parallel_workers_per_gather = {parallel}")
    for spec in args.pages:
        path, role = spec.rsplit(":", 1)
        client = Client()
        client.force_login(actors[role])
        sep = "&" if "?" in path else "?"
        full = f"{path}{sep}document={doc.pk}&as_of={AS_OF.isoformat()}"
        client.get(full)  # warm-up
        gc_policy.request_finished()
        python, database = time.process_time(), _backend_ms(pid)
        for _ in range(args.runs):
            client.get(full)
            gc_policy.request_finished()
        python = (time.process_time() - python) * 1000 / args.runs
        database = (_backend_ms(pid) - database) / args.runs
        print(
            f"{path:<36} {role:<11} python {python:6.0f}  postgres {database:6.0f}  total {python + database:6.0f} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
