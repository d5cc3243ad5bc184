"""RTF, web pages saved as one file, OpenDocument and Office 2003 XML: the plan reads as it does
from text, and what such a file holds beside the plan (code pages, spans, a sheet's million empty
rows, list numbers Word rendered) reads as the office sees it."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_document, parse_source
from policy_tasks.parsing.sources import SourceError, read_source
from policy_tasks.parsing.sources import base as messages
from tests.sources import builders as b
from tests.sources import more_formats as m

PLAN = [
    ("1", ["区发改局"], ["区财政局", "区住建局"]),
    ("2", ["区大数据局"], ["区政务服务中心"]),
    ("3", ["区教育局"], []),
]
FILES = {
    "word.rtf": (m.rtf_paragraphs, "rtf"),
    "wps.rtf": (lambda: m.rtf_paragraphs(gbk=True), "rtf"),
    "table.rtf": (m.rtf_table, "rtf"),
    "table-wps.rtf": (lambda: m.rtf_table(gbk=True), "rtf"),
    "page.mht": (m.mht_paragraphs, "mht"),
    "table.mht": (m.mht_table, "mht"),
    "plan.odt": (m.odt_paragraphs, "odt"),
    "table.odt": (m.odt_table, "odt"),
    "table.ods": (m.ods_table, "ods"),
    "plan.xml": (m.word_xml_paragraphs, "word-xml"),
    "table.doc": (m.word_xml_table, "word-xml"),
    "export.xls": (m.excel_xml_table, "excel-xml"),
}


def clauses(parsed) -> list[tuple]:
    return [(t.label, t.lead_units, t.co_units) for t in parsed.tasks]


@pytest.mark.parametrize("name", FILES)
def test_the_plan_reads_as_from_text(name):
    make, kind = FILES[name]
    data = make()
    assert read_source(data, name).kind == kind
    assert clauses(parse_source(read_source(data, name))) == clauses(parse_document(b.plan_text())) == PLAN


def test_rtf_reads_the_same_from_unicode_and_from_gbk_bytes_and_keeps_text_after_a_table():
    assert read_source(m.rtf_table(), "a.rtf").blocks == read_source(m.rtf_table(gbk=True), "b.rtf").blocks
    assert read_source(m.rtf_table(), "a.rtf").blocks[-1] == b.CLOSING


def test_an_rtf_cell_of_two_paragraphs_is_one_line_and_a_name_in_another_code_page_reads():
    row = "\\trowd\\cellx900\\cellx1800\\pard\\intbl 1\\cell \\pard\\intbl A\\par B\\cell \\row "
    data = ("{\\rtf1\\ansi\\ansicpg1252 " + row + "caf\\'e9\\par}").encode("ascii")
    blocks = read_source(data, "x.rtf").blocks
    assert blocks[0].rows == (("1", "A B"),) and blocks[1] == "café"


def test_a_web_archive_with_no_page_is_refused_with_what_to_do():
    data = (
        b"MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=x\r\n\r\n--x\r\n"
        b"Content-Type: image/gif\r\nContent-Transfer-Encoding: base64\r\n\r\nR0lGODlhAQABAAAAACw=\r\n--x--\r\n"
    )
    with pytest.raises(SourceError) as excinfo:
        read_source(data, "方案.mht")
    assert str(excinfo.value) == messages.NO_PAGE_IN_MHT


def test_a_sheet_saved_with_its_million_empty_rows_reads_only_its_rows():
    (table,) = [block for block in read_source(m.ods_table(), "t.ods").blocks if not isinstance(block, str)]
    assert len(table.rows) == len(b.table_rows())


def test_opendocument_spans_repeat_into_the_cells_they_cover():
    table = (
        "<table:table><table:table-row>"
        '<table:table-cell table:number-rows-spanned="2"><text:p>一、产业</text:p></table:table-cell>'
        "<table:table-cell><text:p>甲任务</text:p></table:table-cell></table:table-row>"
        "<table:table-row><table:covered-table-cell/>"
        "<table:table-cell><text:p>乙任务</text:p></table:table-cell></table:table-row></table:table>"
    )
    data = m._odf("text", f"<office:text>{table}</office:text>")
    (block,) = read_source(data, "t.odt").blocks
    assert block.rows == (("一、产业", "甲任务"), ("一、产业", "乙任务"))


def test_a_presentation_in_opendocument_is_refused():
    data = m._odf("presentation", "<office:presentation/>")
    with pytest.raises(SourceError, match="OpenDocument"):
        read_source(data, "汇报.odp")


def test_word_xml_writes_list_numbers_as_word_shows_them_and_repeats_vertical_merges():
    body = (
        '<w:p><w:pPr><w:listPr><w:ilvl w:val="0"/><wx:t wx:val="（一）"/></w:listPr></w:pPr>'
        "<w:r><w:t>推进项目建设</w:t></w:r></w:p>"
        "<w:tbl><w:tr>"
        '<w:tc><w:tcPr><w:vmerge w:val="restart"/></w:tcPr><w:p><w:r><w:t>区发改局</w:t></w:r></w:p></w:tc>'
        '<w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p><w:r><w:t>甲</w:t></w:r></w:p></w:tc></w:tr>'
        "<w:tr><w:tc><w:tcPr><w:vmerge/></w:tcPr><w:p/></w:tc>"
        "<w:tc><w:p><w:r><w:t>乙</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>丙</w:t></w:r></w:p></w:tc></w:tr>"
        "</w:tbl>"
    )
    blocks = read_source(m._wordml(body), "plan.xml").blocks
    assert blocks[0] == "（一） 推进项目建设"
    assert blocks[1].rows == (("区发改局", "甲", "甲"), ("区发改局", "乙", "丙"))


def test_an_excel_xml_cell_merged_down_repeats_and_a_broken_file_is_refused():
    rows = (
        '<Row><Cell ss:MergeDown="1"><Data ss:Type="String">区住建局</Data></Cell>'
        '<Cell><Data ss:Type="String">甲</Data></Cell></Row>'
        '<Row><Cell ss:Index="2"><Data ss:Type="String">乙</Data></Cell></Row>'
    )
    data = m.excel_xml_table().replace(
        m.excel_xml_table()[m.excel_xml_table().index(b"<Table>") : m.excel_xml_table().index(b"</Table>")],
        b"<Table>" + rows.encode(),
    )
    (block,) = read_source(data, "export.xls").blocks
    assert block.rows == (("区住建局", "甲"), ("区住建局", "乙"))
    with pytest.raises(SourceError) as excinfo:
        read_source(data[:-40], "export.xls")
    assert str(excinfo.value) == messages.UNREADABLE


def test_a_sheet_whose_cells_lie_far_apart_is_refused_as_too_large_not_laid_out():
    far = '<Row ss:Index="9000"><Cell ss:Index="9000"><Data ss:Type="String">甲</Data></Cell></Row>'
    data = m.excel_xml_table().replace(b"</Table>", far.encode() + b"</Table>")
    with pytest.raises(SourceError) as excinfo:
        read_source(data, "export.xls")
    assert str(excinfo.value) == messages.TOO_LARGE


def test_an_rtf_with_a_pasted_seal_reads_the_text_around_it():
    picture = "{\\pict\\pngblip\\picw500\\pich500 " + ("89504e470d0a1a0a" * 16 + "\r\n") * 20000 + "}"
    data = m.rtf_paragraphs().replace(b"\\par\n", ("\\par\n" + picture).encode(), 1)
    assert len(data) > 2_000_000
    assert clauses(parse_source(read_source(data, "seal.rtf"))) == PLAN


@pytest.mark.parametrize("skip", [0, 2])
def test_an_rtf_that_sets_its_own_unicode_fallback_count_reads_its_table(skip):
    """`\\ucN`: N characters follow each `\\uN` for old readers and are skipped (Word writes 1)."""
    fallback = "?" * skip
    cell = "".join(f"\\u{ord(c)}{fallback}" for c in "区发改局")
    row = f"\\trowd\\cellx900\\cellx1800\\pard\\intbl 1\\cell \\pard\\intbl {cell}\\cell \\row "
    data = f"{{\\rtf1\\ansi\\uc{skip} {row}\\pard after\\par}}".encode("ascii")
    blocks = read_source(data, "x.rtf").blocks
    assert blocks[0].rows == (("1", "区发改局"),) and blocks[1] == "after"
