"""Log lines as an operator reads them: one JSON object a line with the time in Shanghai and
its offset, the request id the response carried, the user, the route, status and duration;
the same id on the lines of a task the request queued."""

from __future__ import annotations

import io
import json
import logging
import re

import pytest

from duban import celery_app
from duban.logs.formatting import ContextFilter, JsonFormatter, TextFormatter
from tests.api.conftest import client_for

SHANGHAI_ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00$")


@pytest.fixture
def json_log():
    """What the console handler of LOGGING writes, captured: JSON formatter and context filter."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(ContextFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    previous = root.level
    root.setLevel(logging.INFO)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)
    root.setLevel(previous)


@pytest.mark.django_db
def test_a_request_line_is_json_with_id_user_route_status_and_duration(client, world, json_log):
    client.force_login(world.lead_clerk)
    response = client.get(f"/tasks/{world.task.pk}/", headers={"X-Request-ID": "lb-7f3a9c21e0"})
    assert response.status_code == 200
    assert response["X-Request-ID"] == "lb-7f3a9c21e0"  # a sane incoming id is kept

    [line] = [entry for entry in json_log() if entry["logger"] == "duban.request"]
    assert SHANGHAI_ISO.match(line["time"]), line["time"]
    assert line["level"] == "INFO"
    assert line["request_id"] == "lb-7f3a9c21e0"
    assert line["user_id"] == world.lead_clerk.pk
    assert line["route"] == "web:task"
    assert line["method"] == "GET" and line["status"] == 200
    assert isinstance(line["duration_ms"], float) and line["duration_ms"] >= 0
    assert line["message"] == "GET web:task 200"  # the route, never the path


@pytest.mark.django_db
def test_an_unusable_incoming_id_is_replaced_and_every_line_of_the_request_carries_the_id(client, world, json_log):
    response = client.post(
        "/login/", {"username": "lead_clerk", "password": "wrong"}, headers={"X-Request-ID": "bad id\nwith newline"}
    )
    rid = response["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", rid)

    lines = json_log()
    assert {entry["logger"] for entry in lines if entry["request_id"] == rid} >= {
        "axes.handlers.database",
        "duban.request",
    }
    axes_line = next(entry for entry in lines if entry["logger"].startswith("axes"))
    assert axes_line["route"] == "web:login" and axes_line["level"] == "WARNING"


def test_text_lines_carry_the_offset_too():
    record = logging.LogRecord("duban.test", logging.INFO, __file__, 1, "你好 %s", ("世界",), None)
    text = TextFormatter().format(record)
    assert re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+08:00 INFO duban\.test \[-\] 你好 世界$", text)


@pytest.mark.django_db(transaction=True)
def test_a_task_run_for_a_request_logs_the_request_id(world, json_log):
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        started = client_for(world.lead_clerk).post(
            f"/api/v1/documents/{world.document.pk}/ledger-jobs/",
            {"format": "csv"},
            format="json",
            headers={"X-Request-ID": "req-eager-0001"},
        )
    finally:
        celery_app.conf.task_always_eager = before
    assert started.status_code == 202, started.content

    task_lines = [entry for entry in json_log() if entry["task"] == "exports.run_export_job"]
    assert task_lines, json_log()
    assert {entry["request_id"] for entry in task_lines} == {"req-eager-0001"}
