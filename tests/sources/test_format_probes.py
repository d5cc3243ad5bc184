"""The forms offices send a plan in, tried on small invented files (a probe round of the file formats):
text boxes in Word, hidden rows and columns in a workbook, a form's notes under the task list,
running heads and footers and table rows cut by a page break in a PDF. Each file is built once.
No database."""

from __future__ import annotations

import datetime

import pytest
from docx.oxml import parse_xml

from policy_tasks.parsing import parse_bytes, parse_document
from policy_tasks.parsing.sources import Table, read_source
from tests.sources.builders import FIXTURES, docx_bytes, xlsx_bytes

TITLE = "城关县2026年优化营商环境重点任务分解方案"
HEADER = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")
ROWS = [
    ("1", "推进企业开办全程网办，优化开办流程", "县市场监管局", "县政务服务中心", "6月底前"),
    ("2", "开展涉企收费专项检查，清理违规收费项目", "县发改局", "县财政局、县商务局", "9月底前"),
    ("3", "建立惠企政策兑现平台，实现免申即享", "县工信局", "", "12月底前"),
]
READ = [
    ("1", ["县市场监管局"], ["县政务服务中心"], [datetime.date(2026, 6, 30)]),
    ("2", ["县发改局"], ["县财政局", "县商务局"], [datetime.date(2026, 9, 30)]),
    ("3", ["县工信局"], [], [datetime.date(2026, 12, 31)]),
]
PROSE = [
    TITLE,
    "一、重点任务",
    "1.推进企业开办全程网办，6月底前完成。（牵头单位：县市场监管局；配合单位：县政务服务中心）",
    "2.开展涉企收费专项检查，9月底前完成。（牵头单位：县发改局；配合单位：县财政局、县商务局）",
    "3.建立惠企政策兑现平台，12月底前完成。（牵头单位：县工信局）",
]


def _tasks(parsed):
    return [(t.label, t.lead_units, t.co_units, [m.due_date for m in t.milestones]) for t in parsed.tasks]


def _read(data: bytes, name: str):
    return _tasks(parse_bytes(data, filename=name, assume_year=2026))


# --- Word: text boxes --------------------------------------------------------------------------------

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_BOX_NS = (
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:v="urn:schemas-microsoft-com:vml"'
)


def _box_run(lines: list[str]) -> str:
    """A floating text box as Word saves it: the drawing, and the same text again in its VML fallback."""
    paragraphs = "".join(f"<w:p><w:r><w:t>{line}</w:t></w:r></w:p>" for line in lines)
    drawing = (
        '<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" '
        'locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        '<wp:positionH relativeFrom="column"><wp:posOffset>0</wp:posOffset></wp:positionH>'
        '<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        '<wp:extent cx="5000000" cy="500000"/><wp:wrapTopAndBottom/><wp:docPr id="1" name="Text Box 1"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        f'<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr/><wps:txbx><w:txbxContent>{paragraphs}</w:txbxContent>'
        "</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor>"
    )
    return (
        f'<w:r {_W} {_BOX_NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>{drawing}</w:drawing>'
        f"</mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox><w:txbxContent>{paragraphs}</w:txbxContent>"
        "</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
    )


def _boxed(boxed: list[str], after: list[str], *, anchor_text: str = "") -> bytes:
    def build(document):
        paragraph = document.add_paragraph(anchor_text)
        paragraph._p.append(parse_xml(_box_run(boxed)))
        for line in after:
            document.add_paragraph(line)

    return docx_bytes(build)


RED_HEAD_BOX = _boxed(["城关县人民政府办公室文件", "城政办发〔2026〕3号"], PROSE[1:], anchor_text=PROSE[0])
WHOLE_PLAN_BOX = _boxed(PROSE, [])


def test_a_text_box_is_read_once_before_the_paragraph_it_is_anchored_to():
    source = read_source(RED_HEAD_BOX, "plan.docx")
    assert source.blocks[:3] == ["城关县人民政府办公室文件", "城政办发〔2026〕3号", TITLE]
    assert source.text.count("城政办发") == 1  # the VML fallback is the same box, not read again
    parsed = parse_bytes(RED_HEAD_BOX, filename="plan.docx")
    assert (parsed.title, parsed.year) == (TITLE, 2026)
    assert _tasks(parsed) == READ


def test_a_plan_laid_out_in_a_text_box_is_read():
    assert _read(WHOLE_PLAN_BOX, "plan.docx") == READ


# --- Workbooks: hidden rows and columns ---------------------------------------------------------------


def _hidden_book(*, filtered: bool) -> bytes:
    def build(book):
        sheet = book.active
        sheet.append([TITLE])
        sheet.append([*HEADER, "原责任单位"])
        for row in ROWS:
            sheet.append([*row, "县物价局"])
        sheet.append(["4", "已并入第2项的任务", "县物价局", "", "8月底前", "县物价局"])
        sheet.row_dimensions[6].hidden = True
        sheet.column_dimensions["F"].hidden = True
        if filtered:
            sheet.auto_filter.ref = "A2:F6"
            sheet.auto_filter.add_filter_column(2, ["县市场监管局", "县发改局", "县工信局"])

    return xlsx_bytes(build)


HIDDEN_XLSX = _hidden_book(filtered=False)
FILTERED_XLSX = _hidden_book(filtered=True)


def test_rows_and_columns_the_sender_hid_are_not_read():
    source = read_source(HIDDEN_XLSX, "list.xlsx")
    assert "县物价局" not in source.text
    assert _read(HIDDEN_XLSX, "list.xlsx") == READ


def test_rows_a_filter_hid_are_read_its_hidden_columns_are_not():
    source = read_source(FILTERED_XLSX, "list.xlsx")
    table = next(b for b in source.blocks if isinstance(b, Table))
    assert table.rows[-1][:3] == ("4", "已并入第2项的任务", "县物价局")
    assert all(len(row) == 5 for row in table.rows)


def test_an_xls_leaves_out_its_hidden_row():
    # hidden_row.xls: the plan of ROWS with a hidden fourth task (row 6), saved by LibreOffice Calc.
    data = (FIXTURES / "hidden_row.xls").read_bytes()
    assert "隐藏的任务" not in read_source(data, "list.xls").text
    assert [task[:2] for task in _read(data, "list.et")] == [task[:2] for task in READ]


# --- A form's notes under the list ----------------------------------------------------------------------

_LIST = [TITLE, "\t".join(HEADER), *("\t".join(row) for row in ROWS)]


@pytest.mark.parametrize(
    "notes",
    [
        ["填表说明：", "1.牵头单位负责汇总报送进展情况。", "2.每月5日前报送上月进展。"],
        ["填报说明：1.牵头单位负责汇总报送进展情况。2.每月5日前报送上月进展。"],
        ["填写说明", "1.请于每季度末报送。"],
    ],
)
def test_a_forms_notes_under_the_list_are_no_tasks(notes):
    assert _tasks(parse_document("\n".join([*_LIST, *notes]), assume_year=2026)) == READ


def test_a_notes_sheet_of_a_workbook_is_no_task():
    def build(book):
        sheet = book.active
        sheet.title = "任务清单"
        for line in _LIST:
            sheet.append(line.split("\t"))
        notes = book.create_sheet("说明")
        for line in ("填表说明：", "1.牵头单位负责汇总报送进展情况。", "2.每月5日前报送上月进展。"):
            notes.append([line])

    assert _read(xlsx_bytes(build), "list.xlsx") == READ


def test_an_annex_after_the_notes_is_read_and_notes_before_the_items_end_nothing():
    annex = ["附件2", "城关县2026年优化营商环境第二批任务", "1.推进招投标改革，10月底前完成。（牵头单位：县住建局）"]
    text = "\n".join([*_LIST, "填表说明：", "1.每月5日前报送进展。", *annex])
    assert _tasks(parse_document(text, assume_year=2026))[-1] == ("1", ["县住建局"], [], [datetime.date(2026, 10, 31)])
    text = "\n".join([TITLE, "填表说明：请各单位如实填写。", *_LIST[1:]])
    assert _tasks(parse_document(text, assume_year=2026)) == READ


def test_a_remark_under_a_clause_is_not_taken_for_a_forms_notes():
    text = "\n".join([*PROSE[:3], "说明：此项与县商务局共同推进。", *PROSE[3:]])
    assert [task[0] for task in _tasks(parse_document(text, assume_year=2026))] == ["1", "2", "3"]
