"""A body field naming another task's object is answered as a missing id (issue 14).

Before, the answer said 所选填报不属于该任务 / 该节点不属于此任务 for an object of another
unit's task and DRF's 对象不存在 for an id that does not exist: anyone could tell which ids
exist. Now both are 400 with the same message on the same field, the id aside.
"""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Membership
from policy_tasks.services.evidence import evidence_upload
from policy_tasks.services.milestones import milestone_request_completion
from policy_tasks.services.reports import task_report_progress
from tests import factories as f
from tests.api.conftest import PDF, client_for, pdf_file

pytestmark = pytest.mark.django_db

MISSING = 987654321


@pytest.fixture
def elsewhere(rich_world):
    """A task of the other unit with a report and a milestone of its own."""
    w = rich_world
    task = f.TaskFactory(document=w.document, number=30, title="其他单位的工程")
    f.TaskUnitFactory(task=task, unit=w.other_unit, role="lead", position=0)
    w.foreign_milestone = f.MilestoneFactory(task=task, text="9月底前完成", due_date=date(2023, 9, 30))
    w.foreign_report = task_report_progress(
        user=w.other_clerk, task=task, period=w.period, progress="其他单位的进展", percent=10
    )
    head = f.UserFactory(username="other_head")
    f.MembershipFactory(user=head, unit=w.other_unit, role=Membership.Role.HEAD)
    evidence = evidence_upload(user=head, task=task, uploaded_file=pdf_file())
    w.foreign_request = milestone_request_completion(
        user=head, milestone=w.foreign_milestone, note="已完成", evidence_ids=[evidence.pk]
    )
    return w


def _same_answer(send, field: str, foreign_pk: int) -> dict:
    foreign, missing = send(foreign_pk), send(MISSING)
    assert foreign.status_code == missing.status_code == 400, (foreign.content, missing.content)
    body = foreign.json()["error"]
    assert body["fields"] == {field: [f"对象不存在（ID {foreign_pk}）"]}
    assert str(missing.json()).replace(str(MISSING), "ID") == str(foreign.json()).replace(str(foreign_pk), "ID")
    return body


def test_evidence_for_another_tasks_report_or_request_is_a_missing_id(elsewhere):
    w = elsewhere
    url = f"/api/v1/tasks/{w.task.pk}/evidence/"

    def upload(field):
        def send(pk):
            body = {"file": SimpleUploadedFile("进展.pdf", PDF), field: pk}
            return client_for(w.lead_head).post(url, body, format="multipart")

        return send

    _same_answer(upload("report"), "report", w.foreign_report.pk)
    _same_answer(upload("completion_request"), "completion_request", w.foreign_request.pk)


def test_an_urge_on_another_tasks_milestone_is_a_missing_id(elsewhere):
    w = elsewhere
    url = f"/api/v1/tasks/{w.task.pk}/urge/"

    def send(pk):
        body = {"milestone": pk, "level": "remind", "message": "请推进", "reply_due": "2023-06-30"}
        return client_for(w.supervisor).post(url, body, format="json")

    _same_answer(send, "milestone", w.foreign_milestone.pk)
