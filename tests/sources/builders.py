"""Small real files of every kind, built in the test: the same plan as text, Word, Excel and PDF,
and the bad files offices send (scanned, encrypted, damaged, zip bombs, renamed binaries).

The PDFs are written by hand with the standard CJK font STSong-Light (Adobe-GB1, not embedded),
which every PDF reader must know: Chinese text without a font file on the machine. Lines are
wrapped at a fixed width as a word processor would, with page numbers at each page's foot.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from policy_tasks.parsing.sources import Source, Table

FIXTURES = Path(__file__).parent / "fixtures"
XLS = FIXTURES / "plan.xls"  # the plan of table_rows(), made once with xlwt (unmaintained, not a dependency)
SHAPES_XLS = FIXTURES / "shapes.xls"  # merged cells, date and percent formats, a hidden sheet

TITLE = "测区人民政府关于印发测区2023年重点任务实施方案的通知"
DOC_NUMBER = "测政发〔2023〕9号"
HEADER = [TITLE, f"发文字号: {DOC_NUMBER}", "成文日期: 2023-03-01"]
# (number, text, lead, co, due as the 完成时限 column writes it)
CLAUSES = [
    (
        "1",
        "加快重大项目建设。6月底前完成项目签约，全年完成投资2000万元。",
        "区发改局",
        ["区财政局", "区住建局"],
        "10月底前",
    ),
    ("2", "推进数字政府建设。实现高频事项全程网办，提升群众办事体验。", "区大数据局", ["区政务服务中心"], "9月底前"),
    ("3", "提升教育质量。新建学校投入使用，新增学位1470个。", "区教育局", [], "8月底前"),
]
CLOSING = "以上措施除明确时限外,实施期限至2023年12月31日。"
TABLE_HEADER = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")


def plan_lines() -> list[str]:
    lines = [*HEADER, "一、重点任务(由区发改局牵头实施)"]
    for number, text, lead, co, due in CLAUSES:
        lines.append(f"{number}. {text}{due}完成。(责任单位:{'、'.join([lead, *co])})")
    return [*lines, CLOSING]


def plan_text() -> str:
    return "\n".join(plan_lines()) + "\n"


def table_rows() -> list[tuple[str, ...]]:
    return [TABLE_HEADER, *((n, text, lead, "、".join(co), due) for n, text, lead, co, due in CLAUSES)]


def docx_bytes(build) -> bytes:
    import docx

    document = docx.Document()
    build(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def docx_with_table(paragraphs: list[str], rows: list[list[str]]) -> bytes:
    """A .docx of `paragraphs` then one table of `rows` (the first row its header)."""

    def build(document):
        for text in paragraphs:
            document.add_paragraph(text)
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                table.cell(r, c).text = value

    return docx_bytes(build)


def docx_paragraphs() -> bytes:
    return docx_bytes(lambda d: [d.add_paragraph(line) for line in plan_lines()])


def docx_table() -> bytes:
    def build(document):
        for line in HEADER:
            document.add_paragraph(line)
        rows = table_rows()
        table = document.add_table(rows=len(rows), cols=len(TABLE_HEADER))
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
        document.add_paragraph(CLOSING)

    return docx_bytes(build)


def xlsx_bytes(build) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_table() -> bytes:
    def build(book):
        sheet = book.active
        sheet.title = "任务清单"
        width = len(TABLE_HEADER)
        for line in HEADER:
            sheet.append([line])
            sheet.merge_cells(start_row=sheet.max_row, start_column=1, end_row=sheet.max_row, end_column=width)
        for row in table_rows():
            sheet.append([int(v) if v.isdigit() else v for v in row])

    return xlsx_bytes(build)


# --- PDF ---------------------------------------------------------------------------------------

_FONT = (
    b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UTF16-H /DescendantFonts "
    b"[<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /DW 1000 "
    b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> "
    b"/FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
    b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >> >>] >>"
)
SIZE = 12  # points; with /DW 1000 every character is one em wide
LEFT, TOP, LINE = 72, 770, 20


def text_op(x: float, y: float, text: str, size: int = SIZE) -> str:
    return f"BT /F1 {size} Tf {x} {y} Td <{text.encode('utf-16-be').hex()}> Tj ET"


def pdf_document(pages: list[list[str]], *, encrypt: str | None = None, font: bytes = _FONT) -> bytes:
    """A PDF whose pages draw the given content-stream operators."""
    objects: list[bytes] = [font]
    pages_id = 2 + 2 * len(pages)
    kids = []
    for ops in pages:
        stream = "\n".join(ops).encode()
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R "
            b"/Resources << /Font << /F1 1 0 R >> >> >>" % (pages_id, len(objects))
        )
        kids.append(len(objects))
    objects.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids)))
    objects.append(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, len(objects), xref)
    data = bytes(out)
    if encrypt is not None:
        from pypdf import PdfReader, PdfWriter

        writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
        writer.encrypt(user_password=encrypt, owner_password=encrypt + "-owner")
        buffer = io.BytesIO()
        writer.write(buffer)
        data = buffer.getvalue()
    return data


def wrap(paragraph: str, width: int) -> list[tuple[int, str]]:
    """A paragraph as a word processor sets it: first line indented two characters, then full lines."""
    lines, indent, rest = [], 2, paragraph
    while rest:
        take = width - indent
        lines.append((indent, rest[:take]))
        rest, indent = rest[take:], 0
    return lines


def pdf_paragraphs(paragraphs: list[str], *, width: int = 30, lines_per_page: int = 12) -> bytes:
    """Paragraphs wrapped at `width` characters, `lines_per_page` lines a page, `— N —` at each foot."""
    placed = [line for paragraph in paragraphs for line in wrap(paragraph, width)]
    pages = []
    for start in range(0, len(placed), lines_per_page):
        number = len(pages) + 1
        ops = [
            text_op(LEFT + indent * SIZE, TOP - i * LINE, text)
            for i, (indent, text) in enumerate(placed[start : start + lines_per_page])
        ]
        ops.append(text_op(280, 40, f"— {number} —"))
        pages.append(ops)
    return pdf_document(pages)


def pdf_plan() -> bytes:
    return pdf_paragraphs(plan_lines(), lines_per_page=7)


def pdf_table_ops(rows, widths, *, top: float, merges=(), height: float = 30) -> list[str]:
    """A ruled table: every cell's borders, none inside a merged range; text in a range's first cell.

    `merges` are (first row, last row, first column, last column), inclusive."""
    xs = [LEFT + sum(widths[:i]) for i in range(len(widths) + 1)]
    ys = [top - height * i for i in range(len(rows) + 1)]

    def region(r, c):
        return next((m for m in merges if m[0] <= r <= m[1] and m[2] <= c <= m[3]), (r, r, c, c))

    ops = []
    for r in range(len(rows)):
        for c in range(len(widths)):
            r0, r1, c0, c1 = region(r, c)
            if r == r0:
                ops.append(f"{xs[c]} {ys[r]} m {xs[c + 1]} {ys[r]} l S")
            if r == r1:
                ops.append(f"{xs[c]} {ys[r + 1]} m {xs[c + 1]} {ys[r + 1]} l S")
            if c == c0:
                ops.append(f"{xs[c]} {ys[r]} m {xs[c]} {ys[r + 1]} l S")
            if c == c1:
                ops.append(f"{xs[c + 1]} {ys[r]} m {xs[c + 1]} {ys[r + 1]} l S")
            if (r, c) == (r0, c0) and rows[r][c]:
                ops.append(text_op(xs[c] + 3, ys[r] - height / 2 - 4, rows[r][c], 10))
    return ops


# --- bad files ---------------------------------------------------------------------------------


def scanned_pdf() -> bytes:
    """What a scanner without OCR makes: pages that draw, with no text at all."""
    return pdf_document([["0.9 g 72 72 451 698 re f", "0 g 100 700 300 20 re f"]])


def unmapped_font_pdf() -> bytes:
    """Text drawn in an embedded-style font with no Unicode mapping: copying it gives `(cid:…)`."""
    font = _FONT.replace(b"/STSong-Light /Encoding /UniGB-UTF16-H", b"/Custom /Encoding /Identity-H")
    font = font.replace(b"/CIDFontType0 /BaseFont /STSong-Light", b"/CIDFontType2 /BaseFont /Custom")
    font = font.replace(b"/Ordering (GB1) /Supplement 4", b"/Ordering (Identity) /Supplement 0")
    glyphs = bytes(range(1, 61)).hex() * 2
    return pdf_document([[f"BT /F1 12 Tf 72 700 Td <{glyphs}> Tj ET"]], font=font)


def encrypted_pdf() -> bytes:
    return pdf_document([[text_op(LEFT, TOP, "1. 推进一网通办。(责任单位:区财政局)")]], encrypt="secret")


def corrupt_docx() -> bytes:
    """A .docx cut off in transfer: the zip's central directory is gone."""
    return docx_paragraphs()[:2000]


def zip_bomb_docx() -> bytes:
    """A .docx whose document part is 200 MB of zeros, compressed to a few hundred kilobytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(200):
                member.write(chunk)
    return buffer.getvalue()


def high_ratio_docx() -> bytes:
    """Under the total cap but compressed a thousandfold: 20 MB of zeros in one member."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (20 * 1024 * 1024))
    return buffer.getvalue()


def binary_as_text() -> bytes:
    return bytes(range(256)) * 8


def ole_with_stream(name: str) -> bytes:
    """The .xls fixture with its one stream renamed: `WordDocument` makes an old .doc, `EncryptionInfo`
    an encrypted .docx/.xlsx as far as the directory shows."""
    data = bytearray(XLS.read_bytes())
    old = "Workbook\0".encode("utf-16-le")
    at = data.index(old)
    new = (name + "\0").encode("utf-16-le")
    data[at : at + 64] = new.ljust(64, b"\0")
    data[at + 64 : at + 66] = len(new).to_bytes(2, "little")
    return bytes(data)


DOC_PARAGRAPHS = FIXTURES / "plan-paragraphs.doc"  # docx_paragraphs() saved as Word 97 by LibreOffice 7
DOC_TABLE = FIXTURES / "plan-table.doc"  # docx_table() saved the same way


def doc_with_fib(*, flags: int = 0, n_fib: int | None = None) -> bytes:
    """The paragraphs .doc with its File Information Block changed: `flags` set (0x0100 marks it
    encrypted), or another format version (`n_fib` below 101 is Word 6/95)."""
    data = bytearray(DOC_PARAGRAPHS.read_bytes())
    at = next(i for i in range(512, len(data), 512) if data[i : i + 2] == b"\xec\xa5")
    if n_fib is not None:
        data[at + 2 : at + 4] = n_fib.to_bytes(2, "little")
    value = int.from_bytes(data[at + 0x0A : at + 0x0C], "little") | flags
    data[at + 0x0A : at + 0x0C] = value.to_bytes(2, "little")
    return bytes(data)


def ofd_bytes(lines: list[str], *, per_char_every: int = 2, width_chars: int = 40) -> bytes:
    """An OFD (GB/T 33190) of `lines`: a TextObject per line, every `per_char_every`-th line written a
    character per object as some converters do, long lines wrapped at `width_chars` to the right
    edge, a page of 40 lines."""
    ns = "http://www.ofdspec.org/2016"
    size, left, gap = 4.0, 25.0, 6.0
    rows = [line[i : i + width_chars] for line in lines for i in range(0, max(len(line), 1), width_chars)]
    pages = [rows[i : i + 40] for i in range(0, len(rows), 40)]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(
            "OFD.xml",
            f'<ofd:OFD xmlns:ofd="{ns}" Version="1.0" DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:DocID>x</ofd:DocID>'
            "</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>",
        )
        page_refs = "".join(f'<ofd:Page ID="{n + 1}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(len(pages)))
        archive.writestr(
            "Doc_0/Document.xml",
            f'<ofd:Document xmlns:ofd="{ns}"><ofd:CommonData><ofd:MaxUnitID>1</ofd:MaxUnitID><ofd:PageArea>'
            f"<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>{page_refs}"
            "</ofd:Pages></ofd:Document>",
        )
        for n, page in enumerate(pages):
            objects = []
            for i, row in enumerate(page):
                y = 20 + i * gap
                if "\t" in row:
                    # Cells of a ruled table: separate objects, 50 mm apart.
                    for k, cell in enumerate(row.split("\t")):
                        objects.append(
                            f'<ofd:TextObject ID="1" Boundary="{left + 50 * k} {y} {len(cell) * size} {size + 1}" '
                            f'Size="{size}"><ofd:TextCode X="0" Y="{size}" DeltaX="g {len(cell) - 1} {size}">{escape(cell)}'
                            "</ofd:TextCode></ofd:TextObject>"
                        )
                elif per_char_every and i % per_char_every == 1:
                    for k, ch in enumerate(row):
                        objects.append(
                            f'<ofd:TextObject ID="1" Boundary="{left + k * size} {y} {size} {size + 1}" Font="1" '
                            f'Size="{size}"><ofd:TextCode X="0" Y="{size}">{escape(ch)}</ofd:TextCode></ofd:TextObject>'
                        )
                else:
                    delta = f' DeltaX="g {len(row) - 1} {size}"' if len(row) > 1 else ""
                    objects.append(
                        f'<ofd:TextObject ID="1" Boundary="{left} {y} {len(row) * size} {size + 1}" Font="1" '
                        f'Size="{size}"><ofd:TextCode X="0" Y="{size}"{delta}>{escape(row)}</ofd:TextCode></ofd:TextObject>'
                    )
            archive.writestr(
                f"Doc_0/Pages/Page_{n}/Content.xml",
                f'<ofd:Page xmlns:ofd="{ns}"><ofd:Content><ofd:Layer ID="1">{"".join(objects)}</ofd:Layer>'
                "</ofd:Content></ofd:Page>",
            )
    return buffer.getvalue()


def ofd_plan() -> bytes:
    return ofd_bytes(plan_lines())


def png() -> bytes:
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00" + b"\0" * 64


def oversized_text() -> bytes:
    from policy_tasks.parsing.sources import MAX_SOURCE_BYTES

    return plan_text().encode() + b"#" * MAX_SOURCE_BYTES


def tables_in(source: Source) -> list[Table]:
    """The tables among a read source's blocks."""
    return [block for block in source.blocks if isinstance(block, Table)]
