"""Server time and query count of every list page at province scale (issue 18).

    .venv/bin/python bench/page_bench.py [--tasks 10000] [--runs 3] [--rebuild]

Fills a PostgreSQL database (`duban_pagebench`, created and migrated if missing;
`BENCH_DATABASE_URL` to change) with one document of `--tasks` clauses, ten milestones
each (100,000 at 10,000 tasks), 50 units (one lead and two co-units per clause), monthly
reporting periods and lead reports for most of them, some closed and extended
milestones. The data is kept: a second run on the same database reuses it (`--rebuild`
starts over). Then it requests each page in process through Django's test client as
each role that sees it, with production settings, and prints the median server time
(the whole request: middleware, queries, template) and the query count of `--runs`
requests after one warm-up. Exits 1 when any page is over 300 ms.

Garbage is collected as the web process collects it (duban/gc_policy.py, what gunicorn's workers
run): the start-up heap frozen before the first request, a collection after each response rather
than inside it. `--inline-gc` leaves CPython's default collector on instead, as the bench did
before (issue 18: a full pass over the start-up heap inside one console request in two, 100–190 ms).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

BASE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(BASE))

# Run as a script from bench/: its siblings import as top-level modules.
from bench_data import document_with_clauses, ensure_database, setup_django  # noqa: E402

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/duban_pagebench"
DOC_NUMBER = "页面基准〔2023〕1号"
BUDGET_MS = 300.0
UNITS = 50
PER_TASK = 10
AS_OF = date(2023, 10, 16)
ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "page-bench-only-" + "x" * 40,
    "ALLOWED_HOSTS": "testserver",
    "SECURE_SSL_REDIRECT": "false",
    "SESSION_COOKIE_SECURE": "false",
    "CSRF_COOKIE_SECURE": "false",
    "LOG_LEVEL": "WARNING",
    # Sessions signed in by force_login have no second factor to show.
    "DUBAN_MFA_REQUIRED": "false",
}


def _setup(url: str) -> None:
    setup_django(url, ENV)
    from django.conf import settings

    # Production settings but no collectstatic: the plain storage names the same files.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


def _fill(n_tasks: int, rebuild: bool) -> None:
    from django.db import connection
    from django.utils import timezone

    from accounts.models import Unit, User
    from policy_tasks.models import Milestone, PolicyDocument, ProgressReport, ReportPeriod, Task
    from policy_tasks.services.lead_reports import refresh_all_lead_reports

    if not rebuild and Task.objects.filter(document__doc_number=DOC_NUMBER).count() == n_tasks:
        print(f"reusing {n_tasks} tasks in {DOC_NUMBER}")
        return
    started = time.perf_counter()
    # Reports protect their task: they go first.
    ProgressReport.objects.filter(task__document__doc_number=DOC_NUMBER).delete()
    PolicyDocument.objects.filter(doc_number=DOC_NUMBER).delete()
    units = [Unit.objects.get_or_create(name=f"区页面基准局{i:02d}")[0] for i in range(UNITS)]
    author = User.objects.get_or_create(username="pagebench_author")[0]
    doc, tasks = document_with_clauses(
        title="页面基准实施方案", doc_number=DOC_NUMBER, sha256="1" * 64, n_tasks=n_tasks, units=units, batch_size=5000
    )
    closed_at = timezone.make_aware(datetime(2023, 6, 1, 10))
    milestones = []
    for i, task in enumerate(tasks):
        for k in range(PER_TASK):
            due = date(2023, 1 + (i + k) % 12, 28)
            # Past deadlines are mostly closed, as in a live ledger; ~1 in 12 is still open (red).
            closed = due < AS_OF and (i * PER_TASK + k) % 12 != 0
            milestones.append(
                Milestone(
                    document=doc,
                    task=task,
                    position=k,
                    text=f"{due.month}月底前完成第{k + 1}阶段建设任务",
                    kind="deadline",
                    due_date=due + timedelta(days=10) if k == 3 else due,
                    original_due_date=due,
                    delay_count=1 if k == 3 else 0,
                    status="closed" if closed else "open",
                    closed_at=closed_at if closed else None,
                )
            )
    Milestone.objects.bulk_create(milestones, batch_size=5000)
    periods = ReportPeriod.objects.bulk_create(
        ReportPeriod(
            document=doc,
            starts_on=date(2023, m, 1),
            ends_on=date(2023, m, 28),
            due_on=date(2023, m + 1, 5),
        )
        for m in range(3, 11)
    )
    submitted = timezone.make_aware(datetime(2023, 6, 1, 9))
    reports = [
        ProgressReport(
            task=task,
            unit=units[i % UNITS],
            period=period,
            author=author,
            progress="推进中",
            percent=min(100, 10 * (n + 1)),
            is_lead=True,
            submitted_at=submitted + timedelta(days=30 * n),
        )
        for i, task in enumerate(tasks)
        for n, period in enumerate(periods)
        if (i + n) % 5  # one report in five never filed: the 缺报 lists have rows
    ]
    ProgressReport.objects.bulk_create(reports, batch_size=5000)
    # bulk_create sends no signal: each task's newest lead report is written here.
    refresh_all_lead_reports()
    with connection.cursor() as cursor:
        # As autovacuum soon would: a first run on freshly loaded tables (no visibility map) was
        # 2–3× slower than the next one on the same data.
        cursor.execute("VACUUM ANALYZE")
    print(
        f"filled {n_tasks} tasks, {len(milestones)} milestones, {len(reports)} reports"
        f" in {time.perf_counter() - started:.1f} s"
    )


def _actors():
    from accounts.models import Membership, RoleGrant, Unit, User

    def user(name: str):
        u = User.objects.get_or_create(username=name)[0]
        u.set_password("pagebench-pw-123")
        u.save()
        return u

    supervisor, leader, clerk = user("pagebench_supervisor"), user("pagebench_leader"), user("pagebench_clerk")
    admin = user("pagebench_admin")
    RoleGrant.objects.get_or_create(user=admin, role=RoleGrant.Role.ADMIN, revoked_at=None)
    RoleGrant.objects.get_or_create(user=supervisor, role=RoleGrant.Role.SUPERVISOR, revoked_at=None)
    RoleGrant.objects.get_or_create(user=leader, role=RoleGrant.Role.LEADER, revoked_at=None)
    unit = Unit.objects.get(name="区页面基准局00")
    Membership.objects.get_or_create(user=clerk, unit=unit, defaults={"role": Membership.Role.CLERK})
    return {"supervisor": supervisor, "leader": leader, "admin": admin, "clerk": clerk}


# (path, roles that see it). Each with the bench's 统计日期 so the figures do not move with the clock.
PAGES = [
    ("/supervision/", ("supervisor", "leader", "admin")),
    ("/supervision/?light=&page=20", ("supervisor",)),
    ("/supervision/?light=yellow", ("supervisor",)),
    ("/dashboard/", ("supervisor", "leader", "admin")),
    ("/workbench/", ("clerk",)),
    ("/workbench/?tasks=red&page=2", ("clerk",)),
    ("/milestones/?light=", ("supervisor", "leader", "clerk")),
    ("/milestones/?light=red", ("supervisor", "leader", "clerk")),
    ("/milestones/?light=green&page=3", ("supervisor", "clerk")),
]


def _measure(client, path: str, runs: int) -> tuple[float, int, int, int]:
    from django.db import connection

    from duban import gc_policy

    count = 0

    def counter(execute, sql, params, many, context):
        nonlocal count
        count += 1
        return execute(sql, params, many, context)

    client.get(path)  # warm-up: session, templates, the planner's statistics
    gc_policy.request_finished()
    times = []
    for _ in range(runs):
        count = 0
        with connection.execute_wrapper(counter):
            started = time.perf_counter()
            response = client.get(path)
            times.append((time.perf_counter() - started) * 1000)
        gc_policy.request_finished()  # after the response, as a worker does (no-op with --inline-gc)
    return statistics.median(times), count, response.status_code, len(response.content)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--rebuild", action="store_true", help="delete the bench document and fill again")
    parser.add_argument("--only", default="", help="run only pages whose path contains this")
    parser.add_argument(
        "--inline-gc", action="store_true", help="CPython's default collector, inside requests (not as the web process)"
    )
    args = parser.parse_args()
    url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_URL)
    ensure_database(url)
    _setup(url)
    _fill(args.tasks, args.rebuild)
    from django.test import Client

    from policy_tasks.models import PolicyDocument

    doc = PolicyDocument.objects.get(doc_number=DOC_NUMBER)
    actors = _actors()
    if not args.inline_gc:
        from duban import gc_policy

        gc_policy.worker_started()
    failed = []
    print(f"{'page':<44} {'role':<11} {'ms':>8} {'queries':>7} {'KiB':>7}  status")
    for path, roles in PAGES:
        if args.only not in path:
            continue
        sep = "&" if "?" in path else "?"
        full = f"{path}{sep}document={doc.pk}&as_of={AS_OF.isoformat()}"
        for role in roles:
            client = Client()
            client.force_login(actors[role])
            ms, queries, status, size = _measure(client, full, args.runs)
            verdict = "ok" if ms <= BUDGET_MS and status == 200 else "OVER"
            if verdict != "ok":
                failed.append((path, role))
            print(f"{path:<44} {role:<11} {ms:8.1f} {queries:7d} {size / 1024:7.0f}  {status} {verdict}")
    print(
        "garbage collected " + ("inside requests (--inline-gc)" if args.inline_gc else "between requests, as gunicorn")
    )
    print(f"budget {BUDGET_MS:.0f} ms per page: {'met' if not failed else f'missed by {len(failed)}'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
