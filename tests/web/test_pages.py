"""The pages through Django's test client: login, scoping, and the actions' answers."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings as django_settings
from django.core.files.uploadedfile import SimpleUploadedFile

from accounts.models import Unit, UnitAlias
from policy_tasks.models import AuditEvent, Milestone, PolicyDocument, ProgressReport, ReportPeriod, UrgeRecipient
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.urges import urge_issue
from tests.web.builders import request_completion

pytestmark = pytest.mark.django_db

SAMPLE = """衢州市柯城区人民政府办公室关于印发柯城区2023年数字化改革攻坚行动方案的通知
发文字号: 柯政办发〔2023〕7号
成文日期: 2023-04-10
一、数字政府(由区财政局牵头实施)
1. 推进一网通办。6月底前实现高频事项全程网办。(责任单位:区财政局、区发展改革局)
2. 建设城市大脑。三季度完成一期建设。(责任单位:区财政局、区教育局)
以上措施除明确时限外,实施期限至2023年12月31日。
"""


@pytest.fixture
def w(world, today, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    document_generate_periods(document=world.document)
    return world


def test_anonymous_visitor_is_sent_to_the_chinese_login_page(client, db):
    response = client.get("/workbench/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=%2Fworkbench%2F"
    page = client.get(response["Location"]).content.decode()
    assert "登录督办系统" in page
    assert 'lang="zh-Hans"' in page


def test_expired_session_is_explained_on_the_login_page(client, db):
    client.cookies[django_settings.SESSION_COOKIE_NAME] = "a-session-that-no-longer-exists"
    response = client.get("/supervision/", follow=True)
    assert "您的登录已过期，请重新登录。" in response.content.decode()


def test_htmx_request_after_expiry_sends_the_whole_page_to_login(client, db):
    response = client.get("/supervision/", headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith("/login/?next=")


def test_locked_out_clerk_is_told_why_on_the_login_page(client, w):
    for _ in range(django_settings.AXES_FAILURE_LIMIT):
        response = client.post("/login/", {"username": "lead_clerk", "password": "wrong"})
    assert response.status_code == 429
    page = response.content.decode()
    assert "登录失败次数过多，账号已被暂时锁定" in page
    assert "<form" in page  # still the login page, not a bare text answer
    # Even the right password is refused while the lock lasts, with the same explanation.
    response = client.post("/login/", {"username": "lead_clerk", "password": "pass-duban-123"})
    assert response.status_code == 429
    assert "账号已被暂时锁定" in response.content.decode()


def test_wrong_password_is_explained_in_chinese(client, w):
    response = client.post("/login/", {"username": "lead_clerk", "password": "wrong"})
    assert response.status_code == 200
    assert "用户名或密码不正确" in response.content.decode()


@pytest.mark.parametrize(
    ("actor", "home"),
    [("lead_clerk", "/workbench/"), ("supervisor", "/supervision/"), ("leader", "/dashboard/")],
)
def test_each_role_lands_on_its_own_page(client, w, actor, home):
    response = client.post("/login/", {"username": actor, "password": "pass-duban-123"}, follow=True)
    assert response.redirect_chain[-1][0] == home


def test_task_outside_the_users_scope_is_not_found(client, w):
    evidence_id = request_completion(w, w.milestone).evidence.get().pk
    client.force_login(w.other_clerk)
    assert client.get(f"/tasks/{w.task.pk}/").status_code == 404
    assert client.get(f"/evidence/{evidence_id}/").status_code == 404
    assert client.post(f"/milestones/{w.milestone.pk}/extend/", {}).status_code == 404
    assert client.post(f"/tasks/{w.task.pk}/report/", {}).status_code == 404


def test_co_unit_clerk_sees_the_task_but_not_the_lead_units_actions(client, w):
    client.force_login(w.co_clerk)
    page = client.get(f"/tasks/{w.task.pk}/").content.decode()
    assert "填报进度" in page
    assert "申请办结" not in page
    assert "审计记录" not in page


def test_clerk_cannot_open_the_supervision_console(client, w):
    client.force_login(w.lead_clerk)
    response = client.get("/supervision/")
    assert response.status_code == 403
    assert "无权访问" in response.content.decode()


def test_clause_phrases_are_marked_with_their_due_date(client, seeded):
    client.login(username="qfgj_clerk", password="duban-demo-2023")
    task = seeded.tasks.get(number=1)
    page = client.get(f"/tasks/{task.pk}/").content.decode()
    mark = re.search(r'<mark tabindex="0" class="hl hl-red" title="完成时限 2023-10-31"[^>]*>([^<]*)</mark>', page)
    assert mark is not None and mark.group(1) == "确保抽蓄项目10月底前开工"


def test_a_report_whose_file_is_refused_is_not_kept(client, w):
    client.force_login(w.lead_clerk)
    period = ReportPeriod.objects.filter(document=w.document, starts_on__lte=date(2023, 11, 15)).latest("starts_on")
    response = client.post(
        f"/tasks/{w.task.pk}/report/",
        {
            "period": period.pk,
            "progress": "已开工",
            "percent": 40,
            "file": SimpleUploadedFile("setup.exe", b"MZ\x90\x00" + b"\x00" * 200),
        },
    )
    assert response.status_code == 400
    assert "不支持的文件类型" in response.content.decode()
    assert not ProgressReport.objects.exists()


def test_clerk_cannot_verify_and_the_row_says_so(client, w):
    request_completion(w, w.milestone)
    pending = w.milestone.completion_requests.get()
    client.force_login(w.lead_clerk)
    response = client.post(
        f"/supervision/completions/{pending.pk}/", {"decision": "verify"}, headers={"HX-Request": "true"}
    )
    assert response.content.decode().lstrip().startswith("<tr")
    assert "无权执行此操作" in response.content.decode()
    w.milestone.refresh_from_db()
    assert w.milestone.status == Milestone.Status.REQUESTED


def test_return_without_a_reason_is_refused_in_the_row(client, w):
    request_completion(w, w.milestone)
    pending = w.milestone.completion_requests.get()
    client.force_login(w.supervisor)
    response = client.post(
        f"/supervision/completions/{pending.pk}/", {"decision": "return", "reason": ""}, headers={"HX-Request": "true"}
    )
    assert "退回须说明理由" in response.content.decode()
    w.milestone.refresh_from_db()
    assert w.milestone.status == Milestone.Status.REQUESTED


def test_extension_requested_on_the_task_page_is_granted_from_the_queue(client, w):
    client.force_login(w.lead_head)
    w.milestone.due_date = w.milestone.original_due_date = date(2023, 11, 30)
    w.milestone.save()
    response = client.post(
        f"/milestones/{w.milestone.pk}/extend/",
        {f"e{w.milestone.pk}-proposed_date": "2023-12-20", f"e{w.milestone.pk}-reason": "设备到货延迟"},
    )
    assert response.status_code == 302
    client.force_login(w.supervisor)
    console = client.get("/supervision/").content.decode()
    assert "设备到货延迟" in console
    pending = w.milestone.extension_requests.get()
    response = client.post(f"/supervision/extensions/{pending.pk}/", {"decision": "grant"}, follow=True)
    assert "已批准延期至 2023-12-20" in response.content.decode()
    w.milestone.refresh_from_db()
    assert (w.milestone.due_date, w.milestone.original_due_date) == (date(2023, 12, 20), date(2023, 11, 30))


def test_unit_replies_to_an_urge_from_the_task_page(client, w):
    notice = urge_issue(
        user=w.supervisor, task=w.task, level="urge", message="请说明开工情况", reply_due=date(2023, 11, 20)
    )
    recipient = notice.recipients.get(unit=w.lead_unit)
    client.force_login(w.lead_clerk)
    assert "请说明开工情况" in client.get("/workbench/").content.decode()
    client.post(f"/urges/{recipient.pk}/reply/", {"reply": "已于10月28日开工"})
    recipient.refresh_from_db()
    assert recipient.reply == "已于10月28日开工"
    assert not UrgeRecipient.objects.filter(unit=w.lead_unit, replied_at=None).exists()


def test_workbench_shows_only_my_units_tasks(client, w):
    client.force_login(w.other_clerk)
    assert w.task.title not in client.get("/workbench/").content.decode()
    client.force_login(w.lead_clerk)
    assert w.task.title in client.get("/workbench/").content.decode()


def test_the_workbench_on_a_past_day_shows_the_task_red_with_its_overdue_milestone(client, w):
    """Closed on 11-10, after its deadline: on 11-05 it was overdue, and its task's tile is red
    beside the overdue count, though the milestone is closed today."""
    closed_at = datetime(2023, 11, 10, 16, tzinfo=ZoneInfo("Asia/Shanghai"))
    Milestone.objects.filter(pk=w.milestone.pk).update(status=Milestone.Status.CLOSED, closed_at=closed_at)
    client.force_login(w.lead_clerk)
    then = client.get("/workbench/?as_of=2023-11-05").context["board"]
    assert then.overdue_count == 1
    assert [(light, [t.pk for t in tasks]) for light, tasks in then.groups] == [("red", [w.task.pk])]
    now = client.get("/workbench/").context["board"]
    assert now.overdue_count == 0 and [light for light, _ in now.groups] == ["grey"]


def test_every_dashboard_link_opens_a_list(client, seeded):
    client.login(username="lingdao", password="duban-demo-2023")
    page = client.get("/dashboard/").content.decode()
    data = json.loads(re.search(r'id="dashboard-data" type="application/json">(.*?)</script>', page, re.S).group(1))
    links = [
        *data["overdue_units"]["links"],
        *data["progress"]["links"],
        data["deadlines"]["link"].replace("DAY", "2023-12-31"),
    ]
    links += [url for series in data["completion"]["links"].values() for url in series]
    assert len(links) > 20
    for url in links:
        assert client.get(url).status_code == 200, url
    overdue = client.get(data["overdue_units"]["links"][0]).content.decode()
    assert "逾期台账" in overdue


def test_import_preview_writes_nothing_and_confirm_maps_the_unit(client, w):
    client.force_login(w.admin)
    counts = (PolicyDocument.objects.count(), Unit.objects.count(), AuditEvent.objects.count())
    upload = SimpleUploadedFile("方案.txt", SAMPLE.encode())
    response = client.post("/import/", {"file": upload})
    page = response.content.decode()
    assert response.status_code == 200
    assert "区发展改革局" in page and "unit-new" in page
    assert (PolicyDocument.objects.count(), Unit.objects.count(), AuditEvent.objects.count()) == counts

    payload = re.search(r'name="payload" value="([^"]+)"', page).group(1)
    response = client.post(
        "/import/confirm/", {"payload": payload, "map_name_1": "区发展改革局", "map_unit_1": w.lead_unit.pk}
    )
    assert response.status_code == 302
    assert UnitAlias.objects.get(alias="区发展改革局").unit == w.lead_unit
    document = PolicyDocument.objects.get(doc_number="柯政办发〔2023〕7号")
    assert document.tasks.get(number=1).task_units.get(role="co").unit == w.lead_unit


def test_a_tampered_import_form_is_refused(client, w):
    client.force_login(w.admin)
    response = client.post("/import/confirm/", {"payload": "eyJ0ZXh0IjoiIn0:forged:signature"}, follow=True)
    assert "预览已过期或内容被改动" in response.content.decode()
    assert not PolicyDocument.objects.filter(doc_number="柯政办发〔2023〕7号").exists()


def test_only_supervisors_and_admins_import(client, w):
    for user in (w.lead_clerk, w.lead_head, w.leader):
        client.force_login(user)
        assert client.get("/import/").status_code == 403
        assert client.post("/import/confirm/", {"payload": "x"}).status_code == 403
        assert 'href="/import/"' not in client.get("/milestones/").content.decode()
    client.force_login(w.supervisor)
    assert client.get("/import/").status_code == 200
    assert 'href="/import/"' in client.get("/milestones/").content.decode()


def test_ledger_export_links_carry_the_filters(client, w):
    client.force_login(w.supervisor)
    page = client.get(f"/supervision/?unit={w.lead_unit.pk}").content.decode()
    links = {label: url for url, label in re.findall(r'<a href="(/api/v1/documents/[^"]+)">(Excel|CSV)</a>', page)}
    assert f"unit={w.lead_unit.pk}" in links["Excel"] and "light=red" in links["Excel"]
    response = client.get(links["Excel"].replace("&amp;", "&"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.spreadsheetml")
