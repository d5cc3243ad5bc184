"""The API bench's data and readers (bench/api_bench.py): one PostgreSQL database per size.

A list's cost depends on how many tasks the reader may see, and an unscoped supervisor sees
every task in the database, so each size lives in a database of its own (`<name>_10k`,
`<name>_100k`), filled once and reused on every later run. Each task has three units (one
lead, two co-responsible, of 40), three milestones and three lead progress reports.

The readers, one per role:
- supervisor: a supervisor grant without scope (sees every task);
- scoped supervisor: a supervisor grant limited to two of the first document's eight areas (a
  quarter of the tasks at 10 k, one in sixteen at 100 k: four documents of 25 k);
- clerk: a clerk of one of the 40 units (3 in 40 tasks: lead of one, co-responsible of two).
"""

from __future__ import annotations

import time
from datetime import date, datetime, timedelta

from bench_data import document_with_clauses, setup_django

DOC_NUMBER = "接口基准〔2023〕1号"
DOC_TASKS = 25_000  # tasks per document (Task.number is a smallint)
ROLES = ("supervisor", "scoped supervisor", "clerk")
SCOPED_AREAS = (1, 4)  # area numbers of the scoped supervisor's two scopes
# What gunicorn and the in-process runs both see: production settings, local addresses.
SERVER_ENV = {
    "DEBUG": "false",
    "SECRET_KEY": "api-bench-only-" + "x" * 40,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "false",
    "LOG_LEVEL": "WARNING",
}


def database_for(url: str, n_tasks: int) -> str:
    """The database of one size: the URL's name with the size appended (duban_apibench_10k)."""
    size = f"{n_tasks // 1000}k" if n_tasks % 1000 == 0 else str(n_tasks)
    return f"{url}_{size}"


def setup(url: str) -> None:
    setup_django(url, SERVER_ENV)


def fill(n_tasks: int) -> None:
    """The documents and their tasks, unless the database already holds exactly them."""
    from django.db import connection
    from django.utils import timezone

    from accounts.models import Unit, User
    from policy_tasks.models import Milestone, PolicyDocument, ProgressReport, ReportPeriod, Task
    from policy_tasks.services.lead_reports import refresh_all_lead_reports

    if Task.objects.filter(document__doc_number=DOC_NUMBER).exists() and Task.objects.count() == n_tasks:
        print(f"reusing {n_tasks} tasks")
        return
    Task.objects.all().delete()
    PolicyDocument.objects.all().delete()
    started = time.perf_counter()
    units = [Unit.objects.get_or_create(name=f"区接口基准局{i:02d}")[0] for i in range(40)]
    author = User.objects.get_or_create(username="apibench_clerk")[0]
    submitted = timezone.make_aware(datetime(2023, 6, 1, 9))
    closed_at = timezone.make_aware(datetime(2023, 6, 1, 10))
    n_milestones = 0
    for first in range(0, n_tasks, DOC_TASKS):
        # A clause number is a smallint: a larger plan is several documents.
        doc, tasks = document_with_clauses(
            title="接口基准实施方案",
            doc_number=DOC_NUMBER if first == 0 else DOC_NUMBER.replace("1号", f"{first // DOC_TASKS + 1}号"),
            sha256="0" * 64,
            n_tasks=min(DOC_TASKS, n_tasks - first),
            units=units,
            batch_size=2000,
        )
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
        n_milestones += len(milestones)
        periods = ReportPeriod.objects.bulk_create(
            ReportPeriod(document=doc, starts_on=date(2023, m, 1), ends_on=date(2023, m, 28), due_on=date(2023, m, 28))
            for m in range(3, 6)
        )
        reports = (
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
        )
        ProgressReport.objects.bulk_create(reports, batch_size=5000)
        refresh_all_lead_reports()  # bulk_create sends no signal
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    print(f"filled {n_tasks} tasks, {n_milestones} milestones in {time.perf_counter() - started:.1f} s")


def readers() -> dict[str, tuple[str, int]]:
    """{role: (a fresh token, user id)} for each of ROLES, created on first use."""
    from knox.models import AuthToken

    from accounts.models import Membership, RoleGrant, Unit, User
    from policy_tasks.models import Area, PolicyDocument, SupervisionScope

    found = {}
    for role in ROLES:
        user = User.objects.get_or_create(username="apibench_" + role.replace(" ", "_"))[0]
        if role == "clerk":
            Membership.objects.get_or_create(user=user, unit=Unit.objects.get(name="区接口基准局00"))
        else:
            grant = RoleGrant.objects.get_or_create(user=user, role=RoleGrant.Role.SUPERVISOR, revoked_at=None)[0]
            if role == "scoped supervisor":
                document = PolicyDocument.objects.get(doc_number=DOC_NUMBER)
                grant.scopes.all().delete()  # a refill gives the document a new id
                for number in SCOPED_AREAS:
                    area = Area.objects.get(document=document, number=number)
                    SupervisionScope.objects.create(grant=grant, document=document, area=area)
        found[role] = (AuthToken.objects.create(user=user)[1], user.pk)
    return found


def scopes_of(user_id: int) -> tuple[int, list[int]]:
    """(document id, area ids) of the scoped supervisor, for the bare statements."""
    from policy_tasks.models import SupervisionScope

    rows = list(SupervisionScope.objects.filter(grant__user_id=user_id).values_list("document_id", "area_id"))
    return rows[0][0], sorted(area for _, area in rows)
