"""A .docx page drawn to pixels for docs/screenshots (DUBAN_WRITE_SCREENSHOTS=1 only).

LibreOffice converts the file to PDF in a private home whose only CJK font is the shipped one
(decompressed from woff2), as on an office PC without 仿宋/小标宋 the text falls back to a
plain face; pypdfium2 draws page 1. LibreOffice is not installed by CI (it is big and adds
fonts); without it the screenshot is simply not written.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import pypdfium2
from fontTools.ttLib import TTFont

from policy_tasks.exports import pdf_font


def write_docx_screenshot(data: bytes, target: Path) -> bool:
    soffice = shutil.which("soffice")
    if soffice is None:
        return False
    with tempfile.TemporaryDirectory() as home:
        fonts = Path(home) / ".fonts"
        fonts.mkdir()
        font = TTFont(pdf_font.FILE)
        font.flavor = None
        font.save(fonts / "DubanSansCJKsc-Regular.otf")
        source = Path(home) / "page.docx"
        source.write_bytes(data)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", home, str(source)],
            env={"HOME": home, "PATH": "/usr/bin:/bin"},
            check=True,
            capture_output=True,
            timeout=120,
        )
        pdf = pypdfium2.PdfDocument((Path(home) / "page.pdf").read_bytes())
        pdf[0].render(scale=1.5).to_pil().save(target)
    return True
