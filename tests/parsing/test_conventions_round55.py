"""Conventions met in blind round 55 (docs/parsing.md).

- A 民生实事 register whose task cell is merged down over a second row naming another 牵头单位 and its
  own date: one task with several owners (every row's unit leads, every row's date a milestone).
- A time cell listing its dated steps a line each, numbered (`1.2022年6月` / `2.2022年12月`): one
  milestone a step; the list's next number is no day of the date before it.
- A web table flattened a cell a line whose page writes every row out to the header's width, the
  cells merged down over a row (a section's 序号 and 牵头单位, a project's name over its
  sub-projects) as bare `|` markers after its last cell (`padded_streams`): the lowest items are the
  clauses, led by their section's unit, their 业主单位 helping; `A(B代建)` names the owner and the
  unit building for it; a header ending in 数量 is a count column.

The registers and cells here are written from the conventions, not copied from the documents that
showed them (tests/parsing/corpus/zhejiang-xinchang-minshengshishi-2021,
jiangxi-xinjian-minshengshishi-2024).
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.column_meanings import NOTE, TITLE, meaning
from policy_tasks.parsing.padded_streams import padded_stream
from policy_tasks.parsing.textutil import join_spaced_dates
from tests.sources.builders import xlsx_bytes

_HEADER = ["项目名称", "工作任务", "计划完成时间", "牵头单位"]


def _register(rows: list[list[str | None]], merges: list[str]) -> bytes:
    """A county's 民生实事 register as an office lays it out: a title row, the header, merged cells."""

    def build(book):
        sheet = book.active
        sheet.append(["2022年某县政府十方面民生实事项目登记表", None, None, None])
        sheet.merge_cells("A1:D1")
        sheet.append(_HEADER)
        for row in rows:
            sheet.append(row)
        for cells in merges:
            sheet.merge_cells(cells)

    return xlsx_bytes(build)


def _parse(data: bytes):
    return parse_bytes(data, filename="register.xlsx", year=2022)


def _dates(task) -> list[date]:
    return sorted(m.due_date for m in task.milestones if m.due_date and m.time_expression)


# 1. A task cell merged over a second owner's row: one clause, both units lead.


def _two_owner_register() -> bytes:
    return _register(
        [
            ["1.城乡供水保障项目", "新建改造城区供水管网30公里;", "9月", "水利局"],
            [None, None, "2022.6", "水务集团"],
            [None, "完成农村饮用水达标提标工程5处;", "10月", "水利局"],
            ["2.文化惠民项目", "新建城市书房4处,开展送戏下乡演出200场。", "11月底", "文广旅体局"],
            [None, None, "计划11月底完成书房建设", "文化发展集团"],
        ],
        ["A3:A5", "B3:B4", "A6:A7", "B6:B7"],
    )


def test_a_task_cell_merged_over_a_second_owner_is_one_clause():
    tasks = _parse(_two_owner_register()).tasks
    assert [t.title[:6] for t in tasks] == ["新建改造城区", "完成农村饮用", "新建城市书房"]
    assert [t.lead_units for t in tasks] == [["水利局", "水务集团"], ["水利局"], ["文广旅体局", "文化发展集团"]]


def test_each_owners_date_is_a_milestone_of_the_one_task():
    tasks = _parse(_two_owner_register()).tasks
    assert _dates(tasks[0]) == [date(2022, 6, 30), date(2022, 9, 30)]
    assert _dates(tasks[2]) == [date(2022, 11, 30), date(2022, 11, 30)]


def test_a_project_cell_merged_over_different_tasks_still_only_groups_them():
    # The 项目名称 cell over two tasks of their own (each its own 工作任务 cell): two clauses, each
    # with its own unit, as before.
    data = _register(
        [
            ["1.城乡供水保障项目", "新建改造城区供水管网30公里;", "9月", "水利局"],
            [None, "完成农村饮用水达标提标工程5处;", "10月", "水务集团"],
        ],
        ["A3:A4"],
    )
    tasks = _parse(data).tasks
    assert [t.lead_units for t in tasks] == [["水利局"], ["水务集团"]]
    assert [_dates(t) for t in tasks] == [[date(2022, 9, 30)], [date(2022, 10, 31)]]


def test_a_figure_repeated_down_the_rows_is_no_merged_task():
    # `18%` for two places, each its own row and unit: a figure alike in two cells, not one task.
    rows = (
        ["地区", "下降目标", "节能目标", "责任部门"],
        ["甲县", "18%", "16%", "甲县人民政府"],
        ["乙县", "18%", "16%", "乙县人民政府"],
    )

    def build(book):
        for row in rows:
            book.active.append(row)

    tasks = _parse(xlsx_bytes(build)).tasks
    assert [t.lead_units for t in tasks] == [["甲县人民政府"], ["乙县人民政府"]]


# 2. A time cell's numbered steps, a line each.


def test_numbered_dates_a_line_each_are_each_a_milestone():
    data = _register(
        [["3.健康服务项目", "建成社区卫生服务站6个,完成乡镇卫生院改造2所。", "1.2022年6月\n2.2022年12月", "卫健局"]], []
    )
    (task,) = _parse(data).tasks
    assert _dates(task) == [date(2022, 6, 30), date(2022, 12, 31)]


def test_numbered_steps_in_a_text_field_read_alike():
    text = "2022年民生实事任务分解表\n1. 建成社区卫生服务站6个。\n牵头单位:县卫健局\n完成时限:1.2022年6月 2.2022年9月 3.2022年12月\n"
    (task,) = parse_bytes(text.encode(), filename="plan.txt", year=2022).tasks
    assert _dates(task) == [date(2022, 6, 30), date(2022, 9, 30), date(2022, 12, 31)]


def test_the_next_list_number_after_a_date_is_no_day_of_it():
    assert join_spaced_dates("1.2022年6月 2.2022年12月") == "1.2022年6月 2.2022年12月"
    # A PDF's spaced date is still one date.
    assert join_spaced_dates("于2020 年3月 20 日前") == "于2020年3月20日前"


# 3. A table a cell a line, every row padded to the header's width with bare markers.

_WIDTH = 8
_PROGRESS_HEADER = [
    ["序号", "牵头单位", "民生实事项目数量", "项目名称", "业主单位", "推进情况"],
    ["开工情况", "完工情况"],
]
_PROGRESS_ROWS = [
    [
        "一",
        "县交通运输局",
        "县政府民生实事项目(2个)",
        "(一)农村公路提档升级工程",
        "1.城东大道",
        "县交投集团",
        "已开工",
        "主体完工",
    ],
    ["2.滨江路", "县城投公司", "已完工"],
    ["(二)公交站亭改造项目", "县交通运输局", "已开工"],
    ["二", "县卫健委", "县政府民生实事项目(1个)", "(一)社区卫生服务站建设项目", "县卫健委(县城投公司代建)", "已开工"],
]


def _padded(rows: list[list[str]]) -> list[str]:
    """Each row a cell a line closed by ` |`, then its missing cells as one run of bare markers."""
    lines: list[str] = []
    for row in rows:
        lines.extend(f"{cell} |" for cell in row)
        if len(row) < _WIDTH:
            lines.append("|" * (_WIDTH - len(row)))
    return lines


def _progress_table(rows: list[list[str]]) -> str:
    return "\n".join(
        ["2024年县政府民生实事项目进度表", "现将各项目进展情况通报如下:", *_padded(_PROGRESS_HEADER + rows)]
    )


def test_the_lowest_items_of_a_padded_stream_are_the_clauses():
    tasks = parse_bytes(_progress_table(_PROGRESS_ROWS).encode(), filename="table.txt", year=2024).tasks
    assert [t.title for t in tasks] == ["城东大道", "滨江路", "公交站亭改造项目", "社区卫生服务站建设项目"]
    # The section (`一、县交通运输局`) and the project over sub-projects (`(一)农村公路…`) are headings.


def test_the_section_unit_leads_and_the_owner_helps():
    tasks = parse_bytes(_progress_table(_PROGRESS_ROWS).encode(), filename="table.txt", year=2024).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (["县交通运输局"], ["县交投集团"]),
        (["县交通运输局"], ["县城投公司"]),
        (["县交通运输局"], []),
        (["县卫健委"], ["县城投公司"]),
    ]
    assert not any(m.time_expression for t in tasks for m in t.milestones)  # progress dates nothing


def test_the_stream_is_cut_into_rows_by_the_headers_width():
    lines = [(line, True) for line in _padded(_PROGRESS_HEADER + _PROGRESS_ROWS)]
    found = padded_stream(lines, 0)
    assert found is not None
    end, table = found
    assert end == len(lines)
    assert table.rows[0] == tuple(_PROGRESS_HEADER[0])
    assert ("一、县交通运输局",) * 6 in table.rows and ("(一)农村公路提档升级工程",) * 6 in table.rows
    assert ("", "县交通运输局", "", "2.滨江路", "县城投公司", "已完工") in table.rows
    # Both cells under the sub-columns of `推进情况` are the row's progress.
    assert ("", "县交通运输局", "县政府民生实事项目(2个)", "1.城东大道", "县交投集团", "已开工 主体完工") in table.rows
    # A section of one row: its serial beside a name that numbers itself heads it all the same.
    assert table.rows[-2:] == (
        ("二、县卫健委",) * 6,
        ("", "县卫健委", "县政府民生实事项目(1个)", "(一)社区卫生服务站建设项目", "县卫健委(县城投公司代建)", "已开工"),
    )


def test_a_stream_with_its_empty_cells_dropped_is_left_to_the_other_readers():
    # The same rows with no markers for the missing cells: nothing tells where a row ends but its
    # serial, which `pipe_tables` reads.
    lines = [(f"{cell} |", True) for row in _PROGRESS_HEADER + _PROGRESS_ROWS for cell in row]
    assert padded_stream(lines, 0) is None


def test_a_padded_stream_whose_rows_lost_nothing_is_left_to_the_other_readers():
    rows = [["1", "县交通运输局", "2个", "城东大道改造", "县交投集团", "已开工"]] * 3
    lines = [(line, True) for line in _padded([_PROGRESS_HEADER[0], *rows])]
    assert padded_stream(lines, 0) is None


def test_an_agent_builder_in_brackets_helps_the_owner():
    text = "2024年民生实事任务分解\n1. 新建社区卫生服务站3个。\n责任单位:县卫健委(县城投公司代建)\n"
    (task,) = parse_bytes(text.encode(), filename="plan.txt", year=2024).tasks
    assert (task.lead_units, task.co_units) == (["县卫健委"], ["县城投公司"])


def test_a_header_ending_in_its_count_is_a_count_column():
    assert meaning("民生实事项目数量") == NOTE
    assert meaning("项目个数") == NOTE
    assert meaning("项目名称") == TITLE
