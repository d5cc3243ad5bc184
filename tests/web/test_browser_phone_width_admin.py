"""Issue 15 in Debian's Chromium: the pages the first width test leaves out fit a 375 px phone too.

The administrator's pages (the admin site: index, the busiest lists, change forms, the audit
trail), the review of an .xlsx list of 批示件, and the 400 and 500 pages people meet when a
request is refused or a bug strikes. The measure and its failure message are the first test's.
"""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from django.core.exceptions import SuspiciousOperation
from django.urls import path

from accounts.models import Unit, User
from duban.urls import urlpatterns as project_patterns
from policy_tasks.models import AuditEvent, Milestone, Task
from tests.web.conftest import shoot
from tests.web.test_browser_phone_width import _measure, _phone, _visit, assert_all_fit

pytestmark = pytest.mark.django_db(transaction=True)


def _bad_request(request):
    raise SuspiciousOperation("a request no browser sends")


def _broken(request):
    raise RuntimeError("a bug")


urlpatterns = [
    path("raises/400/", _bad_request),
    path("raises/500/", _broken),
    *project_patterns,
]
handler400 = "duban.errors.bad_request"
handler403 = "duban.errors.permission_denied"
handler404 = "duban.errors.page_not_found"
handler500 = "duban.errors.server_error"


def _instruction_list(rows: int) -> bytes:
    """A 批示件 list as a supervision office keeps it: long matters, several units per cell."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["2023年领导批示件交办清单"])
    sheet.append(["序号", "类别", "事项内容", "批示领导", "批示日期", "牵头单位", "配合单位", "完成时限"])
    for i in range(1, rows + 1):
        sheet.append(
            [
                i,
                "领导批示件",
                f"关于加快推进第{i}批城乡风貌整治提升和未来社区建设有关工作的批示落实情况,请于每月底前报送进展",
                "lingdao",
                date(2023, 9, i),
                "区发改局",
                "区财政局、区自然资源和规划分局、区住建局、区交通运输局",
                f"2023年{(i % 3) + 10}月底",
            ]
        )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_admin_pages_xlsx_review_and_error_pages_fit_375_px(web, seeded, settings, tmp_path):
    settings.ROOT_URLCONF = __name__
    task = Task.objects.filter(document=seeded, parent=None).order_by("pk").first()
    milestone = Milestone.objects.filter(document=seeded).order_by("pk").first()
    unit = Unit.objects.get(name="区发改局")
    clerk = User.objects.get(username="qfgj_clerk")
    event = AuditEvent.objects.order_by("-pk").first()
    widths: dict[str, dict] = {}

    admin = [
        ("管理首页", "/admin/"),
        ("文件列表", "/admin/policy_tasks/policydocument/"),
        ("文件修改", f"/admin/policy_tasks/policydocument/{seeded.pk}/change/"),
        ("任务列表", "/admin/policy_tasks/task/"),
        ("任务修改", f"/admin/policy_tasks/task/{task.pk}/change/"),
        ("节点列表(管理)", "/admin/policy_tasks/milestone/"),
        ("节点修改", f"/admin/policy_tasks/milestone/{milestone.pk}/change/"),
        ("单位列表", "/admin/accounts/unit/"),
        ("单位修改", f"/admin/accounts/unit/{unit.pk}/change/"),
        ("用户列表", "/admin/accounts/user/"),
        ("用户修改", f"/admin/accounts/user/{clerk.pk}/change/"),
        ("审计日志", "/admin/policy_tasks/auditevent/"),
        ("审计记录", f"/admin/policy_tasks/auditevent/{event.pk}/change/"),
        ("任务搜索", "/admin/policy_tasks/task/?q=%E6%8A%BD%E8%93%84"),
    ]
    page = _phone(web, "admin")
    _visit(page, admin, widths)
    # The README shows where the office sets a document's scoring weights (考核计分) and reads its formula.
    page.goto(f"/admin/policy_tasks/policydocument/{seeded.pk}/change/")
    shoot(page, "admin-scoring")

    page.goto("/import/")
    upload = tmp_path / "批示件清单.xlsx"
    upload.write_bytes(_instruction_list(8))
    page.locator("input[type=file]").first.set_input_files(str(upload))
    page.get_by_role("button", name="解析预览").click()
    _measure(page, "批示件清单核对", widths, 200)
    assert "批示" in page.content()

    _visit(_phone(web, None), [("400", "/raises/400/"), ("500", "/raises/500/")], widths)

    assert_all_fit(widths, expected={"400": 400, "500": 500})
