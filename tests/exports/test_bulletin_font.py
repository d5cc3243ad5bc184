"""The bulletin PDF is set in the CJK font shipped with the project, on any machine.

The PDF is read back as a reader would: its text (pdfplumber), the fonts it embeds, and
page 1 drawn to pixels (pypdfium2), where the masthead's four characters must be four
different shapes, not four copies of the missing-glyph box. A character the font lacks
stops the export with its name, whichever way the bulletin was asked for. The last test
runs this file again as on a minimal machine without apt: fontconfig shown no font at all,
and Pango, GObject, fontconfig, HarfBuzz and cairo (and WeasyPrint, which needs them)
refused to every import and every ctypes load.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pdfplumber
import pypdfium2
import pytest
from django.core.management import CommandError, call_command
from pypdf import PdfReader

from policy_tasks.exports import pdf_font
from policy_tasks.exports.bulletin import bulletin_build
from policy_tasks.exports.bulletin_render import render_bulletin_html, render_bulletin_pdf
from policy_tasks.exports.jobs import export_job_run
from policy_tasks.exports.pdf_font import GlyphsMissing
from policy_tasks.models import ExportJob
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
ISOLATED = os.environ.get("DUBAN_FONTS_ISOLATED") == "1"
# Loaded by the isolated run's interpreter at start (a sitecustomize on its PYTHONPATH): a
# system text library found by ctypes, or a Python binding of one, fails as on a bare machine.
_BARE_MACHINE = """
import ctypes, ctypes.util, sys
from importlib.abc import MetaPathFinder

LIBRARIES = ("pango", "gobject", "glib-2", "gio-2", "fontconfig", "harfbuzz", "cairo")
MODULES = {"weasyprint", "cairocffi", "gi", "uharfbuzz"}

def _system_text_library(name):
    return any(part in str(name or "").lower() for part in LIBRARIES)

_find, _init = ctypes.util.find_library, ctypes.CDLL.__init__

def find_library(name):
    return None if _system_text_library(name) else _find(name)

def cdll_init(self, name, *args, **kwargs):
    if _system_text_library(name):
        raise OSError(f"{name}: cannot open shared object file (hidden: a bare machine)")
    _init(self, name, *args, **kwargs)

class NoTextBindings(MetaPathFinder):
    def find_spec(self, fullname, path=None, target=None):
        if fullname.split(".")[0] in MODULES:
            raise ImportError(f"No module named {fullname!r} (hidden: a bare machine)")
        return None

ctypes.util.find_library, ctypes.CDLL.__init__ = find_library, cdll_init
sys.meta_path.insert(0, NoTextBindings())
"""
_PROBE = (
    "import ctypes, ctypes.util\n"
    "try:\n    import weasyprint\nexcept ImportError:\n    print('no weasyprint')\n"
    "print(ctypes.util.find_library('pango-1.0'), ctypes.util.find_library('fontconfig'))\n"
    "try:\n    ctypes.CDLL('libgobject-2.0.so.0')\nexcept OSError:\n    print('no gobject')\n"
)
RARE = "𠀀"  # U+20000, CJK Extension B: in no subset of common characters
SCALE = 3  # pixels per PDF point when page 1 is drawn


def _bulletin_pdf(october) -> bytes:
    return render_bulletin_pdf(bulletin_build(document=october.document, period="2023-10"))


def test_pdf_text_is_the_chinese_bulletin_set_in_the_shipped_font_alone(october):
    data = _bulletin_pdf(october)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        text = re.sub(r"\s+", "", "".join(page.extract_text() for page in pdf.pages))
        used = {char["fontname"].split("+", 1)[-1] for page in pdf.pages for char in page.chars}
    assert "督查通报" in text
    assert "关于柯政发〔2023〕99号落实情况的督查通报（2023年10月）" in text
    assert "一、总体情况" in text and "按期完成率37.5%" in text
    assert "逾期未完成事项的牵头单位：区教育局" in text
    # Every character drawn, Latin and digits included, is in the shipped face (bold is the same face).
    family = pdf_font.FAMILY.replace(" ", "-")
    assert used and all(name in (family, f"{family}-Bold") for name in used), used
    # ... and the font program is inside the PDF, so the reader needs no font of its own.
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            assert str(font["/BaseFont"]).split("+", 1)[-1] in (family, f"{family}-Bold")
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3"))


def _dark(image) -> bytes:
    """A grey image as one byte a pixel: 1 where it is dark."""
    return bytes(p < 128 for p in image.tobytes())


def _ink(image) -> float:
    """Share of dark pixels."""
    dark = _dark(image)
    return sum(dark) / len(dark)


def _differ(a, b) -> float:
    """Share of pixels dark in one image and light in the other (same size)."""
    pairs = list(zip(_dark(a), _dark(b), strict=True))
    return sum(p != q for p, q in pairs) / len(pairs)


def test_page_one_draws_the_masthead_as_four_different_characters_not_boxes(october):
    data = _bulletin_pdf(october)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = pdf.pages[0].chars
        # The masthead is the page's largest text: 督查通报 at 30 pt. (Glyphs drawn as boxes
        # carry no text at all: then there is none to find.)
        biggest = max((c["size"] for c in chars), default=None)
        masthead = [c for c in chars if c["size"] == biggest]
    assert "".join(c["text"] for c in masthead) == "督查通报"
    page = pypdfium2.PdfDocument(data)[0]
    image = page.render(scale=SCALE).to_pil().convert("L")
    side = round(min(c["x1"] - c["x0"] for c in masthead) * SCALE)
    glyphs = [
        image.crop((round(c["x0"] * SCALE), round(c["top"] * SCALE), round(c["x0"] * SCALE) + side,
                    round(c["top"] * SCALE) + side))
        for c in masthead
    ]  # fmt: skip
    for char, glyph in zip("督查通报", glyphs, strict=True):
        assert _ink(glyph) > 0.05, f"{char} is drawn blank"
    # Missing glyphs are all the same box (two differ in under 7% of pixels, crops being
    # pixel-rounded); four real characters differ from each other in over a quarter.
    for i in range(len(glyphs)):
        for j in range(i + 1, len(glyphs)):
            assert _differ(glyphs[i], glyphs[j]) > 0.15, f"{'督查通报'[i]} and {'督查通报'[j]} are drawn alike"


@pytest.fixture
def rare_unit(october):
    """区教育局 renamed with a character outside the font: it is named in the bulletin's text."""
    unit = october.units["区教育局"]
    unit.name = f"区{RARE}教育局"
    unit.save(update_fields=["name"])
    return unit


def _names_the_rare_character(message: str) -> None:
    assert f"“{RARE}”（U+20000" in message
    assert "区𠀀教育局" in message
    assert "PDF 未生成" in message


def test_a_character_the_font_lacks_stops_the_pdf_with_its_name(october, rare_unit):
    bulletin = bulletin_build(document=october.document, period="2023-10")
    with pytest.raises(GlyphsMissing) as caught:
        render_bulletin_pdf(bulletin)
    _names_the_rare_character(caught.value.message)
    # The other formats carry the text as characters, not glyphs: they still work.
    assert f"区{RARE}教育局" in render_bulletin_html(bulletin)


def test_the_check_reads_what_the_page_shows():
    # Invisible characters need no glyph; style sheets are not shown; entities are.
    pdf_font.require_glyphs("<style>p::before { content: '𠀀' }</style><p>区\u200b教育局\ufeff 督办\ufe0f</p>")
    with pytest.raises(GlyphsMissing, match="U\\+20000"):
        pdf_font.require_glyphs("<p>区&#x20000;教育局</p>")
    many = "".join(chr(0x20000 + i) for i in range(12))
    with pytest.raises(GlyphsMissing, match="等 12 个字"):
        pdf_font.require_glyphs(f"<td>{many}</td>")


def test_the_bulletin_command_exits_non_zero_and_writes_nothing(tmp_path, october, rare_unit):
    out = tmp_path / "b.pdf"
    stdout = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(
            "bulletin", "--document", october.document.doc_number, "--period", "2023-10", "-o", str(out), stdout=stdout
        )
    assert caught.value.returncode == 1  # manage.py exits with it
    _names_the_rare_character(str(caught.value))
    assert not out.exists()
    assert "已生成" not in stdout.getvalue()


def test_the_download_answers_422_with_the_message(client, october, rare_unit):
    client.force_login(october.supervisor)
    url = f"/api/v1/documents/{october.document.pk}/bulletin.pdf"
    response = client.get(url, {"period": "2023-10"})
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "missing_glyphs"
    _names_the_rare_character(response.json()["error"]["message"])


def test_an_export_job_is_marked_failed_with_the_message(
    client, october, rare_unit, django_capture_on_commit_callbacks
):
    from duban.celery import app as celery_app

    client.force_login(october.supervisor)
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = True
    try:
        with django_capture_on_commit_callbacks(execute=True):
            started = client.post(
                f"/api/v1/documents/{october.document.pk}/bulletin-jobs/", {"format": "pdf", "period": "2023-10"}
            )
    finally:
        celery_app.conf.task_always_eager = eager
    assert started.status_code == 202
    status = client.get(started.json()["url"]).json()
    assert status["status"] == ExportJob.Status.FAILED
    assert status["download_url"] is None
    _names_the_rare_character(status["error"])


def test_the_api_answers_422_at_once_and_fails_the_job_with_the_message(october, rare_unit):
    api = client_for(october.supervisor)
    at_once = api.get(f"/api/v1/documents/{october.document.pk}/bulletin.pdf", {"period": "2023-10"})
    assert at_once.status_code == 422
    assert at_once.json()["error"]["code"] == "missing_glyphs"
    _names_the_rare_character(at_once.json()["error"]["message"])

    started = api.post(
        f"/api/v1/documents/{october.document.pk}/bulletin-jobs/", {"format": "pdf", "period": "2023-10"}, format="json"
    )
    assert started.status_code == 202
    export_job_run(job_id=started.json()["id"])  # what the Celery task does
    job = api.get(f"/api/v1/export-jobs/{started.json()['id']}/").json()
    assert (job["status"], job["download_url"]) == ("failed", None)
    _names_the_rare_character(job["error"])


@pytest.mark.skipif(ISOLATED, reason="this is the isolated run")
def test_the_bulletin_tests_pass_on_a_machine_without_fonts_or_pango(tmp_path):
    """This file again, in a pytest of its own whose fontconfig knows an empty folder only and
    that can load no system text library (Pango, GObject, fontconfig, HarfBuzz, cairo)."""
    (tmp_path / "fonts").mkdir()
    (tmp_path / "bare").mkdir()
    (tmp_path / "bare" / "sitecustomize.py").write_text(_BARE_MACHINE, encoding="utf-8")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{tmp_path / 'fonts'}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {key: value for key, value in os.environ.items() if not key.startswith("PYTEST_")}
    env.update(FONTCONFIG_FILE=str(conf), FONTCONFIG_PATH=str(tmp_path), DUBAN_FONTS_ISOLATED="1")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(tmp_path / "bare"), env.get("PYTHONPATH")]))
    # SQLite and the in-process broker: the parent's PostgreSQL test database is not the child's to
    # create or drop, and these tests need neither service.
    for key in ("DATABASE_URL", "CELERY_BROKER_URL", "DUBAN_REQUIRE_SERVICES"):
        env.pop(key, None)
    # Proof that the run is a bare machine: WeasyPrint cannot be imported, ctypes finds neither
    # Pango nor fontconfig and cannot load GObject; so the PDFs the tests read were made, and
    # their fonts found, by the project's own Python code and font alone.
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )
    assert probe.stdout.split("\n")[:3] == ["no weasyprint", "None None", "no gobject"], probe.stdout + probe.stderr
    # Its own temporary folder: pytest's numbered ones under /tmp would have the child delete the old runs' files
    # there when it ends (minutes on a disk mounted with `discard`; see the Makefile's test target).
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--basetemp={tmp_path / 'child'}", __file__],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert re.search(r"\b8 passed, 1 skipped\b", run.stdout), run.stdout[-2000:]  # the skip: this test
