"""File-form left-overs, each tried on invented county-office files (2026-12-05).

A .txt holding a page's markup (`<p>`, `<br>`, `&nbsp;`, a `<table>`), saved from a government site
without its `<html>`; a 文号 set only in a .docx's page header; a 序号 column typed `1.0`, `2.0`.
The near-misses (a title in ASCII angle brackets, a running title and page number in the header, a
decimal outline in the 序号 column, a 文号 in the body) read as before.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.result import ParsedDocument
from policy_tasks.parsing.sources import Table, read_source

from .builders import docx_bytes, xlsx_bytes

_PLAN = "某县2026年城乡建设工作实施方案"


def _tasks(parsed: ParsedDocument) -> list[tuple[int, list[str], list[str], list[date | None]]]:
    return [(t.number, t.lead_units, t.co_units, [m.due_date for m in t.milestones]) for t in parsed.tasks]


# --- 3. a .txt holding markup --------------------------------------------------------------------

_EXPECTED = [
    (1, ["县交通局"], [], [date(2026, 12, 31), date(2026, 10, 31)]),
    (2, ["县民政局"], ["县财政局"], [date(2026, 12, 31)]),
]


@pytest.mark.parametrize(
    "page",
    [
        f'<p style="text-align:center">{_PLAN}</p>\n<p>一、交通建设</p>\n'
        "<p>1.完成县道改造30公里,10月底前完工。(责任单位:县交通局)</p>\n"
        "<p>2.新建社区服务中心2个。(责任单位:县民政局、县财政局)</p>\n",
        f"{_PLAN}<br>一、交通建设<br>1.完成县道改造30公里,10月底前完工。(责任单位:县交通局)<br/>"
        "2.新建社区服务中心2个。(责任单位:县民政局&nbsp;、县财政局)<br>",
        f"{_PLAN}\n一、交通建设\n1.完成县道改造30公里,10月底前完工。(责任单位:县交通局)<br>\n"
        "<span>2.新建社区服务中心2个。</span>(责任单位:县民政局、县财政局)<br>\n",
        f'<div class="TRS_Editor"><p>{_PLAN}</p><p>一、交通建设</p><p>1.完成县道改造30公里,10月底前完工&#12290;'
        "(责任单位:县交通局)</p><p>2.新建社区服务中心2个。(责任单位:县民政局、县财政局)</div>",
    ],
)
@pytest.mark.parametrize("encoding", ["utf-8", "gb18030"])
def test_a_txt_holding_a_pages_markup_is_read_as_the_page_shows(page: str, encoding: str) -> None:
    parsed = parse_bytes(page.encode(encoding), filename="方案.txt", assume_year=2026)
    assert parsed.title == _PLAN
    assert _tasks(parsed) == _EXPECTED
    assert "<" not in parsed.source_text and "&nbsp;" not in parsed.source_text


def test_a_txt_holding_a_table_of_tasks_reads_its_table() -> None:
    page = (
        f'{_PLAN}\n<table border="1"><tr><td>类别</td><td>序号</td><td>重点任务</td><td>牵头单位</td>'
        "<td>配合单位</td><td>完成时限</td></tr>\n"
        '<tr><td rowspan="2">交通</td><td>1</td><td>完成县道改造30公里</td><td>县交通局</td><td>县财政局</td>'
        "<td>10月底前</td></tr>\n<tr><td>2</td><td>新建社区服务中心2个</td><td>县民政局</td><td>&nbsp;</td>"
        "<td>2026年6月底前</td></tr></table>\n"
    )
    source = read_source(page.encode(), "任务表.txt")
    (table,) = [b for b in source.blocks if isinstance(b, Table)]
    assert table.rows[2][0] == "交通"  # the rowspan's text in every row it covers
    parsed = parse_bytes(page.encode(), filename="任务表.txt", assume_year=2026)
    assert _tasks(parsed) == [
        (1, ["县交通局"], ["县财政局"], [date(2026, 10, 31), date(2026, 10, 31)]),
        (2, ["县民政局"], [], [date(2026, 6, 30), date(2026, 6, 30)]),
    ]


def test_a_title_in_ascii_angle_brackets_is_text() -> None:
    text = (
        f"{_PLAN}\n一、交通建设\n1.落实<某县交通条例>,完成县道改造30公里。(责任单位:县交通局)\n"
        "2.新建社区服务中心2个。(责任单位:县民政局)\n"
    )
    source = read_source(text.encode(), "方案.txt")
    assert "1.落实<某县交通条例>,完成县道改造30公里。(责任单位:县交通局)" in source.blocks


# --- 4. a 文号 in a .docx's page header ----------------------------------------------------------


def _with_header(header: list[str], body: list[str]) -> bytes:
    def build(document) -> None:  # type: ignore[no-untyped-def]
        section = document.sections[0]
        for i, line in enumerate(header):
            paragraph = section.header.paragraphs[0] if i == 0 else section.header.add_paragraph()
            paragraph.text = line
        for line in body:
            document.add_paragraph(line)

    return docx_bytes(build)


_BODY = [
    "某县城乡建设工作实施方案",
    "一、交通建设",
    "1.完成县道改造30公里,10月底前完工。(责任单位:县交通局)",
    "2.新建社区服务中心2个。(责任单位:县民政局)",
]


@pytest.mark.parametrize(
    "header", [["某政发〔2026〕3号"], ["某县人民政府文件", "某政发〔2026〕3号"], ["某政办发〔2026〕3号  第1页"]]
)
def test_a_number_in_the_page_header_is_the_documents_when_the_body_names_none(header: list[str]) -> None:
    parsed = parse_bytes(_with_header(header, _BODY), filename="方案.docx", assume_year=2025)
    assert parsed.doc_number in ("某政发〔2026〕3号", "某政办发〔2026〕3号")
    assert (parsed.year, parsed.year_assumed) == (2026, False)
    assert parsed.tasks[0].milestones[-1].due_date == date(2026, 10, 31)
    assert not [w for w in parsed.warnings if "文号" in w.message or "no year" in w.message]


def test_the_page_headers_other_text_stays_out_of_the_body() -> None:
    data = _with_header(["某县城乡建设工作实施方案", "第1页 共2页"], ["某县2026年城乡建设工作实施方案", *_BODY[1:]])
    source = read_source(data, "方案.docx")
    assert source.blocks == ["某县2026年城乡建设工作实施方案", *_BODY[1:]]
    parsed = parse_bytes(data, filename="方案.docx")
    assert (parsed.doc_number, parsed.title) == ("", "某县2026年城乡建设工作实施方案")


def test_a_number_in_the_body_wins_over_the_page_headers() -> None:
    data = _with_header(["某政发〔2026〕3号"], ["某政发〔2025〕9号", *_BODY])
    parsed = parse_bytes(data, filename="方案.docx")
    assert (parsed.doc_number, parsed.year) == ("某政发〔2025〕9号", 2025)


# --- 6. a 序号 typed 1.0 -----------------------------------------------------------------------------

_HEADER = ("序号", "重点任务", "牵头单位", "配合单位", "完成时限")


def _rows(numbers: list[str]) -> list[tuple[str, ...]]:
    tasks = [
        ("完成县道改造30公里", "县交通局", "县财政局", "10月底前"),
        ("新建社区服务中心2个", "县民政局", "", "12月底前"),
        ("完成造林1万亩", "县林业局", "各乡镇", "6月底前"),
    ]
    return [_HEADER, *((n, *task) for n, task in zip(numbers, tasks, strict=False))]


def _docx_table(rows: list[tuple[str, ...]]) -> bytes:
    def build(document) -> None:  # type: ignore[no-untyped-def]
        document.add_paragraph("某县2026年重点任务分工方案")
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        for row, values in zip(table.rows, rows, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value

    return docx_bytes(build)


def _xlsx_table(rows: list[tuple[str, ...]]) -> bytes:
    def build(book) -> None:  # type: ignore[no-untyped-def]
        book.active.append(["某县2026年重点任务分工方案"])
        for row in rows:
            book.active.append(list(row))

    return xlsx_bytes(build)


def _text_table(rows: list[tuple[str, ...]]) -> bytes:
    return ("某县2026年重点任务分工方案\n" + "".join("\t".join(r) + "\n" for r in rows)).encode()


@pytest.mark.parametrize(
    ("make", "name"), [(_docx_table, "表.docx"), (_xlsx_table, "表.xlsx"), (_text_table, "表.txt")]
)
@pytest.mark.parametrize("numbers", [["1.0", "2.0", "3.0"], ["1.00", "2.00", "3.00"]])
def test_serials_typed_with_a_zero_fraction_number_items(make, name: str, numbers: list[str]) -> None:  # type: ignore[no-untyped-def]
    parsed = parse_bytes(make(_rows(numbers)), filename=name)
    assert [(t.number, t.label, t.lead_units) for t in parsed.tasks] == [
        (1, "1", ["县交通局"]),
        (2, "2", ["县民政局"]),
        (3, "3", ["县林业局"]),
    ]


@pytest.mark.parametrize("numbers", [["1.1", "1.2", "1.3"], ["1.0", "2.0", "2.1"]])
def test_a_decimal_outline_in_the_serial_column_keeps_its_numbers(numbers: list[str]) -> None:
    parsed = parse_bytes(_docx_table(_rows(numbers)), filename="表.docx")
    assert [t.label for t in parsed.tasks] == numbers
