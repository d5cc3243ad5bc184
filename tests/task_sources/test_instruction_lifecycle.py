"""A leader's instruction from the form to 销号, every step through the pages (issue 16): numbered,
assigned, reminded, urged, a late reply escalated to the leader, closed; the audit trail holds each step."""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from docx.shared import Mm
from pypdf import PdfReader

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
    _the_printed_notice_is_official(client, world, notice)

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


def _the_printed_notice_is_official(client, world, notice) -> None:
    """The 督办单 as the unit downloads it: A4, red masthead, its number and 落款, PDF and Word."""
    client.force_login(world.lead_clerk)
    pdf = client.get(f"/api/v1/urges/{notice.pk}/notice.pdf")
    assert pdf.status_code == 200, pdf.content[:300]
    pages = PdfReader(io.BytesIO(pdf.content)).pages
    assert all((round(float(p.mediabox.width)), round(float(p.mediabox.height))) == (595, 842) for p in pages)
    text = re.sub(r"\s+", "", "".join(p.extract_text() for p in pages))
    assert notice.number == "柯督〔2023〕第1号" and notice.number in text
    assert "关于落实批示〔2023〕1号的督办通知" in text and "根据批示〔2023〕1号“请区发改局牵头" in text
    assert "督查室2023年11月1日" in text  # 落款 over 成文日期
    assert re.search(r"0\.8\d* 0(\.0+)? 0(\.0+)? rg", pages[0].get_contents().get_data().decode("latin-1"))  # red
    docx = client.get(f"/api/v1/urges/{notice.pk}/notice.docx")
    assert docx.status_code == 200
    doc = Document(io.BytesIO(docx.content))
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    assert str(doc.paragraphs[0].runs[0].font.color.rgb) == "CC0000"
    texts = [p.text for p in doc.paragraphs]
    assert notice.number in texts and texts[texts.index("督查室") + 1] == "2023年11月1日"
