"""Dispatch on what the bytes are (not only on the file name) to one reader per format."""

from __future__ import annotations

import io
import zipfile

from .base import MAX_SOURCE_BYTES, Source, SourceError, Table


def read_source(data: bytes, filename: str) -> Source:
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError("文件过大，请上传 10MB 以内的文件 (file too large)")
    lower = (filename or "").lower()
    if lower.endswith(".docx"):
        return _docx(data, filename)
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return Source.from_text(data.decode(encoding), filename)
        except UnicodeDecodeError:
            continue
    raise SourceError("无法识别文本文件的编码，请另存为 UTF-8 后再上传 (unknown text encoding)")


def _docx(data: bytes, filename: str) -> Source:
    import docx
    from docx.table import Table as DocxTable

    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise SourceError("无法读取该 Word 文件，请确认是 .docx 格式 (not a readable .docx)") from exc
    blocks: list[str | Table] = []
    for block in document.iter_inner_content():
        if isinstance(block, DocxTable):
            blocks.append(Table(tuple(tuple(c.text.strip() for c in row.cells) for row in block.rows)))
        else:
            blocks.append(block.text)
    return Source("docx", filename, blocks)
