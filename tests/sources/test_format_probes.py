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
from tests.sources.builders import FIXTURES, docx_bytes, pdf_document, text_op, xlsx_bytes

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


# --- PDF: running heads and footers, rows cut by a page break ---------------------------------------------

_X = [60, 90, 190, 270, 330, 400]  # column edges of the ruled table
_PITCH = 16


def _ruled_rows(rows: list[list[list[str]]], top: float) -> list[str]:
    """Rows of cells, each cell its lines, drawn with borders from `top` down."""
    ops, y = [], top
    for row in rows:
        height = max(len(cell) for cell in row) * _PITCH + 6
        for i, cell in enumerate(row):
            x0, x1 = _X[i], _X[i + 1]
            ops += [f"{x0} {y} m {x1} {y} l S", f"{x0} {y - height} m {x1} {y - height} l S"]
            ops += [f"{x0} {y} m {x0} {y - height} l S", f"{x1} {y} m {x1} {y - height} l S"]
            ops += [text_op(x0 + 2, y - 3 - 12 - j * _PITCH, line, 12) for j, line in enumerate(cell)]
        y -= height
    return ops


def _head(page: int) -> list[str]:
    return [text_op(200, 800, "城关县人民政府办公室文件"), text_op(200, 40, f"城关县人民政府办公室印发 第{page}页")]


_H = [["序号"], ["重点任务"], ["牵头单位"], ["配合单位"], ["完成时限"]]


def _cut_row_pdf(tail: list[list[str]], *, heads: bool = True) -> bytes:
    first_rows = [
        _H,
        [["1"], ["推进企业开办全程", "网办，优化开办流"], ["县市场监管局"], ["县政务服"], ["6月底前"]],
        [["2"], ["开展涉企收费专项", "检查，清理违规收"], ["县发改局"], ["县财政局", "县商务局"], ["9月底前"]],
    ]
    page_one = [text_op(60, 760, TITLE), *_ruled_rows(first_rows, 740)]
    page_two = _ruled_rows(
        [_H, tail, [["3"], ["建立惠企政策兑现", "平台，实现免申即"], ["县工信局"], [""], ["12月底前"]]], 780
    )
    return pdf_document([page_one + (_head(1) if heads else []), page_two + (_head(2) if heads else [])])


CUT_ROW_PDF = _cut_row_pdf([[""], ["费项目"], [""], ["县统计局"], [""]])
SUB_ROW_PDF = _cut_row_pdf([[""], ["公开收费目录清单"], ["县财政局"], [""], ["10月底前"]], heads=False)


def test_running_heads_and_footers_of_a_pdf_are_dropped():
    source = read_source(CUT_ROW_PDF, "plan.pdf")
    assert "办公室文件" not in source.text and "印发" not in source.text
    assert source.blocks[0] == TITLE


def test_a_row_a_page_break_cut_is_one_row_of_the_table_that_goes_on():
    source = read_source(CUT_ROW_PDF, "plan.pdf")
    tables = [b for b in source.blocks if isinstance(b, Table)]
    assert len(tables) == 1
    assert [row[0] for row in tables[0].rows] == ["序号", "1", "2", "3"]
    assert tables[0].rows[2][1] == "开展涉企收费专项检查，清理违规收费项目"
    assert tables[0].rows[2][3] == "县财政局 县商务局 县统计局"
    tasks = _read(CUT_ROW_PDF, "plan.pdf")
    assert tasks[1] == ("2", ["县发改局"], ["县财政局", "县商务局", "县统计局"], [datetime.date(2026, 9, 30)])
    assert len(tasks) == 3


def test_a_row_of_its_own_under_a_merged_serial_is_not_joined_to_the_row_above():
    table = next(b for b in read_source(SUB_ROW_PDF, "plan.pdf").blocks if isinstance(b, Table))
    assert table.rows[3] == ("", "公开收费目录清单", "县财政局", "", "10月底前")


def test_a_line_on_one_page_only_is_no_running_head():
    one_page = pdf_document([[text_op(200, 800, "城关县人民政府办公室文件"), *(_ruled_rows([_H], 700))]])
    assert "城关县人民政府办公室文件" in read_source(one_page, "plan.pdf").text
