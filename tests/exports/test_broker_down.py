"""Starting an export while the message broker is down: the answer says so (503, Chinese),
and the job is marked failed, never left pending for a worker that will not hear of it.

The broker is a Redis URL on a local port nobody listens on: a refused connection, as when
Redis is stopped. Transactional tests: queueing happens after the job's row is committed.
"""

from __future__ import annotations

import os
import socket
import time

import pytest
from django.test import Client

from duban.celery import app as celery_app
from policy_tasks.exports.tasks import BROKER_DOWN
from policy_tasks.models import ExportJob
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db(transaction=True)


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]  # released on close: nothing listens there


def _forget_connections() -> None:
    # Celery keeps its connection and producer pools per broker URL once used.
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def dead_broker(monkeypatch):
    conf = celery_app.conf
    saved = conf.broker_url, conf.task_always_eager
    dead = f"redis://127.0.0.1:{_closed_port()}/0"
    # Celery reads CELERY_BROKER_URL from the environment before its configuration.
    monkeypatch.setenv("CELERY_BROKER_URL", dead)
    conf.broker_url = dead
    conf.task_always_eager = False
    _forget_connections()
    yield
    conf.broker_url, conf.task_always_eager = saved
    _forget_connections()


def _only_job() -> ExportJob:
    job = ExportJob.objects.get()
    assert job.status == ExportJob.Status.FAILED and job.error == BROKER_DOWN and job.finished_at
    return job


def test_api_answers_503_and_the_job_is_failed(world, dead_broker):
    started = time.monotonic()
    response = client_for(world.lead_clerk).post(
        f"/api/v1/documents/{world.document.pk}/ledger-jobs/", {"format": "xlsx"}, format="json"
    )
    assert time.monotonic() - started < 5  # one quick retry, not a hung request
    assert response.status_code == 503
    assert response.json() == {"error": {"code": "unavailable", "message": BROKER_DOWN, "fields": {}}}
    assert "消息队列暂时不可用" in BROKER_DOWN
    job = _only_job()
    listed = client_for(world.lead_clerk).get(f"/api/v1/export-jobs/{job.pk}/").json()
    assert (listed["status"], listed["error"]) == ("failed", BROKER_DOWN)


def test_the_api_answers_503_to_a_signed_in_browser_too(world, dead_broker):
    client = Client()
    client.force_login(world.lead_clerk)
    response = client.post(
        f"/api/v1/documents/{world.document.pk}/ledger-jobs/", {"format": "csv"}, content_type="application/json"
    )
    assert response.status_code == 503
    assert response.json()["error"]["message"] == BROKER_DOWN
    _only_job()


def test_page_says_the_queue_is_down_and_lists_the_job_as_failed(world, dead_broker):
    client = Client()
    client.force_login(world.lead_clerk)
    form = {"what": "ledger", "ledger-document": world.document.pk, "ledger-fmt": "xlsx"}
    response = client.post("/export/start/", form)
    assert response.status_code == 503
    html = response.content.decode()
    assert f'<p class="msg msg-error" role="alert">{BROKER_DOWN}</p>' in html
    job = _only_job()
    assert f'id="job-{job.pk}"' in html

    # htmx swaps only 2xx answers: the card still shows the message.
    again = client.post("/export/start/", form, headers={"HX-Request": "true"})
    assert again.status_code == 200
    assert "消息队列暂时不可用" in again.content.decode()
    assert not ExportJob.objects.filter(status=ExportJob.Status.PENDING).exists()


def test_once_the_broker_is_back_jobs_queue_again(world, dead_broker, tmp_path):
    # The same path with a broker that works (kombu's filesystem transport in a private folder).
    for sub in ("in", "control"):
        (tmp_path / sub).mkdir()
    conf = celery_app.conf
    saved = conf.broker_transport_options
    os.environ["CELERY_BROKER_URL"] = conf.broker_url = "filesystem://"  # the fixture's monkeypatch restores it
    conf.broker_transport_options = {
        "data_folder_in": str(tmp_path / "in"),
        "data_folder_out": str(tmp_path / "in"),
        "control_folder": str(tmp_path / "control"),  # kombu's default is control/ in the cwd
    }
    _forget_connections()
    try:
        response = client_for(world.lead_clerk).post(
            f"/api/v1/documents/{world.document.pk}/ledger-jobs/", {"format": "csv"}, format="json"
        )
    finally:
        conf.broker_transport_options = saved
    assert response.status_code == 202
    assert ExportJob.objects.get().status == ExportJob.Status.PENDING
    assert len(list((tmp_path / "in").iterdir())) == 1  # the message a worker will read
