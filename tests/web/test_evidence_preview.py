"""佐证材料 can be looked at in the page, not only downloaded (issue 15): a PDF in a frame, a
picture as an image, both served inline from this origin and framed only by our own pages."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from policy_tasks.services.evidence import evidence_upload
from tests.web.builders import PDF
from tests.workflow.test_evidence import png

pytestmark = pytest.mark.django_db


def _upload(world, content: bytes, name: str):
    return evidence_upload(user=world.lead_clerk, task=world.task, uploaded_file=SimpleUploadedFile(name, content))


def test_a_pdf_and_a_picture_are_previewed_in_the_page(client, world):
    pdf = _upload(world, PDF, "开工证明.pdf")
    photo = _upload(world, png(), "现场照片.png")
    text = _upload(world, "进展情况".encode(), "说明.txt")
    client.force_login(world.lead_clerk)
    html = client.get(f"/tasks/{world.task.pk}/").content.decode()

    assert re.search(
        rf'<summary>预览</summary><iframe src="/evidence/{pdf.pk}/\?inline=1" title="预览：开工证明.pdf"', html
    )
    assert re.search(rf'<summary>预览</summary><img src="/evidence/{photo.pk}/\?inline=1" alt="现场照片.png"', html)
    assert f"/evidence/{text.pk}/?inline=1" not in html  # text is downloaded, never rendered

    shown = client.get(f"/evidence/{pdf.pk}/?inline=1")
    assert shown.status_code == 200 and b"".join(shown.streaming_content) == PDF
    assert shown["Content-Type"] == "application/pdf"
    assert shown["Content-Disposition"].startswith("inline;")
    assert shown["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in shown["Content-Security-Policy"]
    picture = client.get(f"/evidence/{photo.pk}/?inline=1")
    assert picture["Content-Disposition"].startswith("inline;")
    assert picture["Content-Security-Policy"].endswith("; sandbox")

    # The page that frames them allows frames of its own origin only.
    page_policy = client.get(f"/tasks/{world.task.pk}/")["Content-Security-Policy"]
    assert "default-src 'self'" in page_policy and "frame-src" not in page_policy

    # Without ?inline, and for what cannot be shown, it stays a download.
    assert client.get(f"/evidence/{pdf.pk}/")["Content-Disposition"].startswith("attachment;")
    assert client.get(f"/evidence/{text.pk}/?inline=1")["Content-Disposition"].startswith("attachment;")


def test_a_preview_is_as_private_as_the_download(client, world):
    pdf = _upload(world, PDF, "开工证明.pdf")
    client.force_login(world.other_clerk)
    assert client.get(f"/evidence/{pdf.pk}/?inline=1").status_code == 404
