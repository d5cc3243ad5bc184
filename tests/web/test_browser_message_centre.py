"""Issue 15 in Debian's Chromium: the supervisor reads an escalation in the message centre and
returns a completion; the unit head reads the return and its reason as a message; a refused
form answers beside its field with what was typed kept, in view."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from accounts.models import User
from duban.lib import clock
from notifications.models import InboxMessage
from notifications.services.scan import scan
from notifications.services.sender import send_due
from policy_tasks.models import Milestone
from tests.notifications.conftest import ensure_default_rules
from tests.web.builders import PDF, pdf

pytestmark = pytest.mark.django_db(transaction=True)

MILESTONE = "确保抽蓄项目10月底前开工"
REASON = "缺少开工许可文件,请补充后再申请"


def _deliver() -> None:
    """What the beat does: the reminder scan, then the sender (both at the frozen 'now')."""
    now = clock.now()
    scan(now=now)
    send_due(now=now)


def _request_completion(milestone: Milestone) -> None:
    from policy_tasks.services.evidence import evidence_upload
    from policy_tasks.services.milestones import milestone_request_completion

    head = User.objects.get(username="qfgj_head")
    evidence = evidence_upload(user=head, task=milestone.task, uploaded_file=pdf("开工证明.pdf"))
    milestone_request_completion(user=head, milestone=milestone, evidence_ids=[evidence.pk])


def _fits_a_phone(page) -> None:
    """At 375 px the page scrolls down only, never sideways."""
    original = page.viewport_size
    page.set_viewport_size({"width": 375, "height": 812})
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(original)
    assert width <= 375, f"{page.url} is {width} px wide at 375"


def _open_inbox(page) -> None:
    page.locator(".topbar").get_by_role("link", name=re.compile(r"^消息")).click()
    expect(page.get_by_role("heading", name=re.compile("消息中心"))).to_be_visible()


def test_escalation_read_return_decided_and_heard_and_a_refusal_beside_its_field(web, seeded):
    ensure_default_rules()
    milestone = Milestone.objects.get(document=seeded, text=MILESTONE)
    _request_completion(milestone)
    _deliver()
    supervisor = User.objects.get(username="duchashi")
    escalations = InboxMessage.objects.filter(recipient=supervisor, title__startswith="【逾期督办】")
    assert escalations.exists(), "the seed's overdue milestones escalate to the supervisor"
    unread = InboxMessage.objects.filter(recipient=supervisor, read_at=None).count()

    # The supervisor sees the unread count in the top bar and reads an escalation there.
    page = web.login("duchashi")
    expect(page.locator(".topbar .badge")).to_contain_text(str(unread))
    _open_inbox(page)
    first = page.locator(".inbox-item", has_text="【逾期督办】").first
    title = first.locator(".inbox-title a").inner_text()
    first.locator(".inbox-title a").click()
    expect(page.get_by_role("heading", name=re.compile(r"^第\d+条"))).to_be_visible()
    assert InboxMessage.objects.get(recipient=supervisor, title=title, read_at__isnull=False)
    expect(page.locator(".topbar .badge")).to_contain_text(str(unread - 1))

    # ... and returns the completion on the console, with a reason.
    page.goto("/supervision/")
    row = page.locator("#verify tbody tr", has_text=MILESTONE)
    row.get_by_label("审核意见(退回必填)").fill(REASON)
    row.get_by_role("button", name="退回").click()
    expect(page.locator("#verify")).to_contain_text(f"已退回:{REASON}")
    _deliver()

    # The unit head finds the return and its reason in the message centre; it opens the task.
    page = web.login("qfgj_head")
    expect(page.locator(".topbar .badge")).to_be_visible()
    _open_inbox(page)
    item = page.locator(".inbox-item", has_text="【退回】").first
    expect(item).to_contain_text(f"理由 {REASON}")
    item.get_by_text("详情", exact=True).click()
    expect(item).to_contain_text(f"退回理由：{REASON}")
    _fits_a_phone(page)
    item.locator(".inbox-title a").click()
    expect(page.locator(f"#m{milestone.pk}")).to_contain_text(f"退回理由:{REASON}")
    page.locator(".crumbs").get_by_role("link", name=seeded.doc_number).click()
    expect(page.get_by_role("heading", name=seeded.title)).to_be_visible()
    _fits_a_phone(page)
    page.go_back()

    # A refused extension request: the answer beside the date, what was typed still there, in view.
    later = (
        Milestone.objects.filter(
            task__task_units__unit__name="区发改局",
            task__task_units__role="lead",
            status=Milestone.Status.OPEN,
            due_date__gt=clock.today() + timedelta(days=2),
        )
        .order_by("due_date")
        .first()
    )
    page.goto(f"/tasks/{later.task_id}/")
    card = page.locator(f"#m{later.pk}")
    card.get_by_text("申请延期", exact=True).click()
    too_early = (clock.today() + timedelta(days=1)).isoformat()
    card.get_by_label("申请延至").fill(too_early)
    card.get_by_label("延期理由").fill("征地补偿尚未完成")
    card.get_by_role("button", name="提交延期申请").click()
    error = card.get_by_text("申请延至日期须晚于当前完成时限")
    expect(error).to_be_visible()
    expect(error).to_be_in_viewport()
    expect(card.get_by_label("申请延至")).to_have_value(too_early)
    expect(card.get_by_label("申请延至")).to_have_attribute("aria-invalid", "true")
    expect(card.get_by_label("延期理由")).to_have_value("征地补偿尚未完成")

    # An upload refused (a text file named .pdf), then one accepted: each answer in view.
    evidence = page.locator("#evidence")
    evidence.get_by_label("佐证材料").set_input_files(
        {"name": "会议纪要.pdf", "mimeType": "application/pdf", "buffer": b"just text"}
    )
    evidence.get_by_role("button", name="上传").click()
    refused = page.locator("#evidence .errorlist")
    expect(refused).to_contain_text("不符")
    expect(refused).to_be_in_viewport()
    evidence.get_by_label("佐证材料").set_input_files(
        {"name": "会议纪要.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    evidence.get_by_role("button", name="上传").click()
    done = page.locator("#evidence").get_by_text("佐证材料已上传")
    expect(done).to_be_visible()
    expect(done).to_be_in_viewport()

    # The login form submitted empty says what is missing.
    page = web.new_page()
    page.goto("/login/")
    page.get_by_role("button", name="登录").click()
    expect(page.get_by_text("请输入用户名")).to_be_visible()
    expect(page.get_by_text("请输入密码")).to_be_visible()
