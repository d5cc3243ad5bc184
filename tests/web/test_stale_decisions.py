"""A decision acts on the request the supervisor looked at, never on one that replaced it."""

from __future__ import annotations

import pytest

from policy_tasks.models import CompletionRequest, Milestone
from policy_tasks.services.milestones import milestone_return
from policy_tasks.services.periods import document_generate_periods
from tests.web.builders import request_completion

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(world, today):
    document_generate_periods(document=world.document)
    return world


def _returned_then_asked_again(w) -> tuple[CompletionRequest, CompletionRequest]:
    first = request_completion(w, w.milestone, name="旧证明.pdf")
    milestone_return(user=w.supervisor, milestone=w.milestone, reason="缺开工令")
    second = request_completion(w, w.milestone, name="开工令.pdf")
    return first, second


@pytest.mark.parametrize("decision", ["verify", "return"])
def test_a_stale_decision_on_a_replaced_request_changes_nothing(client, w, decision):
    first, second = _returned_then_asked_again(w)
    client.force_login(w.supervisor)
    response = client.post(
        f"/supervision/completions/{first.pk}/",
        {"decision": decision, "reason": "旧的审核意见"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 412
    assert "请刷新" in response.content.decode()
    w.milestone.refresh_from_db()
    assert w.milestone.status == Milestone.Status.REQUESTED
    second.refresh_from_db()
    assert second.status == CompletionRequest.Status.PENDING
    assert second.decided_by is None


def test_a_stale_plain_post_is_told_on_the_page(client, w):
    first, _ = _returned_then_asked_again(w)
    client.force_login(w.supervisor)
    response = client.post(f"/supervision/completions/{first.pk}/", {"decision": "verify"}, follow=True)
    assert "请刷新" in response.content.decode()
    w.milestone.refresh_from_db()
    assert w.milestone.status == Milestone.Status.REQUESTED


def test_the_current_request_is_still_decided(client, w):
    _, second = _returned_then_asked_again(w)
    client.force_login(w.supervisor)
    response = client.post(
        f"/supervision/completions/{second.pk}/", {"decision": "verify"}, headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    assert "已销号" in response.content.decode()
    w.milestone.refresh_from_db()
    assert w.milestone.status == Milestone.Status.CLOSED
