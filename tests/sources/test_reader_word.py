"""read_source on Word files (.docx, Word 97 .doc and .wps): paragraphs and tables in document
order, merged cells, automatic numbering written out. No database."""

from __future__ import annotations

import io
import zipfile

import pytest
from docx.oxml.ns import qn
from lxml import etree

from policy_tasks.parsing.sources import Table, read_source
from tests.sources import builders as b


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

    (table,) = b.tables_in(read_source(b.docx_bytes(build), "方案.docx"))
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

    (table,) = b.tables_in(read_source(b.docx_bytes(build), "方案.docx"))
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

    (table,) = b.tables_in(read_source(b.docx_bytes(build), "清单.docx"))
    assert table.rows == (("序号", "重点任务"), ("1", "任务1"), ("2", "任务2"))


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
