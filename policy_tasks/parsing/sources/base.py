"""The shapes a source reader hands to the parser, its limits, and what it says when it cannot read."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..result import ParseError

# One limit for the command, the web page and the API.
MAX_SOURCE_BYTES = 10 * 1024 * 1024
# What an archive (.docx/.xlsx) may expand to: a real 10 MB workbook stays far below this,
# a zip bomb does not.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 5000
# Office XML compresses 5-30x; hundreds of times is a run of zeros, not a document.
MAX_COMPRESSION_RATIO = 200
# Reading a PDF page costs tens of milliseconds; a plan runs to dozens of pages, not thousands.
MAX_PDF_PAGES = 300
# Cells of one table once spans and repeats are laid out: a plan's task list has thousands at most.
MAX_GRID_CELLS = 500_000

SUPPORTED = ".txt/.doc/.docx/.wps/.pdf/.ofd/.xlsx/.xls"
# Every name a readable file comes under (the bytes decide the kind; a file picker offers these).
READABLE_SUFFIXES = (
    ".txt", ".doc", ".docx", ".wps", ".pdf", ".ofd", ".xlsx", ".xls", ".csv", ".htm", ".html",
    ".mht", ".mhtml", ".rtf", ".odt", ".ods", ".xml",
)  # fmt: skip

EMPTY = "文件为空，请选择有内容的文件 (the file is empty)"
TOO_LARGE = f"文件过大，请上传 {MAX_SOURCE_BYTES // (1024 * 1024)}MB 以内的文件 (file too large)"
BINARY_TEXT = f"该文件不是文本文件（含二进制内容），请上传 {SUPPORTED} 文件 (binary content, not text)"
UNKNOWN_ENCODING = "无法识别文本文件的编码，请另存为 UTF-8 后再上传 (unknown text encoding)"
UNSUPPORTED = f"不支持该文件类型（{{what}}），请上传 {SUPPORTED} 文件 (unsupported file type)"
WORD95 = "不支持 Word 6.0/95 文件，请在 Word 中另存为 .docx 后再上传 (Word 6/95 format: save as .docx)"
OLD_POWERPOINT = f"不支持演示文稿（.ppt），请上传 {SUPPORTED} 文件 (presentations are not supported)"
ENCRYPTED_OFFICE = "该 Office 文件已加密或设有打开密码，请取消密码后再上传 (the Office file is encrypted)"
ENCRYPTED_PDF = "该 PDF 已加密或设有打开密码，请取消密码后再上传 (the PDF is encrypted)"
ENCRYPTED_OFD = "该 OFD 文件已加密，请取消加密后再上传 (the OFD is encrypted)"
SCANNED_OFD = "该 OFD 文件没有文字（可能是扫描件），请提供可复制文字的 OFD、PDF 或 Word 文件 (the OFD has no text)"
ENCRYPTED_ZIP = "压缩包内的文件已加密，请取消密码后再上传 (the archive is encrypted)"
CORRUPT_ARCHIVE = "文件已损坏，无法解压读取，请重新保存或导出后再上传 (corrupt archive)"
ZIP_BOMB = "文件解压后过大或压缩比异常，已拒绝读取 (archive expands too much: possible zip bomb)"
CORRUPT_DOCX = "无法读取该 Word 文件，请确认是完好的 .docx 文件 (not a readable .docx)"
CORRUPT_DOC = "无法读取该 Word 文件，请确认是完好的 .doc 或 .wps 文件，或另存为 .docx 后再上传 (not a readable .doc)"
CORRUPT_XLSX = "无法读取该 Excel 文件，请确认是完好的 .xlsx 文件 (not a readable .xlsx)"
CORRUPT_XLS = "无法读取该 Excel 文件，请确认是完好的 .xls 文件 (not a readable .xls)"
CORRUPT_OLE = "文件已损坏，无法读取 (corrupt Office file)"
CORRUPT_PDF = "PDF 文件已损坏，无法读取，请重新导出后再上传 (corrupt PDF)"
SCANNED_PDF = "该 PDF 没有文字层（可能是扫描件），请提供可复制文字的 PDF 或 Word 文件 (the PDF has no text layer)"
PDF_NO_UNICODE = (
    "该 PDF 的文字无法提取（字体缺少编码映射，复制出来是乱码），请提供 Word 文件或可复制文字的 PDF "
    "(no Unicode mapping in the PDF fonts)"
)
PDF_TOO_LONG = f"PDF 超过 {MAX_PDF_PAGES} 页，请只上传方案正文 (too many pages)"
EMPTY_WORKBOOK = "表格中没有内容 (the workbook has no data)"
NO_PAGE_IN_MHT = "该单个文件网页（.mht）中没有网页正文，请另存为 .docx 后再上传 (no page in the web archive)"
UNREADABLE = "无法读取该文件，请另存为 .docx 或 .txt 后再上传 (unreadable file)"


class SourceError(ParseError):
    """The file cannot be read at all (format, encoding, size, damage). Chinese first, one line."""


@dataclass(frozen=True)
class Table:
    """A table as rows of cell texts; a merged cell's text is repeated in every cell it covers.

    A cell's text is one line: the paragraphs of a cell (or an Excel cell's line breaks) are
    joined with a space, which the unit reader also takes as a separator between names.
    """

    rows: tuple[tuple[str, ...], ...]


@dataclass
class Source:
    kind: str  # text | csv | html | docx | pdf | xlsx | xls
    filename: str
    blocks: list[str | Table] = field(default_factory=list)
    # The page headers' lines (页眉, .docx): no part of the body; read only for a 文号 (`page_headers`).
    page_headers: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The whole source as plain text: a paragraph a line, a table row a line of tab-separated cells."""
        lines: list[str] = []
        for block in self.blocks:
            if isinstance(block, Table):
                lines.extend("\t".join(row) for row in block.rows)
            else:
                lines.append(block)
        return "\n".join(lines)

    @classmethod
    def from_text(cls, text: str, filename: str = "document.txt") -> Source:
        blocks: list[str | Table] = [*text.splitlines()]
        return cls("text", filename, blocks)
