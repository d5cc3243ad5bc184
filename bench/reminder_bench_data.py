"""The reminder bench's data (bench/reminder_bench.py): its own PostgreSQL database, Django on it,
and the milestones generated in SQL (generate_series; 10 M in ~4 minutes, reused when the count
matches, so the bench re-runs on the same database)."""

from __future__ import annotations

import os
import time
from datetime import date

import bench_data

BENCH_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/duban_bench")
TODAY = date(2025, 6, 16)  # a Monday, a working day
NEXT_DAY, DAY_AFTER = date(2025, 6, 17), date(2025, 6, 18)
BATCH = 5000  # milestone subjects per page (transaction) of a tick
FIRST_DUE = date(2023, 1, 1)
DAYS = 1461  # 2023-01-01 .. 2026-12-31: the years the working-day calendar knows


def ensure_database() -> None:
    if bench_data.ensure_database(BENCH_URL):
        print(f"created database {BENCH_URL.rsplit('/', 1)[1]}")


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
                 deduction_co, version, created_at, updated_at, kind)
               SELECT '基准文件' || d, 'BENCH-' || d, 2025, '', '', 'monthly', 5, 5, 20, 100, 5, 3, 1, now(), now(), 'plan'
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
