"""An .xlsx list of 20 批示件 through the import page's upload and review (issue 16)."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from accounts.models import Unit
from policy_tasks.models import AuditEvent, Milestone, PolicyDocument, TaskSource

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 5, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
HEADER = ["序号", "类别", "事项内容", "批示领导", "批示日期", "牵头单位", "配合单位", "完成时限"]


@pytest.fixture
def today():
    with time_machine.travel(NOW, tick=False):
        yield NOW.date()


def workbook(rows: list[list]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2026年领导批示件交办清单"])
    sheet.append(HEADER)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def twenty_instructions(world) -> list[list]:
    rows = []
    for i in range(1, 21):
        leader = str(world.leader) if i % 2 else "王区长"
        co = world.co_unit.name if i % 3 else ""
        lead = world.lead_unit.name if i != 20 else "区新设单位"
        rows.append(
            [
                i,
                "领导批示件",
                f"关于第{i}项民生事项的批示落实",
                leader,
                date(2026, 2, i),
                lead,
                co,
                f"2026年{(i % 9) + 4}月底",
            ]
        )
    return rows


def upload(client, data: bytes, name: str = "批示件清单.xlsx"):
    return client.post(reverse("web:import"), {"file": SimpleUploadedFile(name, data)})


def payload_of(body: str) -> str:
    return re.search(r'name="payload" value="([^"]+)"', body).group(1)


def test_twenty_instructions_import_through_the_review_page(client, world, today):
    client.force_login(world.supervisor)
    review = upload(client, workbook(twenty_instructions(world)))
    assert review.status_code == 200
    body = review.content.decode()
    assert "核对导入结果" in body and "批示件 20 项" in body
    assert "区新设单位" in body  # a name no unit has yet: shown before it is created
    assert not TaskSource.objects.exists(), "nothing is written before confirmation"

    done = client.post(reverse("web:source-import-confirm"), {"payload": payload_of(body)})
    assert done.status_code == 302
    sources = list(TaskSource.objects.order_by("serial"))
    assert [s.number for s in sources] == [f"批示〔2026〕{i}号" for i in range(1, 21)]
    first, second = sources[0], sources[1]
    assert first.leader == world.leader and first.task.leaders == [str(world.leader)]
    assert second.leader is None and second.leader_name == "王区长"
    assert first.instructed_on == date(2026, 2, 1)
    assert Milestone.objects.get(task=first.task).due_date == date(2026, 5, 31)
    assert list(first.task.task_units.values_list("unit__name", "role")) == [
        (world.lead_unit.name, "lead"),
        (world.co_unit.name, "co"),
    ]
    assert Unit.objects.filter(name="区新设单位").exists()
    assert PolicyDocument.objects.filter(kind="instruction").count() == 1
    assert AuditEvent.objects.filter(action="task_source.create", actor=world.supervisor).count() == 20

    listing = client.get(reverse("web:sources")).content.decode()
    assert "批示〔2026〕20号" in listing


def test_a_row_without_a_deadline_stops_the_import_and_says_which(client, world, today):
    rows = twenty_instructions(world)[:3]
    rows[1][7] = ""
    client.force_login(world.supervisor)
    review = upload(client, workbook(rows))
    assert review.status_code == 400
    body = review.content.decode()
    assert "缺少完成时限" in body and 'name="payload"' not in body
    assert not TaskSource.objects.exists()


def test_a_tampered_payload_is_refused(client, world, today):
    client.force_login(world.supervisor)
    response = client.post(reverse("web:source-import-confirm"), {"payload": "forged"})
    assert response.status_code == 302 and not TaskSource.objects.exists()


def test_a_clerk_cannot_confirm_a_list(client, world, today):
    client.force_login(world.supervisor)
    body = upload(client, workbook(twenty_instructions(world)[:2])).content.decode()
    client.force_login(world.lead_clerk)
    assert client.post(reverse("web:source-import-confirm"), {"payload": payload_of(body)}).status_code == 403
    assert not TaskSource.objects.exists()


def test_a_plan_table_with_a_leader_column_is_still_read_as_a_plan(world, today):
    from policy_tasks.services.task_source_lists import read_list

    book = openpyxl.Workbook()
    book.active.append(["序号", "任务", "责任领导", "牵头单位", "配合单位", "完成时限"])
    book.active.append([1, "推进项目建设", "张三", "区发改局", "", "2026年6月底"])
    out = io.BytesIO()
    book.save(out)
    assert read_list(out.getvalue(), "plan.xlsx") is None
