"""Downloads and background export jobs through /api/v1 (as the pages and scripts use them), and
the two management commands."""

from __future__ import annotations

import io
from datetime import datetime
from zoneinfo import ZoneInfo

import openpyxl
import pytest
import time_machine
from django.core.management import CommandError, call_command

from accounts.models import RoleGrant
from duban.celery import app as celery_app
from policy_tasks.exports.jobs import export_job_create, export_job_run
from policy_tasks.models import ExportJob, SupervisionScope
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager():
    """Run queued tasks in-process, as a worker would, for the duration of one test."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = before


def ledger_url(fmt: str, document, **params) -> str:
    return f"/api/v1/documents/{document.pk}/ledger.{fmt}?" + "&".join(f"{k}={v}" for k, v in params.items())


def bulletin_url(fmt: str, document, **params) -> str:
    return f"/api/v1/documents/{document.pk}/bulletin.{fmt}?" + "&".join(f"{k}={v}" for k, v in params.items())


def test_anonymous_users_are_refused_with_the_api_error(client, world):
    response = client.get(ledger_url("xlsx", world.document))
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "not_authenticated"


def test_ledger_download_for_a_clerk_has_their_clauses_only(client, world):
    other = f.TaskFactory(document=world.document, number=2)
    f.TaskUnitFactory(task=other, unit=world.other_unit, role="lead")
    client.force_login(world.lead_clerk)
    response = client.get(ledger_url("xlsx", world.document, as_of="2023-11-01"))
    assert response.status_code == 200
    assert "filename*=utf-8''" in response["Content-Disposition"].lower()  # RFC 5987: the charset's case is free
    # Streamed from its temporary file (issue 18), with its length known up front.
    assert response.streaming and int(response["Content-Length"]) > 0
    ws = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))["台账"]
    assert [ws.cell(r, 1).value for r in range(3, ws.max_row + 1)] == ["1"]
    assert ws.cell(3, 12).value == "是"


def test_ledger_csv_download_with_filters(client, world):
    client.force_login(world.supervisor)
    response = client.get(ledger_url("csv", world.document, as_of="2023-10-01", light="red"))
    assert response.status_code == 200
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert len(lines) == 1  # nothing is red on 10-01: the header alone


def test_a_user_who_sees_nothing_of_the_document_gets_404(client, world):
    client.force_login(world.other_clerk)
    assert client.get(ledger_url("xlsx", world.document)).status_code == 404


def test_bad_filter_is_a_400_naming_the_field(client, world):
    client.force_login(world.supervisor)
    response = client.get(ledger_url("xlsx", world.document, as_of="31/10/2023"))
    assert response.status_code == 400
    assert "as_of" in response.json()["error"]["fields"]


def test_bulletin_is_for_supervisors_not_clerks(client, october):
    client.force_login(october.supervisor)
    response = client.get(bulletin_url("pdf", october.document, period="2023-10"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.getvalue().startswith(b"%PDF")
    html = client.get(bulletin_url("html", october.document, period="2023-10"))
    assert "区教育局" in html.getvalue().decode()

    clerk = f.UserFactory(username="edu_clerk")
    f.MembershipFactory(user=clerk, unit=october.units["区教育局"])
    client.force_login(clerk)
    assert client.get(bulletin_url("pdf", october.document, period="2023-10")).status_code == 403


def test_bulletin_with_a_bad_period_is_a_400(client, october):
    client.force_login(october.supervisor)
    response = client.get(bulletin_url("docx", october.document, period="October"))
    assert response.status_code == 400
    assert "period" in response.json()["error"]["fields"]


def test_large_export_runs_as_a_job_with_progress_and_a_kept_file(
    client, world, eager, django_capture_on_commit_callbacks
):
    client.force_login(world.lead_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            f"/api/v1/documents/{world.document.pk}/ledger-jobs/",
            {"format": "xlsx", "as_of": "2023-11-01"},
            content_type="application/json",
        )
    assert started.status_code == 202
    status = client.get(started.json()["url"]).json()
    assert (status["status"], status["progress"]) == ("done", 100)
    download = client.get(status["download_url"])
    assert download.status_code == 200
    ws = openpyxl.load_workbook(io.BytesIO(b"".join(download.streaming_content)))["台账"]
    assert ws.cell(3, 4).value == "抽蓄项目10月底前开工"
    # Someone else's job is invisible.
    client.force_login(world.co_clerk)
    assert client.get(started.json()["url"]).status_code == 404
    assert client.get(status["download_url"]).status_code == 404


def test_job_requests_are_checked_before_queueing(client, world):
    client.force_login(world.lead_clerk)
    response = client.post(
        f"/api/v1/documents/{world.document.pk}/bulletin-jobs/", {"format": "pdf", "period": "2023-10"}
    )
    assert response.status_code == 403
    response = client.post(f"/api/v1/documents/{world.document.pk}/ledger-jobs/", {"format": "spreadsheet"})
    assert response.status_code == 400
    assert not ExportJob.objects.exists()


def test_a_job_delivered_twice_runs_once(world):
    job = export_job_create(user=world.supervisor, kind="ledger_csv", document=world.document, params={})
    assert export_job_run(job_id=job.pk).status == ExportJob.Status.DONE
    assert export_job_run(job_id=job.pk) is None


def test_a_failing_job_records_why(world):
    job = ExportJob.objects.create(
        kind="bulletin_pdf",
        document=world.document,
        params={"period": "2023-99"},
        requested_by=world.supervisor,
        created_at=world.document.created_at,
    )
    job = export_job_run(job_id=job.pk)
    assert job.status == ExportJob.Status.FAILED
    assert "YYYY-MM" in job.error


def test_export_ledger_command_writes_xlsx_and_csv(tmp_path, seed):
    out = tmp_path / "ledger.xlsx"
    call_command("export_ledger", "--document", seed.doc_number, "--as-of", "2023-11-01", "-o", str(out))
    ws = openpyxl.load_workbook(out)["台账"]
    assert ws.cell(2, 1).value == "序号"
    csv_out = tmp_path / "ledger.csv"
    call_command("export_ledger", "--document", str(seed.pk), "--light", "red", "-o", str(csv_out))
    assert csv_out.read_bytes().startswith(b"\xef\xbb\xbf")


def test_bulletin_command_writes_pdf_docx_html(tmp_path, october):
    for suffix, magic in (("pdf", b"%PDF"), ("docx", b"PK"), ("html", b"<!DOCTYPE html>")):
        out = tmp_path / f"b.{suffix}"
        call_command("bulletin", "--document", october.document.doc_number, "--period", "2023-10", "-o", str(out))
        assert out.read_bytes().startswith(magic)


@pytest.mark.parametrize(
    ("command", "args", "message"),
    [
        ("export_ledger", ["--document", "柯政发〔2023〕999号", "-o", "x.xlsx"], "未找到政策文件"),
        ("export_ledger", ["--document", "{doc}", "-o", "x.pdf"], ".xlsx 或 .csv"),
        ("export_ledger", ["--document", "{doc}", "--as-of", "2023-02-30", "-o", "x.csv"], "YYYY-MM-DD"),
        ("export_ledger", ["--document", "{doc}", "--light", "blue", "-o", "x.csv"], "未知的预警灯"),
        ("bulletin", ["--document", "{doc}", "--period", "2023-13", "-o", "x.pdf"], "YYYY-MM"),
        ("bulletin", ["--document", "{doc}", "--period", "2023-10", "-o", "x.xlsx"], ".pdf、.docx 或 .html"),
    ],
)
def test_commands_refuse_bad_arguments_with_a_clear_message(tmp_path, world, command, args, message):
    args = [a.replace("{doc}", str(world.document.pk)).replace("x.", str(tmp_path / "x.")) for a in args]
    with pytest.raises(CommandError, match=message.replace(".", r"\.")):
        call_command(command, *args)
    assert not any(tmp_path.iterdir())


def test_export_ledger_is_as_of_today_by_default(tmp_path, world):
    out = tmp_path / "today.csv"
    with time_machine.travel(datetime(2023, 11, 2, 9, tzinfo=ZoneInfo("Asia/Shanghai")), tick=False):
        call_command("export_ledger", "--document", str(world.document.pk), "-o", str(out))
    row = out.read_text(encoding="utf-8-sig").splitlines()[1].split(",")
    assert row[-2:] == ["是", "2"]


def test_a_supervisor_scoped_to_the_document_gets_its_bulletin(client, october):
    scoped = f.UserFactory(username="scoped_supervisor")
    grant = f.RoleGrantFactory(user=scoped, role=RoleGrant.Role.SUPERVISOR)
    SupervisionScope.objects.create(grant=grant, document=october.document)
    elsewhere = f.UserFactory(username="elsewhere_supervisor")
    other = f.RoleGrantFactory(user=elsewhere, role=RoleGrant.Role.SUPERVISOR)
    SupervisionScope.objects.create(grant=other, document=f.DocumentFactory())
    client.force_login(scoped)
    assert client.get(bulletin_url("html", october.document, period="2023-10")).status_code == 200
    client.force_login(elsewhere)
    assert client.get(bulletin_url("html", october.document, period="2023-10")).status_code in (403, 404)


@pytest.mark.parametrize("period", ["9999-12", "0000-12", "1989-12"])
def test_a_period_out_of_range_is_a_400_not_a_crash(client, october, period):
    client.force_login(october.supervisor)
    response = client.get(bulletin_url("html", october.document, period=period))
    assert response.status_code == 400
    assert "period" in response.content.decode()


def test_an_as_of_date_out_of_range_is_a_400_not_a_crash(client, world):
    client.force_login(world.supervisor)
    response = client.get(ledger_url("xlsx", world.document, as_of="9999-12-31"))
    assert response.status_code == 400
    assert "as_of" in response.content.decode()
