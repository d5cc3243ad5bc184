"""The task list and the overdue ledger are built from plain rows (policy_tasks.api.rows), not by
their serializers; a client must not be able to tell: same fields, same values, same bytes."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone
from rest_framework import serializers
from rest_framework.renderers import JSONRenderer as DrfJSONRenderer

from policy_tasks.api.rows import datetime_out
from policy_tasks.api.serializers.tasks import LedgerEntrySerializer, TaskListSerializer
from policy_tasks.api.views.common import attach_units, light_tasks
from policy_tasks.api.views.tasks import tasks_queryset
from policy_tasks.models import Task
from policy_tasks.selectors.tasks import milestones_overdue
from tests import factories as f
from tests.api.conftest import TODAY, client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def varied(rich_world):
    """rich_world plus tasks in every light: closed, overdue, due soon, on track, without milestones,
    with only withdrawn ones, with a target value not yet due."""
    w = rich_world
    for number, due in ((2, date(2023, 5, 31)), (3, date(2023, 6, 19)), (4, date(2023, 12, 31)), (5, None)):
        task = f.TaskFactory(document=w.document, number=number, title=f"第{number}项\u2028工程")
        f.TaskUnitFactory(task=task, unit=w.co_unit, role="lead", position=0)
        f.TaskUnitFactory(task=task, unit=w.lead_unit, role="co", position=1)
        if due is not None:
            f.MilestoneFactory(task=task, due_date=due, text=f"{due:%m}月底前完成")
    withdrawn = f.TaskFactory(document=w.document, number=7)
    f.TaskUnitFactory(task=withdrawn, unit=w.lead_unit, role="lead")
    f.MilestoneFactory(task=withdrawn, due_date=date(2023, 3, 31), status="withdrawn")
    valued = f.TaskFactory(document=w.document, number=8)
    f.TaskUnitFactory(task=valued, unit=w.lead_unit, role="lead")
    f.MilestoneFactory(
        task=valued, due_date=date(2023, 12, 31), text="年底前完成投资10亿元", target_value=10, target_unit="亿元"
    )
    closed = f.TaskFactory(document=w.document, number=6)
    f.TaskUnitFactory(task=closed, unit=w.lead_unit, role="lead")
    f.MilestoneFactory(task=closed, due_date=date(2023, 3, 31), status="closed", closed_at=timezone.now())
    Task.objects.filter(pk=closed.pk).update(status="closed", closed_at=timezone.now() - timedelta(days=3))
    return w


def _drf_page(body: dict, results) -> bytes:
    return DrfJSONRenderer().render({"next": body["next"], "previous": body["previous"], "results": results})


@pytest.mark.parametrize("actor", ["supervisor", "lead_clerk"])
@pytest.mark.parametrize("page_size", [2, 50])
def test_the_task_list_reads_exactly_as_its_serializer_writes(varied, actor, page_size):
    user = getattr(varied, actor)
    response = client_for(user).get(f"/api/v1/tasks/?page_size={page_size}")
    assert response.status_code == 200
    tasks = list(tasks_queryset(user).order_by("id")[:page_size])
    light_tasks(attach_units(tasks), on=TODAY)
    assert {task.light for task in tasks} >= ({"red", "yellow", "grey"} if page_size == 50 else set())
    assert response.content == _drf_page(response.json(), TaskListSerializer(tasks, many=True).data)


@pytest.mark.parametrize("page_size", [1, 50])
def test_the_overdue_ledger_reads_exactly_as_its_serializer_writes(varied, page_size):
    on = date(2023, 12, 1)
    response = client_for(varied.supervisor).get(f"/api/v1/ledger/overdue/?on={on}&page_size={page_size}")
    assert response.status_code == 200
    entries = list(milestones_overdue(on=on, user=varied.supervisor).order_by("due_date", "id")[:page_size])
    attach_units([entry.task for entry in entries])
    for entry in entries:
        entry.days_overdue = (on - entry.due_date).days
    assert len(entries) == (1 if page_size == 1 else 5)
    assert response.content == _drf_page(response.json(), LedgerEntrySerializer(entries, many=True).data)


@pytest.mark.parametrize("zone", ["UTC", "Asia/Shanghai", "America/New_York"])
def test_a_rows_datetime_is_written_as_drf_writes_it(zone):
    values = [
        datetime(2023, 6, 15, 1, 2, 3, 456789, tzinfo=UTC),
        datetime(2023, 1, 1, tzinfo=ZoneInfo("Asia/Shanghai")),
    ]
    with timezone.override(ZoneInfo(zone)):
        for value in values:
            want = serializers.DateTimeField().to_representation(value)
            assert datetime_out(value, timezone.get_current_timezone()) == want
            assert datetime_out(value) == want
