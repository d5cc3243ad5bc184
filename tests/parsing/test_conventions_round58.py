"""Conventions met in blind round 58 (docs/parsing.md).

- A 民生实事 progress register flattened a row a line with spaces between cells, whose header names no
  unit column and whose rows write the answering department last, under 备注 (`remark_units`): an
  item with several indicators writes one line each, the later ones unnumbered; each is a task of its
  own, and one with no department shares the 备注 cell merged down from the line above in its item. At
  the round's first look the document was refused (no numbered clauses found).
- A register's project cell merged over sub-task rows that each write their own task: each row is a
  task of its own, even where two rows name the same unit (`tables._sub_task`); at first look the
  second of two such rows was folded into the first.
- The same registers copied as text or set as a PDF (as the corpus-wide source tests do): rows as long
  as one another are no text broken at a page's width; a unit's name a narrow cell wraps before its
  last character (`区人社` / `局`) is one name; a table's last row that a page break carries over alone
  stays the table's.

The registers here are written from the conventions, not copied from the documents that showed them
(tests/parsing/corpus/hunan-yueyang-minshengshishi-2019, hunan-yueyanglou-minshengshishi-2017).
"""

from __future__ import annotations

import io

import pdfplumber

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.remark_units import remark_header, remark_unit_rows
from policy_tasks.parsing.sources import Table, read_source
from tests.sources.builders import xlsx_bytes
from tests.sources.pdf_tables import render

_HEADER = "序号 考核指标 单 位 年度目标 已完成 完成比例 备  注"

_REGISTER = (
    "某县1-10月十件民生实事推进情况\n"
    "\n"
    f"{_HEADER}\n"
    "1 新增城镇就业 人  3000 3350  111.7% 县人社局\n"
    "2 新建农村公路 公里  80 85.5  106.9% 县交通运输局\n"
    "农村危桥改造 座  12 9  75.0%\n"
    "3 城乡居民免费健康体检 万人 6.5 6.8  104.6% 县卫健局\n"
    "4 老旧小区改造工程 改造老旧小区住房1200户 1100 9月底已全部开工,预计12月底完工。 县住建局、县城管局\n"
    "新增城市公共停车位 个 500 520  104.0%\n"
    "5 乡镇污水处理设施全覆盖 - - -\n"
    "建成乡镇污水处理厂3座 3 2 66.7% 县生态环境分局\n"
    "6 农村户用厕所改造 户 5000 4200 84.0% 县农业农村局\n"
)


def _parse(text: str, encoding: str = "utf-8"):
    return parse_bytes(text.encode(encoding), filename="register.txt", year=2021)


def test_a_register_whose_departments_stand_under_its_remarks_column_is_read():
    doc = _parse(_REGISTER, "gb18030")
    assert [(t.label, t.title[:8], t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", "新增城镇就业", ["县人社局"], []),
        ("2", "新建农村公路", ["县交通运输局"], []),
        # An unnumbered indicator line is a task of its own, under the 备注 cell merged down to it.
        ("2(2)", "农村危桥改造", ["县交通运输局"], []),
        ("3", "城乡居民免费健康", ["县卫健局"], []),
        # The project's name, then its first indicator; the first unit listed leads.
        ("4", "老旧小区改造工程", ["县住建局"], ["县城管局"]),
        ("4(2)", "新增城市公共停车", ["县住建局"], ["县城管局"]),
        # Item 5's own line names no one and nothing above it does: its indicator below is the task.
        ("5(2)", "建成乡镇污水处理", ["县生态环境分局"], []),
        ("6", "农村户用厕所改造", ["县农业农村局"], []),
    ]
    assert "改造老旧小区住房1200户" in doc.tasks[4].text


def test_the_figures_and_progress_notes_after_the_indicator_are_no_task_words():
    doc = _parse(_REGISTER)
    # `9月底已全部开工,预计12月底完工` reports progress: no task's deadline.
    assert [m for t in doc.tasks for m in t.milestones if m.time_expression] == []
    assert all("%" not in t.text and "9月底" not in t.text for t in doc.tasks)


def test_an_item_over_its_indicator_is_no_gap_in_the_numbering():
    doc = _parse(_REGISTER)
    assert not [w for w in doc.warnings if "编号不连续" in w.message]


def test_the_justified_header_cells_are_joined_and_the_remarks_column_comes_last():
    assert remark_header(_HEADER) == ["序号", "考核指标", "单位", "年度目标", "已完成", "完成比例", "备注"]
    # A header with a unit column of its own is the other row-a-line readers' table.
    assert remark_header("序号 考核指标 单位 年度目标 责任单位 备注") is None
    # So is one with a deadline column, and one whose last column is no 备注.
    assert remark_header("序号 考核指标 年度目标 完成时限 备注") is None
    assert remark_header("序号 考核指标 年度目标 已完成 完成情况") is None


def test_remarks_that_are_notes_name_no_departments():
    lines = [
        (line, True)
        for line in (
            _HEADER,
            "1 新增城镇就业 人 3000 3350 111.7% 已完成",
            "2 新建农村公路 公里 80 85.5 106.9% 超额完成",
            "3 城乡居民免费健康体检 万人 6.5 6.8 104.6% 进度正常",
        )
    ]
    assert remark_unit_rows(lines, 0) is None


def _sub_task_register() -> bytes:
    """A district's register: 序号 and the project's name merged down over its sub-task rows."""

    def build(book):
        sheet = book.active
        sheet.append(["某区2021年民生实事完成情况表", None, None, None, None, None])
        sheet.merge_cells("A1:F1")
        sheet.append(["序号", "民生实事项目名称", "民生实事项目名称", "责任单位", "目标任务", "完成情况"])
        sheet.merge_cells("B2:C2")
        rows = [
            ["1", "新增城镇就业", "新增城镇就业", "区人社局", "3000人", "3350"],
            ["2", "城乡居民免费体检", "城乡居民免费体检", "区卫健局", "6万人", "6.2万"],
            ["3", "新建农村公路", "新建农村公路", "区交通局", "80公里", "85"],
            ["4", "健全社会保障体系", "完成城乡居民养老保险参保12万人", "区人社局", "12万人", "12.3万"],
            ["4", "健全社会保障体系", "发放失业保险金2000万元", "区人社局", "2000万元", "1800万元"],
            ["4", "健全社会保障体系", "城乡低保标准提高到每月400元", "区民政局", "400元", "400元"],
        ]
        for row in rows:
            sheet.append(row)
        for n in (3, 4, 5):
            sheet.merge_cells(f"B{n}:C{n}")
        sheet.merge_cells("A6:A8")
        sheet.merge_cells("B6:B8")

    return xlsx_bytes(build)


def test_each_sub_task_row_under_a_merged_project_cell_is_a_task_even_under_one_unit():
    tasks = parse_bytes(_sub_task_register(), filename="register.xlsx", year=2021).tasks
    subs = [t for t in tasks if "健全社会保障体系" in t.text]
    # Written as the numbered item's sub-items, as a merged 序号 over rows naming other units is.
    assert [(t.label[-3:], t.lead_units) for t in subs] == [
        ("4", ["区人社局"]),
        ("(2)", ["区人社局"]),
        ("(3)", ["区民政局"]),
    ]
    assert "发放失业保险金2000万元" in subs[1].text
    assert "发放失业保险金" not in subs[0].text


def test_a_registers_rows_are_not_joined_as_text_broken_at_a_width():
    # Rows as long as one another look like a page's lines; a row after the header, and an item's
    # further line of cells after a row, still start anew.
    from policy_tasks.parsing.sources.unwrap import unwrap

    lines = _REGISTER.splitlines()
    assert unwrap(lines) == lines


# The same registers set as a PDF with ruled tables (tests/sources/test_pdf_tables.py sets every table
# document of the corpus so): a unit's name wrapped in a narrow column, and a last row alone on its page.


def test_a_unit_name_a_narrow_cell_wraps_before_its_last_character_stays_one_name():
    note = "按季度报送完成情况,年底前组织验收,验收结果纳入年度民生实事考核并向社会公开,接受群众监督评议,评议结果作为下一年度安排民生实事项目和资金的重要依据。"
    done = "已完成全年任务的百分之八十,其余部分正在加紧推进。"
    rows = (
        ("序号", "民生实事项目", "责任单位", "目标任务", "完成情况", "备注"),
        (
            "1",
            "新增城镇就业岗位并开展职业技能培训,落实就业创业扶持政策,帮助困难群众就业",
            "区人社局",
            "10000人",
            done,
            note,
        ),
        ("2", "提高城乡低保补助标准并按月足额发放到户", "区民政局", "300元", done, note),
    )
    data = render([Table(rows)])
    # The column holds three characters a line: `区人社` / `局`.
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert "区人社 10000人" in pdf.pages[0].extract_text()
    (table,) = read_source(data, "register.pdf").blocks
    assert [row[2] for row in table.rows] == ["责任单位", "区人社局", "区民政局"]


def test_a_tables_last_row_carried_alone_to_the_next_page_stays_the_tables():
    rows = (
        ("序号", "民生实事项目", "责任单位", "目标任务"),
        *((str(n), f"第{n}批农村公路建设", "县交通局", f"{n}公里") for n in range(1, 37)),
    )
    # 36 rows fill a portrait page under the header: row 36 goes to the next page alone.
    blocks = read_source(render([Table(rows)]), "register.pdf").blocks
    assert blocks == [Table(rows)]
