"""Evidence is allow-listed by content AND extension, and stored and served under a safe name.

Text has no magic number, so a script or a page (.hta, .bat, .ps1, .vbs, .html, .svg) was
accepted as text/plain and downloaded under its own dangerous name."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from policy_tasks.models import Evidence
from tests.api.conftest import PDF, client_for

pytestmark = pytest.mark.django_db

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>\n"


def _api_upload(world, name: str, content: bytes):
    return client_for(world.lead_clerk).post(
        f"/api/v1/tasks/{world.task.pk}/evidence/",
        {"file": SimpleUploadedFile(name, content)},
        format="multipart",
    )


def test_an_html_page_renamed_pdf_is_refused_by_the_api_and_the_page(world, client):
    response = _api_upload(world, "开工证明.pdf", HTML)
    assert response.status_code == 400
    assert "不支持的文件类型" in response.json()["error"]["message"]
    client.force_login(world.lead_clerk)
    page = client.post(f"/tasks/{world.task.pk}/evidence/", {"file": SimpleUploadedFile("开工证明.pdf", HTML)})
    assert page.status_code == 400
    assert "不支持的文件类型" in page.content.decode()
    assert not Evidence.objects.exists()


@pytest.mark.parametrize("name", ["run.hta", "setup.bat", "a.ps1", "b.vbs", "page.html", "logo.svg", "无扩展名"])
def test_scripts_and_pages_are_refused_whatever_their_text(world, name):
    response = _api_upload(world, name, b"echo hello\n")
    assert response.status_code == 400
    assert response.json()["error"]["fields"].get("file")
    assert not Evidence.objects.exists()


def _disposition(response) -> str:
    value = response["Content-Disposition"]
    assert "\r" not in value and "\n" not in value
    return value


def test_a_path_in_the_name_is_dropped_and_the_download_names_it_safely(world, client):
    response = _api_upload(world, "../../x.pdf", PDF)
    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert evidence.original_name == "x.pdf"
    assert ".." not in evidence.file.name and "x.pdf" not in evidence.file.name  # stored under its hash
    api = client_for(world.supervisor).get(f"/api/v1/evidence/{evidence.pk}/download/")
    assert "filename*=UTF-8''x.pdf" in _disposition(api)
    client.force_login(world.supervisor)
    page = client.get(f"/evidence/{evidence.pk}/")
    assert "filename*=UTF-8''x.pdf" in _disposition(page)
    assert page["X-Content-Type-Options"] == "nosniff"


def test_control_characters_and_quotes_never_reach_the_header(world):
    response = _api_upload(world, "开工\x07证明;x=1\x1b.pdf", PDF)
    assert response.status_code == 201
    evidence = Evidence.objects.get()
    assert evidence.original_name == "开工证明;x=1.pdf"
    header = _disposition(client_for(world.supervisor).get(f"/api/v1/evidence/{evidence.pk}/download/"))
    assert f"filename*=UTF-8''{quote(evidence.original_name)}" in header
    # A name kept from before (the multipart parser cuts quotes and line breaks on the way in).
    Evidence.objects.filter(pk=evidence.pk).update(original_name='开工\r\n证明"; x=1.pdf')
    header = _disposition(client_for(world.supervisor).get(f"/api/v1/evidence/{evidence.pk}/download/"))
    assert header.count('"') == 2  # only the ASCII fallback's own quotes


def test_a_file_kept_under_a_dangerous_name_is_served_with_its_contents_extension(world):
    _api_upload(world, "说明.txt", b"plain words\n")
    evidence = Evidence.objects.get()
    Evidence.objects.filter(pk=evidence.pk).update(original_name="run.hta")  # uploaded before the fix
    header = _disposition(client_for(world.supervisor).get(f"/api/v1/evidence/{evidence.pk}/download/"))
    assert "filename*=UTF-8''run.hta.txt" in header


def test_evidence_is_handed_out_under_the_same_header_by_the_api_and_the_page(world, client):
    """The header byte for byte: a fixed ASCII stand-in in quotes, named by the contents'
    extension, and the real name as UTF-8 in filename* (given that extension when it had none)."""
    assert _api_upload(world, "开工证明 (盖章).PDF", PDF).status_code == 201
    evidence = Evidence.objects.get()
    name = "%E5%BC%80%E5%B7%A5%E8%AF%81%E6%98%8E%20%28%E7%9B%96%E7%AB%A0%29.PDF"
    api = client_for(world.supervisor).get(f"/api/v1/evidence/{evidence.pk}/download/")
    assert api["Content-Disposition"] == f"attachment; filename=\"evidence.pdf\"; filename*=UTF-8''{name}"
    client.force_login(world.supervisor)
    page = client.get(f"/evidence/{evidence.pk}/")
    assert page["Content-Disposition"] == f"attachment; filename=\"evidence.pdf\"; filename*=UTF-8''{name}"
    shown = client.get(f"/evidence/{evidence.pk}/?inline=1")
    assert shown["Content-Disposition"] == f"inline; filename=\"evidence.pdf\"; filename*=UTF-8''{name}"
    Evidence.objects.filter(pk=evidence.pk).update(original_name="readme")  # kept from before: no extension
    page = client.get(f"/evidence/{evidence.pk}/")
    assert page["Content-Disposition"] == "attachment; filename=\"evidence.pdf\"; filename*=UTF-8''readme.pdf"
