"""Issue 15 in Debian's Chromium, the two parts of a role's day the other walks leave out: a clerk
files the same period twice and sees both versions, and a supervisor's refused urge answers
beside its date in the console's dialog with what was typed kept, then goes through."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from duban.lib import clock
from policy_tasks.models import ProgressReport, UrgeNotice

pytestmark = pytest.mark.django_db(transaction=True)


def _open_clause_1(page) -> None:
    page.get_by_role("link", name=re.compile(r"^第1条 重点推进")).first.click()
    expect(page.get_by_role("heading", name=re.compile("第1条"))).to_be_visible()


def _file(page, progress: str, percent: int) -> None:
    report = page.locator("#report")
    report.get_by_label("进展情况").fill(progress)
    report.get_by_label("完成百分比(%)").fill(str(percent))
    report.get_by_role("button", name="提交填报").click()


def test_a_clerk_files_twice_and_sees_both_versions(web, seeded):
    page = web.login("qfgj_clerk")
    _open_clause_1(page)
    _file(page, "抽蓄项目完成主体工程招标。", 40)
    expect(page.get_by_text("进度已填报")).to_be_visible()

    _file(page, "抽蓄项目已于10月28日正式开工。", 60)
    confirmation = page.get_by_text("进度已修订为第2版，以前版本仍可查看")
    expect(confirmation).to_be_visible()
    expect(confirmation).to_be_in_viewport()
    reports = page.locator("#reports")
    expect(reports).to_contain_text("第2版（修订）")
    expect(reports).to_contain_text("抽蓄项目已于10月28日正式开工。")
    earlier = reports.locator("details", has_text="查看以前版本（1）")
    expect(earlier.get_by_text("抽蓄项目完成主体工程招标。")).to_be_hidden()
    earlier.locator("summary").click()
    expect(earlier.get_by_text("抽蓄项目完成主体工程招标。")).to_be_visible()
    expect(earlier).to_contain_text("第1版")
    report = ProgressReport.objects.get(task__document=seeded, task__number=1, unit__name="区发改局")
    assert (report.version, report.percent) == (2, 60)


def test_a_refused_urge_answers_beside_its_date_and_keeps_what_was_typed(web, seeded):
    page = web.login("duchashi")
    page.locator("#ledger-h").scroll_into_view_if_needed()
    row = page.locator("#ledger tbody tr").first
    expect(row).to_be_visible()
    row.get_by_role("link", name="催办").click()
    dialog = page.locator("#urge-dialog")
    expect(dialog).to_be_visible()
    yesterday = (clock.today() - timedelta(days=1)).isoformat()
    dialog.get_by_label("等级").select_option(label="督办(红色)")
    dialog.get_by_label("要求回复日期").fill(yesterday)
    dialog.get_by_label("督办事项(可不填)").fill("请说明开工许可办理进度")
    dialog.get_by_role("button", name="下发").click()

    # The reason sits in the date's own field, the date is marked, nothing typed is lost.
    date_field = dialog.locator(".field", has=page.get_by_label("要求回复日期"))
    reason = date_field.get_by_text("要求回复日期不能早于今天")
    expect(reason).to_be_visible()
    expect(reason).to_be_in_viewport()
    expect(dialog.get_by_label("要求回复日期")).to_have_value(yesterday)
    expect(dialog.get_by_label("要求回复日期")).to_have_attribute("aria-invalid", "true")
    expect(dialog.get_by_label("等级")).to_have_value("supervise")
    expect(dialog.get_by_label("督办事项(可不填)")).to_have_value("请说明开工许可办理进度")
    expect(dialog.locator(".msg-error")).to_be_hidden()
    assert not UrgeNotice.objects.exists()

    # Corrected, it goes through: the dialog closes and the row says what was sent.
    due = (clock.today() + timedelta(days=5)).isoformat()
    dialog.get_by_label("要求回复日期").fill(due)
    dialog.get_by_role("button", name="下发").click()
    expect(dialog).to_be_hidden()
    expect(row).to_contain_text(f"已下发督办(红色),要求 {due} 前回复")
    notice = UrgeNotice.objects.get()
    assert (notice.level, notice.message) == (UrgeNotice.Level.SUPERVISE, "请说明开工许可办理进度")
