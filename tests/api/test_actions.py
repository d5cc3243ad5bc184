"""The workflow through the API: each action is a POST on its object and leaves one audit event."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from policy_tasks.models import AuditEvent, Milestone, PolicyDocument
from tests.api.conftest import PDF, client_for, pdf_file
from tests.api.test_documents import seed_text_file

pytestmark = pytest.mark.django_db


def _etag(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response["ETag"]


def test_a_milestone_is_requested_returned_requested_again_and_verified(rich_world):
    w = rich_world
    head, supervisor = client_for(w.lead_head), client_for(w.supervisor)
    url = f"/api/v1/milestones/{w.milestone.pk}/"
    events = AuditEvent.objects.count()

    upload = head.post(f"/api/v1/tasks/{w.task.pk}/evidence/", {"file": pdf_file()}, format="multipart")
    assert upload.status_code == 201
    asked = head.post(
        url + "request-completion/",
        {"evidence": [upload.json()["id"]], "note": "已开工"},
        format="json",
        HTTP_IF_MATCH=_etag(head, url),
    )
    assert asked.status_code == 201, asked.json()
    returned = supervisor.post(url + "return/", {"reason": "缺开工令"}, format="json", HTTP_IF_MATCH=asked["ETag"])
    assert returned.status_code == 200
    assert returned.json()["status"] == "open"

    again = head.post(f"/api/v1/tasks/{w.task.pk}/evidence/", {"file": pdf_file("开工令.pdf")}, format="multipart")
    asked = head.post(
        url + "request-completion/",
        {"evidence": [again.json()["id"]]},
        format="json",
        HTTP_IF_MATCH=returned["ETag"],
    )
    verified = supervisor.post(url + "verify/", {"reason": "材料齐全"}, format="json", HTTP_IF_MATCH=asked["ETag"])
    assert verified.status_code == 200
    assert verified.json()["status"] == "closed"
    assert verified.json()["light"] == "grey"
    # upload, request, return, upload, request, verify: one event each.
    assert AuditEvent.objects.count() == events + 6
    audit = supervisor.get(url + "audit/").json()["results"]
    assert [e["action"] for e in audit][-4:] == [
        "milestone.request_completion",
        "milestone.return",
        "milestone.request_completion",
        "milestone.verify",
    ]


def test_a_stale_if_match_is_412_and_a_missing_one_428(rich_world):
    w = rich_world
    supervisor = client_for(w.supervisor)
    url = f"/api/v1/milestones/{w.requested.pk}/"
    etag = _etag(supervisor, url)
    missing = supervisor.post(url + "verify/", {}, format="json")
    assert missing.status_code == 428
    assert missing.json()["error"]["code"] == "precondition_required"
    stale = supervisor.post(url + "verify/", {}, format="json", HTTP_IF_MATCH='"99"')
    assert stale.status_code == 412
    assert stale.json()["error"]["code"] == "stale_version"
    assert supervisor.post(url + "verify/", {}, format="json", HTTP_IF_MATCH=etag).status_code == 200
    # The change made the old ETag stale.
    assert supervisor.post(url + "return/", {"reason": "x"}, format="json", HTTP_IF_MATCH=etag).status_code == 412


def test_verifying_an_open_milestone_is_a_conflict(rich_world):
    w = rich_world
    supervisor = client_for(w.supervisor)
    url = f"/api/v1/milestones/{w.milestone.pk}/"
    response = supervisor.post(url + "verify/", {}, format="json", HTTP_IF_MATCH=_etag(supervisor, url))
    assert response.status_code == 409
    assert response.json()["error"] == {
        "code": "invalid_state",
        "message": "该节点尚未申请办结，不能销号",
        "fields": {},
    }


def test_a_granted_extension_moves_the_date_and_keeps_the_original(rich_world):
    w = rich_world
    supervisor = client_for(w.supervisor)
    response = supervisor.post(f"/api/v1/extension-requests/{w.extension.pk}/grant/", {"note": "同意"}, format="json")
    assert response.status_code == 200
    assert response.json()["status"] == "granted"
    milestone = supervisor.get(f"/api/v1/milestones/{w.second.pk}/").json()
    assert (milestone["due_date"], milestone["original_due_date"], milestone["delay_count"]) == (
        "2023-09-30",
        "2023-08-31",
        1,
    )


def test_asking_for_an_extension_after_the_due_date_is_refused_in_chinese(rich_world, frozen):
    w = rich_world
    frozen.move_to(date(2023, 11, 2))
    head = client_for(w.lead_head)
    url = f"/api/v1/milestones/{w.milestone.pk}/"
    response = head.post(
        url + "request-extension/",
        {"reason": "资金未到位", "proposed_date": "2023-12-31"},
        format="json",
        HTTP_IF_MATCH=_etag(head, url),
    )
    assert response.status_code == 409
    assert response.json()["error"]["message"] == "已超过完成时限，不能申请延期"


def test_a_report_is_filed_then_revised_with_its_etag(rich_world):
    w = rich_world
    clerk = client_for(w.lead_clerk)
    report_url = f"/api/v1/reports/{w.report.pk}/"
    etag = _etag(clerk, report_url)
    body = {"progress": "完成 60%", "problems": "资金", "next_steps": "协调", "percent": 60}
    revised = clerk.put(report_url, body, format="json", HTTP_IF_MATCH=etag)
    assert revised.status_code == 200
    assert revised.json()["percent"] == 60
    assert revised["ETag"] != etag
    assert clerk.put(report_url, body, format="json").status_code == 428
    assert clerk.put(report_url, body, format="json", HTTP_IF_MATCH=etag).status_code == 412
    task = clerk.get(f"/api/v1/tasks/{w.task.pk}/").json()
    assert task["latest_percent"] == 60
    assert task["latest_report"]["progress"] == "完成 60%"


def test_a_co_unit_cannot_revise_the_lead_units_report(rich_world):
    w = rich_world
    co = client_for(w.co_clerk)
    url = f"/api/v1/reports/{w.report.pk}/"
    response = co.put(url, {"progress": "改", "percent": 90}, format="json", HTTP_IF_MATCH=_etag(co, url))
    assert response.status_code == 403


def test_an_urge_is_issued_acknowledged_and_replied(rich_world):
    w = rich_world
    supervisor, co = client_for(w.supervisor), client_for(w.co_clerk)
    issued = supervisor.post(
        f"/api/v1/tasks/{w.task.pk}/urge/",
        {"level": "supervise", "message": "限期整改", "reply_due": "2023-06-20", "units": [w.co_unit.pk]},
        format="json",
    )
    assert issued.status_code == 201
    [recipient] = issued.json()["recipients"]
    assert recipient["unit"]["id"] == w.co_unit.pk
    url = f"/api/v1/urge-recipients/{recipient['id']}/"
    assert co.post(url + "acknowledge/").json()["acknowledged_at"]
    replied = co.post(url + "reply/", {"reply": "已整改"}, format="json")
    assert replied.status_code == 200
    assert replied.json()["reply"] == "已整改"
    assert co.post(url + "reply/", {"reply": "再次"}, format="json").status_code == 409
    # The lead unit may not answer for the co-unit.
    assert client_for(w.lead_clerk).post(url + "acknowledge/").status_code == 403


def test_evidence_downloads_only_for_those_who_see_the_task(rich_world):
    w = rich_world
    url = f"/api/v1/evidence/{w.evidence.pk}/download/"
    response = client_for(w.supervisor).get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    assert client_for(w.other_clerk).get(url).status_code == 404


def test_a_file_missing_from_storage_is_a_404_not_a_crash(rich_world):
    w = rich_world
    w.evidence.file.storage.delete(w.evidence.file.name)
    response = client_for(w.lead_clerk).get(f"/api/v1/evidence/{w.evidence.pk}/download/")
    assert response.status_code == 404
    assert response.json()["error"]["message"] == "佐证材料文件已不存在，请联系管理员"


def test_a_renamed_executable_is_refused_by_its_content(rich_world):
    w = rich_world
    fake = SimpleUploadedFile("报告.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    response = client_for(w.lead_clerk).post(f"/api/v1/tasks/{w.task.pk}/evidence/", {"file": fake}, format="multipart")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["file"]


def test_an_admin_previews_an_import_without_writing_then_imports(world):
    admin = client_for(world.admin)
    before = PolicyDocument.objects.count()
    preview = admin.post("/api/v1/documents/import/?dry_run=1", {"file": seed_text_file()}, format="multipart")
    assert preview.status_code == 200, preview.json()
    body = preview.json()
    assert body["dry_run"] is True and body["document"] is None
    assert body["preview"]["document"]["doc_number"] == "柯政发〔2023〕16号"
    assert len(body["preview"]["tasks"]) == 55
    assert PolicyDocument.objects.count() == before
    done = admin.post("/api/v1/documents/import/", {"file": seed_text_file()}, format="multipart")
    assert done.status_code == 201
    assert done.json()["document"]["doc_number"] == "柯政发〔2023〕16号"
    assert PolicyDocument.objects.count() == before + 1


def test_an_unreadable_upload_is_a_400_naming_the_file(world):
    admin = client_for(world.admin)
    # GB18030 text is read since issue 12; a binary file renamed .txt is what cannot be.
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    renamed = SimpleUploadedFile("renamed.txt", png, content_type="text/plain")
    response = admin.post("/api/v1/documents/import/", {"file": renamed}, format="multipart")
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "file": [
            "不支持该文件类型（PNG 图片），请上传 .txt/.doc/.docx/.wps/.pdf/.ofd/.xlsx/.xls 文件 (unsupported file type)"
        ]
    }
    nonsense = SimpleUploadedFile("x.txt", "这不是政策文件".encode(), content_type="text/plain")
    response = admin.post("/api/v1/documents/import/", {"file": nonsense}, format="multipart")
    assert response.status_code == 400
    assert "file" in response.json()["error"]["fields"]


def test_the_scoreboard_and_ledger_show_the_overdue_milestone(rich_world):
    w = rich_world
    Milestone.objects.filter(pk=w.requested.pk).update(status="open")
    supervisor = client_for(w.supervisor)
    ledger = supervisor.get(f"/api/v1/ledger/overdue/?on=2023-07-05&document={w.document.pk}").json()["results"]
    assert [(row["id"], row["days_overdue"]) for row in ledger] == [(w.requested.pk, 5)]
    assert ledger[0]["task"]["units"][0]["unit"]["name"] == "区发改局"
    board = supervisor.get(f"/api/v1/documents/{w.document.pk}/scoreboard/?on=2023-07-05").json()
    lead = next(row for row in board if row["unit"]["id"] == w.lead_unit.pk)
    assert lead["overdue_count"] == 1
    assert client_for(w.lead_clerk).get("/api/v1/ledger/overdue/").status_code == 403
