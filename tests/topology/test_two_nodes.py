"""The production topology on one machine: two web nodes, two workers and one beat against one
PostgreSQL, one Redis and one S3-compatible store, each process started from its systemd unit's
command (deploy/systemd, docs/operations.md "Topology") with DEBUG off.

Evidence uploaded through one web node downloads through the other, from the store (302 to a
signed link), with nothing shared on disk. Reminders due today go out exactly once while the
runbook's changes happen: a second worker is added, then the beat is moved (a new one stands
by, the old one is stopped, the new one takes over and schedules what falls due next).

The workers and the beat run with the clock on 2023-10-31 09:00 (the world's milestones' due
day, a working day) through the integration tests' time-travel wrapper; the web nodes run on
today's clock. What the test adds to each unit's command: a log file, one worker child
(`--concurrency 1`, for the CI machine's two cores) and, both workers being on one host here,
the second worker's node name.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from pathlib import Path

import pytest
from knox.models import AuthToken

from notifications.models import Delivery, InboxMessage
from tests import factories as f
from tests.api.conftest import PDF
from tests.foundation.servers import http
from tests.health.conftest import wait_for
from tests.notifications.conftest import ensure_default_rules
from tests.storage.conftest import fetch, s3_env
from tests.storage.test_s3_web_nodes import _multipart, _redirect_from
from tests.topology.conftest import Processes

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]


def _settled() -> bool:
    return not Delivery.objects.filter(status__in=["pending", "claimed", "sending"]).exists()


def _milestones(world, count: int, start: int = 0) -> None:
    for n in range(start, start + count):
        f.MilestoneFactory(task=world.task, text=f"第{n}项工程10月底前开工", due_date=world.milestone.due_date)


def _all_sent_once(backend: Processes, smtp, expected: int) -> None:
    """`expected` reminders to the lead clerk, each (rule, subject, recipient, channel) once,
    every e-mail received by the SMTP server once and every in-app message there once."""
    wait_for(
        lambda: backend.alive() or (Delivery.objects.count() == expected and _settled()),
        timeout=45,
        message=f"{expected} deliveries settled",
    )
    time.sleep(2)  # two more ticks of the beat, on both workers: nothing more goes out
    backend.alive()
    ledger = Delivery.objects.values_list("rule__code", "subject_type", "subject_id", "recipient__username", "channel")
    assert len(ledger) == expected and max(Counter(ledger).values()) == 1
    assert Counter(Delivery.objects.values_list("status", flat=True)) == {"sent": expected}
    emails = {d.provider_message_id for d in Delivery.objects.filter(channel="email")}
    assert Counter(smtp.ids()) == Counter(emails) and len(emails) == expected // 2
    assert InboxMessage.objects.filter(recipient__username="lead_clerk").count() == expected // 2


def _ready(backend: Processes, log: Path, phrase: str) -> None:
    wait_for(lambda: backend.alive() or phrase in log.read_text(), timeout=40, message=f"{log.name}: {phrase}")


def test_two_web_nodes_two_workers_one_beat_share_reminders_and_files(
    world, backend, web_nodes, smtp, bucket, tmp_path
):
    ensure_default_rules()
    _milestones(world, 5)  # with the world's own: six milestones due on the workers' today

    # The first worker and the beat start first (they take longest to import), the web nodes meanwhile.
    worker1 = backend.start("worker", "worker1", "--concurrency", "1")
    beat1 = backend.start("beat", "beat1")
    node_env = {**s3_env(bucket.endpoint, bucket.name), "CELERY_BROKER_URL": backend.env["CELERY_BROKER_URL"]}
    first = web_nodes.start(**node_env, DUBAN_VAR_DIR=str(tmp_path / "web1"))
    second = web_nodes.start(**node_env, DUBAN_VAR_DIR=str(tmp_path / "web2"))

    # Files: evidence uploaded through the first node, downloaded through the second.
    _, clerk = AuthToken.objects.create(user=world.lead_clerk)
    _, supervisor = AuthToken.objects.create(user=world.supervisor)
    body, content_type = _multipart("验收报告.pdf", PDF)
    status, answer = http(
        "POST",
        f"{first}/api/v1/tasks/{world.task.pk}/evidence/",
        body,
        {"Authorization": f"Token {clerk}", "Content-Type": content_type},
    )
    assert status == 201, answer
    evidence_id = json.loads(answer)["id"]
    location = _redirect_from(f"{second}/api/v1/evidence/{evidence_id}/download/", supervisor)
    assert location.startswith(f"{bucket.endpoint}/{bucket.name}/")
    assert fetch(location)[0] == PDF
    assert not any((tmp_path / node / "media" / "evidence").exists() for node in ("web1", "web2"))
    # Both nodes see the one database, broker and store (the beat's heartbeat is in 2023 here).
    for node in (first, second):
        status, answer = http("GET", f"{node}/readyz")
        checks = json.loads(answer)["checks"]
        assert all(checks[c]["ok"] for c in ("database", "broker", "storage", "migrations")), checks

    # Adding a worker: another started the same way joins at once.
    worker2 = backend.start("worker", "worker2", "--concurrency", "1", "-n", "worker2@%h")
    _ready(backend, worker2, " ready.")
    # Reminders: the beat's ticks, taken by whichever worker, settle with each sent once.
    _all_sent_once(backend, smtp, expected=12)  # six milestones to the lead unit's clerk, by e-mail and in-app
    assert "beat: holding the lease" in beat1.read_text()

    # Moving the beat: start one elsewhere (it stands by), stop the old one; the new one takes over.
    beat2 = backend.start("beat", "beat2")
    _ready(backend, beat2, "standing by")
    backend.stop_one("beat1")
    _ready(backend, beat2, "beat: holding the lease")
    _milestones(world, 4, start=5)  # more due today, scheduled by the new beat only
    _all_sent_once(backend, smtp, expected=20)

    # Both workers took part (their logs name the tasks each one ran).
    for log in (worker1, worker2):
        assert "notifications.send_reminders" in log.read_text(), log.name
