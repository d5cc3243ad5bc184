"""Through gunicorn and a real Celery worker on Redis: the export a request starts is logged
by the worker with the request's id, and gunicorn's access line has the project's shape."""

from __future__ import annotations

import json
import re

import pytest
from knox.models import AuthToken

from policy_tasks.models import ExportJob
from tests.monitoring.conftest import json_lines, wait_for

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]

SHANGHAI_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$")


def test_the_worker_logs_the_id_of_the_request_that_queued_the_export(world, gunicorn, celery_worker):
    _, token = AuthToken.objects.create(world.lead_clerk)
    started = gunicorn.get(
        f"/api/v1/documents/{world.document.pk}/ledger-jobs/",
        method="POST",
        data=json.dumps({"format": "csv"}).encode(),
        headers={
            "Authorization": f"Token {token}",
            "Content-Type": "application/json",
            "X-Request-ID": "edge-4c1d2e3f-0001",
        },
    )
    assert started.status == 202, started.body
    assert started.headers["X-Request-ID"] == "edge-4c1d2e3f-0001"
    job = ExportJob.objects.get()
    wait_for(lambda: ExportJob.objects.get(pk=job.pk).status == "done", timeout=60, message="the export to run")

    def task_lines():
        return [line for line in json_lines(celery_worker.log) if line.get("task") == "exports.run_export_job"]

    wait_for(lambda: any("succeeded" in line["message"] for line in task_lines()), timeout=20, message="the log")
    assert {line["request_id"] for line in task_lines()} == {"edge-4c1d2e3f-0001"}
    assert all(SHANGHAI_ISO.match(line["time"]) for line in json_lines(celery_worker.log))

    web_lines = [line for line in json_lines(gunicorn.log) if line.get("request_id") == "edge-4c1d2e3f-0001"]
    by_logger = {line["logger"]: line for line in web_lines}
    assert set(by_logger) >= {"duban.request", "gunicorn.access"}
    for logger in ("duban.request", "gunicorn.access"):
        line = by_logger[logger]
        assert SHANGHAI_ISO.match(line["time"]), line
        assert line["route"] == "api:export-ledger-job", line
        assert (line["user_id"], line["status"], line["method"]) == (world.lead_clerk.pk, 202, "POST")
        assert line["duration_ms"] >= 0
