"""Text out of an uploaded document: UTF-8 .txt, or the paragraphs and tables of a .docx."""

from __future__ import annotations

import io
import re
import zipfile

import docx
from docx.table import Table

from policy_tasks.parsing import ParseError

MAX_BYTES = 10 * 1024 * 1024
# Column headers the parser reads as field lines (`牵头单位:A`) under a clause.
FIELD_HEADERS = {
    "责任领导",
    "牵头领导",
    "牵头单位",
    "牵头部门",
    "责任单位",
    "责任部门",
    "配合单位",
    "配合部门",
    "协办单位",
    "完成时限",
    "完成时间",
}


def _table_lines(table: Table) -> list[str]:
    """A task table as the genre's text: the clause, then `表头:值` lines for its responsibility columns."""
    rows = [[cell.text.strip() for cell in row.cells] for row in table.rows]
    if len(rows) < 2:
        return [" ".join(c for c in row if c) for row in rows]
    header = [re.sub(r"\s+", "", h) for h in rows[0]]
    lines: list[str] = []
    for row in rows[1:]:
        body = [v for h, v in zip(header, row, strict=False) if v and h not in FIELD_HEADERS]
        if body and body[0].isdigit() and len(body) > 1:
            body = [f"{body[0]}. {body[1]}", *body[2:]]
        fields = [f"{h}:{v}" for h, v in zip(header, row, strict=False) if v and h in FIELD_HEADERS]
        lines.append(" ".join(body))
        if fields:
            lines.append(" ".join(fields))
    return lines


def docx_text(data: bytes) -> str:
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise ParseError("无法读取该 Word 文件，请确认是 .docx 格式 (not a readable .docx)") from exc
    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            lines.extend(_table_lines(block))
        else:
            lines.append(block.text)
    return "\n".join(lines)


def uploaded_text(name: str, data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise ParseError("文件过大，请上传 10MB 以内的文件 (file too large)")
    lower = (name or "").lower()
    if lower.endswith(".docx"):
        return docx_text(data)
    if lower.endswith(".txt"):
        # Offices save .txt as GBK as often as UTF-8; the review page shows the result before anything is written.
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                continue
        raise ParseError("无法识别文本文件的编码，请另存为 UTF-8 后再上传 (unknown text encoding)")
    raise ParseError("仅支持 .txt 或 .docx 文件 (only .txt and .docx)")
