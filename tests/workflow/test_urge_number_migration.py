"""Notices issued before 督办单 numbers existed get them from the migration: in the order they
were issued, a sequence per year (the year in Shanghai: 31 December 20:00 UTC is already the
next year there)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("policy_tasks", "0010_verbose_names"), ("accounts", "0004_verbose_names")]
AFTER = [("policy_tasks", "0011_urge_number")]


@pytest.mark.django_db(transaction=True)
def test_existing_notices_are_numbered_by_issue_order_per_year(world):
    task_pk, user_pk = world.task.pk, world.supervisor.pk
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    Notice = old.get_model("policy_tasks", "UrgeNotice")
    issued = [
        datetime(2023, 12, 31, 20, 0, tzinfo=UTC),  # 2024-01-01 04:00 in Shanghai
        datetime(2023, 3, 1, 2, 0, tzinfo=UTC),
        datetime(2023, 11, 2, 2, 0, tzinfo=UTC),
        datetime(2024, 2, 1, 2, 0, tzinfo=UTC),
    ]
    pks = [
        Notice.objects.create(
            task_id=task_pk, level="urge", message="催", reply_due=date(2024, 3, 1), issued_by_id=user_pk, issued_at=at
        ).pk
        for at in issued
    ]
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new = MigrationExecutor(connection).loader.project_state(AFTER).apps.get_model("policy_tasks", "UrgeNotice")
    numbers = {n.pk: (n.number, n.number_office, n.number_year, n.number_seq) for n in new.objects.all()}
    # Back to the latest state for the tests after this one, whatever later migrations exist.
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert [numbers[pk] for pk in pks] == [
        ("柯督〔2024〕第1号", "督查室", 2024, 1),
        ("柯督〔2023〕第1号", "督查室", 2023, 1),
        ("柯督〔2023〕第2号", "督查室", 2023, 2),
        ("柯督〔2024〕第2号", "督查室", 2024, 2),
    ]
