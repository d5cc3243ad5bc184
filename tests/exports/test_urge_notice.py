"""The 督办单: numbered per issuing office and year at issue, shown on the task page and in
the API, and downloaded as PDF and Word on the GB/T 9704 page by whoever may see it.

The files are opened as a reader would: pypdf for the PDF's page size, text and colours,
python-docx for the Word file's section, footer field and masthead run.
"""

from __future__ import annotations

import io
import os
import re
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2
import pytest
import time_machine
from django.db import IntegrityError, transaction
from docx import Document
from docx.shared import Mm
from pypdf import PdfReader

from policy_tasks.models import UrgeNotice
from policy_tasks.services.urges import urge_issue
from tests.api.conftest import client_for
from tests.exports.docx_render import write_docx_screenshot

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


@pytest.fixture(autouse=True)
def november():
    with time_machine.travel(datetime(2023, 11, 2, 9, tzinfo=SHANGHAI), tick=False) as traveller:
        yield traveller


def issue(world, **kwargs) -> UrgeNotice:
    kwargs.setdefault("level", UrgeNotice.Level.SUPERVISE)
    kwargs.setdefault("message", "抽蓄项目未按期开工，请说明原因并提出整改措施")
    kwargs.setdefault("reply_due", date(2023, 11, 7))
    return urge_issue(user=world.supervisor, task=world.task, **kwargs)


def test_numbers_run_per_year_in_the_configured_pattern(world, november):
    assert [issue(world).number for _ in range(3)] == ["柯督〔2023〕第1号", "柯督〔2023〕第2号", "柯督〔2023〕第3号"]
    november.move_to(datetime(2024, 1, 2, 9, tzinfo=SHANGHAI))
    first = issue(world, reply_due=date(2024, 1, 9))
    assert (first.number, first.number_year, first.number_seq) == ("柯督〔2024〕第1号", 2024, 1)


def test_each_issuing_office_has_its_own_sequence_and_pattern(world, settings):
    assert issue(world).number == "柯督〔2023〕第1号"
    settings.DUBAN_BULLETIN_ISSUER = "区政府办公室"
    settings.DUBAN_URGE_NUMBER_PATTERN = "区府办督〔{year}〕{n}号"
    assert issue(world).number == "区府办督〔2023〕1号"
    settings.DUBAN_BULLETIN_ISSUER = "督查室"
    settings.DUBAN_URGE_NUMBER_PATTERN = "柯督〔{year}〕第{n}号"
    assert issue(world).number == "柯督〔2023〕第2号"


def test_the_database_refuses_a_second_notice_with_the_same_number(world):
    first = issue(world)
    twin = UrgeNotice(
        task=first.task, level=first.level, message="重复", reply_due=first.reply_due, issued_by=first.issued_by,
        issued_at=first.issued_at, number="手写号", number_office=first.number_office, number_year=2023, number_seq=1,
    )  # fmt: skip
    with pytest.raises(IntegrityError), transaction.atomic():
        twin.save()


def test_the_api_shows_the_number_and_ignores_one_sent_by_the_client(world):
    response = client_for(world.supervisor).post(
        f"/api/v1/tasks/{world.task.pk}/urge/",
        {"level": "urge", "message": "请加快", "reply_due": "2023-11-07", "number": "柯督〔2023〕第99号"},
        format="json",
    )
    assert response.status_code == 201, response.content
    assert response.json()["number"] == "柯督〔2023〕第1号"
    listed = client_for(world.lead_clerk).get("/api/v1/urges/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [row["number"] for row in rows] == ["柯督〔2023〕第1号"]


def test_the_task_page_shows_the_number_and_links_the_printable_notice(world, client):
    notice = issue(world)
    client.force_login(world.lead_clerk)
    page = client.get(f"/tasks/{world.task.pk}/").content.decode()
    assert notice.number in page
    assert f'href="/api/v1/urges/{notice.pk}/notice.pdf"' in page
    assert f'href="/api/v1/urges/{notice.pk}/notice.docx"' in page


def test_a_unit_that_may_not_see_the_notice_gets_404(world, client):
    notice = issue(world)
    client.force_login(world.other_clerk)
    for fmt in ("pdf", "docx"):
        assert client.get(f"/api/v1/urges/{notice.pk}/notice.{fmt}").status_code == 404
    assert client.get(f"/api/v1/urges/{notice.pk + 1000}/notice.pdf").status_code == 404
    client.logout()
    assert client.get(f"/api/v1/urges/{notice.pk}/notice.pdf").status_code == 401  # the API's "sign in first"


def _download(client, user, notice, fmt) -> bytes:
    client.force_login(user)
    response = client.get(f"/api/v1/urges/{notice.pk}/notice.{fmt}")
    assert response.status_code == 200, response.content[:300]
    assert "attachment" in response["Content-Disposition"]
    return response.content


def test_the_pdf_is_an_a4_notice_with_red_masthead_number_reply_date_and_signature(world, client):
    notice = issue(world, milestone=world.milestone)
    data = _download(client, world.co_clerk, notice, "pdf")
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
    text = "".join(page.extract_text() for page in reader.pages)
    flat = re.sub(r"\s+", "", text)
    for expected in (
        "督查室督办单", "柯督〔2023〕第1号", "区发改局、区财政局：", "重点推进工程", "抽蓄项目10月底前开工",
        "督办(红色)", "抽蓄项目未按期开工，请说明原因并提出整改措施", "2023年11月7日", "督查室2023年11月2日印发",
    ):  # fmt: skip
        assert expected in flat, expected
    assert "— 1 —" in text
    # 落款: the issuer, then the date on the next line, after the body
    assert re.search(r"督查室\s*2023年11月2日\s", text)
    # The masthead is drawn in red (0.8 0 0 as fill and stroke colour) before any black text.
    stream = reader.pages[0].get_contents().get_data().decode("latin-1")
    assert re.search(r"0\.8\d* 0(\.0+)? 0(\.0+)? rg", stream)
    _screenshot(data, "urge-notice.png")


def test_the_word_file_is_a4_with_a_page_field_red_masthead_and_signature(world, client):
    notice = issue(world)
    data = _download(client, world.lead_clerk, notice, "docx")
    doc = Document(io.BytesIO(data))
    if os.environ.get("DUBAN_WRITE_SCREENSHOTS") == "1":
        write_docx_screenshot(data, SCREENSHOTS / "urge-notice-docx.png")
    section = doc.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
    assert abs(section.top_margin - Mm(37)) < Mm(0.5) and abs(section.left_margin - Mm(28)) < Mm(0.5)
    assert abs(section.page_width - section.left_margin - section.right_margin - Mm(156)) < Mm(0.5)
    footer = section.footer._element.xml
    assert "PAGE" in footer and 'w:fldCharType="begin"' in footer
    assert "— " in section.footer.paragraphs[0].text
    masthead = doc.paragraphs[0].runs[0]
    assert masthead.text == "督查室督办单" and str(masthead.font.color.rgb) == "CC0000"
    texts = [p.text for p in doc.paragraphs]
    assert "柯督〔2023〕第1号" in texts
    assert texts[texts.index("督查室") + 1] == "2023年11月2日"  # 落款 and 成文日期
    cells = [c.text for row in doc.tables[0].rows for c in row.cells]
    assert "2023年11月7日" in cells and "督办(红色)" in cells


def _screenshot(data: bytes, name: str) -> None:
    """Page 1 drawn to pixels; written to docs/screenshots when DUBAN_WRITE_SCREENSHOTS=1."""
    image = pypdfium2.PdfDocument(data)[0].render(scale=1.5).to_pil()
    assert image.getextrema()[0][0] < 100  # something dark was drawn
    if os.environ.get("DUBAN_WRITE_SCREENSHOTS") == "1":
        image.save(SCREENSHOTS / name)


def test_a_character_the_font_lacks_refuses_the_pdf_by_name_and_word_still_works(world, client):
    notice = issue(world, message="请区\U00020000教育局说明原因")
    client.force_login(world.supervisor)
    response = client.get(f"/api/v1/urges/{notice.pk}/notice.pdf")
    assert response.status_code == 422
    assert "督办单中有 PDF 字体不支持的字：“\U00020000”（U+20000" in response.json()["error"]["message"]
    assert client.get(f"/api/v1/urges/{notice.pk}/notice.docx").status_code == 200
