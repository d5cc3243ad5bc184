"""The builders' plan (tests/sources/builders.py) in the other formats offices save it in: RTF (as
Word writes it, `\\uN` characters, and as WPS writes it, GBK bytes `\\'hh`), a web page saved as one
file (.mht, quoted-printable GB2312), OpenDocument (.odt, .ods) and Office 2003 XML (Word and
Excel's "XML 表格", which OA systems export under an .xls name). Written by hand to each format's
specification: no office suite runs in the tests.
"""

from __future__ import annotations

import io
import quopri
import zipfile
from collections.abc import Sequence
from xml.sax.saxutils import escape

from tests.sources import builders as b

Lines = Sequence[str]
Rows = Sequence[Sequence[str] | str]  # a row's cells, or the text of a row one merged cell fills

# --- RTF -----------------------------------------------------------------------------------------


def _in_gbk(char: str) -> bool:
    try:
        char.encode("gbk")
    except UnicodeEncodeError:
        return False  # WPS writes what GBK lacks as \\uN
    return True


def _rtf_text(text: str, *, gbk: bool) -> str:
    out = []
    for char in text:
        if char in "\\{}":
            out.append("\\" + char)
        elif ord(char) < 128:
            out.append(char)
        elif gbk and _in_gbk(char):
            out.append("".join(f"\\'{byte:02x}" for byte in char.encode("gbk")))
        else:
            code = ord(char)
            out.append(f"\\u{code - 65536 if code > 32767 else code}?")
    return "".join(out)


def _rtf(body: list[str], *, gbk: bool) -> bytes:
    head = (
        "{\\rtf1\\ansi\\ansicpg936\\deff0\\uc1{\\fonttbl{\\f0\\fnil\\fcharset134 "
        + _rtf_text("宋体", gbk=True)
        + ";}}{\\*\\generator Duban tests;}\\viewkind4\\pard\\f0\\fs24 "
    )
    return (head + "".join(body) + "}").encode("ascii")


def _rtf_paragraph(text: str, *, gbk: bool) -> str:
    return "\\pard\\plain " + _rtf_text(text, gbk=gbk) + "\\par\n"


def rtf_lines(lines: list[str], *, gbk: bool = False) -> bytes:
    return _rtf([_rtf_paragraph(line, gbk=gbk) for line in lines], gbk=gbk)


def rtf_paragraphs(*, gbk: bool = False) -> bytes:
    return rtf_lines(b.plan_lines(), gbk=gbk)


def rtf_table(*, gbk: bool = False) -> bytes:
    return rtf_table_of(b.HEADER, b.table_rows(), after=[b.CLOSING], gbk=gbk)


# --- A web page saved as one file ------------------------------------------------------------------


def mht(html: str) -> bytes:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
        f"<title>{escape(b.TITLE)}</title></head><body>{html}</body></html>"
    ).encode("gb18030")
    encoded = quopri.encodestring(page).decode("ascii").replace("\n", "\r\n")
    return (
        "From: <Saved by Windows Internet Explorer 8>\r\n"
        f"Subject: =?gb2312?B?{__import__('base64').b64encode(b.TITLE.encode('gb18030')).decode()}?=\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----=_NextPart_000"\r\n\r\n'
        "This is a multi-part message in MIME format.\r\n\r\n"
        "------=_NextPart_000\r\n"
        'Content-Type: text/html; charset="gb2312"\r\n'
        "Content-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: http://www.example.gov.cn/art/2023/3/1/art_1.html\r\n\r\n"
        f"{encoded}\r\n\r\n"
        "------=_NextPart_000\r\n"
        "Content-Type: image/gif\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "Content-Location: http://www.example.gov.cn/logo.gif\r\n\r\n"
        "R0lGODlhAQABAAAAACw=\r\n\r\n"
        "------=_NextPart_000--\r\n"
    ).encode("ascii")


def mht_lines(lines: list[str]) -> bytes:
    return mht(_paragraphs(lines))


def mht_paragraphs() -> bytes:
    return mht_lines(b.plan_lines())


def mht_table() -> bytes:
    return mht_table_of(b.HEADER, b.table_rows(), after=[b.CLOSING])


def _zip(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in members.items():
            method = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), text, compress_type=method)
    return buffer.getvalue()


# --- OpenDocument ----------------------------------------------------------------------------------

_ODF_NS = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3"'
)


def _odf(kind: str, body: str) -> bytes:
    content = f'<?xml version="1.0" encoding="UTF-8"?><office:document-content {_ODF_NS}><office:body>{body}</office:body></office:document-content>'
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.{kind}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    return _zip(
        {
            "mimetype": f"application/vnd.oasis.opendocument.{kind}",
            "content.xml": content,
            "META-INF/manifest.xml": manifest,
        }
    )


def _odf_paragraph(text: str, *, heading: bool = False) -> str:
    # Two spaces are written as text:s, as office suites do.
    inner = escape(text).replace("  ", ' <text:s text:c="1"/>')
    return f'<text:h text:outline-level="1">{inner}</text:h>' if heading else f"<text:p>{inner}</text:p>"


def odt_lines(lines: list[str]) -> bytes:
    body = "".join(_odf_paragraph(line, heading=line.startswith("一、")) for line in lines)
    return _odf("text", f"<office:text>{body}</office:text>")


def odt_paragraphs() -> bytes:
    return odt_lines(b.plan_lines())


def odt_table() -> bytes:
    return odt_table_of(b.HEADER, b.table_rows(), after=[b.CLOSING])


def ods_table() -> bytes:
    return ods_table_of(b.HEADER, b.table_rows())


# --- Office 2003 XML -------------------------------------------------------------------------------

_WORDML = (
    'xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
    'xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint"'
)


def _w_paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>"


def _w_table(rows: list[tuple[str, ...]]) -> str:
    return (
        "<w:tbl>"
        + "".join("<w:tr>" + "".join(f"<w:tc>{_w_paragraph(c)}</w:tc>" for c in row) + "</w:tr>" for row in rows)
        + "</w:tbl>"
    )


def _wordml(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n'
        f"<w:wordDocument {_WORDML}><w:body><wx:sect>{body}</wx:sect></w:body></w:wordDocument>"
    ).encode()


def word_xml_lines(lines: list[str]) -> bytes:
    return _wordml("".join(_w_paragraph(line) for line in lines))


def word_xml_paragraphs() -> bytes:
    return word_xml_lines(b.plan_lines())


def word_xml_table() -> bytes:
    return _wordml(
        "".join(_w_paragraph(line) for line in b.HEADER) + _w_table(b.table_rows()) + _w_paragraph(b.CLOSING)
    )


def excel_xml_table() -> bytes:
    return excel_xml_of(b.HEADER, b.table_rows())


# --- Any plan's table (tests/sources/table_files.py): rows of cells, or a str a merged row fills ----


def _width(rows: Rows) -> int:
    return max(len(r) for r in rows if not isinstance(r, str))


def rtf_table_of(preamble: Lines, rows: Rows, *, after: Lines = (), gbk: bool = False) -> bytes:
    """Word's RTF: a merged row is one cell as wide as the table; a cell's lines are paragraphs."""
    width = _width(rows)
    body = [_rtf_paragraph(line, gbk=gbk) for line in preamble]
    for row in rows:
        cells = [row] if isinstance(row, str) else row
        edges = [1800 * width] if isinstance(row, str) else [1800 * (i + 1) for i in range(len(cells))]
        props = "\\trowd\\trgaph108" + "".join(f"\\cellx{edge}" for edge in edges)
        texts = "".join(
            "\\pard\\intbl " + "\\par ".join(_rtf_text(line, gbk=gbk) for line in cell.split("\n")) + "\\cell "
            for cell in cells
        )
        # Word writes the row's properties before its cells and again before \\row.
        body.append(f"{props}{texts}\\pard\\intbl{{{props}\\row}}\n")
    return _rtf([*body, *(_rtf_paragraph(line, gbk=gbk) for line in after)], gbk=gbk)


def mht_table_of(preamble: Lines, rows: Rows, *, after: Lines = ()) -> bytes:
    width = _width(rows)
    cells = "".join(
        f'<tr><td colspan="{width}">{escape(r)}</td></tr>'
        if isinstance(r, str)
        else "<tr>" + "".join(f"<td>{'<br>'.join(escape(x) for x in c.split(chr(10)))}</td>" for c in r) + "</tr>"
        for r in rows
    )
    table = f"<table border=1>{cells}</table>"
    return mht(_paragraphs(preamble) + table + _paragraphs(after))


def _paragraphs(lines: Lines) -> str:
    return "".join(f"<p>{escape(line)}</p>" for line in lines)


def _odf_rows(rows: Rows) -> str:
    width = _width(rows)
    out = []
    for r in rows:
        if isinstance(r, str):
            out.append(
                f'<table:table-row><table:table-cell table:number-columns-spanned="{width}" office:value-type="string">'
                f"<text:p>{escape(r)}</text:p></table:table-cell>"
                f'<table:covered-table-cell table:number-columns-repeated="{width - 1}"/></table:table-row>'
            )
            continue
        cells = "".join(
            '<table:table-cell office:value-type="string">'
            + "".join(f"<text:p>{escape(line)}</text:p>" for line in c.split("\n"))
            + "</table:table-cell>"
            if c
            else "<table:table-cell/>"
            for c in r
        )
        out.append(f"<table:table-row>{cells}</table:table-row>")
    return "".join(out)


def odt_table_of(preamble: Lines, rows: Rows, *, after: Lines = ()) -> bytes:
    table = f'<table:table table:name="表1">{_odf_rows(rows)}</table:table>'
    body = "".join(_odf_paragraph(line) for line in preamble) + table + "".join(_odf_paragraph(line) for line in after)
    return _odf("text", f"<office:text>{body}</office:text>")


def ods_table_of(titles: Lines, rows: Rows) -> bytes:
    """The sheet's title rows merged across, the table, then the rest of its million rows,
    repeated and empty, as LibreOffice saves a sheet."""
    tail = (
        '<table:table-row table:number-rows-repeated="1048570">'
        '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
    )
    table = f'<table:table table:name="任务清单">{_odf_rows([*titles, *rows])}{tail}</table:table>'
    return _odf("spreadsheet", f"<office:spreadsheet>{table}</office:spreadsheet>")


def excel_xml_of(titles: Lines, rows: Rows) -> bytes:
    """An OA system's "Excel" export: SpreadsheetML under an .xls name, titles merged across."""
    width = _width(rows)
    out = []
    for r in [*titles, *rows]:
        if isinstance(r, str):
            out.append(
                f'<Row><Cell ss:MergeAcross="{width - 1}"><Data ss:Type="String">{escape(r)}</Data></Cell></Row>'
            )
            continue
        cells, skipped = [], False
        for place, c in enumerate(r, 1):
            if not c:
                skipped = True
                continue
            # Excel leaves an empty cell out and gives the next one its place (ss:Index, from 1).
            index = f' ss:Index="{place}"' if skipped else ""
            kind = "Number" if c.isdigit() else "String"
            # A cell's line breaks are written as the character reference Excel uses.
            cells.append(f'<Cell{index}><Data ss:Type="{kind}">{escape(c).replace(chr(10), "&#10;")}</Data></Cell>')
            skipped = False
        out.append(f"<Row>{''.join(cells)}</Row>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<?mso-application progid="Excel.Sheet"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">'
        f'<Worksheet ss:Name="任务清单"><Table>{"".join(out)}</Table></Worksheet></Workbook>'
    ).encode()
