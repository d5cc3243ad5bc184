"""Missing progress reports and urge notices go through the same ledger."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
import time_machine
from django.core import mail

from notifications.models import Delivery
from notifications.services.timing import local_tz
from policy_tasks.models import Milestone, ProgressReport, ReportPeriod
from policy_tasks.services.urges import urge_issue, urge_reply
from tests.notifications.conftest import run_day

pytestmark = pytest.mark.django_db


@pytest.fixture
def october(world):
    # Keep the milestone out of the way: only the report is due.
    Milestone.objects.filter(pk=world.milestone.pk).update(due_date=date(2023, 12, 29))
    return ReportPeriod.objects.create(
        document=world.document, starts_on=date(2023, 10, 1), ends_on=date(2023, 10, 31), due_on=date(2023, 11, 6)
    )


def _users(**filters):
    return sorted({d.recipient.username for d in Delivery.objects.filter(**filters)})


def test_missing_lead_report_reminds_lead_clerks_and_head_the_next_working_day(world, rules, october):
    run_day(date(2023, 11, 6), send=False)
    assert not Delivery.objects.filter(subject_type="report").exists()
    run_day(date(2023, 11, 7))
    assert _users(subject_type="report") == ["lead_clerk", "lead_head"]
    subjects = {m.subject for m in mail.outbox}
    assert "【填报提醒】第1条 重点推进工程：2023-10-01~2023-10-31进展未报送" in subjects


def test_filed_lead_report_stops_the_reminder(world, rules, october):
    ProgressReport.objects.create(
        task=world.task,
        unit=world.lead_unit,
        period=october,
        author=world.lead_clerk,
        progress="已开工",
        submitted_at=datetime(2023, 11, 6, 10, tzinfo=local_tz()),
    )
    run_day(date(2023, 11, 7))
    assert not Delivery.objects.filter(subject_type="report").exists()


def test_only_the_latest_overdue_period_nags(world, rules, october):
    ReportPeriod.objects.create(
        document=world.document, starts_on=date(2023, 11, 1), ends_on=date(2023, 11, 30), due_on=date(2023, 12, 6)
    )
    run_day(date(2023, 12, 7), send=False)
    assert set(Delivery.objects.filter(subject_type="report").values_list("due_date", flat=True)) == {date(2023, 12, 6)}


def test_urge_notice_reaches_recipient_units_clerks_and_heads(world, rules):
    issued = datetime.combine(date(2023, 11, 2), time(15, 0), tzinfo=local_tz())
    with time_machine.travel(issued, tick=False):
        notice = urge_issue(
            user=world.supervisor,
            task=world.task,
            milestone=world.milestone,
            level="urge",
            message="请说明抽蓄项目开工滞后原因",
            reply_due=date(2023, 11, 10),
        )
    run_day(date(2023, 11, 3))
    assert _users(subject_type="urge", rule__code="urge_issued") == ["co_clerk", "co_head", "lead_clerk", "lead_head"]
    assert any(m.subject == "【催办】第1条 重点推进工程" for m in mail.outbox)
    assert notice.pk == Delivery.objects.filter(subject_type="urge").first().subject_id


def test_urge_reply_reminder_skips_units_that_replied(world, rules):
    issued = datetime.combine(date(2023, 11, 2), time(15, 0), tzinfo=local_tz())
    with time_machine.travel(issued, tick=False):
        notice = urge_issue(
            user=world.supervisor, task=world.task, level="remind", message="请报送进展", reply_due=date(2023, 11, 10)
        )
        urge_reply(user=world.lead_clerk, recipient=notice.recipients.get(unit=world.lead_unit), reply="已开工")
    run_day(date(2023, 11, 9), send=False)
    assert _users(rule__code="urge_reply_due") == ["co_clerk", "co_head"]
