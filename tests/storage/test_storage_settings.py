"""DUBAN_STORAGE and the S3_* settings: local disk unless asked, a clear refusal when incomplete."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage, storages
from django.core.files.uploadedfile import SimpleUploadedFile

from duban.storage.config import default_storage_from_env
from duban.storage.s3 import SignedS3Storage
from tests.api.conftest import PDF, client_for
from tests.storage.conftest import fetch, s3_env

ROOT = Path(__file__).resolve().parents[2]


def test_without_settings_files_stay_on_local_disk_under_media_root(settings, tmp_path):
    assert default_storage_from_env({}) == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    storage = storages["default"]
    assert type(storage) is FileSystemStorage
    name = storage.save("probe.txt", SimpleUploadedFile("probe.txt", b"ok"))
    assert (settings.MEDIA_ROOT / name).read_bytes() == b"ok"
    assert not hasattr(storage, "signed_download_url")  # so downloads stream, as before


def test_s3_settings_default_to_path_style_us_east_1_and_five_minute_links():
    options = default_storage_from_env(s3_env("http://minio.intranet:9000", "duban"))["OPTIONS"]
    assert options["endpoint_url"] == "http://minio.intranet:9000"
    assert options["bucket_name"] == "duban"
    assert (options["addressing_style"], options["region_name"], options["querystring_expire"]) == (
        "path",
        "us-east-1",
        300,
    )
    assert options["querystring_auth"] is True and options["default_acl"] is None


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DUBAN_STORAGE": "s3"}, "DUBAN_STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY"),
        ({"DUBAN_STORAGE": "ftp"}, "DUBAN_STORAGE='ftp' is not supported; use local or s3"),
        (
            {**s3_env("http://x", "b"), "S3_SIGNED_URL_SECONDS": "5min"},
            "S3_SIGNED_URL_SECONDS='5min' is not an integer",
        ),
        ({**s3_env("http://x", "b"), "S3_SIGNED_URL_SECONDS": "0"}, "S3_SIGNED_URL_SECONDS='0' must be at least 1"),
        ({**s3_env("http://x", "b"), "S3_ADDRESSING_STYLE": "dns"}, "S3_ADDRESSING_STYLE='dns' is not one of"),
    ],
)
def test_incomplete_or_wrong_storage_settings_are_refused_by_name(env, message):
    with pytest.raises(ImproperlyConfigured) as refused:
        default_storage_from_env(env)
    assert str(refused.value).startswith(message)


def test_a_node_started_with_s3_but_no_bucket_refuses_to_start():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("S3_", "DUBAN_STORAGE"))}
    env.update({"DUBAN_STORAGE": "s3", "S3_ENDPOINT_URL": "http://127.0.0.1:9"})
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "DUBAN_STORAGE=s3 needs S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY" in result.stderr


@pytest.mark.django_db
def test_signed_links_last_as_long_as_s3_signed_url_seconds_says(world, bucket, settings):
    env = s3_env(bucket.endpoint, bucket.name, S3_SIGNED_URL_SECONDS="60")
    settings.STORAGES = {**settings.STORAGES, "default": default_storage_from_env(env)}
    assert type(storages["default"]) is SignedS3Storage
    uploaded = client_for(world.lead_clerk).post(
        f"/api/v1/tasks/{world.task.pk}/evidence/", {"file": SimpleUploadedFile("a.pdf", PDF)}, format="multipart"
    )
    response = client_for(world.supervisor).get(f"/api/v1/evidence/{uploaded.json()['id']}/download/")
    assert parse_qs(urlsplit(response["Location"]).query)["X-Amz-Expires"] == ["60"]
    assert fetch(response["Location"])[0] == PDF


@pytest.mark.django_db
def test_links_name_the_public_address_when_browsers_reach_the_store_by_another(world, bucket, settings):
    public = bucket.endpoint.replace("127.0.0.1", "localhost")
    env = s3_env(bucket.endpoint, bucket.name, S3_PUBLIC_ENDPOINT_URL=public)
    settings.STORAGES = {**settings.STORAGES, "default": default_storage_from_env(env)}
    uploaded = client_for(world.lead_clerk).post(
        f"/api/v1/tasks/{world.task.pk}/evidence/", {"file": SimpleUploadedFile("甲.pdf", PDF)}, format="multipart"
    )
    assert uploaded.status_code == 201  # the nodes still write at S3_ENDPOINT_URL
    response = client_for(world.supervisor).get(f"/api/v1/evidence/{uploaded.json()['id']}/download/")
    assert response["Location"].startswith(f"{public}/{bucket.name}/evidence/")
    body, headers = fetch(response["Location"])
    assert body == PDF
    assert "filename*=UTF-8''%E7%94%B2.pdf" in headers["Content-Disposition"]
