"""What the page and API benches build alike (bench/page_bench.py, bench/api_bench_data.py): a
PostgreSQL database of their own, Django on it, and a plan's document with eight areas, its
clauses and each clause's units (one lead, two co-responsible). Milestones, reports and readers
are each bench's own."""

from __future__ import annotations

import os
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from accounts.models import Unit
    from policy_tasks.models import PolicyDocument, Task


def ensure_database(url: str) -> bool:
    """Create the URL's database if it is missing; whether it was."""
    import psycopg

    name = url.rsplit("/", 1)[1]
    admin_url = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            return False
        conn.execute(f'CREATE DATABASE "{name}"')
        return True


def setup_django(url: str, env: dict[str, str]) -> None:
    """Django on `url` with the bench's environment, migrated."""
    os.environ.update(env, DATABASE_URL=url)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "duban.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def document_with_clauses(
    *, title: str, doc_number: str, sha256: str, n_tasks: int, units: list[Unit], batch_size: int
) -> tuple[PolicyDocument, list[Task]]:
    """A 2023 plan of `n_tasks` clauses spread over eight areas; clause i is led by units[i] and
    shared with the next two (units taken round)."""
    from policy_tasks.models import Area, PolicyDocument, Task, TaskUnit

    doc = PolicyDocument.objects.create(
        title=title,
        doc_number=doc_number,
        issued_on=date(2023, 2, 25),
        year=2023,
        default_due=date(2023, 12, 31),
        source_text="bench",
        sha256=sha256,
    )
    areas = Area.objects.bulk_create(Area(document=doc, number=i + 1, title=f"领域{i + 1}") for i in range(8))
    tasks = Task.objects.bulk_create(
        (
            Task(document=doc, area=areas[i % 8], number=i + 1, title=f"重点推进第{i + 1}项工程", text="条款" * 40)
            for i in range(n_tasks)
        ),
        batch_size=batch_size,
    )
    n = len(units)
    links = []
    for i, task in enumerate(tasks):
        links.append(TaskUnit(task=task, unit=units[i % n], role="lead", position=0))
        links += [TaskUnit(task=task, unit=units[(i + k) % n], role="co", position=k) for k in (1, 2)]
    TaskUnit.objects.bulk_create(links, batch_size=5000)
    return doc, tasks
