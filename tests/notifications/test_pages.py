"""The inbox panel on 工作台 and failed deliveries on 督查台, served by notifications' own tags and view."""

from __future__ import annotations

from datetime import date

import pytest

from notifications.models import Delivery, InboxMessage
from notifications.services.inbox import inbox_unread_count
from tests.notifications.conftest import run_day

pytestmark = pytest.mark.django_db


def test_clerk_reads_the_inbox_on_the_workbench_and_marks_it_read(world, rules, client):
    run_day(date(2023, 10, 31))
    title = InboxMessage.objects.get(recipient=world.lead_clerk).title
    client.force_login(world.lead_clerk)
    page = client.get("/workbench/").content.decode()
    assert title in page and "1 条未读" in page
    shown = InboxMessage.objects.get(recipient=world.lead_clerk).pk
    answer = client.post("/notifications/inbox/read/", {"id": [shown]}, HTTP_HX_REQUEST="true")
    assert answer.status_code == 200 and "条未读" not in answer.content.decode()
    assert inbox_unread_count(world.lead_clerk) == 0


def test_marking_read_needs_a_login(client):
    answer = client.post("/notifications/inbox/read/")
    assert answer.status_code in (302, 401, 403)
    assert answer.status_code != 200


def test_supervision_console_lists_failed_deliveries(world, rules, client):
    run_day(date(2023, 10, 31), send=False)
    Delivery.objects.filter(pk=Delivery.objects.first().pk).update(status="failed", last_error="SMTP 550 拒收")
    client.force_login(world.supervisor)
    page = client.get("/supervision/").content.decode()
    assert "SMTP 550 拒收" in page and "没有发送失败的提醒" not in page
