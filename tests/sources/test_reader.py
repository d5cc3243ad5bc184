"""read_source on every kind of file: what comes out, block by block. No database."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime

import pytest
from docx.oxml.ns import qn
from lxml import etree

from policy_tasks.parsing.sources import Source, SourceError, Table, read_source
from policy_tasks.parsing.sources import base as messages
from policy_tasks.parsing.sources.sheets import render
from tests.sources import builders as b


def _tables(source: Source) -> list[Table]:
    return [block for block in source.blocks if isinstance(block, Table)]


# --- text ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: b"\xef\xbb\xbf" + t.encode("utf-8"),
        lambda t: t.encode("gb18030"),
        lambda t: t.encode("gbk"),
        lambda t: t.encode("utf-16"),  # Notepad's "Unicode": UTF-16 with a BOM
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16"],
)
def test_text_in_every_encoding_offices_save_reads_the_same(encode):
    source = read_source(encode(b.plan_text()), "方案.txt")
    assert source.kind == "text"
    assert source.blocks == b.plan_lines()


def test_a_binary_file_renamed_txt_is_refused_not_read_as_mojibake():
    for data in (b.binary_as_text(), b"\x01\x02\x03\x04" * 50 + "正文".encode()):
        with pytest.raises(SourceError, match="不是文本文件"):
            read_source(data, "方案.txt")


# --- docx ---------------------------------------------------------------------------------------


def test_docx_paragraphs_and_tables_come_in_document_order():
    source = read_source(b.docx_table(), "方案.docx")
    assert source.kind == "docx"
    assert source.blocks[:3] == b.HEADER
    assert isinstance(source.blocks[3], Table)
    assert source.blocks[3].rows == tuple(b.table_rows())
    assert source.blocks[4] == b.CLOSING


def test_docx_merged_cells_are_repeated_into_every_cell_they_cover():
    def build(document):
        table = document.add_table(rows=4, cols=3)
        for cell, value in zip(table.rows[0].cells, ["序号", "重点任务", "牵头单位"], strict=True):
            cell.text = value
        for r, (number, task) in enumerate([("1", "推进一网通办。"), ("2", "建设城市大脑。")], start=1):
            table.cell(r, 0).text, table.cell(r, 1).text = number, task
        # One lead unit for both rows (vMerge), a note across the whole last row (gridSpan).
        table.cell(1, 2).merge(table.cell(2, 2)).text = "区财政局"
        table.cell(3, 0).merge(table.cell(3, 2)).text = "以上任务年底前完成"

    (table,) = _tables(read_source(b.docx_bytes(build), "方案.docx"))
    assert table.rows == (
        ("序号", "重点任务", "牵头单位"),
        ("1", "推进一网通办。", "区财政局"),
        ("2", "建设城市大脑。", "区财政局"),
        ("以上任务年底前完成",) * 3,
    )


def test_docx_cell_paragraphs_and_nested_tables_are_one_line_of_the_cell():
    def build(document):
        table = document.add_table(rows=2, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "重点任务", "责任单位"
        table.cell(1, 0).text = "推进一网通办。"
        table.cell(1, 0).add_paragraph("6月底前实现全程网办。")
        cell = table.cell(1, 1)
        cell.text = "牵头:"
        nested = cell.add_table(rows=1, cols=2)
        nested.cell(0, 0).text, nested.cell(0, 1).text = "区财政局", "区大数据局"

    (table,) = _tables(read_source(b.docx_bytes(build), "方案.docx"))
    assert table.rows[1] == ("推进一网通办。 6月底前实现全程网办。", "牵头: 区财政局 区大数据局")


def test_docx_text_inside_content_controls_is_read():
    def build(document):
        document.add_paragraph("一、数字政府")
        wrapped = document.add_paragraph("1. 推进一网通办。(责任单位:区财政局)")._p
        sdt = etree.SubElement(document.element.body, qn("w:sdt"))
        content = etree.SubElement(sdt, qn("w:sdtContent"))
        wrapped.addprevious(sdt)
        content.append(wrapped)
        document.add_paragraph("以上措施年底前完成。")

    source = read_source(b.docx_bytes(build), "方案.docx")
    assert source.blocks == ["一、数字政府", "1. 推进一网通办。(责任单位:区财政局)", "以上措施年底前完成。"]


def test_a_title_row_across_a_table_becomes_a_paragraph():
    def build(document):
        table = document.add_table(rows=3, cols=3)
        table.cell(0, 0).merge(table.cell(0, 2)).text = "测区2023年重点任务分解表"
        for c, value in enumerate(["序号", "重点任务", "牵头单位"]):
            table.cell(1, c).text = value
        for c, value in enumerate(["1", "推进一网通办。", "区财政局"]):
            table.cell(2, c).text = value

    source = read_source(b.docx_bytes(build), "方案.docx")
    assert source.blocks[0] == "测区2023年重点任务分解表"
    assert source.blocks[1].rows[0] == ("序号", "重点任务", "牵头单位")


# --- xlsx / xls ---------------------------------------------------------------------------------


def test_xlsx_reads_visible_sheets_with_merges_and_values_as_people_wrote_them():
    def build(book):
        sheet = book.active
        sheet.append(["测区2023年重点任务分解表"])
        sheet.merge_cells("A1:E1")
        sheet.append(["序号", "重点任务", "牵头单位", "目标", "完成时限"])
        sheet.append([1, "推进一网通办。", "区财政局", 0.15, datetime(2023, 6, 30)])
        sheet.append([2, "建设城市大脑。", None, 2.5, datetime(2023, 9, 1)])
        sheet.merge_cells("C3:C4")
        sheet["D3"].number_format = "0%"
        sheet["E4"].number_format = 'yyyy"年"m"月"'
        sheet.append([3, "提升教育质量。\n新建学校投入使用。", "区教育局\n区财政局", 1470, "8月底前"])
        second = book.create_sheet("第二批")
        second.append(["序号", "重点任务", "牵头单位"])
        second.append([4, "推进校园安全。", "区教育局"])
        book.create_sheet("单位列表").append(["区发改局", "区财政局"])
        book["单位列表"].sheet_state = "hidden"
        book.create_sheet("空表")

    source = read_source(b.xlsx_bytes(build), "清单.xlsx")
    assert source.kind == "xlsx"
    assert source.blocks[0] == "测区2023年重点任务分解表"
    first, second = _tables(source)
    assert first.rows[1:] == (
        ("1", "推进一网通办。", "区财政局", "15%", "2023年6月30日"),
        ("2", "建设城市大脑。", "区财政局", "2.5", "2023年9月"),
        ("3", "提升教育质量。 新建学校投入使用。", "区教育局 区财政局", "1470", "8月底前"),
    )
    assert second.rows == (("序号", "重点任务", "牵头单位"), ("4", "推进校园安全。", "区教育局"))


def test_xls_is_read_with_merges_formats_and_without_hidden_sheets():
    source = read_source(b.SHAPES_XLS.read_bytes(), "清单.xls")
    assert source.kind == "xls"
    assert source.blocks[0] == "测区2023年重点任务分解表"
    (table,) = _tables(source)
    assert table.rows[1:] == (
        ("1", "加快重大项目建设。", "区发改局", "区财政局", "2023年10月31日"),
        ("2", "推进数字政府建设。", "15%", "2.5", "2023年6月"),
        ("3", "提升教育质量。", "区教育局", "", "9月底"),
        ("4", "推进校园安全建设。", "区教育局", "", "年底前"),
    )


@pytest.mark.parametrize(
    ("value", "number_format", "text"),
    [
        (datetime(2023, 6, 30), "yyyy-mm-dd", "2023年6月30日"),
        (datetime(2023, 6, 30, 9, 30), "yyyy-mm-dd h:mm", "2023年6月30日 09:30"),
        (date(2023, 12, 1), 'yyyy"年"m"月"', "2023年12月"),
        (datetime(2023, 3, 31), "m/d", "3月31日"),
        (3.0, "General", "3"),
        (0.5, "0%", "50%"),
        (2000.5, "0.00", "2000.50"),
        (True, "General", "是"),
        (None, None, ""),
    ],
)
def test_cells_render_as_people_wrote_them(value, number_format, text):
    assert render(value, number_format) == text


def test_an_empty_workbook_says_so():
    with pytest.raises(SourceError, match="表格中没有内容"):
        read_source(b.xlsx_bytes(lambda book: None), "清单.xlsx")


# --- pdf ----------------------------------------------------------------------------------------


def test_pdf_lines_are_joined_into_paragraphs_across_pages_without_page_numbers():
    paragraphs = [
        "一、重点任务",
        "1. 加快重大项目建设。6月底前完成项目签约，全年完成投资2000万元，10月底前开工。(责任单位:区发改局、区财政局)",
        "2. 推进数字政府建设。(责任单位:区大数据局)",
        "以上措施除明确时限外,实施期限至2023年12月31日。",
    ]
    # Five lines a page: the first clause runs from page 1 onto page 2.
    source = read_source(b.pdf_paragraphs(paragraphs, width=20, lines_per_page=5), "方案.pdf")
    assert source.kind == "pdf"
    assert source.blocks == paragraphs


def test_pdf_ruled_tables_are_tables_with_merged_cells_repeated():
    rows = [
        ["序号", "重点任务", "牵头单位"],
        ["1", "推进一网通办。", "区财政局"],
        ["2", "建设城市大脑。", ""],
        ["以上任务年底前完成", "", ""],
    ]
    ops = [b.text_op(b.LEFT, 780, "测区2023年重点任务分解表")]
    ops += b.pdf_table_ops(rows, [60, 200, 120], top=760, merges=[(1, 2, 2, 2), (3, 3, 0, 2)])
    (table,) = _tables(read_source(b.pdf_document([ops]), "清单.pdf"))
    assert table.rows == (
        ("序号", "重点任务", "牵头单位"),
        ("1", "推进一网通办。", "区财政局"),
        ("2", "建设城市大脑。", "区财政局"),
        ("以上任务年底前完成",) * 3,
    )


def test_a_pdf_table_going_on_over_a_page_break_is_one_table():
    header = ["序号", "重点任务", "牵头单位"]
    first = b.pdf_table_ops([header, ["1", "推进一网通办。", "区财政局"]], [60, 200, 120], top=760)
    second = b.pdf_table_ops([header, ["2", "建设城市大脑。", "区大数据局"]], [60, 200, 120], top=800)
    source = read_source(b.pdf_document([first, second]), "清单.pdf")
    assert source.blocks == [
        Table((tuple(header), ("1", "推进一网通办。", "区财政局"), ("2", "建设城市大脑。", "区大数据局")))
    ]


def _fpdf2_plan(long: str) -> bytes:
    """A PDF as the project's bulletin writer (fpdf2) makes one: flowed paragraphs, ruled table."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_margins(25, 25, 25)
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    for paragraph in (long, "Next paragraph."):
        pdf.multi_cell(0, 6, paragraph, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    with pdf.table(col_widths=(10, 45, 30), width=120, align="LEFT", text_align="LEFT", padding=1.5) as table:
        table.row(("No", "Task", "Lead"))
        row = table.row()
        row.cell("1")
        row.cell("Build the city brain")
        row.cell("Finance Bureau", rowspan=2)
        table.row(("2", "Open the new school"))
    return bytes(pdf.output())


def test_letter_spaced_pdf_text_keeps_its_words_and_a_wide_gap_still_parts_two_names():
    # A title set with letter spacing, a justified line stretched around a long number: the
    # characters stand a third of their size apart and are still one run of text. A gap of a
    # whole character between two unit names (no space drawn) still parts them.
    spaced = "1.抽蓄项目10月底前开工。(责任单位:区发改局)"
    ops = [
        f"BT /F1 12 Tf 6 Tc 200 770 Td <{'实施方案'.encode('utf-16-be').hex()}> Tj ET",
        f"BT /F1 12 Tf 4 Tc 72 750 Td <{spaced.encode('utf-16-be').hex()}> Tj ET",
        # Character spacing stays set until changed: these lines have none.
        f"BT /F1 12 Tf 0 Tc 72 730 Td <{'2.配合:区发改局'.encode('utf-16-be').hex()}> Tj ET",
        b.text_op(72 + 10 * b.SIZE, 730, "区财政局"),
    ]
    assert read_source(b.pdf_document([ops]), "方案.pdf").blocks == ["实施方案", spaced, "2.配合:区发改局 区财政局"]


def test_a_pdf_made_by_fpdf2_reads_ragged_paragraphs_and_a_bordered_table():
    long = " ".join(["Every unit reports its progress to the supervision office by the tenth of each month."] * 3)
    source = read_source(_fpdf2_plan(long), "plan.pdf")
    assert source.blocks == [
        long,
        "Next paragraph.",
        Table(
            (
                ("No", "Task", "Lead"),
                ("1", "Build the city brain", "Finance Bureau"),
                ("2", "Open the new school", "Finance Bureau"),
            )
        ),
    ]


def test_a_pdf_protected_only_against_editing_is_read():
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(b.pdf_plan())))
    writer.encrypt(user_password="", owner_password="owner")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert read_source(buffer.getvalue(), "方案.pdf").blocks == b.plan_lines()


# --- kinds --------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["方案.doc", "方案.wps", "方案.docx"])
def test_a_word_97_file_gives_its_paragraphs_whatever_its_name(name):
    source = read_source(b.DOC_PARAGRAPHS.read_bytes(), name)
    assert source.kind == ("wps" if name.endswith(".wps") else "doc")
    assert source.blocks == b.plan_lines()


def test_a_word_97_table_gives_its_rows():
    source = read_source(b.DOC_TABLE.read_bytes(), "清单.doc")
    tables = [block for block in source.blocks if isinstance(block, Table)]
    assert [block for block in source.blocks if not isinstance(block, Table)] == [*b.HEADER, b.CLOSING]
    assert [list(rows) for rows in tables[0].rows] == [list(row) for row in b.table_rows()]


@pytest.mark.parametrize(
    ("make", "name", "kind"),
    [
        (b.docx_paragraphs, "方案.txt", "docx"),
        (b.pdf_plan, "方案.docx", "pdf"),
        (b.xlsx_table, "清单.xls", "xlsx"),
        (lambda: b.XLS.read_bytes(), "清单.xlsx", "xls"),
        (lambda: b.plan_text().encode(), "方案", "text"),
    ],
)
def test_the_bytes_decide_the_kind_not_the_name(make, name, kind):
    assert read_source(make(), name).kind == kind


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (b.ole_with_stream("WordDocument"), "方案.doc", messages.CORRUPT_DOC),
        (b.ole_with_stream("WordDocument"), "方案.wps", messages.CORRUPT_DOC),
        (b.doc_with_fib(flags=0x0100), "方案.doc", messages.ENCRYPTED_OFFICE),
        (b.doc_with_fib(n_fib=0x0065 - 1), "方案.doc", messages.WORD95),
        (b.ole_with_stream("EncryptionInfo"), "方案.docx", messages.ENCRYPTED_OFFICE),
        (b.ole_with_stream("PowerPoint Document"), "汇报.ppt", messages.OLD_POWERPOINT),
        (b"not a zip", "方案.docx", messages.CORRUPT_DOCX),
        (b"%PDF-1.4 cut off", "方案.pdf", messages.CORRUPT_PDF),
    ],
)
def test_what_cannot_be_read_is_named(data, name, message):
    with pytest.raises(SourceError) as excinfo:
        read_source(data, name)
    assert str(excinfo.value) == message


def test_other_archives_and_images_are_refused_by_kind():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ppt/presentation.xml", "<p/>")
    for data, what in [(buffer.getvalue(), ".pptx"), (b.png(), "PNG"), (b"\xff\xd8\xff\xe0" + b"\0" * 20, "JPEG")]:
        with pytest.raises(SourceError, match=what):
            read_source(data, "文件.docx")


def _numbered(document, levels: list[tuple[str, str]]) -> str:
    """Add a list definition (numFmt, lvlText per level) to the document; its numId."""
    numbering = document.part.numbering_part.element
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, text) in enumerate(levels)
    )
    numbering.append(etree.fromstring(f'<w:abstractNum xmlns:w="{w}" w:abstractNumId="90">{lvls}</w:abstractNum>'))
    numbering.append(etree.fromstring(f'<w:num xmlns:w="{w}" w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _list_item(document, text: str, num_id: str, level: int):
    paragraph = document.add_paragraph(text)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = level
    num_pr.get_or_add_numId().val = int(num_id)
    return paragraph


def test_word_automatic_numbering_is_written_out_as_word_shows_it():
    def build(document):
        num = _numbered(document, [("chineseCounting", "%1、"), ("chineseCounting", "（%2）"), ("decimal", "%3.")])
        _list_item(document, "扩大有效投资", num, 0)
        _list_item(document, "重大项目", num, 1)
        _list_item(document, "加快项目建设。(责任单位:区发改局)", num, 2)
        _list_item(document, "推进前期工作。(责任单位:区财政局)", num, 2)
        _list_item(document, "民生实事", num, 1)
        _list_item(document, "新建学校。(责任单位:区教育局)", num, 2)
        for _ in range(10):
            _list_item(document, "提升服务", num, 0)
        document.add_paragraph("以上措施年底前完成。")

    blocks = read_source(b.docx_bytes(build), "方案.docx").blocks
    assert blocks[:6] == [
        "一、扩大有效投资",
        "（一）重大项目",
        "1. 加快项目建设。(责任单位:区发改局)",
        "2. 推进前期工作。(责任单位:区财政局)",
        "（二）民生实事",
        "1. 新建学校。(责任单位:区教育局)",
    ]
    assert blocks[-2:] == ["十一、提升服务", "以上措施年底前完成。"]


def test_word_97_automatic_numbering_is_written_out_as_in_the_docx():
    # numbered.doc: a .docx built like the test above, one list of nine formats, saved as Word 97
    # by LibreOffice 7.
    blocks = read_source((b.FIXTURES / "numbered.doc").read_bytes(), "方案.doc").blocks
    assert blocks[:12] == [
        "一、扩大有效投资",
        "（一）重大项目",
        "1. 加快项目建设。(责任单位:区发改局)",
        "2. 推进前期工作。(责任单位:区财政局)",
        "①层级3",
        "甲、层级4",
        "I. 层级5",
        "１． 层级6",
        "一、层级7",
        "a)层级8",
        "（二）民生实事",
        "1. 新建学校。(责任单位:区教育局)",
    ]
    assert blocks[-2:] == ["十一、提升服务", "以上措施年底前完成。"]


def test_a_numbered_serial_column_reads_as_its_numbers():
    def build(document):
        num = _numbered(document, [("decimal", "%1.")])
        table = document.add_table(rows=3, cols=2)
        table.cell(0, 0).text, table.cell(0, 1).text = "序号", "重点任务"
        for r in (1, 2):
            num_pr = table.cell(r, 0).paragraphs[0]._p.get_or_add_pPr().get_or_add_numPr()
            num_pr.get_or_add_ilvl().val = 0
            num_pr.get_or_add_numId().val = int(num)
            table.cell(r, 1).text = f"任务{r}"

    (table,) = _tables(read_source(b.docx_bytes(build), "清单.docx"))
    assert table.rows == (("序号", "重点任务"), ("1", "任务1"), ("2", "任务2"))


def test_an_html_table_exported_as_xls_is_read_as_a_table():
    html = """<html><head><meta charset="gb2312"><style>td {border: 1px}</style></head><body>
    <p>测区2023年重点任务分解表</p>
    <table><tr><th>序号</th><th>重点任务</th><th>牵头单位</th></tr>
    <tr><td>1</td><td>推进<b>一网通办</b>。</td><td rowspan="2">区财政局</td></tr>
    <tr><td>2</td><td>建设城市大脑。<br>年底前完成</td></tr>
    <tr><td colspan="3">以上任务年底前完成</td></tr></table>
    <div>以上<span>措施</span>自印发之日起施行。</div></body></html>"""
    source = read_source(html.encode("gb18030"), "清单.xls")
    assert source.kind == "html"
    assert source.blocks == [
        "测区2023年重点任务分解表",
        Table(
            (
                ("序号", "重点任务", "牵头单位"),
                ("1", "推进一网通办。", "区财政局"),
                ("2", "建设城市大脑。 年底前完成", "区财政局"),
                ("以上任务年底前完成",) * 3,
            )
        ),
        "以上措施自印发之日起施行。",
    ]


def test_a_csv_task_list_is_a_table():
    data = '序号,重点任务,牵头单位\n1,推进一网通办。,区财政局\n2,"建设城市大脑,年底前完成",区大数据局\n'
    source = read_source(data.encode("gb18030"), "清单.csv")
    assert source.blocks == [
        Table(
            (
                ("序号", "重点任务", "牵头单位"),
                ("1", "推进一网通办。", "区财政局"),
                ("2", "建设城市大脑,年底前完成", "区大数据局"),
            )
        )
    ]


@pytest.mark.parametrize(
    "data",
    [
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n",
        b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>',
    ],
    ids=["mht", "word-2003-xml"],
)
def test_web_archives_and_office_2003_xml_are_refused_with_what_to_do(data):
    with pytest.raises(SourceError, match="另存为"):
        read_source(data, "方案.doc")


@pytest.mark.parametrize("kind", ["docx", "xlsx", "pdf", "xls", "doc"])
def test_damaged_files_are_read_or_refused_never_an_error_of_a_library_and_print_nothing(kind, capfd):
    import random

    data = {
        "docx": b.docx_table,
        "xlsx": b.xlsx_table,
        "pdf": b.pdf_plan,
        "xls": b.XLS.read_bytes,
        "doc": b.DOC_TABLE.read_bytes,
    }[kind]()
    rng = random.Random(kind)
    for _ in range(40):
        damaged = bytearray(data)
        for _ in range(rng.choice([1, 5, 25])):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        if rng.random() < 0.2:
            damaged = damaged[: rng.randrange(1, len(damaged))]
        try:
            read_source(bytes(damaged), f"damaged.{kind}")
        except SourceError as exc:
            assert "\n" not in str(exc)
    assert capfd.readouterr() == ("", "")


def test_kangxi_radicals_from_pdf_producers_read_as_the_characters_people_typed():
    data = b.pdf_paragraphs(["⼀、重点任务", "1. 推进⼯作。10⽉底前完成。(责任单位:区⼈社局)"], width=40)
    assert read_source(data, "方案.pdf").blocks == ["一、重点任务", "1. 推进工作。10月底前完成。(责任单位:区人社局)"]


def test_macro_documents_and_templates_are_read_as_word_documents():
    plain = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
    macro = b"application/vnd.ms-word.document.macroEnabled.main+xml"
    original = zipfile.ZipFile(io.BytesIO(b.docx_paragraphs()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as docm:
        for member in original.infolist():
            content = original.read(member)
            docm.writestr(
                member, content.replace(plain, macro) if member.filename == "[Content_Types].xml" else content
            )
    assert read_source(buffer.getvalue(), "方案.docm").blocks == b.plan_lines()


def test_a_paragraphs_text_includes_revisions_smart_tags_fields_and_controls_but_not_deletions():
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

    def build(document):
        p = document.add_paragraph("1.做好甲。(责任单位:")
        p._p.append(etree.fromstring(f'<w:ins {w} w:id="1" w:author="a"><w:r><w:t>县发改局</w:t></w:r></w:ins>'))
        p._p.append(
            etree.fromstring(f'<w:del {w} w:id="2" w:author="a"><w:r><w:delText>县财政局</w:delText></w:r></w:del>')
        )
        p._p.append(etree.fromstring(f"<w:r {w}><w:t>)</w:t></w:r>"))
        for wrapper, text in [
            ('<w:smartTag {w} w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="chsdate">', "6月30日前"),
            ('<w:fldSimple {w} w:instr="DATE">', "完成"),
            ("<w:sdt {w}><w:sdtContent>", "。"),
        ]:
            close = "</w:sdtContent></w:sdt>" if "sdt" in wrapper else f"</{wrapper[1:].split()[0]}>"
            q = document.add_paragraph("")
            q._p.append(etree.fromstring(wrapper.format(w=w) + f"<w:r><w:t>{text}</w:t></w:r>" + close))

    assert read_source(b.docx_bytes(build), "方案.docx").blocks == [
        "1.做好甲。(责任单位:县发改局)",
        "6月30日前",
        "完成",
        "。",
    ]


def test_an_ofd_gives_its_lines_joined_into_paragraphs_in_page_order():
    # 45 short lines make two pages; the wrapped clauses of plan_lines() join again.
    lines = [*b.plan_lines(), *(f"{n}. 补充事项{'甲' * (n % 9)}。" for n in range(4, 45))]
    source = read_source(b.ofd_bytes(lines), "方案.ofd")
    assert source.kind == "ofd"
    assert source.blocks == lines


def test_an_ofd_row_of_separate_cells_keeps_its_columns_apart():
    rows = ["序号\t重点任务\t牵头单位", "1\t做好甲\t区发改局", "2\t做好乙项工作\t区财政局"]
    assert read_source(b.ofd_bytes(["2023年任务清单", *rows]), "清单.ofd").blocks == ["2023年任务清单", *rows]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda files: {**files, "Doc_0/Pages/Page_0/Content.xml": b'<ofd:Page xmlns:ofd="x"/>'}, messages.SCANNED_OFD),
        (lambda files: {**files, "Doc_0/Encryptions.xml": b"<Encryptions/>"}, messages.ENCRYPTED_OFD),
        (lambda files: {k: v for k, v in files.items() if k != "Doc_0/Document.xml"}, messages.CORRUPT_ARCHIVE),
        (lambda files: {**files, "Doc_0/Document.xml": b"<not xml"}, messages.CORRUPT_ARCHIVE),
    ],
    ids=["no-text", "encrypted", "no-document", "broken-xml"],
)
def test_an_ofd_that_cannot_be_read_says_why(change, message):
    original = zipfile.ZipFile(io.BytesIO(b.ofd_plan()))
    files = change({name: original.read(name) for name in original.namelist()})
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    with pytest.raises(SourceError) as excinfo:
        read_source(buffer.getvalue(), "方案.ofd")
    assert str(excinfo.value) == message
