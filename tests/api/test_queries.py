"""Every list endpoint runs as many SQL queries for a page of 50 as for a page of 1."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from accounts.models import Unit
from notifications.models import InboxMessage
from policy_tasks.models import (
    Area,
    CompletionRequest,
    Evidence,
    ExtensionRequest,
    Milestone,
    PolicyDocument,
    ProgressReport,
    ReportPeriod,
    Task,
    TaskUnit,
    UrgeNotice,
    UrgeRecipient,
)
from policy_tasks.services.audit import actor_for, audit_record
from tests.api.conftest import client_for
from tests.api.test_idor_matrix import LISTED, SCHEMA, has_path_params

ROWS = 60
pytestmark = pytest.mark.django_db


@pytest.fixture
def crowd(world):
    """ROWS of everything a list shows, all visible to the lead clerk and the supervisor."""
    w = world
    now = timezone.now()
    doc = w.document
    units = Unit.objects.bulk_create(
        [Unit(name=f"区测试单位{i}", normalised_name=f"区测试单位{i}") for i in range(ROWS)]
    )
    Area.objects.bulk_create([Area(document=doc, number=i + 1, title=f"领域{i}") for i in range(ROWS)])
    PolicyDocument.objects.bulk_create(
        [
            PolicyDocument(title="文件", doc_number=f"测{i}号", year=2023, source_text="x", sha256="0")
            for i in range(ROWS)
        ]
    )
    tasks = Task.objects.bulk_create(
        [Task(document=doc, number=100 + i, title=f"批量条款{i}", text="正文") for i in range(ROWS)]
    )
    TaskUnit.objects.bulk_create(
        [TaskUnit(task=t, unit=w.lead_unit, role="lead", position=0) for t in tasks]
        + [TaskUnit(task=t, unit=units[i], role="co", position=1) for i, t in enumerate(tasks)]
    )
    milestones = Milestone.objects.bulk_create(
        [
            Milestone(document=doc, task=t, text="节点", kind="deadline", due_date=date(2023, 3, 1) + timedelta(days=i))
            for i, t in enumerate(tasks)
        ]
    )
    period = ReportPeriod.objects.create(
        document=doc, starts_on=date(2023, 3, 1), ends_on=date(2023, 3, 31), due_on=date(2023, 4, 7)
    )
    reports = ProgressReport.objects.bulk_create(
        [
            ProgressReport(
                task=t,
                unit=w.lead_unit,
                period=period,
                author=w.lead_clerk,
                progress="进展",
                percent=10,
                submitted_at=now,
            )
            for t in tasks
        ]
    )
    requests = CompletionRequest.objects.bulk_create(
        [
            CompletionRequest(milestone=m, unit=w.lead_unit, requested_by=w.lead_head, requested_at=now)
            for m in milestones
        ]
    )
    Evidence.objects.bulk_create(
        [
            Evidence(
                task=t,
                unit=w.lead_unit,
                report=r,
                completion_request=c,
                file=f"evidence/x/{i}",
                original_name="a.pdf",
                size=1,
                content_type="application/pdf",
                sha256="0",
                uploaded_by=w.lead_clerk,
                uploaded_at=now,
            )
            for i, (t, r, c) in enumerate(zip(tasks, reports, requests, strict=True))
        ]
    )
    ExtensionRequest.objects.bulk_create(
        [
            ExtensionRequest(
                milestone=m,
                unit=w.lead_unit,
                requested_by=w.lead_head,
                requested_at=now,
                reason="理由",
                current_due_date=m.due_date,
                proposed_date=m.due_date + timedelta(days=30),
            )
            for m in milestones
        ]
    )
    notices = UrgeNotice.objects.bulk_create(
        [
            UrgeNotice(
                task=t,
                level="urge",
                message="催",
                reply_due=date(2023, 6, 1),
                issued_by=w.supervisor,
                issued_at=now,
                number=f"柯督〔2023〕第{i}号",
                number_office="督查室",
                number_year=2023,
                number_seq=i,
            )
            for i, t in enumerate(tasks, start=1)
        ]
    )
    UrgeRecipient.objects.bulk_create(
        [UrgeRecipient(notice=n, unit=w.lead_unit, acknowledged_by=w.lead_clerk, acknowledged_at=now) for n in notices]
        + [UrgeRecipient(notice=n, unit=units[i]) for i, n in enumerate(notices)]
    )
    InboxMessage.objects.bulk_create(
        [InboxMessage(recipient=u, title="提醒", body="内容", created_at=now) for u in (w.supervisor, w.lead_clerk)]
        * ROWS
    )
    for i in range(ROWS):
        audit_record(actor=actor_for(w.supervisor), action="test.touch", obj=w.task, after={"i": i}, task=w.task)
    return w


def _list_paths(world) -> list[str]:
    """Every list the schema serves (no path parameter), plus the lists under one object."""
    paths = [p for p, item in SCHEMA["paths"].items() if "get" in item and not has_path_params(p)]
    paths += [
        f"/api/v1/tasks/{world.task.pk}/audit/",
        f"/api/v1/tasks/{world.task.pk}/reports/",
        f"/api/v1/tasks/{world.task.pk}/evidence/",
    ]
    return paths


FULL = {
    "/api/v1/tasks/",
    "/api/v1/milestones/",
    "/api/v1/reports/",
    "/api/v1/evidence/",
    "/api/v1/urges/",
    "/api/v1/completion-requests/",
    "/api/v1/extension-requests/",
    "/api/v1/documents/",
    "/api/v1/units/",
    "/api/v1/areas/",
    "/api/v1/ledger/overdue/",
    "/api/v1/inbox/",
}


@pytest.mark.parametrize("actor", ["supervisor", "lead_clerk"])
def test_list_queries_do_not_grow_with_the_page(crowd, actor, django_assert_max_num_queries):
    client = client_for(getattr(crowd, actor))
    assert set(LISTED) <= set(_list_paths(crowd))
    for path in _list_paths(crowd):
        if path == "/api/v1/me/":
            continue
        query = "?on=2023-12-31&" if path.endswith("/ledger/overdue/") else "?"
        with CaptureQueriesContext(connection) as one:
            small = client.get(f"{path}{query}page_size=1")
        if small.status_code == 403 and actor != "supervisor":
            continue  # audit and ledger are a supervisor's reads (test_idor_matrix)
        assert small.status_code == 200, (path, small.json())
        with django_assert_max_num_queries(len(one.captured_queries)):
            big = client.get(f"{path}{query}page_size=50")
        assert big.status_code == 200
        if path in FULL or path.endswith("/audit/"):
            assert len(big.json()["results"]) == 50, path
        assert len(one.captured_queries) <= 16, (path, len(one.captured_queries))
