"""The names evidence is kept and served under.

The content decides the type (services/evidence.py); the name must agree with it. Text has
no magic number, so a script or a page (.hta, .bat, .ps1, .vbs, .html, .svg) passed as
text/plain and was downloaded under its own name, one double-click from running. Now the
extension is allow-listed per content type, and a download's name always ends in an
extension that matches what the file is.
"""

from __future__ import annotations

import os
import unicodedata
from urllib.parse import quote

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation"

# Per content type, the extensions a file of that type may carry (the first is the one added).
EXTENSIONS: dict[str, tuple[str, ...]] = {
    "application/pdf": (".pdf",),
    "image/jpeg": (".jpg", ".jpeg"),
    "image/png": (".png",),
    "image/gif": (".gif",),
    "image/webp": (".webp",),
    DOCX: (".docx",),
    XLSX: (".xlsx",),
    PPTX: (".pptx",),
    "application/zip": (".zip",),
    "text/plain": (".txt",),
}
MAX_NAME = 120


def clean_name(name: str | None) -> str:
    """The uploaded name without folders, control or format characters; never empty."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in base if unicodedata.category(ch)[0] != "C")
    base = base.strip().lstrip(".").strip()
    if len(base) > MAX_NAME:
        stem, ext = os.path.splitext(base)
        base = stem[: MAX_NAME - len(ext)] + ext
    return base or "未命名文件"


def extension(name: str) -> str:
    return os.path.splitext(name)[1].lower()


def allowed_extensions(allowed_types: list[str]) -> set[str]:
    return {ext for mime in allowed_types for ext in EXTENSIONS.get(mime, ())}


def name_fits(name: str, content_type: str, allowed_types: list[str]) -> bool:
    """An allowed extension, and for text, a text one: bytes with a magic number (a PDF
    called 说明.txt) are what they are, but text can be any script under any name."""
    ext = extension(name)
    if ext not in allowed_extensions(allowed_types):
        return False
    return content_type != "text/plain" or ext in EXTENSIONS["text/plain"]


def download_name(name: str, content_type: str) -> str:
    """`name` made safe, ending in an extension of its content type (kept rows included)."""
    name = clean_name(name)
    expected = EXTENSIONS.get(content_type, (".bin",))
    return name if extension(name) in expected else name + expected[0]


def content_disposition(name: str, content_type: str) -> str:
    """RFC 6266 / RFC 5987: filename* carries the real name; the quoted ASCII fallback is
    fixed text, so nothing from the user is ever inside quotes."""
    safe = download_name(name, content_type)
    return f"attachment; filename=\"evidence{extension(safe)}\"; filename*=UTF-8''{quote(safe, safe='')}"
