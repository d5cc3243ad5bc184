"""Registering a 批示件 and the other source kinds through their short forms (issue 16)."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from policy_tasks.models import AuditEvent, Milestone, PolicyDocument, TaskSource, TaskUnit

pytestmark = pytest.mark.django_db
NOW = datetime(2026, 3, 5, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


@pytest.fixture
def today():
    with time_machine.travel(NOW, tick=False):
        yield NOW.date()


def instruction_form(w, **extra):
    return {
        "title": "加快推进城区停车设施建设",
        "content": "请区住建局牵头，会同区财政局研究城区停车难问题，拿出解决方案。",
        "lead_units": [w.lead_unit.pk],
        "co_units": [w.co_unit.pk],
        "due_date": "2026-06-30",
        "leader": w.leader.pk,
        "instructed_on": "2026-03-04",
        "instruction": "此事群众反映强烈，请抓紧研究落实。",
        **extra,
    }


def test_supervisor_registers_an_instruction_numbered_for_its_year(client, world, today):
    client.force_login(world.supervisor)
    page = client.get(reverse("web:source-new") + "?kind=instruction")
    assert page.status_code == 200
    assert "登记批示件" in page.content.decode() and "批示领导" in page.content.decode()

    response = client.post(reverse("web:source-new") + "?kind=instruction", instruction_form(world))
    assert response.status_code == 302
    source = TaskSource.objects.get()
    assert source.number == "批示〔2026〕1号"
    assert response["Location"] == reverse("web:task", args=[source.task_id])
    task = source.task
    assert task.document.doc_number == "批示〔2026〕"
    assert task.document.kind == PolicyDocument.Kind.INSTRUCTION
    assert task.leaders == [str(world.leader)]
    assert [(tu.unit, tu.role) for tu in TaskUnit.objects.filter(task=task)] == [
        (world.lead_unit, "lead"),
        (world.co_unit, "co"),
    ]
    milestone = Milestone.objects.get(task=task)
    assert milestone.due_date == date(2026, 6, 30) and milestone.status == "open"
    # The container has its reporting periods, so the lead unit can report at once.
    assert task.document.report_periods.exists()

    # The second of the year gets the next number; the task page shows number and leader.
    client.post(reverse("web:source-new") + "?kind=instruction", instruction_form(world, title="第二件"))
    assert list(TaskSource.objects.order_by("serial").values_list("number", flat=True)) == [
        "批示〔2026〕1号",
        "批示〔2026〕2号",
    ]
    body = client.get(reverse("web:task", args=[task.pk])).content.decode()
    assert "批示〔2026〕1号" in body and str(world.leader) in body


def test_each_kind_has_its_own_numbering(client, world, today):
    client.force_login(world.admin)
    common = {"content": "事项内容", "lead_units": [world.lead_unit.pk], "due_date": "2026-09-30"}
    client.post(
        reverse("web:source-new") + "?kind=meeting",
        {**common, "meeting_name": "区政府第12次常务会议", "meeting_on": "2026-03-02"},
    )
    client.post(
        reverse("web:source-new") + "?kind=proposal",
        {**common, "proposal_kind": "npc", "proposal_number": "第15号", "proposer": "张代表"},
    )
    client.post(reverse("web:source-new") + "?kind=assignment", {**common, "leader_name": "李副区长"})
    assert set(TaskSource.objects.values_list("number", flat=True)) == {
        "会议〔2026〕1号",
        "建议〔2026〕1号",
        "交办〔2026〕1号",
    }
    assignment = TaskSource.objects.get(kind="assignment")
    assert assignment.leader is None and assignment.task.leaders == ["李副区长"]


def test_the_audit_trail_holds_the_creation(client, world, today):
    client.force_login(world.supervisor)
    client.post(reverse("web:source-new") + "?kind=instruction", instruction_form(world))
    source = TaskSource.objects.get()
    event = AuditEvent.objects.get(action="task_source.create")
    assert event.actor == world.supervisor and event.actor_role == "supervisor"
    assert event.task_id == source.task_id and event.document_id == source.task.document_id
    assert event.after["number"] == "批示〔2026〕1号"
    assert event.after["milestone"]["due_date"] == "2026-06-30"
    assert event.after["units"] == [[world.lead_unit.name, "lead"], [world.co_unit.name, "co"]]


@pytest.mark.parametrize("actor", ["lead_clerk", "lead_head", "leader"])
def test_only_supervisors_and_admins_may_register(client, world, today, actor):
    client.force_login(getattr(world, actor))
    assert client.get(reverse("web:source-new") + "?kind=instruction").status_code == 403
    response = client.post(reverse("web:source-new") + "?kind=instruction", instruction_form(world))
    assert response.status_code == 403
    assert not TaskSource.objects.exists()
    assert not AuditEvent.objects.filter(action="task_source.create").exists()


def test_an_instruction_needs_its_leader(client, world, today):
    client.force_login(world.supervisor)
    response = client.post(
        reverse("web:source-new") + "?kind=instruction", instruction_form(world, leader="", leader_name="")
    )
    assert response.status_code == 400
    assert "请选择批示领导或填写领导姓名" in response.content.decode()
    assert not TaskSource.objects.exists()


def test_the_leader_sees_the_tasks_they_follow(client, world, today):
    client.force_login(world.supervisor)
    client.post(reverse("web:source-new") + "?kind=instruction", instruction_form(world))
    client.post(
        reverse("web:source-new") + "?kind=instruction",
        instruction_form(world, leader="", leader_name="王区长", title="别人的批示"),
    )
    leader = Client()  # a session of their own (the supervisor's flash messages stay behind)
    leader.force_login(world.leader)
    page = leader.get(reverse("web:sources"))
    assert page.status_code == 200
    body = page.content.decode()
    assert "我批示的事项" in body
    assert "批示〔2026〕1号" in body and "批示〔2026〕2号" not in body
    # The task itself is open to the leader, with the leader named on it.
    task_id = TaskSource.objects.get(serial=1).task_id
    assert leader.get(reverse("web:task", args=[task_id])).status_code == 200


def test_an_unknown_kind_is_not_found(client, world, today):
    client.force_login(world.supervisor)
    assert client.get(reverse("web:source-new") + "?kind=memo").status_code == 404


def test_the_list_answers_in_a_bounded_number_of_queries(client, world, today, django_assert_max_num_queries):
    client.force_login(world.supervisor)
    for i in range(5):
        client.post(reverse("web:source-new") + "?kind=instruction", instruction_form(world, title=f"第{i}件"))
    with django_assert_max_num_queries(12):
        page = client.get(reverse("web:sources"))
    assert page.content.decode().count("批示〔2026〕") >= 5
