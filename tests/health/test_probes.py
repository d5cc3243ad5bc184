"""/healthz and /readyz as a load balancer sees them, on whatever database and broker the
suite runs on (SQLite and the filesystem broker by default)."""

from __future__ import annotations

import json
import socket
import threading
import time
from datetime import date, timedelta

from django.db import connection
from django.db.migrations.recorder import MigrationRecorder

from duban.health import probe
from duban.health.heartbeat import heartbeat_write
from policy_tasks.services.audit import SYSTEM
from policy_tasks.services.calendar import calendar_days_load

CHECKS = {"database", "migrations", "beat", "broker", "cache", "holidays", "storage"}


def _ready(client, **extra):
    response = client.get("/readyz", **extra)
    body = response.json()
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    return response.status_code, body


def test_healthz_answers_without_login_database_or_a_known_host(client):
    # No db fixture: pytest-django refuses any query, so this also shows /healthz does no I/O.
    # A load balancer probes the node's own address, which is not in ALLOWED_HOSTS.
    response = client.get("/healthz", HTTP_HOST="10.20.30.40")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "sessionid" not in response.cookies


def test_probes_answer_only_get_and_head_in_chinese(client):
    response = client.post("/readyz")
    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD"
    assert response.json()["error"] == "仅支持 GET 或 HEAD 请求"
    assert client.head("/healthz").status_code == 200


def test_readyz_is_ready_with_every_check_named_timed_and_explained(client, beating):
    status, body = _ready(client, HTTP_HOST="10.20.30.40")
    assert status == 200, body
    assert body["status"] == "ok"
    assert set(body["checks"]) == CHECKS
    for name, result in body["checks"].items():
        assert result["ok"] is True, (name, result)
        assert isinstance(result["ms"], float) and 0 <= result["ms"] < 2000
        assert result["detail"]
    assert body["checks"]["holidays"]["detail"] == "covers through 2026-05-01"


def test_readyz_says_unready_until_a_beat_has_written_a_heartbeat(client, transactional_db):
    status, body = _ready(client)
    assert status == 503 and body["status"] == "fail"
    assert body["checks"]["beat"]["ok"] is False
    assert body["checks"]["beat"]["detail"] == "no heartbeat yet; is celery beat running?"
    assert body["checks"]["database"]["ok"] is True


def test_readyz_turns_unready_when_the_heartbeat_is_older_than_the_setting_and_back(client, beating, settings):
    settings.BEAT_HEARTBEAT_MAX_AGE_SECONDS = 120
    beating.shift(timedelta(seconds=119))
    assert _ready(client)[0] == 200
    beating.shift(timedelta(seconds=2))
    status, body = _ready(client)
    assert status == 503
    assert body["checks"]["beat"]["detail"] == "heartbeat 121s old (limit 120s)"
    heartbeat_write(holder="beat-host:2")
    assert _ready(client)[0] == 200


def test_readyz_turns_unready_with_an_unapplied_migration_and_remembers_only_success(client, beating):
    recorder = MigrationRecorder(connection)
    recorder.record_unapplied("health", "0001_initial")
    try:
        status, body = _ready(client)
        assert status == 503
        assert body["checks"]["migrations"]["detail"] == "1 unapplied; run manage.py migrate"
        assert _ready(client)[0] == 503  # a failure is asked again, not remembered
    finally:
        recorder.record_applied("health", "0001_initial")
    assert _ready(client)[0] == 200


def test_readyz_turns_unready_when_media_storage_cannot_be_written(client, beating, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    settings.MEDIA_ROOT = blocker / "media"
    status, body = _ready(client)
    assert status == 503
    assert body["checks"]["storage"]["ok"] is False
    assert str(tmp_path) not in response_text(body)
    settings.MEDIA_ROOT = tmp_path / "media"
    assert _ready(client)[0] == 200


def test_readyz_turns_unready_when_a_filesystem_broker_folder_is_gone(client, beating, settings, tmp_path):
    folders = {name: tmp_path / "broker" / name for name in ("queue", "processed", "control")}
    for folder in folders.values():
        folder.mkdir(parents=True)
    settings.CELERY_BROKER_URL = "filesystem://"
    settings.CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(folders["queue"]),
        "data_folder_out": str(folders["queue"]),
        "processed_folder": str(folders["processed"]),
        "control_folder": str(folders["control"]),
    }
    assert _ready(client)[0] == 200
    folders["control"].rmdir()
    status, body = _ready(client)
    assert status == 503
    assert body["checks"]["broker"]["detail"] == "broker folder control/ missing"


def test_an_unreachable_broker_fails_its_check_without_revealing_its_address_or_password(client, beating, settings):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    settings.CELERY_BROKER_URL = f"redis://:s3cret-pw@127.0.0.1:{port}/0"
    status, body = _ready(client)
    assert status == 503
    assert body["checks"]["broker"]["ok"] is False
    text = response_text(body)
    for secret in ("s3cret-pw", "127.0.0.1", str(port), "Traceback"):
        assert secret not in text


def test_a_broker_that_never_answers_costs_one_timeout_not_a_hung_probe(client, beating, settings):
    # A healthy probe first, under the default timeout: the worker's first request imports the
    # URLconf and its views, and the first migrations check loads every migration file. Under a
    # loaded machine those one-off costs took over a second (632 ms for one check in a four-worker
    # `make test` on two cores, past the 500 ms set below); they are not what a silent broker costs.
    status, body = _ready(client)
    assert status == 200, body
    settings.HEALTH_CHECK_TIMEOUT_MS = 500
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()  # accepts connections (the kernel does) and never says a word
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{silent.getsockname()[1]}/0"
    try:
        started = time.monotonic()
        status, body = _ready(client)
        took = time.monotonic() - started
    finally:
        silent.close()
    assert status == 503
    assert body["checks"]["broker"]["ok"] is False
    assert took < 1.5, took
    assert all(result["ok"] for name, result in body["checks"].items() if name != "broker")


def test_a_check_stuck_past_the_timeout_is_reported_as_no_answer(client, beating, settings, monkeypatch):
    # Storage on a hung network share: the write never returns.
    settings.HEALTH_CHECK_TIMEOUT_MS = 300
    release = threading.Event()

    def hung_storage() -> str:
        release.wait(5)
        return "late"

    groups = [(ctx, [(n, hung_storage if n == "storage" else fn) for n, fn in group]) for ctx, group in probe.GROUPS]
    monkeypatch.setattr(probe, "GROUPS", groups)
    try:
        started = time.monotonic()
        status, body = _ready(client)
        took = time.monotonic() - started
    finally:
        release.set()
    assert status == 503
    assert body["checks"]["storage"] == {
        "ok": False,
        "ms": body["checks"]["storage"]["ms"],
        "detail": "no answer within 0.3s",
    }
    assert took < 1.0, took


def test_a_holiday_calendar_ending_within_60_days_is_reported_but_advisory_by_default(client, beating, settings):
    beating.move_to("2026-12-02T09:00:00+08:00")
    heartbeat_write(holder="beat-host:1")
    status, body = _ready(client)
    assert status == 200
    assert body["checks"]["holidays"] == {
        "ok": False,
        "ms": body["checks"]["holidays"]["ms"],
        "detail": "2027-01-31 not in the holiday calendar; enter the year's holidays in the admin"
        " (节假日与调休) or update chinesecalendar",
        "advisory": True,
    }
    settings.HEALTH_ADVISORY_CHECKS = []
    status, body = _ready(client)
    assert status == 503 and body["status"] == "fail"


def test_next_years_holidays_entered_in_the_table_make_the_holiday_check_ok(client, beating, settings):
    settings.HEALTH_ADVISORY_CHECKS = []
    beating.move_to("2026-12-02T09:00:00+08:00")
    heartbeat_write(holder="beat-host:1")
    assert _ready(client)[0] == 503
    calendar_days_load(actor=SYSTEM, rows=[(date(2027, 1, 1), "holiday", "元旦")])
    status, body = _ready(client)
    assert status == 200, body
    assert body["checks"]["holidays"]["detail"] == "covers through 2027-01-31"


def response_text(body: dict) -> str:
    return json.dumps(body, ensure_ascii=False)
