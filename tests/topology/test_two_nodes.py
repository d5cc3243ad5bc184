"""The production topology on one machine: two web nodes, two workers and one beat against one
PostgreSQL, one Redis and one S3-compatible store, each process started from its systemd unit's
command (deploy/systemd, docs/operations.md "Topology") with DEBUG off.

Reminders due today go out exactly once although two workers take the beat's wake-ups; evidence
uploaded through one web node downloads through the other, from the store (302 to a signed
link), with nothing shared on disk.

The workers and the beat run with the clock on 2023-10-31 09:00 (the world's milestones' due
day, a working day) through the integration tests' time-travel wrapper; the web nodes run on
today's clock. What the test adds to each unit's command: a log file, one worker child
(`--concurrency 1`, for the CI machine's two cores) and, both workers being on one host here,
the second worker's node name.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
import redis
from knox.models import AuthToken

from notifications.models import Delivery, InboxMessage
from tests import factories as f
from tests.api.conftest import PDF
from tests.foundation.conftest import web_nodes  # noqa: F401 (fixture)
from tests.foundation.servers import http
from tests.health.conftest import real_services, wait_for  # noqa: F401 (fixture)
from tests.notifications.conftest import ensure_default_rules
from tests.notifications.integration.conftest import MOMENT, TRAVELED, smtp  # noqa: F401 (fixture)
from tests.storage.conftest import bucket, fetch, s3_env, s3_server  # noqa: F401 (fixtures)
from tests.storage.test_s3_web_nodes import _multipart, _redirect_from
from tests.topology.units import ROOT, local_argv

pytestmark = [pytest.mark.services, pytest.mark.django_db(transaction=True)]
SECRET = "k3y-for-the-topology-test-" + "x9Q!zP2#" * 6


class Processes:
    """Workers and beat: started from their units' commands, stopped (and waited for) at the end."""

    def __init__(self, tmp_path: Path, env: dict[str, str]):
        self.tmp_path, self.env, self.started = tmp_path, env, []

    def start(self, unit: str, name: str, *extra: str) -> Path:
        log = self.tmp_path / f"{name}.log"
        log.write_text("")
        # The unit's command after its program, behind the clock wrapper (which runs celery's main).
        argv = [sys.executable, str(TRAVELED), MOMENT, *local_argv(unit)[1:], "-f", str(log), *extra]
        process = subprocess.Popen(
            argv,
            cwd=ROOT,
            env={**self.env, "DUBAN_VAR_DIR": str(self.tmp_path / name)},
            stdout=subprocess.DEVNULL,
            stderr=(self.tmp_path / f"{name}.err").open("w"),
            start_new_session=True,
        )
        self.started.append((name, process))
        return log

    def alive(self) -> None:
        for name, process in self.started:
            assert process.poll() is None, f"{name} exited: {(self.tmp_path / f'{name}.err').read_text()[-2000:]}"

    def stop(self) -> None:
        for _, process in self.started:
            if process.poll() is None:
                os.killpg(process.pid, 15)
        for _, process in self.started:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, 9)
                process.wait(timeout=10)


@pytest.fixture
def backend(real_services, smtp, bucket, tmp_path):  # noqa: F811 (fixtures)
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"CACHE_URL", "CELERY_TASK_ALWAYS_EAGER", "DJANGO_SETTINGS_MODULE", "DUBAN_LOG_FORMAT"}
    }
    env.update(
        s3_env(bucket.endpoint, bucket.name),
        PYTHONPATH=str(ROOT),
        DEBUG="false",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=real_services.database_url,
        CELERY_BROKER_URL=real_services.broker_url,
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=str(smtp.port),
        NOTIFY_DEFAULT_CHANNELS="email,inbox",
        # The beat wakes the scan, the sender and the reconciler every second (default: minutes).
        NOTIFY_SCAN_EVERY_SECONDS="1",
        NOTIFY_SEND_EVERY_SECONDS="1",
        NOTIFY_RECONCILE_EVERY_SECONDS="1",
        NOTIFY_BATCH_SIZE="2",  # several sends per wake-up, so both workers share the work
    )
    processes = Processes(tmp_path, env)
    yield processes
    processes.stop()
    # What the beat sent and no worker took yet; leave the suite's broker as it was.
    client = redis.Redis.from_url(real_services.broker_url)
    client.delete("celery")
    client.close()


def _settled() -> bool:
    return not Delivery.objects.filter(status__in=["pending", "claimed", "sending"]).exists()


def test_two_web_nodes_two_workers_one_beat_share_reminders_and_files(
    world, backend, web_nodes, smtp, bucket, tmp_path
):  # noqa: F811
    ensure_default_rules()
    for n in range(5):  # with the world's own: six milestones due on the workers' today
        f.MilestoneFactory(task=world.task, text=f"第{n}项工程10月底前开工", due_date=world.milestone.due_date)

    # Workers and beat start first (they take longest to import), the web nodes meanwhile.
    logs = [
        backend.start("worker", "worker1", "--concurrency", "1"),
        backend.start("worker", "worker2", "--concurrency", "1", "-n", "worker2@%h"),
    ]
    beat = backend.start("beat", "beat")
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

    # Reminders: the beat's ticks, taken by whichever worker, settle with each sent once.
    expected = 12  # six milestones to the lead unit's clerk, by e-mail and in-app
    wait_for(
        lambda: backend.alive() or (Delivery.objects.count() == expected and _settled()),
        timeout=60,
        message=f"{expected} deliveries settled",
    )
    time.sleep(3)  # three more ticks of the beat, on both workers: nothing more goes out
    backend.alive()
    assert "beat: holding the lease" in beat.read_text()
    ledger = Delivery.objects.values_list("rule__code", "subject_type", "subject_id", "recipient__username", "channel")
    assert len(ledger) == expected and max(Counter(ledger).values()) == 1
    assert Counter(Delivery.objects.values_list("status", flat=True)) == {"sent": expected}
    emails = {d.provider_message_id for d in Delivery.objects.filter(channel="email")}
    assert Counter(smtp.ids()) == Counter(emails) and len(emails) == 6  # each e-mail received once
    assert InboxMessage.objects.filter(recipient=world.lead_clerk).count() == 6
    # Both workers took part (their logs name the tasks each one ran).
    for log in logs:
        assert "notifications.send_reminders" in log.read_text(), log.name
