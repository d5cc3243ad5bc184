"""Export jobs with files in an S3-compatible bucket: the worker writes the object, the
download (through the API, as the exports page links it) is a redirect to a signed link, only for
the job's requester."""

from __future__ import annotations

import io
import re
from urllib.parse import parse_qs, quote, urlsplit

import openpyxl
import pytest

from policy_tasks.exports.jobs import export_jobs_prune
from policy_tasks.models import ExportJob
from tests.api.conftest import client_for
from tests.storage.conftest import fetch

pytestmark = pytest.mark.django_db
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _signed(response, bucket, *, key: str) -> str:
    assert response.status_code == 302
    url = response["Location"]
    assert urlsplit(url).path == f"/{bucket.name}/{key}"
    assert parse_qs(urlsplit(url).query)["X-Amz-Signature"]
    return url


def _workbook(body: bytes):
    return openpyxl.load_workbook(io.BytesIO(body))["台账"]


def test_an_api_export_job_lands_in_the_bucket_and_downloads_by_a_signed_link(
    world, bucket, eager, django_capture_on_commit_callbacks
):
    client = client_for(world.lead_clerk)
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post(
            f"/api/v1/documents/{world.document.pk}/ledger-jobs/",
            {"format": "xlsx", "as_of": "2023-11-01"},
            format="json",
        )
    assert started.status_code == 202, started.json()
    status = client.get(started["Location"]).json()
    assert status["status"] == "done"
    job = ExportJob.objects.get()
    assert bucket.keys() == [job.file.name] and job.file.name.startswith("exports/")
    stored = bucket.read(job.file.name)
    assert _workbook(stored).cell(3, 4).value == "抽蓄项目10月底前开工"

    body, headers = fetch(_signed(client.get(status["download_url"]), bucket, key=job.file.name))
    assert body == stored
    assert headers["Content-Type"] == XLSX
    assert headers["Content-Disposition"] == f"attachment; filename*=utf-8''{quote(job.file_name)}"

    # Only the requester: anyone else's id is a 404, with no link.
    other = client_for(world.co_clerk).get(status["download_url"])
    assert other.status_code == 404 and "Location" not in other


def test_a_job_from_the_exports_page_downloads_by_a_signed_link(
    client, world, bucket, eager, django_capture_on_commit_callbacks
):
    client.force_login(world.lead_clerk)
    form = {"what": "ledger", "ledger-document": world.document.pk, "ledger-as_of": "2023-11-01", "ledger-fmt": "csv"}
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post("/export/start/", form)
    assert started.status_code == 302
    job = ExportJob.objects.get()
    row = client.get(f"/export/jobs/{job.pk}/").content.decode()
    link = re.search(r'href="([^"]+)">下载 ', row)
    assert link, row
    status = {"download_url": link.group(1)}
    body, headers = fetch(_signed(client.get(status["download_url"]), bucket, key=job.file.name))
    assert body == bucket.read(job.file.name)
    assert "抽蓄项目10月底前开工" in body.decode("utf-8-sig")
    assert headers["Content-Type"] == "text/csv; charset=utf-8"
    assert headers["Content-Disposition"].startswith("attachment; filename*=utf-8''")

    client.force_login(world.co_clerk)
    refused = client.get(status["download_url"])
    assert refused.status_code == 404 and "Location" not in refused


def test_pruning_a_job_deletes_its_object(world, bucket, eager, django_capture_on_commit_callbacks, time_machine):
    time_machine.move_to("2023-11-01 10:00 +08:00")
    with django_capture_on_commit_callbacks(execute=True):
        client_for(world.lead_clerk).post(
            f"/api/v1/documents/{world.document.pk}/ledger-jobs/", {"format": "csv"}, format="json"
        )
    assert len(bucket.keys()) == 1
    time_machine.move_to("2023-11-09 10:00 +08:00")
    assert export_jobs_prune() == 1
    assert bucket.keys() == []
