"""The stories of issue 7, walked through the pages in Debian's Chromium against the live server.

Every test fails if a page asked for anything from another host (the `web` fixture).
Screenshots of the five main pages land in docs/screenshots/ as they are taken.
"""

from __future__ import annotations

import io
import re

import docx
import pytest
from playwright.sync_api import expect

from accounts.models import Unit, UnitAlias
from policy_tasks.models import CompletionRequest, Milestone, PolicyDocument, TaskUnit, UrgeNotice
from tests.web.conftest import shoot

pytestmark = pytest.mark.django_db(transaction=True)

MILESTONE = "确保抽蓄项目10月底前开工"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _logout(page) -> None:
    page.get_by_role("button", name="退出").click()
    expect(page.get_by_role("heading", name="登录督办系统")).to_be_visible()


def _open_clause_1(page) -> None:
    page.get_by_role("link", name=re.compile(r"^第1条 重点推进")).first.click()
    expect(page.get_by_role("heading", name=re.compile("第1条"))).to_be_visible()


def _request_completion(page, milestone: Milestone, *, file_name: str | None = None) -> None:
    card = page.locator(f"#m{milestone.pk}")
    card.get_by_text("申请办结", exact=True).click()
    card.get_by_label("办结说明").fill("抽蓄项目已于10月28日开工,附开工证明。")
    if file_name:
        card.get_by_label("或上传新的佐证材料").set_input_files(
            {"name": file_name, "mimeType": "application/pdf", "buffer": PDF}
        )
    else:
        card.get_by_label("抽蓄项目开工证明.pdf").check()
    card.get_by_role("button", name="提交办结申请").click()
    expect(page.get_by_text(f"已申请办结:{MILESTONE}")).to_be_visible()


def test_report_return_request_again_verify_and_urge(web, seeded):
    milestone = Milestone.objects.get(document=seeded, text=MILESTONE)

    # A clerk of 区发改局 reports progress on clause 1 with an evidence file.
    page = web.login("qfgj_clerk")
    expect(page.get_by_role("heading", name=re.compile("工作台"))).to_be_visible()
    expect(page.locator("#overdue")).to_contain_text(MILESTONE)
    _open_clause_1(page)
    expect(page.locator("mark", has_text=MILESTONE)).to_have_attribute("title", "完成时限 2023-10-31")
    report = page.locator("#report")
    report.get_by_label("进展情况").fill("抽蓄项目已完成主体工程招标,10月28日正式开工。")
    report.get_by_label("完成百分比(%)").fill("60")
    report.get_by_label("佐证材料(可选)").set_input_files(
        {"name": "抽蓄项目开工证明.pdf", "mimeType": "application/pdf", "buffer": PDF}
    )
    report.get_by_role("button", name="提交填报").click()
    expect(page.get_by_text("进度已填报，佐证材料已上传")).to_be_visible()
    expect(page.locator("#reports")).to_contain_text("抽蓄项目开工证明.pdf")
    page.goto("/workbench/")
    shoot(page, "workbench")
    _logout(page)

    # Its head requests completion with that file (docs/permissions.md: heads request).
    page = web.login("qfgj_head")
    _open_clause_1(page)
    _request_completion(page, milestone)
    shoot(page, "task")
    _logout(page)

    # A supervisor finds it in the verification queue and returns it with a reason.
    page = web.login("duchashi")
    row = page.locator("#verify tbody tr", has_text=MILESTONE)
    expect(row).to_contain_text("抽蓄项目开工证明.pdf")
    shoot(page, "supervision")
    row.get_by_label("审核意见(退回必填)").fill("缺少开工许可文件,请补充后再申请")
    row.get_by_role("button", name="退回").click()
    expect(page.locator("#verify")).to_contain_text("已退回:缺少开工许可文件")
    _logout(page)

    # The clerk sees the reason; the head requests again with the missing file.
    page = web.login("qfgj_clerk")
    _open_clause_1(page)
    expect(page.locator(f"#m{milestone.pk}")).to_contain_text("退回理由:缺少开工许可文件,请补充后再申请")
    _logout(page)
    page = web.login("qfgj_head")
    _open_clause_1(page)
    _request_completion(page, milestone, file_name="施工许可证.pdf")
    _logout(page)

    # The supervisor verifies (销号); the milestone is closed.
    page = web.login("duchashi")
    row = page.locator("#verify tbody tr", has_text=MILESTONE)
    expect(row).to_contain_text("施工许可证.pdf")
    row.get_by_role("button", name="销号").click()
    expect(page.locator("#verify")).to_contain_text("已销号")
    milestone.refresh_from_db()
    assert milestone.status == Milestone.Status.CLOSED
    statuses = CompletionRequest.objects.filter(milestone=milestone).order_by("pk").values_list("status", flat=True)
    assert list(statuses) == ["returned", "verified"]

    # A supervisor filters the overdue ledger to one unit and urges it in one action.
    page.reload()
    page.locator("#ledger-h").scroll_into_view_if_needed()
    page.get_by_label("责任单位").select_option(label="区水利局")
    expect(page).to_have_url(re.compile(r"unit=\d+"))
    water = Unit.objects.get(name="区水利局")
    rows = page.locator("#ledger tbody tr")
    expect(rows.first).to_be_visible()
    for i in range(rows.count()):
        expect(rows.nth(i)).to_contain_text("区水利局")
    first = rows.first
    # One dialog holds the urge form for every row (issue 15); the row shows the result.
    first.get_by_role("link", name="催办").click()
    dialog = page.locator("#urge-dialog")
    expect(dialog).to_be_visible()
    dialog.get_by_label("等级").select_option(label="督办(红色)")
    dialog.get_by_label("要求回复日期").fill("2023-11-20")
    dialog.get_by_role("button", name="下发").click()
    expect(dialog).to_be_hidden()
    expect(first).to_contain_text("已下发督办(红色),要求 2023-11-20 前回复")
    notice = UrgeNotice.objects.get()
    assert notice.level == UrgeNotice.Level.SUPERVISE
    assert TaskUnit.objects.filter(task=notice.task, unit=water).exists()
    _logout(page)

    # The leaders' dashboard draws its charts from local files; a bar opens the list behind it.
    page = web.login("lingdao")
    expect(page.get_by_role("heading", name=re.compile("领导驾驶舱"))).to_be_visible()
    expect(page.locator("#chart-units canvas")).to_be_visible()
    shoot(page, "dashboard")
    box = page.locator("#chart-units").bounding_box()
    x, y = page.evaluate(
        """() => {
            const chart = echarts.getInstanceByDom(document.getElementById('chart-units'));
            const value = chart.getOption().series[0].data[0];
            return chart.convertToPixel({seriesIndex: 0}, [value / 2, 0]);
        }"""
    )
    page.mouse.click(box["x"] + x, box["y"] + y)
    expect(page).to_have_url(re.compile(r"/milestones/\?.*light=red"))
    expect(page.get_by_role("heading", name=re.compile("逾期台账"))).to_be_visible()


def _sample_docx() -> bytes:
    document = docx.Document()
    for line in [
        "衢州市柯城区人民政府办公室关于印发柯城区2023年数字化改革攻坚行动方案的通知",
        "发文字号: 柯政办发〔2023〕7号",
        "成文日期: 2023-04-10",
        "一、数字政府(由区大数据局牵头实施)",
        "1. 推进一网通办。6月底前实现高频事项全程网办,全年新增上线事项100项。(责任单位:区大数据局、区发展改革局)",
        "2. 建设城市大脑。三季度完成一期建设。(责任单位:区大数据局、区财政局)",
        "二、数字经济(由区经信局牵头实施)",
        "3. 培育数字企业。年内新增规上数字经济企业10家。(责任单位:区经信局、区发改局)",
        "以上措施除明确时限外,实施期限至2023年12月31日。",
    ]:
        document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_admin_uploads_corrects_a_unit_and_confirms(web, seeded):
    documents_before = PolicyDocument.objects.count()
    page = web.login("admin")
    page.get_by_role("link", name="导入文件").click()
    page.get_by_label("文件(.txt/.doc/.docx/.wps/.pdf/.ofd/.xlsx/.xls)").set_input_files(
        {
            "name": "数字化改革方案.docx",
            "mimeType": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "buffer": _sample_docx(),
        }
    )
    page.get_by_role("button", name="解析预览").click()
    expect(page.get_by_role("heading", name="核对导入结果")).to_be_visible()
    expect(page.locator(".unit-new", has_text="区发展改革局").first).to_be_visible()
    assert PolicyDocument.objects.count() == documents_before  # nothing written by the preview

    page.get_by_label("“区发展改革局”对应的单位").select_option(label="区发改局")
    shoot(page, "import-review")
    page.get_by_role("button", name="确认导入").last.click()
    expect(page.get_by_text(re.compile(r"已导入 柯政办发〔2023〕7号"))).to_be_visible()
    expect(page.locator("#board")).to_contain_text("推进一网通办")

    assert UnitAlias.objects.get(alias="区发展改革局").unit.name == "区发改局"
    assert not Unit.objects.filter(name="区发展改革局").exists()
    document = PolicyDocument.objects.get(doc_number="柯政办发〔2023〕7号")
    co = TaskUnit.objects.get(task__document=document, task__number=1, role=TaskUnit.Role.CO)
    assert co.unit.name == "区发改局"
    assert document.report_periods.exists()
