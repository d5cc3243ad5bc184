"""Exports through the API: files at once, background jobs with progress, calendar subscriptions."""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest
from icalendar import Calendar

from duban.celery import app as celery_app
from policy_tasks.exports.jobs import export_job_run
from policy_tasks.models import AuditEvent, CalendarToken, ExportJob
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def eager():
    """Queued tasks run in-process, through the same Celery task a worker runs."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = before


def _workbook(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content))["台账"]


def _body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_ledger_job_is_accepted_runs_and_its_workbook_downloads(world, eager, django_capture_on_commit_callbacks):
    client = client_for(world.lead_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            f"/api/v1/documents/{world.document.pk}/ledger-jobs/",
            {"format": "xlsx", "as_of": "2023-11-01", "light": ["red"]},
            format="json",
        )
    assert started.status_code == 202, started.json()
    assert started["Location"] == started.json()["url"]
    assert started.json()["params"]["lights"] == ["red"]

    status = client.get(started["Location"]).json()
    assert (status["status"], status["progress"]) == ("done", 100)
    assert status["file_name"].endswith(".xlsx")
    download = client.get(status["download_url"])
    assert download.status_code == 200
    assert "filename*=utf-8''" in download["Content-Disposition"].lower()
    ws = _workbook(_body(download))
    assert ws.cell(3, 4).value == "抽蓄项目10月底前开工"
    assert ws.cell(3, 12).value == "是"  # overdue on 2023-11-01


def test_a_queued_job_reports_progress_until_it_is_run(world):
    client = client_for(world.supervisor)
    started = client.post(
        f"/api/v1/documents/{world.document.pk}/bulletin-jobs/", {"format": "docx", "period": "2023-10"}, format="json"
    )
    assert started.status_code == 202
    job = started.json()
    assert (job["status"], job["progress"], job["download_url"]) == ("pending", 0, None)
    assert client.get(f"/api/v1/export-jobs/{job['id']}/download/").status_code == 409

    export_job_run(job_id=job["id"])  # what the Celery task does

    done = client.get(f"/api/v1/export-jobs/{job['id']}/").json()
    assert (done["status"], done["progress"]) == ("done", 100)
    download = client.get(done["download_url"])
    assert download["Content-Type"].startswith("application/vnd.openxmlformats-officedocument.wordprocessingml")
    assert _body(download).startswith(b"PK")


def test_only_the_requester_sees_and_downloads_a_job(world):
    started = client_for(world.lead_clerk).post(
        f"/api/v1/documents/{world.document.pk}/ledger-jobs/", {"format": "csv"}, format="json"
    )
    job_id = started.json()["id"]
    export_job_run(job_id=job_id)
    for someone_else in (world.lead_head, world.admin):
        client = client_for(someone_else)
        assert client.get(f"/api/v1/export-jobs/{job_id}/").status_code == 404
        assert client.get(f"/api/v1/export-jobs/{job_id}/download/").status_code == 404
        assert client.get("/api/v1/export-jobs/").json()["results"] == []
    mine = client_for(world.lead_clerk).get("/api/v1/export-jobs/").json()["results"]
    assert [j["id"] for j in mine] == [job_id]


def test_bulletin_job_is_refused_to_a_clerk_before_anything_is_queued(world):
    response = client_for(world.lead_head).post(
        f"/api/v1/documents/{world.document.pk}/bulletin-jobs/", {"period": "2023-10"}, format="json"
    )
    assert response.status_code == 403
    assert not ExportJob.objects.exists()


def test_ledger_of_a_document_the_caller_sees_nothing_of_is_a_404(world):
    client = client_for(world.other_clerk)
    assert client.get(f"/api/v1/documents/{world.document.pk}/ledger.xlsx").status_code == 404
    job = client.post(f"/api/v1/documents/{world.document.pk}/ledger-jobs/", {}, format="json")
    assert job.status_code == 404
    assert not ExportJob.objects.exists()


@pytest.mark.parametrize(
    ("path", "params", "status", "field"),
    [
        ("bulletin.pdf", {"period": "2023-13"}, 400, "period"),
        ("bulletin.pdf", {"period": "9999-12"}, 400, "period"),
        ("ledger.xlsx", {"as_of": "31/10/2023"}, 400, "as_of"),
        ("ledger.xlsx", {"as_of": "9999-12-31"}, 400, "as_of"),
        ("ledger.csv", {"light": "blue"}, 400, "light.0"),
        ("ledger.csv", {"unit": "999999"}, 404, "unit"),
    ],
)
def test_bad_parameters_name_the_field(world, path, params, status, field):
    response = client_for(world.supervisor).get(f"/api/v1/documents/{world.document.pk}/{path}", params)
    assert response.status_code == status
    assert field in response.json()["error"]["fields"]


def test_ledger_files_at_once_keep_the_filters(world):
    client = client_for(world.supervisor)
    url = f"/api/v1/documents/{world.document.pk}/ledger"
    xlsx = client.get(f"{url}.xlsx", {"as_of": "2023-11-01", "light": "red"})
    assert xlsx["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert _workbook(_body(xlsx)).cell(3, 13).value == 1  # one day late on 2023-11-01
    csv = client.get(f"{url}.csv", {"as_of": "2023-10-01", "light": "red"})
    assert _body(csv).decode("utf-8-sig").splitlines()[1:] == []  # nothing red on 10-01


def test_bulletin_pdf_at_once_for_a_supervisor(world):
    response = client_for(world.supervisor).get(
        f"/api/v1/documents/{world.document.pk}/bulletin.pdf", {"period": "2023-10"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert _body(response).startswith(b"%PDF")


def test_calendar_subscription_shows_its_feed_url_once_and_revoking_closes_the_feed(client, world):
    api = client_for(world.lead_clerk)
    created = api.post("/api/v1/calendar-subscriptions/", {"unit": world.lead_unit.pk}, format="json")
    assert created.status_code == 201
    feed_url = created.json()["feed_url"]
    secret = feed_url.rsplit("/", 1)[1].removesuffix(".ics")
    assert created.json()["unit"]["name"] == "区发改局"

    listed = api.get("/api/v1/calendar-subscriptions/")
    assert [s["id"] for s in listed.json()["results"]] == [created.json()["id"]]
    assert "feed_url" not in listed.json()["results"][0]
    assert secret not in listed.content.decode()
    assert secret not in CalendarToken.objects.get().token_hash

    feed = client.get(feed_url)
    assert feed.status_code == 200
    events = Calendar.from_ical(feed.content).walk("VEVENT")
    assert [(str(e["SUMMARY"]), e["DTSTART"].dt) for e in events] == [("抽蓄项目10月底前开工", date(2023, 10, 31))]

    revoked = api.post(f"/api/v1/calendar-subscriptions/{created.json()['id']}/revoke/")
    assert revoked.status_code == 200
    assert revoked.json()["revoked_at"] is not None
    assert client.get(feed_url).status_code == 404
    assert api.post(f"/api/v1/calendar-subscriptions/{created.json()['id']}/revoke/").status_code == 409
    actions = list(AuditEvent.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["calendar_token.create", "calendar_token.revoke"]


def test_calendar_subscriptions_are_their_owners(client, world):
    created = client_for(world.lead_clerk).post("/api/v1/calendar-subscriptions/", {}, format="json").json()
    other = client_for(world.co_clerk)
    assert other.get("/api/v1/calendar-subscriptions/").json()["results"] == []
    assert other.post(f"/api/v1/calendar-subscriptions/{created['id']}/revoke/").status_code == 404
    assert client.get(created["feed_url"]).status_code == 200
    # A unit feed needs membership of the unit (or a global role).
    refused = other.post("/api/v1/calendar-subscriptions/", {"unit": world.lead_unit.pk}, format="json")
    assert refused.status_code == 404
