"""The pages' download links, clicked in Chromium: each file comes from /api/v1 on the page's own
session (no token, no CSRF for a GET), as the pages link them since the exports moved there."""

from __future__ import annotations

import io
import re
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import expect

from accounts.models import User
from policy_tasks.exports.jobs import export_job_run
from policy_tasks.models import ExportJob, Milestone, UrgeNotice
from policy_tasks.services.urges import urge_issue

pytestmark = pytest.mark.django_db(transaction=True)

MILESTONE = "确保抽蓄项目10月底前开工"


def _download(page, link) -> tuple[str, bytes]:
    with page.expect_download() as caught:
        link.click()
    download = caught.value
    assert "/api/v1/" in download.url, download.url
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_the_ledger_the_job_and_the_notice_download_from_the_api(web, seeded):
    milestone = Milestone.objects.get(document=seeded, text=MILESTONE)
    urge_issue(
        user=User.objects.get(username="duchashi"),
        task=milestone.task,
        level=UrgeNotice.Level.SUPERVISE,
        message="请说明原因",
        reply_due=date(2023, 11, 20),
    )
    page = web.login("duchashi")
    page.goto("/supervision/")
    exports = page.locator("p.exports")
    name, data = _download(page, exports.get_by_role("link", name="Excel", exact=True))
    assert name.endswith(".xlsx")
    assert openpyxl.load_workbook(io.BytesIO(data))["台账"].cell(3, 4).value is not None
    name, data = _download(page, exports.get_by_role("link", name="CSV", exact=True))
    assert name.endswith(".csv") and MILESTONE in data.decode("utf-8-sig")

    # The bulletin's page opens in the browser, from the API too.
    exports.get_by_role("link", name="网页").click()
    expect(page).to_have_url(re.compile(r"/api/v1/documents/\d+/bulletin\.html\?.*inline=true"))
    expect(page.get_by_text("督查通报").first).to_be_visible()

    # A background job: started on the export page, its row offers the file once it is done.
    page.goto("/export/")
    page.locator("#ledger-export").get_by_role("button", name="后台生成").click()
    expect(page.locator("#export-jobs")).to_contain_text("排队中")
    export_job_run(job_id=ExportJob.objects.get().pk)  # what the worker does
    link = page.locator("#export-jobs").get_by_role("link", name=re.compile("^下载 "))
    expect(link).to_be_visible(timeout=15_000)  # the row asks again every 2 s
    name, data = _download(page, link)
    assert name.endswith(".xlsx") and data.startswith(b"PK")

    # The printable 督办单 on the task page.
    page.goto(f"/tasks/{milestone.task.pk}/")
    name, data = _download(page, page.get_by_role("link", name="PDF", exact=True))
    assert name.endswith(".pdf") and data.startswith(b"%PDF")
    name, data = _download(page, page.get_by_role("link", name="Word", exact=True))
    assert name.endswith(".docx") and data.startswith(b"PK")
