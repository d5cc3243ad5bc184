"""Forms that never lose the user (issue 15): a refusal shows beside its field with what was
typed kept, a confirmation shows where the user is, and all of it works without JavaScript."""

from __future__ import annotations

import re
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from policy_tasks.models import ExtensionRequest, UrgeNotice
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.urges import urge_issue
from tests import factories as f
from tests.web.builders import PDF, request_completion

pytestmark = pytest.mark.django_db


@pytest.fixture
def w(world, today, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    document_generate_periods(document=world.document)
    return world


def _card(page: str, milestone_pk: int) -> str:
    return page.split(f'id="m{milestone_pk}"')[1].split("</article>")[0]


def _section(page: str, section_id: str) -> str:
    return page.split(f'id="{section_id}"')[1].split("</section>")[0]


def _topbar_flash(page: str) -> str:
    return page.split("</header>")[1].split('<main id="main"')[0]


def test_an_extension_refused_for_its_date_shows_beside_the_date_with_the_reason_kept(client, w):
    later = f.MilestoneFactory(task=w.task, text="12月底前竣工", due_date=date(2023, 12, 31))
    client.force_login(w.lead_head)
    page = client.get(f"/tasks/{w.task.pk}/").content.decode()
    assert f'action="/milestones/{later.pk}/extend/#m{later.pk}"' in page  # the answer opens at the card
    answer = client.post(
        f"/milestones/{later.pk}/extend/",
        {f"e{later.pk}-proposed_date": "2023-12-01", f"e{later.pk}-reason": "征地未完成，需延期"},
    )
    assert answer.status_code == 400
    card = _card(answer.content.decode(), later.pk)
    assert '<details class="action" open>' in card
    date_group = card.split(f'for="id_e{later.pk}-proposed_date"')[1].split(f'for="id_e{later.pk}-reason"')[0]
    assert "申请延至日期须晚于当前完成时限" in date_group and 'aria-invalid="true"' in date_group
    assert 'value="2023-12-01"' in date_group
    assert "征地未完成，需延期</textarea>" in card
    assert not ExtensionRequest.objects.exists()


def test_an_extension_refused_after_the_due_date_keeps_its_form_with_the_reason(client, w):
    # Due 10-31, today 11-15: the service refuses; the form used to vanish with the reload.
    client.force_login(w.lead_head)
    answer = client.post(
        f"/milestones/{w.milestone.pk}/extend/",
        {f"e{w.milestone.pk}-proposed_date": "2023-12-20", f"e{w.milestone.pk}-reason": "设备未到货"},
    )
    assert answer.status_code == 400
    card = _card(answer.content.decode(), w.milestone.pk)
    assert "已超过完成时限，不能申请延期" in card
    assert 'value="2023-12-20"' in card and "设备未到货</textarea>" in card


def test_a_submitted_extension_is_confirmed_beside_its_milestone(client, w):
    later = f.MilestoneFactory(task=w.task, text="12月底前竣工", due_date=date(2023, 12, 31))
    client.force_login(w.lead_head)
    answer = client.post(
        f"/milestones/{later.pk}/extend/",
        {f"e{later.pk}-proposed_date": "2024-01-31", f"e{later.pk}-reason": "征地未完成"},
    )
    assert answer.status_code == 302 and answer["Location"].endswith(f"#m{later.pk}")
    page = client.get(answer["Location"]).content.decode()
    assert "延期申请已提交，等待督查室审批" in _card(page, later.pk)
    assert "延期申请已提交" not in _topbar_flash(page)


def test_a_refused_urge_keeps_its_form_with_the_error_beside_the_date(client, w):
    client.force_login(w.supervisor)
    body = {"level": "supervise", "reply_due": "2023-11-01", "next": "/supervision/"}
    answer = client.post(f"/milestones/{w.milestone.pk}/urge/", body, HTTP_HX_REQUEST="true")
    assert answer.status_code == 400
    html = answer.content.decode()
    assert '<form class="urge-form"' in html
    date_part = html.split('for="rd-')[1]
    assert "要求回复日期不能早于今天" in date_part.split("<input")[0]
    assert 'value="2023-11-01"' in date_part and 'aria-invalid="true"' in date_part
    assert re.search(r'<option value="supervise" selected>', html)
    assert not UrgeNotice.objects.exists()


def test_a_refused_urge_without_javascript_is_a_page_with_the_form_filled(client, w):
    client.force_login(w.supervisor)
    body = {"level": "supervise", "reply_due": "2023-11-01", "next": "/supervision/?light=red"}
    answer = client.post(f"/milestones/{w.milestone.pk}/urge/", body)
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "催办未下发" in html and w.milestone.text in html
    assert "要求回复日期不能早于今天" in html and 'value="2023-11-01"' in html
    assert 'href="/supervision/?light=red"' in html
    # Corrected, it goes through and back to the console.
    body["reply_due"] = "2023-11-20"
    answer = client.post(f"/milestones/{w.milestone.pk}/urge/", body)
    assert answer.status_code == 302 and UrgeNotice.objects.count() == 1


def test_a_foreign_next_is_not_written_into_the_refusal_page(client, w):
    client.force_login(w.supervisor)
    body = {"level": "urge", "reply_due": "2023-11-01", "next": "javascript:alert(1)"}
    html = client.post(f"/milestones/{w.milestone.pk}/urge/", body).content.decode()
    assert "javascript:" not in html and 'href="/supervision/"' in html


def test_an_empty_urge_reply_keeps_the_form_with_the_error(client, w):
    notice = urge_issue(
        user=w.supervisor,
        task=w.task,
        milestone=w.milestone,
        level="urge",
        message="请说明进展",
        reply_due=date(2023, 11, 20),
    )
    recipient = notice.recipients.get(unit=w.lead_unit)
    client.force_login(w.lead_clerk)
    answer = client.post(f"/urges/{recipient.pk}/reply/", {"reply": "   "})
    assert answer.status_code == 400
    form = answer.content.decode().split(f'id="urge-{recipient.pk}"')[1].split("</form>")[0]
    assert "请填写回复内容" in form and 'aria-invalid="true"' in form
    answer = client.post(f"/urges/{recipient.pk}/reply/", {"reply": "已完成招标"})
    page = client.get(answer["Location"]).content.decode()
    assert "已回复催办" in _section(page, "urges")


def test_a_refused_upload_answers_in_the_evidence_section(client, w):
    client.force_login(w.lead_clerk)
    page = client.get(f"/tasks/{w.task.pk}/").content.decode()
    assert f'action="/tasks/{w.task.pk}/evidence/#evidence"' in page
    # Its own id: the report form's file field is `id_file`, and a label must name one field.
    assert page.count('id="id_file"') == 1 and 'for="id_evidence_file"' in _section(page, "evidence")
    fake = SimpleUploadedFile("报告.pdf", b"just text, not a PDF", content_type="application/pdf")
    answer = client.post(f"/tasks/{w.task.pk}/evidence/", {"file": fake})
    assert answer.status_code == 400
    section = _section(answer.content.decode(), "evidence")
    assert "扩展名与内容不符" in section or "不支持的文件类型" in section
    assert 'aria-invalid="true"' in section


def test_a_successful_upload_confirms_in_the_evidence_section_not_at_the_top(client, w):
    client.force_login(w.lead_clerk)
    pdf = SimpleUploadedFile("开工证明.pdf", PDF, content_type="application/pdf")
    answer = client.post(f"/tasks/{w.task.pk}/evidence/", {"file": pdf})
    assert answer.status_code == 302 and answer["Location"].endswith("#evidence")
    page = client.get(answer["Location"]).content.decode()
    section = _section(page, "evidence")
    assert "佐证材料已上传" in section and "开工证明.pdf" in section
    assert "佐证材料已上传" not in _topbar_flash(page)
    # Shown once: the next page does not repeat it.
    assert "佐证材料已上传" not in client.get(answer["Location"]).content.decode()


def test_submitting_the_login_form_empty_says_what_is_missing(client, db):
    answer = client.post("/login/", {"username": "", "password": ""})
    assert answer.status_code == 200
    html = answer.content.decode()
    assert "请输入用户名" in html and "请输入密码" in html
    assert 'aria-describedby="id_username_error"' in html
    answer = client.post("/login/", {"username": "lead_clerk", "password": ""})
    html = answer.content.decode()
    assert "请输入用户名" not in html and "请输入密码" in html and 'value="lead_clerk"' in html


def test_a_completion_request_refused_because_one_is_pending_keeps_its_form_and_note(client, w):
    request_completion(w, w.milestone)  # the milestone now awaits verification: no form shown
    client.force_login(w.lead_head)
    page = client.get(f"/tasks/{w.task.pk}/").content.decode()
    assert f'action="/milestones/{w.milestone.pk}/complete/' not in page
    answer = client.post(f"/milestones/{w.milestone.pk}/complete/", {f"c{w.milestone.pk}-note": "已开工，附照片"})
    assert answer.status_code == 400
    card = _card(answer.content.decode(), w.milestone.pk)
    assert f'action="/milestones/{w.milestone.pk}/complete/#m{w.milestone.pk}"' in card
    assert "已开工，附照片</textarea>" in card and 'class="errorlist' in card


def test_a_refused_report_answers_in_its_section_with_what_was_typed(client, w):
    client.force_login(w.lead_clerk)
    page = client.get(f"/tasks/{w.task.pk}/").content.decode()
    assert f'action="/tasks/{w.task.pk}/report/#report"' in page
    period = re.search(r'<option value="(\d+)" selected>', _section(page, "report")).group(1)
    answer = client.post(f"/tasks/{w.task.pk}/report/", {"period": period, "progress": "已完成招标", "percent": "150"})
    assert answer.status_code == 400
    section = _section(answer.content.decode(), "report")
    assert 'aria-invalid="true"' in section and 'value="150"' in section and "已完成招标</textarea>" in section
