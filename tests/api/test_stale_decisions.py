"""Decisions through the API name the request they decide; a replaced one is refused with 412."""

from __future__ import annotations

import pytest

from policy_tasks.models import CompletionRequest, Milestone
from policy_tasks.services.evidence import evidence_upload
from policy_tasks.services.milestones import milestone_request_completion, milestone_return
from tests.api.conftest import client_for, pdf_file

pytestmark = pytest.mark.django_db


def _ask(w, name: str) -> CompletionRequest:
    evidence = evidence_upload(user=w.lead_head, task=w.task, uploaded_file=pdf_file(name))
    return milestone_request_completion(user=w.lead_head, milestone=w.milestone, evidence_ids=[evidence.pk])


@pytest.mark.parametrize("action", ["verify", "return"])
def test_a_decision_naming_a_replaced_request_is_412(rich_world, action):
    w = rich_world
    first = _ask(w, "旧证明.pdf")
    milestone_return(user=w.supervisor, milestone=w.milestone, reason="缺开工令")
    second = _ask(w, "开工令.pdf")
    supervisor = client_for(w.supervisor)
    url = f"/api/v1/milestones/{w.milestone.pk}/"
    etag = supervisor.get(url)["ETag"]
    stale = supervisor.post(
        f"{url}{action}/", {"reason": "旧的意见", "completion_request": first.pk}, format="json", HTTP_IF_MATCH=etag
    )
    assert stale.status_code == 412
    assert stale.json()["error"]["code"] == "stale_version"
    assert "刷新" in stale.json()["error"]["message"]
    w.milestone.refresh_from_db()
    assert w.milestone.status == Milestone.Status.REQUESTED
    second.refresh_from_db()
    assert second.status == CompletionRequest.Status.PENDING

    current = supervisor.post(
        f"{url}{action}/", {"reason": "材料齐全", "completion_request": second.pk}, format="json", HTTP_IF_MATCH=etag
    )
    assert current.status_code == 200
