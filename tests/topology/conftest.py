"""The topology test's processes and the fixtures it shares with the web-node, storage,
notification and health tests (imported here so pytest finds them for this folder)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import redis

from tests.foundation.conftest import web_nodes  # noqa: F401 (fixture)
from tests.health.conftest import real_services  # noqa: F401 (fixture)
from tests.notifications.integration.conftest import MOMENT, TRAVELED, smtp  # noqa: F401 (fixture)
from tests.storage.conftest import bucket, s3_env, s3_server  # noqa: F401 (fixtures)
from tests.topology.units import ROOT, local_argv

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

    def stop_one(self, name: str) -> None:
        """As `systemctl stop` does: TERM, then wait for the process to finish."""
        process = dict(self.started)[name]
        os.killpg(process.pid, 15)
        process.wait(timeout=15)
        self.started.remove((name, process))

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
        NOTIFY_BATCH_SIZE="2",
        BEAT_LEASE_SECONDS="3",  # a standby beat tries every second (default 30: every 10 s)  # several sends per wake-up, so both workers share the work
    )
    processes = Processes(tmp_path, env)
    yield processes
    processes.stop()
    # What the beat sent and no worker took yet; leave the suite's broker as it was.
    client = redis.Redis.from_url(real_services.broker_url)
    client.delete("celery")
    client.close()
