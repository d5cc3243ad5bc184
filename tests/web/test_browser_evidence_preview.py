"""In Chromium: a picture's preview opens in the task page and draws; a PDF's preview frame loads
from our own origin with no policy refusing it (issue 15)."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from playwright.sync_api import expect

from accounts.models import User
from policy_tasks.models import Milestone
from policy_tasks.services.evidence import evidence_upload
from tests.web.builders import PDF
from tests.workflow.test_evidence import png

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_previews_open_in_the_page(web, seeded):
    task = Milestone.objects.get(document=seeded, text="确保抽蓄项目10月底前开工").task
    clerk = User.objects.get(username="qfgj_clerk")
    for content, name in ((png(), "现场照片.png"), (PDF, "开工证明.pdf")):
        evidence_upload(user=clerk, task=task, uploaded_file=SimpleUploadedFile(name, content))

    page = web.login("qfgj_clerk")
    refused: list[str] = []
    page.on("console", lambda msg: refused.append(msg.text) if "Refused" in msg.text else None)
    loaded: list[tuple[str, int]] = []
    page.on("response", lambda r: loaded.append((r.url, r.status)) if "inline=1" in r.url else None)
    page.goto(f"/tasks/{task.pk}/#evidence")

    photo = page.locator("#evidence details.preview", has=page.locator("img"))
    photo.locator("summary").click()
    image = photo.locator("img")
    expect(image).to_be_visible()
    page.wait_for_function("img => img.complete && img.naturalWidth === 1", arg=image.element_handle())

    document = page.locator("#evidence details.preview", has=page.locator("iframe"))
    document.locator("summary").click()
    expect(document.locator("iframe")).to_be_visible()
    page.wait_for_function(
        "() => performance.getEntriesByType('resource').some(e => e.name.includes('inline=1') && e.initiatorType === 'iframe')"
    )
    page.wait_for_timeout(300)
    assert [status for url, status in loaded] == [200, 200], loaded
    # A frame the response's policy forbids shows Chromium's error page instead (chrome-error://).
    [framed] = [frame for frame in page.frames if frame.parent_frame == page.main_frame]
    assert framed.url.endswith("?inline=1"), framed.url
    assert framed.evaluate("document.contentType") == "application/pdf"  # Chromium's PDF viewer
    assert refused == [], refused
