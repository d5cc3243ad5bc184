"""The whole accountability story on the seed document, 柯政发〔2023〕16号, through the services only.

A clerk of 区发改局 reports on clause 1 and uploads evidence; the head requests completion
of 抽蓄项目10月底前开工; a supervisor returns it; it is requested again and verified. A
report period passes unreported and shows up as missing; an urge notice is issued and
acknowledged; an extension on another milestone is granted and the original date kept.
Every step leaves exactly one audit event, and the chain verifies at the end.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from io import StringIO
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from accounts.models import Membership, RoleGrant, Unit
from policy_tasks.models import AuditEvent, CompletionRequest, Milestone, ReportPeriod, Task, UrgeNotice
from policy_tasks.selectors.reports import reports_missing
from policy_tasks.services.evidence import evidence_upload
from policy_tasks.services.extensions import extension_grant, extension_request
from policy_tasks.services.imports import document_import
from policy_tasks.services.milestones import milestone_request_completion, milestone_return, milestone_verify
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.reports import task_report_progress
from policy_tasks.services.urges import urge_acknowledge, urge_issue
from tests import factories as f

SEED = Path(django_settings.BASE_DIR) / "fixtures" / "kecheng-2023-16.txt"
SHANGHAI = ZoneInfo("Asia/Shanghai")


@contextmanager
def on(day: date, hour: int = 10) -> Iterator[None]:
    with time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=SHANGHAI), tick=False):
        yield


@contextmanager
def one_event(action: str) -> Iterator[None]:
    """The block must leave exactly one audit event, of `action`."""
    last = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first() or 0
    yield
    assert list(AuditEvent.objects.filter(id__gt=last).values_list("action", flat=True)) == [action]


@contextmanager
def no_event() -> Iterator[None]:
    count = AuditEvent.objects.count()
    yield
    assert AuditEvent.objects.count() == count


def evidence_file(name: str, text: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, text.encode(), content_type="text/plain")


def test_the_seed_document_story(db):
    admin = f.UserFactory(username="admin")
    f.RoleGrantFactory(user=admin, role=RoleGrant.Role.ADMIN)
    supervisor = f.UserFactory(username="duchashi")
    f.RoleGrantFactory(user=supervisor, role=RoleGrant.Role.SUPERVISOR)

    # Setting the stage (not one of the story's steps): import the document and make sure
    # its reporting periods exist (idempotent; the import may already have made them).
    with on(date(2023, 3, 6)):
        document = document_import(text=SEED.read_text(encoding="utf-8"), user=admin).document
        document_generate_periods(document=document)
    assert AuditEvent.objects.filter(action="document.import", actor=admin).count() == 1

    fagai = Unit.objects.resolve("区发改局")
    clerk = f.UserFactory(username="fagai_clerk")
    f.MembershipFactory(user=clerk, unit=fagai, role=Membership.Role.CLERK)
    head = f.UserFactory(username="fagai_head")
    f.MembershipFactory(user=head, unit=fagai, role=Membership.Role.HEAD)

    clause1 = Task.objects.get(document=document, number=1)
    assert clause1.task_units.get(role="lead").unit == fagai
    pumped = clause1.milestones.get(text__contains="抽蓄项目10月底前开工")
    assert pumped.due_date == date(2023, 10, 31)
    lingjiu = clause1.milestones.get(text__contains="灵鹫山赛训基地8月底前开工")
    march = ReportPeriod.objects.get(document=document, starts_on=date(2023, 3, 1))
    april = ReportPeriod.objects.get(document=document, starts_on=date(2023, 4, 1))

    # 1. The clerk reports March progress on clause 1 and uploads evidence with it.
    with on(date(2023, 3, 15)):
        with one_event("report.file"):
            report = task_report_progress(
                user=clerk,
                task=clause1,
                period=march,
                progress="抽蓄项目用地报批完成，主体工程招标启动",
                problems="林地指标尚未下达",
                next_steps="争取4月完成招标",
                percent=25,
            )
        with one_event("evidence.upload"):
            permit = evidence_upload(user=clerk, task=clause1, uploaded_file=evidence_file("用地批复.txt", "用地批复"))
    assert report.is_lead and report.unit == fagai

    # 2. The head requests completion of 抽蓄项目10月底前开工; the supervisor returns it.
    with on(date(2023, 3, 20)), one_event("milestone.request_completion"):
        first = milestone_request_completion(
            user=head, milestone=pumped, note="项目已具备开工条件", evidence_ids=[permit.pk]
        )
    with on(date(2023, 3, 21)), one_event("milestone.return"):
        milestone_return(user=supervisor, milestone=pumped, reason="尚未取得施工许可，不能视为开工")
    pumped.refresh_from_db()
    first.refresh_from_db()
    assert (pumped.status, first.status) == (Milestone.Status.OPEN, CompletionRequest.Status.RETURNED)

    # 3. With the construction permit, it is requested again and verified (销号).
    with on(date(2023, 3, 27)):
        with one_event("evidence.upload"):
            licence = evidence_upload(
                user=clerk, task=clause1, uploaded_file=evidence_file("施工许可.txt", "施工许可证")
            )
        with one_event("milestone.request_completion"):
            second = milestone_request_completion(user=head, milestone=pumped, evidence_ids=[licence.pk])
    with on(date(2023, 3, 28)), one_event("milestone.verify"):
        milestone_verify(user=supervisor, milestone=pumped, reason="施工许可及开工照片齐全")
    pumped.refresh_from_db()
    second.refresh_from_db()
    clause1.refresh_from_db()
    assert pumped.status == Milestone.Status.CLOSED
    assert second.status == CompletionRequest.Status.VERIFIED
    assert clause1.status == Task.Status.OPEN  # its other milestones are still open

    # 4. April passes unreported: after its deadline (after the May Day holiday and the
    #    5/6 make-up working day) it shows up as missing; March does not.
    assert april.due_on == date(2023, 5, 9)
    with no_event():
        missing = reports_missing(on=date(2023, 5, 10), document=document, unit=fagai)
    clause1_missing = {m.period for m in missing if m.task == clause1}
    assert april in clause1_missing
    assert march not in clause1_missing
    # On the deadline day itself April is not late yet.
    on_deadline = reports_missing(on=date(2023, 5, 9), document=document, unit=fagai)
    assert april not in {m.period for m in on_deadline if m.task == clause1}

    # 5. The supervisor urges the task's units; 区发改局 acknowledges.
    with on(date(2023, 5, 10)), one_event("urge.issue"):
        notice = urge_issue(
            user=supervisor,
            task=clause1,
            level=UrgeNotice.Level.URGE,
            message="4月进度未按时报送，请于5月12日前补报并说明原因",
            reply_due=date(2023, 5, 12),
        )
    assert notice.recipients.count() == clause1.task_units.count() == 5
    with on(date(2023, 5, 11)), one_event("urge.acknowledge"):
        row = urge_acknowledge(user=head, recipient=notice.recipients.get(unit=fagai))
    assert row.acknowledged_by == head

    # 6. An extension on 灵鹫山赛训基地8月底前开工 is asked before its date and granted.
    with on(date(2023, 8, 25)), one_event("extension.request"):
        request = extension_request(
            user=head, milestone=lingjiu, reason="赛训基地用地调整，需重新报批", proposed_date=date(2023, 11, 30)
        )
    with on(date(2023, 8, 28)), one_event("extension.grant"):
        extension_grant(user=supervisor, request=request, note="同意延期至11月底")
    lingjiu.refresh_from_db()
    assert (lingjiu.due_date, lingjiu.original_due_date, lingjiu.delay_count) == (
        date(2023, 11, 30),
        date(2023, 8, 31),
        1,
    )

    out = StringIO()
    call_command("verify_audit", stdout=out)
    assert f"审计链完整: {AuditEvent.objects.count()} events OK" in out.getvalue()
