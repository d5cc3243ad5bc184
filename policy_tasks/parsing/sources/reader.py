"""Dispatch on what the bytes are, not on the file name, to one reader per format.

Offices rename files freely (a .doc saved as .docx, an export called .xls that is a real
workbook or plain text), so the magic numbers decide: `%PDF`, a zip holding `word/` or
`xl/workbook.xml`, an OLE2 compound file (`D0 CF 11 E0`: .xls, .doc, .wps, or an encrypted
.docx/.xlsx). The name only picks a clearer message. Whatever a library raises on a damaged
file becomes a SourceError: an upload never ends in a server error.
"""

from __future__ import annotations

import logging

from .archive import member_names, open_zip
from .base import (
    CORRUPT_DOCX,
    CORRUPT_OLE,
    CORRUPT_PDF,
    CORRUPT_XLSX,
    EMPTY,
    ENCRYPTED_OFFICE,
    MAX_SOURCE_BYTES,
    OLD_POWERPOINT,
    TOO_LARGE,
    UNREADABLE,
    UNSUPPORTED,
    Source,
    SourceError,
)
from .grid import unify_ideographs
from .markup import looks_like_html, read_html
from .office_xml import office_xml_kind, read_office_xml
from .rtf import looks_like_rtf, read_rtf
from .text import read_delimited, read_text
from .web_archive import looks_like_web_archive, read_web_archive

# The readers of binary formats (PDF, OFD, .docx, .xlsx, OpenDocument, .doc, .xls) are imported in
# the branch that needs them: together ~20 ms of every process that loads the parser, which reads a
# .txt as often as anything. The readers that tell text formats apart are needed to read any text.

logger = logging.getLogger(__name__)

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
# Files people send instead of the plan itself, named in the refusal.
_OTHER_MAGIC = (
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"II*\x00", "TIFF 图片"),
    (b"MM\x00*", "TIFF 图片"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c", "7z 压缩包"),
    (b"\x1f\x8b", "gzip 压缩包"),
)


def read_source(data: bytes, filename: str) -> Source:
    filename = filename or "document"
    if not data:
        raise SourceError(EMPTY)
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(TOO_LARGE)
    try:
        source = _read(data, filename)
        source.blocks = unify_ideographs(source.blocks)
        return source
    except SourceError:
        raise
    except MemoryError as exc:
        raise SourceError(TOO_LARGE) from exc
    except Exception as exc:
        # At debug level: a command's output must stay the one line that names the file.
        logger.debug("unreadable upload %r", filename, exc_info=True)
        raise SourceError(UNREADABLE) from exc


def _suffix(filename: str) -> str:
    name = filename.lower()
    return name[name.rfind(".") :] if "." in name else ""


def _read(data: bytes, filename: str) -> Source:
    suffix = _suffix(filename)
    # The PDF format allows bytes before the header; Acrobat looks in the first kilobyte.
    if b"%PDF-" in data[:1024]:
        from .pdf import read_pdf

        return read_pdf(data, filename)
    if data.startswith(ZIP_MAGIC):
        return _read_zip(data, filename)
    if data.startswith(OLE2_MAGIC):
        return _read_ole(data, filename, suffix)
    if looks_like_rtf(data):
        return read_rtf(data, filename)
    for magic, what in _OTHER_MAGIC:
        if data.startswith(magic):
            raise SourceError(UNSUPPORTED.format(what=what))
    if data[8:12] == b"WEBP" and data.startswith(b"RIFF"):
        raise SourceError(UNSUPPORTED.format(what="WebP 图片"))
    if looks_like_web_archive(data):
        return read_web_archive(data, filename)
    head = data[:4096].lower()
    office_xml = office_xml_kind(data)
    if office_xml is not None:
        return read_office_xml(data, filename, office_xml)
    if b"<?mso-application" in head:
        raise SourceError(UNSUPPORTED.format(what="Office XML 文件，请另存为 .docx 或 .xlsx"))
    # What OA systems export as .xls/.doc is often an HTML table; portals serve plans as pages.
    if looks_like_html(data):
        return read_html(data, filename)
    # Named as a binary format but not one: say the file is damaged rather than read it as text.
    if suffix == ".docx":
        raise SourceError(CORRUPT_DOCX)
    if suffix == ".xlsx":
        raise SourceError(CORRUPT_XLSX)
    if suffix == ".pdf":
        raise SourceError(CORRUPT_PDF)
    if suffix in (".csv", ".tsv"):
        return read_delimited(data, filename)
    return read_text(data, filename)


def _read_zip(data: bytes, filename: str) -> Source:
    from .ofd import read_ofd
    from .opendocument import is_opendocument, read_opendocument
    from .sheets import read_xlsx
    from .word import read_docx

    archive = open_zip(data)
    names = member_names(archive)
    if "word/document.xml" in names or any(n.startswith("word/") for n in names):
        return read_docx(data, filename, archive)
    if "xl/workbook.xml" in names:
        return read_xlsx(data, filename, archive)
    if "ofd.xml" in names:
        return read_ofd(data, filename, archive)
    if is_opendocument(names, archive):
        return read_opendocument(data, filename, archive)
    if "xl/workbook.bin" in names:
        what = "Excel 二进制工作簿 .xlsb，请另存为 .xlsx"
    elif any(n.startswith("ppt/") for n in names):
        what = "演示文稿 .pptx"
    elif "mimetype" in names:
        what = "OpenDocument 文件（非文本或表格），请另存为 .docx 或 .xlsx"
    else:
        what = "zip 压缩包"
    raise SourceError(UNSUPPORTED.format(what=what))


def _read_ole(data: bytes, filename: str, suffix: str) -> Source:
    import olefile

    from .sheets import read_xls
    from .word97 import read_doc

    try:
        with olefile.OleFileIO(data) as ole:
            streams = {"/".join(path).lower() for path in ole.listdir(streams=True, storages=True)}
    except Exception as exc:  # olefile raises OSError and its own errors on a damaged directory
        raise SourceError(CORRUPT_OLE) from exc
    # An encrypted .docx/.xlsx is an OLE2 wrapper around the encrypted package.
    if "encryptioninfo" in streams or "encryptedpackage" in streams:
        raise SourceError(ENCRYPTED_OFFICE)
    if "workbook" in streams or "book" in streams:
        return read_xls(data, filename)
    if "worddocument" in streams:
        return read_doc(data, filename)
    if "powerpoint document" in streams:
        raise SourceError(OLD_POWERPOINT)
    raise SourceError(UNSUPPORTED.format(what="OLE 复合文档"))
