"""The 通报 on the GB/T 9704 page, PDF and Word alike: A4, the type area's margins, the
red masthead with 期号 over a red rule, 落款 and date, 版记, `— N —` page numbers; the
issuer and the 督办单 number pattern read from the environment at start-up.

Files are fetched through the download URL and opened with pypdf and python-docx.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pypdfium2
import pytest
import time_machine
from django.test import Client
from docx import Document
from docx.shared import Mm
from pypdf import PdfReader

from tests.exports.docx_render import write_docx_screenshot

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
SHANGHAI = ZoneInfo("Asia/Shanghai")


@pytest.fixture(autouse=True)
def issued_on_2_november():
    with time_machine.travel(datetime(2023, 11, 2, 9, tzinfo=SHANGHAI), tick=False):
        yield


def _get(october, fmt: str) -> bytes:
    client = Client()
    client.force_login(october.supervisor)
    response = client.get(f"/api/v1/documents/{october.document.pk}/bulletin.{fmt}", {"period": "2023-10"})
    assert response.status_code == 200, response.getvalue()[:300]
    return response.getvalue()


def test_bulletin_pdf_is_a4_with_issue_number_signature_colophon_and_page_numbers(october, settings):
    settings.DUBAN_BULLETIN_ISSUER = "柯城区人民政府督查室"
    data = _get(october, "pdf")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    for number, page in enumerate(reader.pages, start=1):
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        assert f"— {number} —" in page.extract_text()
    first = re.sub(r"\s+", "", reader.pages[0].extract_text())
    assert first.startswith("督查通报2023年第10期柯城区人民政府督查室2023年11月2日")
    last = reader.pages[-1].extract_text()
    assert re.search(r"柯城区人民政府督查室\s*2023年11月2日\s", last)  # 落款 over 成文日期
    flat = re.sub(r"\s+", "", last)
    assert "抄送：区委、区政府有关领导，各责任单位。" in flat
    assert "柯城区人民政府督查室2023年11月2日印发" in flat
    stream = reader.pages[0].get_contents().get_data().decode("latin-1")
    assert re.search(r"0\.8\d* 0(\.0+)? 0(\.0+)? rg", stream)  # the red masthead
    assert re.search(r"0\.8\d* 0(\.0+)? 0(\.0+)? RG", stream)  # the red rule
    # The type area: nothing is drawn left of 28 mm (79.4 pt) or right of 184 mm (521.6 pt); the masthead
    # starts at the top of the type area (37 mm, 104.9 pt), its glyphs a little lower.
    image = pypdfium2.PdfDocument(data)[0].render(scale=1).to_pil().convert("L")
    box = image.point(lambda v: 255 if v < 200 else 0).getbbox()
    assert box[0] >= 78 and box[1] >= 100 and box[2] <= 523, box  # a rule on the edge is half outside
    if os.environ.get("DUBAN_WRITE_SCREENSHOTS") == "1":
        pypdfium2.PdfDocument(data)[0].render(scale=1.5).to_pil().save(
            ROOT / "docs" / "screenshots" / "bulletin-pdf.png"
        )


def test_bulletin_word_file_is_a4_with_a_page_field_masthead_issue_number_and_signature(october, settings):
    settings.DUBAN_BULLETIN_ISSUER = "柯城区人民政府督查室"
    settings.DUBAN_OFFICIAL_FONTS = ["方正小标宋简体", "仿宋_GB2312"]
    data = _get(october, "docx")
    doc = Document(io.BytesIO(data))
    if os.environ.get("DUBAN_WRITE_SCREENSHOTS") == "1":
        write_docx_screenshot(data, ROOT / "docs" / "screenshots" / "bulletin-docx.png")
    for section in doc.sections:
        assert abs(section.page_width - Mm(210)) < Mm(0.5) and abs(section.page_height - Mm(297)) < Mm(0.5)
        assert abs(section.top_margin - Mm(37)) < Mm(0.5) and abs(section.left_margin - Mm(28)) < Mm(0.5)
        assert abs(section.page_height - section.top_margin - section.bottom_margin - Mm(225)) < Mm(0.5)
        footer = section.footer._element.xml
        assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", footer)
        assert section.footer.paragraphs[0].text.startswith("— ")
    masthead = doc.paragraphs[0].runs[0]
    assert masthead.text == "督查通报" and str(masthead.font.color.rgb) == "CC0000"
    assert 'w:eastAsia="方正小标宋简体"' in masthead._element.xml
    texts = [p.text for p in doc.paragraphs]
    assert "2023年第10期" in texts
    rule_line = doc.paragraphs[texts.index("2023年第10期") + 1]
    assert rule_line.text == "柯城区人民政府督查室\t2023年11月2日"
    assert 'w:color="CC0000"' in rule_line._p.xml  # the red rule under the number lines
    at = max(i for i, t in enumerate(texts) if t == "柯城区人民政府督查室")
    assert texts[at + 1] == "2023年11月2日"  # 落款 then 成文日期
    assert texts[-2:] == ["抄送：区委、区政府有关领导，各责任单位。", "柯城区人民政府督查室\t2023年11月2日印发"]
    body = doc.paragraphs[texts.index("一、总体情况") + 1].runs[0]
    assert 'w:eastAsia="仿宋_GB2312"' in body._element.xml


def _settings_in_fresh_process(env: dict[str, str]) -> subprocess.CompletedProcess:
    code = (
        "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'duban.settings'); django.setup();"
        "from django.conf import settings as s;"
        "print(s.DUBAN_BULLETIN_ISSUER, s.DUBAN_URGE_NUMBER_PATTERN, ','.join(s.DUBAN_OFFICIAL_FONTS), sep='|')"
    )
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DUBAN_")}
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )


def test_issuer_pattern_and_fonts_come_from_the_environment():
    default = _settings_in_fresh_process({})
    assert default.stdout.strip() == "督查室|柯督〔{year}〕第{n}号|方正小标宋简体,仿宋_GB2312", default.stderr
    configured = _settings_in_fresh_process(
        {
            "DUBAN_BULLETIN_ISSUER": "衢州市柯城区人民政府督查室",
            "DUBAN_URGE_NUMBER_PATTERN": "柯府督〔{year}〕{n}号",
            "DUBAN_OFFICIAL_FONTS": "Noto Serif CJK SC,Noto Serif CJK SC",
        }
    )
    assert (
        configured.stdout.strip()
        == "衢州市柯城区人民政府督查室|柯府督〔{year}〕{n}号|Noto Serif CJK SC,Noto Serif CJK SC"
    )


def test_a_pattern_without_the_number_stops_start_up():
    broken = _settings_in_fresh_process({"DUBAN_URGE_NUMBER_PATTERN": "柯督〔{year}〕号"})
    assert broken.returncode != 0
    assert "ImproperlyConfigured" in broken.stderr and "DUBAN_URGE_NUMBER_PATTERN" in broken.stderr
