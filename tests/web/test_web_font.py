"""Pages show Chinese in the font shipped with the project, in a browser without a CJK font.

Chromium is started with fontconfig shown one Latin font only (with none at all its font
manager gives up, web fonts included), as on a fresh machine: whatever Chinese it draws
comes from the @font-face in duban.css. Four characters drawn large must be
four different shapes, not four copies of the missing-glyph box.
"""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest
from PIL import Image

from tests.web.conftest import CHROMIUM, CHROMIUM_ARGS, REQUIRE_SERVICES

pytestmark = pytest.mark.django_db

FAMILY = "Duban Sans CJK SC"
SAMPLE = "督查通报"


def _latin_font() -> Path:
    """A system font without Chinese (DejaVu, on Debian)."""
    from fontTools.ttLib import TTFont

    for path in sorted(Path("/usr/share/fonts").rglob("*.[ot]tf")):
        try:
            if ord("督") not in TTFont(path, lazy=True).getBestCmap():
                return path
        except Exception:
            continue
    pytest.fail("no system font without Chinese to give Chromium")


@pytest.fixture
def fontless_page(live_server, tmp_path):

    if not os.path.exists(CHROMIUM):
        if REQUIRE_SERVICES:
            pytest.fail(f"DUBAN_REQUIRE_SERVICES=1 but {CHROMIUM} is missing (.ci/apt-packages installs it)")
        pytest.skip(f"needs Debian's Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    (tmp_path / "fonts").mkdir()
    shutil.copy(_latin_font(), tmp_path / "fonts")
    conf = tmp_path / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        f"<fontconfig><dir>{tmp_path / 'fonts'}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>\n",
        encoding="utf-8",
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "FONTCONFIG_PATH": str(tmp_path)}
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # as in conftest's browser fixture
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, env=env)
            page = browser.new_page(base_url=live_server.url, locale="zh-CN")
            yield page
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def _dark(image: Image.Image) -> bytes:
    return bytes(p < 128 for p in image.convert("L").tobytes())


def test_the_login_page_draws_chinese_in_the_shipped_font_without_system_fonts(fontless_page):
    fontless_page.goto("/login/")
    _assert_draws_chinese(fontless_page)


def test_the_admin_draws_chinese_in_the_shipped_font_without_system_fonts(fontless_page):
    # Django's admin asks for system fonts only: its labels were boxes on such a machine.
    response = fontless_page.goto("/admin/login/")
    assert response is not None and response.status == 200
    assert "督办" in fontless_page.title()
    _assert_draws_chinese(fontless_page)


def _assert_draws_chinese(page) -> None:
    page.evaluate("document.fonts.ready")
    loaded = page.evaluate(
        "family => [...document.fonts].filter(f => f.family.replace(/\"/g, '') === family).map(f => f.status)",
        FAMILY,
    )
    assert loaded == ["loaded"], loaded
    assert page.evaluate("family => document.fonts.check(`16px \"${family}\"`, '督办')", FAMILY)

    # The page's own font-family (its body's), at a size where a box and a character differ plainly.
    page.evaluate(
        """sample => {
            const row = document.createElement("div");
            row.id = "glyphs";
            row.style.cssText = "font-size:96px;line-height:1;position:fixed;top:0;left:0;background:#fff";
            for (const ch of sample) {
                const span = document.createElement("span");
                span.textContent = ch;
                row.appendChild(span);
            }
            document.body.appendChild(row);
        }""",
        SAMPLE,
    )
    glyphs = [
        _dark(Image.open(io.BytesIO(span.screenshot())).resize((96, 96))) for span in page.locator("#glyphs span").all()
    ]
    assert len(glyphs) == len(SAMPLE)
    for char, glyph in zip(SAMPLE, glyphs, strict=True):
        assert sum(glyph) / len(glyph) > 0.05, f"{char} is drawn blank"
    for i in range(len(glyphs)):
        for j in range(i + 1, len(glyphs)):
            differ = sum(p != q for p, q in zip(glyphs[i], glyphs[j], strict=True)) / len(glyphs[i])
            assert differ > 0.15, f"{SAMPLE[i]} and {SAMPLE[j]} are drawn alike: boxes?"
