"""An S3-compatible server for the storage tests: moto's, started as its own process.

Duban talks to it over HTTP exactly as it would to MinIO or OSS (path-style addressing,
SigV4 links). Each test gets a bucket of its own and settings built by the same function
settings.py calls with the environment, so what is tested is what an operator configures.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from dataclasses import dataclass
from email.message import Message
from pathlib import Path
from typing import Any

import boto3
import pytest
from botocore.config import Config

from duban.celery import app as celery_app
from duban.storage.config import default_storage_from_env

ACCESS_KEY = "duban-test-key"
SECRET_KEY = "duban-test-secret"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def s3_server():
    """The server's URL; it lives for the whole test session."""
    program = Path(sys.executable).with_name("moto_server")
    if not program.exists():
        pytest.fail(f"{program} is missing: install requirements-dev.txt (moto[server])")
    port = free_port()
    process = subprocess.Popen(
        [str(program), "-H", "127.0.0.1", "-p", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(url, timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"moto_server did not start on {url}")
            time.sleep(0.1)
    yield url
    process.terminate()
    process.wait(timeout=10)


@dataclass
class Bucket:
    endpoint: str
    name: str
    client: Any

    def keys(self) -> list[str]:
        listing = self.client.list_objects_v2(Bucket=self.name)
        return sorted(item["Key"] for item in listing.get("Contents", []))

    def read(self, key: str) -> bytes:
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()


def s3_env(endpoint: str, bucket: str, **extra: str) -> dict[str, str]:
    return {
        "DUBAN_STORAGE": "s3",
        "S3_ENDPOINT_URL": endpoint,
        "S3_BUCKET": bucket,
        "S3_ACCESS_KEY_ID": ACCESS_KEY,
        "S3_SECRET_ACCESS_KEY": SECRET_KEY,
        **extra,
    }


@pytest.fixture
def bucket(s3_server, settings, tmp_path) -> Bucket:
    """A fresh bucket, and Duban's default storage pointed at it for this test."""
    name = f"duban-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_server,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
        region_name="us-east-1",
        config=Config(s3={"addressing_style": "path"}),
    )
    client.create_bucket(Bucket=name)
    # Changing STORAGES resets default_storage (Django's setting_changed handler), so the
    # FileFields of Evidence and ExportJob write to the bucket from here on.
    settings.STORAGES = {**settings.STORAGES, "default": default_storage_from_env(s3_env(s3_server, name))}
    return Bucket(endpoint=s3_server, name=name, client=client)


@pytest.fixture
def eager():
    """Queued tasks run in-process, through the same Celery task a worker runs."""
    before = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    yield
    celery_app.conf.task_always_eager = before


def fetch(url: str) -> tuple[bytes, Message]:
    """What a browser gets from a signed link: the store answers, not Duban (headers by any case)."""
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read(), response.headers
