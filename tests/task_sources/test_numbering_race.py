"""Two supervisors register an instruction at the same moment: two numbers, never one (PostgreSQL)."""

from __future__ import annotations

import threading
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test import Client
from django.urls import reverse

from accounts.models import RoleGrant
from policy_tasks.models import AuditEvent, PolicyDocument, TaskSource
from tests import factories as f

NOW = datetime(2026, 3, 5, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("container_exists", [False, True])
def test_concurrent_registrations_get_distinct_numbers(require_postgres, container_exists):
    unit = f.UnitFactory(name="区住建局")
    leader = f.UserFactory(username="leader")
    f.RoleGrantFactory(user=leader, role=RoleGrant.Role.LEADER)
    supervisors = []
    for name in ("sup_a", "sup_b"):
        user = f.UserFactory(username=name)
        f.RoleGrantFactory(user=user, role=RoleGrant.Role.SUPERVISOR)
        supervisors.append(user)
    form = {
        "content": "请抓紧研究落实",
        "lead_units": [unit.pk],
        "due_date": "2026-06-30",
        "leader": leader.pk,
    }
    url = reverse("web:source-new") + "?kind=instruction"
    with time_machine.travel(NOW, tick=False):
        if container_exists:
            first = Client()
            first.force_login(supervisors[0])
            assert first.post(url, form).status_code == 302
        barrier = threading.Barrier(2)
        statuses: list[int] = []

        def register(user):
            try:
                client = Client()
                client.force_login(user)
                barrier.wait()
                statuses.append(client.post(url, form).status_code)
            finally:
                connection.close()  # each thread has its own connection

        threads = [threading.Thread(target=register, args=(u,)) for u in supervisors]
        for t in threads:
            t.start()
        for t in threads:
            t.join(30)
    assert statuses == [302, 302]
    start = 2 if container_exists else 1
    numbers = sorted(TaskSource.objects.values_list("number", flat=True))
    assert numbers == sorted(f"批示〔2026〕{n}号" for n in range(1, start + 2))
    assert PolicyDocument.objects.filter(doc_number="批示〔2026〕").count() == 1
    assert AuditEvent.objects.filter(action="task_source.create").count() == start + 1
