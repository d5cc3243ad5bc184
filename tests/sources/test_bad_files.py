"""Every kind of file an office sends that cannot be read: one clear Chinese line from the
reader, the same on the command (exit 2), the API (400, uniform error body) and the web page
(400), and nothing written."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from policy_tasks.models import PolicyDocument, Task
from policy_tasks.parsing.sources import SourceError, read_source
from policy_tasks.parsing.sources import base as messages
from tests.api.conftest import client_for
from tests.sources import builders as b

ROOT = Path(__file__).resolve().parents[2]

BAD_FILES = [
    ("empty.txt", lambda: b"", messages.EMPTY),
    ("huge.txt", b.oversized_text, messages.TOO_LARGE),
    ("scanned.pdf", b.scanned_pdf, messages.SCANNED_PDF),
    ("locked.pdf", b.encrypted_pdf, messages.ENCRYPTED_PDF),
    ("garbled.pdf", b.unmapped_font_pdf, messages.PDF_NO_UNICODE),
    ("locked.docx", lambda: b.ole_with_stream("EncryptionInfo"), messages.ENCRYPTED_OFFICE),
    ("cut.docx", b.corrupt_docx, messages.CORRUPT_ARCHIVE),
    ("bomb.docx", b.zip_bomb_docx, messages.ZIP_BOMB),
    ("ratio.docx", b.high_ratio_docx, messages.ZIP_BOMB),
    ("renamed.txt", b.binary_as_text, messages.BINARY_TEXT),
    ("broken.doc", lambda: b.ole_with_stream("WordDocument"), messages.CORRUPT_DOC),
    ("locked.doc", lambda: b.doc_with_fib(flags=0x0100), messages.ENCRYPTED_OFFICE),
    ("photo.png", b.png, messages.UNSUPPORTED.format(what="PNG 图片")),
]
IDS = [name for name, _, _ in BAD_FILES]


@pytest.fixture(scope="module")
def bad_files(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    files = {}
    for name, make, message in BAD_FILES:
        path = folder / name
        path.write_bytes(make())
        files[name] = (path, message)
    return files


@pytest.mark.parametrize("name", IDS)
def test_the_reader_refuses_with_one_chinese_line(bad_files, name):
    path, message = bad_files[name]
    with pytest.raises(SourceError) as excinfo:
        read_source(path.read_bytes(), name)
    text = str(excinfo.value)
    assert text == message
    assert "\n" not in text and "(" in text and text[0] > "\u2e80"  # Chinese first, English in brackets


@pytest.mark.django_db
@pytest.mark.parametrize("name", IDS)
@pytest.mark.parametrize("command", ["parse_policy", "import_policy"])
def test_the_command_exits_2_with_one_line_naming_the_file(bad_files, name, command):
    path, message = bad_files[name]
    with pytest.raises(CommandError) as excinfo:
        call_command(command, str(path), "--year", "2023")
    assert excinfo.value.returncode == 2
    assert str(excinfo.value) == f"{path}: {message}"
    assert PolicyDocument.objects.count() == Task.objects.count() == 0


@pytest.mark.parametrize("name", ["scanned.pdf", "bomb.docx", "broken.doc"])
def test_the_command_process_exits_2_with_one_error_line(bad_files, name):
    path, message = bad_files[name]
    run = subprocess.run(
        [sys.executable, "manage.py", "import_policy", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 2, run.stderr
    assert [line for line in run.stderr.splitlines() if line.strip()] == [f"CommandError: {path}: {message}"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", IDS)
@pytest.mark.parametrize("dry_run", [False, True])
def test_the_api_answers_400_with_the_message_on_the_file_field(world, bad_files, name, dry_run):
    path, message = bad_files[name]
    before = PolicyDocument.objects.count(), Task.objects.count()
    upload = SimpleUploadedFile(name, path.read_bytes())
    url = "/api/v1/documents/import/" + ("?dry_run=1" if dry_run else "")
    response = client_for(world.admin).post(url, {"file": upload}, format="multipart")
    assert response.status_code == 400, response.content
    assert response.json()["error"]["fields"] == {"file": [message]}
    assert (PolicyDocument.objects.count(), Task.objects.count()) == before


@pytest.mark.django_db
@pytest.mark.parametrize("name", [n for n in IDS if n != "huge.txt"])
def test_the_web_upload_answers_400_with_the_message(client, world, bad_files, name):
    path, message = bad_files[name]
    before = PolicyDocument.objects.count(), Task.objects.count()
    client.force_login(world.admin)
    response = client.post("/import/", {"file": SimpleUploadedFile(name, path.read_bytes())})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert (PolicyDocument.objects.count(), Task.objects.count()) == before


@pytest.mark.django_db
def test_an_oversized_web_upload_is_refused_and_writes_nothing(client, world, bad_files):
    path, _ = bad_files["huge.txt"]
    client.force_login(world.admin)
    response = client.post("/import/", {"file": SimpleUploadedFile("huge.txt", path.read_bytes())})
    assert response.status_code == 400
    assert "文件过大" in response.content.decode()
    assert PolicyDocument.objects.count() == 1  # the world's own document
