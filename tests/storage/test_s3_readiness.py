"""/readyz's storage check writes and deletes through the same storage the files use: with a
bucket, a missing bucket or a store that is down makes the node unready, saying so in plain words."""

from __future__ import annotations

from duban.storage.config import default_storage_from_env
from tests.health.conftest import _fresh_probe_memory, beating  # noqa: F401 (fixtures)
from tests.storage.conftest import SECRET_KEY, free_port, s3_env


def test_readyz_writes_to_the_bucket_and_turns_unready_without_it(client, beating, bucket, settings):  # noqa: F811
    # The probe's 2 s budget is tests/health/test_probes.py's subject; here a check that answers late on a
    # machine running four workers on two cores (once in session 29's `make test`, passing alone and in
    # every other run) would hide what this test is about: the write, and NoSuchBucket. Every verdict
    # below is the check's own answer, not a timeout.
    settings.HEALTH_CHECK_TIMEOUT_MS = 15000
    # The storage's S3 client is built on its first use (boto3 loads its service models: seconds on a
    # loaded machine, past the probe's 2 s budget once in a suite run with four workers); a node builds
    # it once, so it is built here before the probe that is judged.
    # Likewise the migration check's first answer in a process imports every migration module (a
    # worker whose database was cloned from the template never imported them): 2.3 s once in a
    # suite run on SQLite with four workers. A node imports them once; this test is about storage.
    from django.core.files.storage import default_storage
    from django.db import connection
    from django.db.migrations.loader import MigrationLoader

    default_storage.exists("health/warm-up.txt")
    MigrationLoader(connection)
    ready = client.get("/readyz")
    assert ready.status_code == 200, ready.json()
    assert ready.json()["checks"]["storage"] == {**ready.json()["checks"]["storage"], "ok": True}
    assert bucket.keys() == []  # the probe's file is deleted again

    bucket.client.delete_bucket(Bucket=bucket.name)
    unready = client.get("/readyz")
    assert unready.status_code == 503
    storage = unready.json()["checks"]["storage"]
    assert storage["ok"] is False and storage["detail"] == "unreachable or failing (NoSuchBucket)"
    assert SECRET_KEY not in unready.content.decode() and bucket.name not in unready.content.decode()

    bucket.client.create_bucket(Bucket=bucket.name)
    assert client.get("/readyz").status_code == 200


def test_readyz_turns_unready_when_the_store_does_not_answer(client, beating, settings):  # noqa: F811
    down = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    settings.STORAGES = {**settings.STORAGES, "default": default_storage_from_env(s3_env(down, "duban"))}
    unready = client.get("/readyz")
    assert unready.status_code == 503
    assert unready.json()["checks"]["storage"]["ok"] is False
    assert down not in unready.content.decode()
