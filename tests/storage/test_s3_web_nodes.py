"""Two web nodes that share no disk, one bucket: evidence uploaded through one node downloads
through the other. Real gunicorn processes configured only by the environment (DUBAN_STORAGE=s3
and S3_*), as docs/operations.md "Shared files" tells an operator to."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
import uuid

import pytest
from knox.models import AuthToken

from tests.api.conftest import PDF
from tests.foundation.conftest import web_nodes  # noqa: F401 (fixture)
from tests.foundation.servers import http
from tests.storage.conftest import fetch, s3_env

pytestmark = pytest.mark.services


def _multipart(name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


class _NoFollow(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _redirect_from(url: str, token: str) -> str:
    """The Location a node answers with (urllib would follow it, sending the token on)."""
    request = urllib.request.Request(url, headers={"Authorization": f"Token {token}"})
    try:
        urllib.request.build_opener(_NoFollow).open(request, timeout=20).close()
    except urllib.error.HTTPError as answer:
        assert answer.code == 302, answer.read()
        return answer.headers["Location"]
    raise AssertionError(f"{url} answered without a redirect")


def test_evidence_uploaded_on_one_node_downloads_from_the_other(web_nodes, world, bucket, tmp_path):  # noqa: F811
    env = s3_env(bucket.endpoint, bucket.name)
    # Each node its own var/ (so its own MEDIA_ROOT): nothing on disk is shared.
    first = web_nodes.start(**env, DUBAN_VAR_DIR=str(tmp_path / "node-1"))
    second = web_nodes.start(**env, DUBAN_VAR_DIR=str(tmp_path / "node-2"))
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
    assert len(bucket.keys()) == 1
    assert not (tmp_path / "node-1" / "media" / "evidence").exists()

    location = _redirect_from(f"{second}/api/v1/evidence/{evidence_id}/download/", supervisor)
    assert location.startswith(f"{bucket.endpoint}/{bucket.name}/")
    data, headers = fetch(location)
    assert data == PDF
    assert "filename*=UTF-8''%E9%AA%8C%E6%94%B6%E6%8A%A5%E5%91%8A.pdf" in headers["Content-Disposition"]
