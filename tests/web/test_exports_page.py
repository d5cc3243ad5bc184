"""导出与订阅: export buttons, background jobs whose rows poll until the file is ready, calendar subscriptions."""

from __future__ import annotations

import io
import re

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from playwright.sync_api import expect

from accounts.models import User
from duban.celery import app as celery_app
from duban.lib import clock
from policy_tasks.exports.jobs import export_job_run
from policy_tasks.models import CalendarToken, ExportJob

pytestmark = pytest.mark.django_db
HTMX = {"HX-Request": "true"}


@pytest.fixture
def w(world, today):
    return world


def _ledger_post(w, **extra):
    return {"what": "ledger", "ledger-document": w.document.pk, "ledger-fmt": "xlsx", **extra}


def _job_row(html: str, job: ExportJob) -> str:
    match = re.search(rf'<tr id="job-{job.pk}".*?</tr>', html, re.S)
    assert match, html
    return match.group(0)


def test_every_signed_in_person_reaches_the_page_from_the_menu(client, w):
    client.force_login(w.lead_clerk)
    page = client.get("/export/").content.decode()
    assert 'href="/export/" aria-current="page">导出与订阅' in page
    assert 'id="ledger-export"' in page and 'id="calendar"' in page
    assert 'id="bulletin-export"' not in page  # bulletins are for supervisors, leaders and admins
    client.force_login(w.supervisor)
    page = client.get("/export/").content.decode()
    assert 'id="bulletin-export"' in page
    assert 'name="bulletin-period" value="2023-10"' in page  # last month by default


def test_anonymous_visitor_is_sent_to_log_in(client, db):
    response = client.get("/export/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_filters_in_the_link_preset_the_ledger_form(client, w):
    client.force_login(w.supervisor)
    page = client.get(f"/export/?document={w.document.pk}&light=red&as_of=2023-11-01&unit={w.lead_unit.pk}")
    html = page.content.decode()
    assert re.search(r'<input type="checkbox" name="ledger-light" value="red"[^>]*checked', html)
    assert 'name="ledger-as_of" value="2023-11-01"' in html
    assert re.search(rf'<option value="{w.lead_unit.pk}" selected>区发改局</option>', html)


def test_a_job_started_on_the_page_shows_progress_then_a_download_link(client, w):
    client.force_login(w.lead_clerk)
    started = client.post("/export/start/", _ledger_post(w, **{"ledger-as_of": "2023-11-01"}), headers=HTMX)
    assert started.status_code == 200
    job = ExportJob.objects.get()
    assert (job.requested_by, job.kind, job.params["as_of"]) == (w.lead_clerk, "ledger_xlsx", "2023-11-01")
    html = started.content.decode()
    assert "已开始生成台账 (Excel)" in html
    row = _job_row(html, job)
    assert f'hx-get="/export/jobs/{job.pk}/"' in row and "排队中" in row

    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.RUNNING, progress=40)
    row = client.get(f"/export/jobs/{job.pk}/", headers=HTMX).content.decode()
    assert 'hx-trigger="load delay:1s"' in row
    assert '<progress max="100" value="40"' in row and "生成中 40%" in row

    ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.PENDING, progress=0)
    export_job_run(job_id=job.pk)  # what the Celery task does
    row = client.get(f"/export/jobs/{job.pk}/", headers=HTMX).content.decode()
    assert "hx-get" not in row  # done: the row stops asking
    link = re.search(r'href="([^"]+)">下载 (台账_\S+\.xlsx)</a>', row)
    assert link and link.group(1) == f"/api/v1/export-jobs/{job.pk}/download/"
    download = client.get(link.group(1))
    ws = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))["台账"]
    assert ws.cell(3, 4).value == "抽蓄项目10月底前开工"


def test_without_javascript_a_started_job_sends_you_to_the_list(client, w):
    client.force_login(w.supervisor)
    response = client.post(
        "/export/start/",
        {"what": "bulletin", "bulletin-document": w.document.pk, "bulletin-period": "2023-10", "bulletin-fmt": "docx"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/export/#export-jobs"
    page = client.get(response["Location"]).content.decode()
    assert "已开始生成督查通报 (Word)" in page
    assert ExportJob.objects.get().params == {"period": "2023-10"}


def test_download_at_once_answers_the_file(client, w):
    client.force_login(w.lead_clerk)
    response = client.post(
        "/export/start/", _ledger_post(w, direct="1", **{"ledger-fmt": "csv", "ledger-light": ["red", "yellow"]})
    )
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment")
    assert not ExportJob.objects.exists()


def test_refusals_and_mistakes_are_shown_on_the_form(client, w):
    client.force_login(w.lead_head)
    refused = client.post(
        "/export/start/",
        {"what": "bulletin", "bulletin-document": w.document.pk, "bulletin-period": "2023-10", "bulletin-fmt": "pdf"},
        headers=HTMX,
    )
    assert refused.status_code == 200
    assert "无权查看该文件的督查通报" in refused.content.decode()
    client.force_login(w.supervisor)
    mistake = client.post(
        "/export/start/",
        _ledger_post(w, **{"ledger-due_from": "2023-12-01", "ledger-due_to": "2023-01-01"}),
        headers=HTMX,
    )
    html = mistake.content.decode()
    assert "到期日期范围的起始日期晚于结束日期" in html
    assert 'name="ledger-due_from" value="2023-12-01"' in html  # what was sent stays on the form
    assert not ExportJob.objects.exists()


def test_someone_elses_job_is_not_found(client, w):
    job = ExportJob.objects.create(
        kind="ledger_csv", document=w.document, requested_by=w.lead_clerk, created_at=clock.now()
    )
    client.force_login(w.co_clerk)
    assert client.get(f"/export/jobs/{job.pk}/").status_code == 404
    assert f'id="job-{job.pk}"' not in client.get("/export/").content.decode()


def test_calendar_subscription_shows_its_address_once_and_revoking_ends_it(client, w):
    client.force_login(w.lead_clerk)
    created = client.post("/export/calendar/", {"unit": w.lead_unit.pk, "label": "发改局时限"}, headers=HTMX)
    url = re.search(r'id="feed-url" type="text" readonly value="([^"]+)"', created.content.decode()).group(1)
    path = url.removeprefix("http://testserver")
    assert path.startswith("/exports/calendar/") and path.endswith(".ics")
    secret = path.removeprefix("/exports/calendar/").removesuffix(".ics")

    page = client.get("/export/").content.decode()
    assert "发改局时限" in page and secret not in page  # listed, but the address is never shown again
    feed = client.get(path)
    assert feed.status_code == 200 and "抽蓄项目10月底前开工" in feed.content.decode()

    token = CalendarToken.objects.get()
    revoked = client.post(f"/export/calendar/{token.pk}/revoke/", headers=HTMX).content.decode()
    assert "已撤销“发改局时限”" in revoked
    assert client.get(path).status_code == 404

    client.force_login(w.co_clerk)
    assert client.post(f"/export/calendar/{token.pk}/revoke/").status_code == 404


def test_a_unit_feed_is_refused_to_outsiders_on_the_form(client, w):
    client.force_login(w.other_clerk)
    response = client.post("/export/calendar/", {"unit": w.lead_unit.pk})
    assert "单位不存在或无权查看" in response.content.decode()
    assert not CalendarToken.objects.exists()


def _jobs_up_to(w, total: int) -> None:
    kinds = ["ledger_xlsx", "ledger_csv", "bulletin_pdf"]
    for i in range(ExportJob.objects.count(), total):
        ExportJob.objects.create(
            kind=kinds[i % 3], document=w.document, requested_by=w.supervisor, created_at=clock.now(), params={}
        )


def test_page_query_count_does_not_grow_with_jobs(client, w, django_assert_max_num_queries):
    client.force_login(w.supervisor)
    _jobs_up_to(w, 1)
    client.get("/export/")  # warm-up: session and caches
    with CaptureQueriesContext(connection) as one:
        assert client.get("/export/").status_code == 200
    _jobs_up_to(w, 10)
    for n in range(3):
        CalendarToken.objects.create(owner=w.supervisor, token_hash=f"{n:064d}", created_at=clock.now())
    with django_assert_max_num_queries(len(one)):
        page = client.get("/export/").content.decode()
    assert page.count('<tr id="job-') == 10


@pytest.mark.django_db(transaction=True)
def test_in_a_browser_jobs_poll_until_ready_and_subscriptions_come_and_go(web, seeded):
    supervisor = User.objects.get(username="duchashi")
    queued = ExportJob.objects.create(
        kind="ledger_csv", document=seeded, requested_by=supervisor, created_at=clock.now(), params={}
    )
    page = web.login("duchashi")
    page.get_by_role("link", name="导出与订阅").click()
    row = page.locator(f"#job-{queued.pk}")
    expect(row).to_contain_text("排队中")
    export_job_run(job_id=queued.pk)  # a worker picks it up; the row, polling, notices
    expect(row.get_by_role("link", name=re.compile(r"^下载 台账_.*\.csv$"))).to_be_visible()
    with page.expect_download() as download:
        row.get_by_role("link").click()
    assert download.value.suggested_filename.endswith(".csv")

    # 后台生成 through the form: the card says so and the list gains the job (run at once here).
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        card = page.locator("#ledger-export")
        card.get_by_label("红灯·逾期").check()
        card.get_by_role("button", name="后台生成").click()
        expect(card.get_by_role("status")).to_contain_text("已开始生成台账 (Excel)")
    finally:
        celery_app.conf.task_always_eager = before
    started = ExportJob.objects.exclude(pk=queued.pk).get()
    assert started.params["lights"] == ["red"]
    expect(page.locator(f"#job-{started.pk}")).to_contain_text("已完成")

    calendar = page.locator("#calendar")
    calendar.get_by_label("订阅范围").select_option(label="区发改局")
    calendar.get_by_role("button", name="新建订阅").click()
    url = calendar.get_by_label("订阅地址").input_value()
    assert page.request.get(url).status == 200
    page.once("dialog", lambda dialog: dialog.accept())
    calendar.get_by_role("button", name=re.compile("撤销订阅")).click()
    expect(calendar.get_by_role("status")).to_contain_text("已撤销")
    assert page.request.get(url).status == 404
