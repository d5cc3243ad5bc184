"""Conventions met in blind round 48 (docs/parsing.md): web tables flattened a row a line with
` | ` after each cell, whose merged (rowspan) cells are written on their group's first row only.

Written from the conventions, not copied from the documents that showed them (a township's
"three lists" flood-defence task list, 任务清单 | 责任清单 | 时限清单, under two merged group
columns and with a row split into two sub-rows; a public institution's 政务公开 task table whose
short rows keep the merged 工作任务 cell's place as an empty cell at the line's end).
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.column_meanings import DUE, LISTED, TITLE, meaning
from policy_tasks.parsing.merged_row_cells import place_lost_cells
from policy_tasks.parsing.table_rows import Row


def _tasks(text: str):
    return parse_bytes(text.encode(), filename="tasks.txt", year=2025).tasks


def _dates(task) -> list[date]:
    return [m.due_date for m in task.milestones]


# 1. A 责任清单 header names the unit column.


def test_the_three_lists_header_names_its_unit_column():
    assert [meaning(h) for h in ("任务清单", "责任清单", "时限清单")] == [TITLE, LISTED, DUE]


def test_other_lists_name_no_unit_column():
    assert meaning("问题清单") is None
    assert meaning("整改清单") is None


def test_a_three_lists_table_is_read_with_its_units():
    text = (
        "序号 | 任务清单 | 责任清单 | 时限清单 |\n"
        "1 | 完善乡镇应急预案,组织开展演练。 | 应急办 | 5月 |\n"
        "2 | 开展隐患排查,建立整改台账。 | 水利站 | 6月 |\n"
    )
    tasks = _tasks(text)
    assert [t.lead_units for t in tasks] == [["应急办"], ["水利站"]]
    assert [_dates(t) for t in tasks] == [[date(2025, 5, 31)], [date(2025, 6, 30)]]


# 2. Rows a line under leading merged group cells, the serial opening a middle cell.

_GROUPED = (
    "工作类别 | 工作事项 | 工作要求 | 责任单位 | 完成时限 |\n"
    "(一)健全组织体系 | 1.工作机构 | (1)成立防汛工作专班,明确专人负责日常工作。 | 县应急局 | 5月 |\n"
    "(2)建立防汛值班制度,落实领导带班。 | 县水利局 | 6月 |\n"
    "(3)完善村级应急队伍,开展业务培训。 | 各乡镇 | 7月 |\n"
)


def test_rows_that_lost_their_group_cells_are_told_apart():
    tasks = _tasks(_GROUPED)
    assert [t.lead_units for t in tasks] == [["县应急局"], ["县水利局"], ["各乡镇"]]
    assert [_dates(t) for t in tasks] == [[date(2025, 5, 31)], [date(2025, 6, 30)], [date(2025, 7, 31)]]
    assert tasks[1].text.startswith("建立防汛值班制度")


def test_the_group_cells_become_headings():
    rows = [line.split(" | ") for line in _GROUPED.replace(" |\n", "\n").splitlines()]
    placed = place_lost_cells(rows)
    assert placed[1] == ["(一)健全组织体系"] * 5
    assert placed[2] == ["1.工作机构"] * 5
    assert placed[4] == ["", "", "(2)建立防汛值班制度,落实领导带班。", "县水利局", "6月"]


def test_rows_whose_cells_fit_in_order_are_left_alone():
    rows = [
        ["序号", "工作任务", "责任单位", "完成时限", "备注"],
        ["1", "完善应急预案。", "县应急局", "5月", ""],
        ["2", "开展隐患排查。", "县水利局"],
    ]
    assert place_lost_cells(rows) == rows


def test_tab_separated_rows_are_left_alone():
    rows = [["工作任务", "具体要求", "责任科室"], ["1.及时发布信息。", "综合科", ""]]
    assert place_lost_cells(rows, "\t") == rows


# 3. A sub-row with its own task and unit cells under a merged serial and date cell.


def test_a_sub_row_is_a_task_of_its_own_sharing_the_merged_date():
    text = (
        "工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单 |\n"
        "1.组织机构 | (1)村级建立应急工作组。 | 1.明确应急工作组成员; | 综治办 应消站 | 4月 |\n"
        "2.补充设置山洪预警员、危房联络员; | 农业办 国土所 |\n"
    )
    tasks = _tasks(text)
    assert [t.lead_units for t in tasks] == [["综治办"], ["农业办"]]
    assert tasks[1].co_units == ["国土所"]
    assert tasks[1].text.startswith("补充设置山洪预警员")
    assert [_dates(t) for t in tasks] == [[date(2025, 4, 30)], [date(2025, 4, 30)]]


def test_a_sub_row_that_writes_its_empty_date_cell_shares_no_date():
    text = (
        "工作事项 | 工作指标 | 任务清单 | 责任清单 | 时限清单 |\n"
        "1.组织机构 | (1)村级建立应急工作组。 | 1.明确应急工作组成员; | 综治办 应消站 | 4月 |\n"
        "2.补充设置山洪预警员、危房联络员; | 农业办 国土所 | |\n"
    )
    tasks = _tasks(text)
    assert [t.lead_units for t in tasks] == [["综治办"], ["农业办"]]
    assert _dates(tasks[1]) == []


def test_a_row_numbered_under_headings_numbered_1_and_then_1_in_brackets_is_their_child():
    cells = {k: [] for k in ("leader", "lead", "listed", "co", "due")}
    row = Row("", 1, ["1.明确应急工作组成员;"], cells, [], heading_styles=frozenset({"num", "pnum"}))
    assert row.lines()[0].startswith("①明确应急工作组成员")
    row = Row("", 1, ["1.明确应急工作组成员;"], cells, [], heading_styles=frozenset({"num"}))
    assert row.lines()[0].startswith("1.明确应急工作组成员")


# 4. A merged group cell whose short rows keep its place as an empty cell at the line's end.

_EMPTY_AT_END = (
    "工作任务 | 具体要求 | 责任科室 |\n"
    "一、加强信息发布。 | 1.及时发布工作动态。 | 综合科 |\n"
    "2.及时更新专栏信息。 | 各科室 | |\n"
    "3.做好政策解读回应。 | 综合科牵头,各科室配合 | |\n"
    "二、规范依申请公开。 | 4.依法按时答复申请。 | 法规科 |\n"
)


def test_rows_that_keep_the_group_cells_place_at_the_end_are_clauses_with_their_units():
    tasks = _tasks(_EMPTY_AT_END)
    assert [t.label for t in tasks] == ["1", "2", "3", "4"]
    assert [t.lead_units for t in tasks] == [["综合科"], ["各科室"], ["综合科"], ["法规科"]]
    assert tasks[2].co_units == ["各科室"]


def test_the_group_cells_are_headings_not_clauses():
    doc = parse_bytes(_EMPTY_AT_END.encode(), filename="tasks.txt", year=2025)
    assert [a.title for a in doc.areas] == ["加强信息发布", "规范依申请公开"]


def test_a_row_with_an_empty_last_cell_that_fits_in_order_is_not_moved():
    text = (
        "序号 | 具体要求 | 责任科室 | 备注 |\n"
        "1 | 及时发布工作动态。 | 综合科 | 每月 |\n"
        "2 | 及时更新专栏信息。 | 各科室 | |\n"
    )
    tasks = _tasks(text)
    assert [t.lead_units for t in tasks] == [["综合科"], ["各科室"]]


def test_a_line_written_out_in_full_with_empty_cells_is_not_moved():
    rows = [
        ["序号", "项目名称", "资金来源", "实施期限", "责任单位", ""],
        ["中央资金", "省级资金", "", "", "", ""],
        ["1", "东村道路硬化", "200", "2023年9月", "东镇人民政府", ""],
    ]
    assert place_lost_cells(rows) == rows
