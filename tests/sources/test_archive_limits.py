"""Zip containers are refused on their declared expanded size, member count and compression
ratio before anything reads them, with the limits of the settings (DUBAN_ARCHIVE_*): plan
imports (API, page, command) and evidence (API, page). Issue 14: a .docx expanding to
~100 MB passed the reader's check and took 12.6 s and 335 MB before being refused."""

from __future__ import annotations

import io
import os
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from policy_tasks.models import Evidence, PolicyDocument, Task
from policy_tasks.parsing.sources import base as messages
from tests.api.conftest import client_for
from tests.sources import builders as b

pytestmark = pytest.mark.django_db

# Two letters at random: about one bit per byte, so deflate shrinks it ~7x, far below the
# reader's own ratio ceiling (200x) and the default setting (100x).
_TWO_LETTERS = bytes.maketrans(bytes(range(256)), b"ab" * 128)


def _with_member(data: bytes, name: str, content: bytes, *, level: int = 6) -> bytes:
    """A copy of the zip `data` with one more member."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            copy.writestr(info, source.read(info))
        copy.writestr(name, content, compresslevel=level)
    return out.getvalue()


def _many_members(data: bytes, n: int) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for info in source.infolist():
            copy.writestr(info, source.read(info))
        for i in range(n):
            copy.writestr(f"word/media/image{i}.png", b"x")
    return out.getvalue()


@pytest.fixture(scope="module")
def expanding_docx() -> bytes:
    """A readable plan whose archive declares ~40 MB once expanded, at a ratio of ~7: under the
    reader's ceilings (100 MB, 200x), so before the fix it was unpacked and parsed."""
    filler = os.urandom(40 * 1024 * 1024).translate(_TWO_LETTERS)
    data = _with_member(b.docx_table(), "word/media/filler.bin", filler, level=1)
    assert len(data) < messages.MAX_SOURCE_BYTES
    return data


def _ratio_docx() -> bytes:
    """Two megabytes of one byte repeated: ~1000x, under the reader's 100 MB total."""
    return _with_member(b.docx_table(), "word/media/blank.bin", b"\0" * (2 * 1024 * 1024))


def _import_api(world, name: str, data: bytes):
    upload = SimpleUploadedFile(name, data)
    return client_for(world.admin).post("/api/v1/documents/import/?dry_run=1", {"file": upload}, format="multipart")


def test_a_plan_expanding_past_the_setting_is_refused_before_it_is_read(world, expanding_docx):
    started = time.monotonic()
    response = _import_api(world, "方案.docx", expanding_docx)
    assert response.status_code == 400, response.content
    assert response.json()["error"]["fields"] == {"file": [messages.ZIP_BOMB]}
    assert time.monotonic() - started < 5


def test_the_same_plan_is_read_when_the_setting_allows_it(world, settings):
    settings.DUBAN_ARCHIVE_MAX_MEMBERS = 1000
    plain = b.docx_table()
    assert _import_api(world, "方案.docx", plain).status_code == 200
    settings.DUBAN_ARCHIVE_MAX_UNPACKED_BYTES = 1024
    refused = _import_api(world, "方案.docx", plain)
    assert refused.status_code == 400
    assert refused.json()["error"]["fields"] == {"file": [messages.ZIP_BOMB]}


@pytest.mark.parametrize(
    ("setting", "value", "make"),
    [
        ("DUBAN_ARCHIVE_MAX_MEMBERS", 50, lambda: _many_members(b.docx_table(), 60)),
        ("DUBAN_ARCHIVE_MAX_RATIO", 100, _ratio_docx),
        ("DUBAN_ARCHIVE_MAX_UNPACKED_BYTES", 64 * 1024, b.docx_table),
    ],
    ids=["members", "ratio", "size"],
)
def test_each_limit_refuses_on_the_api_the_page_and_the_command(
    world, settings, client, tmp_path, setting, value, make
):
    setattr(settings, setting, value)
    data = make()
    before = PolicyDocument.objects.count(), Task.objects.count()

    response = client_for(world.admin).post(
        "/api/v1/documents/import/", {"file": SimpleUploadedFile("方案.docx", data)}, format="multipart"
    )
    assert response.status_code == 400, response.content
    assert response.json()["error"]["fields"] == {"file": [messages.ZIP_BOMB]}

    client.force_login(world.admin)
    page = client.post("/import/", {"file": SimpleUploadedFile("方案.docx", data)})
    assert page.status_code == 400
    assert messages.ZIP_BOMB in page.content.decode()

    path = tmp_path / "方案.docx"
    path.write_bytes(data)
    with pytest.raises(CommandError) as excinfo:
        call_command("import_policy", str(path), "--year", "2023")
    assert excinfo.value.returncode == 2
    assert str(excinfo.value) == f"{path}: {messages.ZIP_BOMB}"
    assert (PolicyDocument.objects.count(), Task.objects.count()) == before


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


EVIDENCE = {
    "size": ("DUBAN_ARCHIVE_MAX_UNPACKED_BYTES", 1024 * 1024, "解压后超过 1MB"),
    "members": ("DUBAN_ARCHIVE_MAX_MEMBERS", 10, "文件数超过 10 个"),
    "ratio": ("DUBAN_ARCHIVE_MAX_RATIO", 100, "压缩比超过 100 倍"),
}
EVIDENCE_FILES = {
    "size": lambda: _zip({"照片.txt": os.urandom(2 * 1024 * 1024).translate(_TWO_LETTERS)}),
    "members": lambda: _zip({f"{i}.txt": b"ok" for i in range(11)}),
    "ratio": lambda: _zip({"空白.txt": b"\0" * (4 * 1024 * 1024)}),
}


@pytest.mark.parametrize("limit", list(EVIDENCE))
def test_a_zip_of_evidence_over_a_limit_is_refused_by_the_api_and_the_page(world, settings, client, limit):
    setting, value, message = EVIDENCE[limit]
    setattr(settings, setting, value)
    data = EVIDENCE_FILES[limit]()
    response = client_for(world.lead_clerk).post(
        f"/api/v1/tasks/{world.task.pk}/evidence/", {"file": SimpleUploadedFile("材料.zip", data)}, format="multipart"
    )
    assert response.status_code == 400, response.content
    body = response.json()["error"]
    assert message in body["message"] and "压缩炸弹" in body["message"]
    assert list(body["fields"]) == ["file"]

    client.force_login(world.lead_clerk)
    page = client.post(f"/tasks/{world.task.pk}/evidence/", {"file": SimpleUploadedFile("材料.zip", data)})
    assert page.status_code == 400
    assert message in page.content.decode()
    assert not Evidence.objects.exists()


def test_a_docx_of_evidence_is_checked_too_and_a_normal_one_passes(world, settings):
    settings.DUBAN_ARCHIVE_MAX_RATIO = 100
    upload = client_for(world.lead_clerk).post
    url = f"/api/v1/tasks/{world.task.pk}/evidence/"
    ok = upload(url, {"file": SimpleUploadedFile("方案.docx", b.docx_table())}, format="multipart")
    assert ok.status_code == 201, ok.content
    refused = upload(url, {"file": SimpleUploadedFile("方案.docx", _ratio_docx())}, format="multipart")
    assert refused.status_code == 400
    assert "压缩比超过 100 倍" in refused.json()["error"]["message"]
