"""Decisions on a unit's work reach its clerks and head as messages (issue 15).

退回 with its reason, 销号, 延期批准 with the new date, 不予批准 with the reason: written to
the ledger in the decision's own transaction, delivered by the ordinary sender over each
person's channels. The supervisor who decided hears nothing; a refused decision tells nobody.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command

from notifications.models import Decision, Delivery, InboxMessage, NotificationPreference
from notifications.services.decisions import decision_notify
from notifications.services.preferences import preference_update
from notifications.services.scan import scan
from notifications.services.sender import send_due
from policy_tasks.services.milestones import milestone_return
from tests.api.conftest import build_rich_world, client_for
from tests.web.builders import request_completion

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(world):
    # A Thursday (a working day, when the sender sends), as the API tests' world expects.
    with time_machine.travel(date(2023, 6, 15), tick=False):
        yield build_rich_world(world)


def _titles(user) -> list[str]:
    """The user's inbox as they read it over the API."""
    response = client_for(user).get("/api/v1/inbox/")
    assert response.status_code == 200
    return [m["title"] for m in response.json()["results"]]


def _bodies(user) -> list[str]:
    return [m["body"] for m in client_for(user).get("/api/v1/inbox/").json()["results"]]


def _mailed_to(subject_part: str) -> list[str]:
    return sorted(address for m in mail.outbox if subject_part in m.subject for address in m.to)


def _decide_over_api(w, action: str, body: dict) -> None:
    supervisor = client_for(w.supervisor)
    url = f"/api/v1/milestones/{w.requested.pk}/"
    etag = supervisor.get(url)["ETag"]
    answer = supervisor.post(url + f"{action}/", body, format="json", HTTP_IF_MATCH=etag)
    assert answer.status_code == 200, answer.content


def test_a_return_reaches_the_units_head_and_clerk_with_its_reason(w):
    _decide_over_api(w, "return", {"reason": "缺少中标通知书", "completion_request": w.completion.pk})
    send_due()

    [title] = _titles(w.lead_head)
    assert title.startswith("【退回】第1条 重点推进工程：节点“6月底前完成招标”的完成申请被退回")
    assert "理由 缺少中标通知书" in title
    [body] = _bodies(w.lead_head)
    assert "退回理由：缺少中标通知书" in body
    assert f"/tasks/{w.task.pk}/" in body
    assert _titles(w.lead_clerk) == [title]
    assert _mailed_to("【退回】") == ["lead_clerk@example.gov.cn", "lead_head@example.gov.cn"]
    # Not the supervisor who decided, nor a unit whose work it was not.
    assert _titles(w.supervisor) == []
    assert _titles(w.co_head) == [] and _titles(w.co_clerk) == []


def test_each_person_hears_over_the_channels_they_chose(w):
    preference_update(user=w.lead_head, channels=["inbox"])
    preference_update(user=w.lead_clerk, channels=["email"])
    _decide_over_api(w, "return", {"reason": "缺少中标通知书"})
    send_due()
    assert len(_titles(w.lead_head)) == 1
    assert _titles(w.lead_clerk) == []
    assert _mailed_to("【退回】") == ["lead_clerk@example.gov.cn"]


def test_verification_on_the_console_page_tells_the_unit_it_was_closed(w, client):
    client.force_login(w.supervisor)
    answer = client.post(
        f"/supervision/completions/{w.completion.pk}/", {"decision": "verify"}, headers={"HX-Request": "true"}
    )
    assert answer.status_code == 200
    send_due()
    [title] = _titles(w.lead_head)
    assert title == "【销号】第1条 重点推进工程：节点“6月底前完成招标”已核销（销号）"
    assert _mailed_to("【销号】") == ["lead_clerk@example.gov.cn", "lead_head@example.gov.cn"]
    # The head reads it on 工作台 too.
    client.force_login(w.lead_head)
    assert "已核销（销号）" in client.get("/workbench/").content.decode()


def test_a_granted_extension_tells_the_new_date(w):
    answer = client_for(w.supervisor).post(
        f"/api/v1/extension-requests/{w.extension.pk}/grant/", {"note": "同意"}, format="json"
    )
    assert answer.status_code == 200
    send_due()
    [title] = _titles(w.lead_head)
    assert title == "【延期批准】第1条 重点推进工程：节点“8月底前完成设计”延期至2023年9月30日"
    [body] = _bodies(w.lead_head)
    assert "原完成时限：2023年8月31日" in body and "新完成时限：2023年9月30日" in body and "审批意见：同意" in body
    assert _titles(w.supervisor) == []


def test_a_refused_extension_tells_the_reason_and_the_date_that_stands(w, client):
    client.force_login(w.supervisor)
    answer = client.post(
        f"/supervision/extensions/{w.extension.pk}/", {"decision": "refuse", "reason": "理由不充分"}, follow=True
    )
    assert answer.status_code == 200
    send_due()
    [title] = _titles(w.lead_clerk)
    assert title.startswith("【延期未批准】第1条 重点推进工程：节点“8月底前完成设计”的延期申请不予批准")
    assert "理由不充分" in title
    [body] = _bodies(w.lead_clerk)
    assert "完成时限仍为：2023年8月31日" in body


def test_a_stale_decision_refused_with_412_sends_nothing(w):
    first = w.completion
    milestone_return(user=w.supervisor, milestone=w.requested, reason="缺开工令")
    request_completion(w, w.requested, name="开工令.pdf")
    before = Delivery.objects.filter(rule=None).count()
    supervisor = client_for(w.supervisor)
    url = f"/api/v1/milestones/{w.requested.pk}/"
    stale = supervisor.post(
        url + "verify/", {"completion_request": first.pk}, format="json", HTTP_IF_MATCH=supervisor.get(url)["ETag"]
    )
    assert stale.status_code == 412
    assert Delivery.objects.filter(rule=None).count() == before
    assert not Delivery.objects.filter(subject_type=Decision.VERIFIED).exists()
    send_due()
    assert not any("【销号】" in t for t in _titles(w.lead_head))
    assert not w.requested.completion_requests.filter(status="verified").exists()


def test_a_decision_is_sent_once_however_often_it_is_offered_or_the_sender_runs(w):
    _decide_over_api(w, "return", {"reason": "缺少中标通知书"})
    rows = Delivery.objects.filter(subject_type=Decision.RETURNED).count()
    assert rows == 4  # head and clerk, e-mail and inbox
    # A second offer of the same decision (a retried receiver) hits the ledger's key.
    decision_notify(kind=Decision.RETURNED, request_id=w.completion.pk, decided_by=w.supervisor)
    assert Delivery.objects.filter(subject_type=Decision.RETURNED).count() == rows
    first = send_due()
    second = send_due()
    assert (first.sent, second.sent) == (4, 0)
    assert InboxMessage.objects.filter(recipient=w.lead_head).count() == 1
    assert len(mail.outbox) == 2


def test_a_new_urge_reaches_the_units_through_the_issued_rule_without_a_second_notice(w, rules):
    answer = client_for(w.supervisor).post(
        f"/api/v1/tasks/{w.task.pk}/urge/",
        {"level": "supervise", "message": "限期整改", "reply_due": "2023-06-20", "units": [w.co_unit.pk]},
        format="json",
    )
    assert answer.status_code == 201
    scan()
    send_due()
    titles = _titles(w.co_head)
    assert "【督办】第1条 重点推进工程" in titles
    assert titles.count("【督办】第1条 重点推进工程") == 1
    assert _titles(w.supervisor) == []
    assert not Delivery.objects.filter(rule=None).exists()


def test_a_return_goes_by_sms_and_dingtalk_to_those_who_chose_them(w, providers):
    NotificationPreference.objects.create(user=w.lead_head, email=False, inbox=False, sms=True)
    NotificationPreference.objects.create(user=w.lead_clerk, email=False, inbox=False, dingtalk=True)
    _decide_over_api(w, "return", {"reason": "缺少中标通知书"})
    send_due()
    sms = [r for r in providers.state.received if r.kind == "sms"]
    dingtalk = [r for r in providers.state.received if r.kind == "dingtalk"]
    assert [r.phone for r in sms] == [w.lead_head.phone]
    assert sms[0].payload == {"name": "6月底前完成招标", "date": "2023-06-15", "status": "已退回"}
    assert [r.phone for r in dingtalk] == [w.lead_clerk.phone]
    assert "缺少中标通知书" in dingtalk[0].payload["markdown"]["text"]
    assert mail.outbox == [] and not InboxMessage.objects.exists()


def test_a_dry_run_lists_a_waiting_decision_notice_by_its_kind(w):
    _decide_over_api(w, "return", {"reason": "缺少中标通知书"})
    out = io.StringIO()
    call_command("run_reminders", "--dry-run", "--as-of", "2023-06-15", stdout=out)
    assert "[办结退回] returned:" in out.getvalue()
