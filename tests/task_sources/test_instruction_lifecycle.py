"""A leader's instruction from the form to 销号, every step through the pages (issue 16): numbered,
assigned, reminded, urged, a late reply escalated to the leader, closed; the audit trail holds each step."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from notifications.models import Delivery, Subject
from policy_tasks.models import AuditEvent, CompletionRequest, Milestone, TaskSource, UrgeNotice
from tests.notifications.conftest import ensure_default_rules, run_day

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day: date):
    return time_machine.travel(datetime(day.year, day.month, day.day, 10, 0, tzinfo=SHANGHAI), tick=False)


@pytest.fixture
def rules(db):
    return ensure_default_rules()  # with the 督办单's late-reply rule, urge_reply_overdue


def test_an_instruction_from_the_form_to_closure(client, world, rules):
    world.milestone.status = "closed"  # the plan clause of the fixture stays out of the ledger
    world.milestone.save()
    client.force_login(world.supervisor)
    with at(date(2023, 10, 9)):
        response = client.post(
            reverse("web:source-new") + "?kind=instruction",
            {
                "content": "请区发改局牵头推进停车设施建设，月底前报送方案。",
                "lead_units": [world.lead_unit.pk],
                "due_date": "2023-10-31",
                "leader": world.leader.pk,
                "instructed_on": "2023-10-08",
            },
        )
    assert response.status_code == 302
    source = TaskSource.objects.get()
    assert source.number == "批示〔2023〕1号"
    milestone = Milestone.objects.get(task=source.task)

    # Assigned: the lead unit's clerk has it on the workbench.
    client.force_login(world.lead_clerk)
    with at(date(2023, 10, 9)):
        assert "批示〔2023〕1号" in client.get(reverse("web:workbench")).content.decode()

    # Reminded the working day before the deadline.
    run_day(date(2023, 10, 30), send=False)
    reminded = Delivery.objects.filter(rule__code="milestone_before_1", task_id=source.task_id)
    assert {d.recipient.username for d in reminded} == {"lead_clerk"}

    # Urged after the deadline, with a reply date nobody keeps.
    client.force_login(world.supervisor)
    with at(date(2023, 11, 1)):
        urged = client.post(
            reverse("web:milestone-urge", args=[milestone.pk]), {"level": "supervise", "reply_due": "2023-11-03"}
        )
    assert urged.status_code in (200, 302)
    notice = UrgeNotice.objects.get(task=source.task)

    # The late reply reaches the leader, the last rung (and the supervision office, as the rule says).
    run_day(date(2023, 11, 6), send=False)
    late = Delivery.objects.filter(subject_type=Subject.URGE, subject_id=notice.pk, rule__code="urge_reply_overdue")
    assert {d.recipient.username for d in late} == {"lead_clerk", "lead_head", "supervisor", "leader"}
    run_day(date(2023, 11, 7), send=False)
    escalated = Delivery.objects.filter(rule__code="milestone_escalation", task_id=source.task_id)
    assert {d.recipient.username for d in escalated} == {"supervisor", "leader"}

    # The head asks to close it with evidence; the supervisor closes it (销号).
    client.force_login(world.lead_head)
    with at(date(2023, 11, 8)):
        asked = client.post(
            reverse("web:milestone-complete", args=[milestone.pk]),
            {
                f"c{milestone.pk}-note": "方案已报送",
                f"c{milestone.pk}-file": SimpleUploadedFile("方案.txt", "停车方案".encode()),
            },
        )
    assert asked.status_code == 302, asked.content.decode()[:2000]
    pending = CompletionRequest.objects.get(milestone=milestone)
    client.force_login(world.supervisor)
    with at(date(2023, 11, 9)):
        client.post(reverse("web:decide-completion", args=[pending.pk]), {"decision": "verify"})
    milestone.refresh_from_db()
    assert milestone.status == "closed"

    actions = list(AuditEvent.objects.filter(task=source.task).order_by("id").values_list("action", flat=True))
    for step in (
        "task_source.create",
        "urge.issue",
        "evidence.upload",
        "milestone.request_completion",
        "milestone.verify",
    ):
        assert step in actions
    assert actions[0] == "task_source.create"
