"""A task table with a heading row one merged cell fills, over 责任单位 cells that mark the lead after a
unit's other name (`县发改局(粮食局)(牵头)、各镇人民政府`), in a .docx and an .xlsx (a probe of the corpus
in other layouts). Invented rows; no database.

Before, the heading row, merged across the table, counted as a row that fills the last column, so a
row whose 完成时限 was empty looked slid left under a merged unit cell, and its unit cell, not read as
units, was taken for a progress note: the row got the row above's units."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.sources import Table
from policy_tasks.parsing.tables import table_lines
from tests.sources.builders import docx_bytes, xlsx_bytes

HEADER = ("序号", "主要任务", "责任单位", "完成时限")
HEADING = "一、2024年经济社会发展主要目标"
ROWS = [
    ("1", "地区生产总值增长7%。", "县发改局(粮食局)(牵头)、各镇人民政府、测县经济开发区", ""),
    ("2", "地方一般公共预算收入增长8%。", "县财政局(牵头)、县税务局、各镇人民政府", ""),
    ("3", "规模以上工业增加值增长9%。", "县经信局(牵头)、各镇人民政府", ""),
    ("4", "固定资产投资增长10%。", "县发改局(粮食局)(牵头)、各镇人民政府", ""),
    ("5", "社会消费品零售总额增长8%。", "县商务局(牵头)、各镇人民政府", "12月底前"),
]
READ = [
    (["县发改局"], ["各镇人民政府", "测县经济开发区"]),
    (["县财政局"], ["县税务局", "各镇人民政府"]),
    (["县经信局"], ["各镇人民政府"]),
    (["县发改局"], ["各镇人民政府"]),
    (["县商务局"], ["各镇人民政府"]),
]


def _docx() -> bytes:
    def build(document) -> None:
        document.add_paragraph("测县2024年重点工作责任分解")
        table = document.add_table(rows=len(ROWS) + 2, cols=len(HEADER))
        for cell, value in zip(table.rows[0].cells, HEADER, strict=True):
            cell.text = value
        merged = table.rows[1].cells[0].merge(table.rows[1].cells[-1])
        merged.text = HEADING
        for row, values in zip(table.rows[2:], ROWS, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value

    return docx_bytes(build)


def _xlsx() -> bytes:
    def build(book) -> None:
        sheet = book.active
        sheet.append(["测县2024年重点工作责任分解"])
        sheet.append(list(HEADER))
        sheet.append([HEADING])
        sheet.merge_cells(start_row=3, start_column=1, end_row=3, end_column=len(HEADER))
        for row in ROWS:
            sheet.append(list(row))

    return xlsx_bytes(build)


@pytest.mark.parametrize(("build", "filename"), [(_docx, "plan.docx"), (_xlsx, "plan.xlsx")])
def test_each_row_keeps_its_own_marked_lead_under_a_merged_heading_row(build, filename):
    tasks = parse_bytes(build(), filename=filename, year=2024).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == READ
    assert {t.area for t in tasks} == {1}


def test_a_merged_heading_row_does_not_count_as_filling_the_last_column():
    # A table whose 完成时限 is empty in every task row slid no cells, whatever its heading row
    # fills by its merge: a unit cell the reader does not take for units stays the row's own.
    rows = (
        HEADER,
        (HEADING,) * len(HEADER),
        ("1", "推进产业园建设。", "县发改局", ""),
        ("2", "落实项目资本金。", "项目业主", ""),
    )
    lines = table_lines(Table(rows))
    assert "责任单位:项目业主" in lines
    assert lines.count("责任单位:县发改局") == 1
