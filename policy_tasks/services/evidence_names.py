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


# What each content type is called in a refusal ("扩展名与内容不符:验收报告.pdf 的内容是PNG图片…").
KIND_NAMES = {
    "application/pdf": "PDF文件",
    "image/jpeg": "JPEG图片",
    "image/png": "PNG图片",
    "image/gif": "GIF图片",
    "image/webp": "WebP图片",
    DOCX: "Word文档(.docx)",
    XLSX: "Excel表格(.xlsx)",
    PPTX: "PowerPoint演示文稿(.pptx)",
    "application/zip": "ZIP压缩包",
    "text/plain": "纯文本",
}


def name_fits(name: str, content_type: str, allowed_types: list[str]) -> bool:
    """An extension of the type the bytes are (issue 15: a PNG called 验收报告.pdf opened as
    nothing on a supervisor's machine); text can be any script under any name, so it must be .txt."""
    return content_type in allowed_types and extension(name) in EXTENSIONS.get(content_type, ())


def mismatch_message(name: str, content_type: str, allowed_types: list[str]) -> str:
    """Why `name` was refused, in words a clerk can act on."""
    ext = extension(name)
    if ext not in allowed_extensions(allowed_types):
        allowed = "、".join(sorted(allowed_extensions(allowed_types)))
        return f"不支持的文件类型:{name}(可上传 {allowed})"
    kind = KIND_NAMES.get(content_type, content_type)
    expected = "或".join(EXTENSIONS.get(content_type, ()))
    return f"不支持的文件类型或扩展名与内容不符:{name} 的内容是{kind}，扩展名应为 {expected}。请核对文件后重新上传"


def download_name(name: str, content_type: str) -> str:
    """`name` made safe, ending in an extension of its content type (kept rows included)."""
    name = clean_name(name)
    expected = EXTENSIONS.get(content_type, (".bin",))
    return name if extension(name) in expected else name + expected[0]


# What a page may show in place (docs/web.md "佐证材料预览"); the rest is only downloaded.
PREVIEWABLE = frozenset({"application/pdf", "image/jpeg", "image/png", "image/gif", "image/webp"})


def download_names(name: str, content_type: str) -> tuple[str, str]:
    """The name a file is handed out under and its fixed ASCII stand-in (`evidence.pdf`), for
    duban.storage.downloads.content_disposition's filename and fallback."""
    safe = download_name(name, content_type)
    return safe, f"evidence{extension(safe)}"
