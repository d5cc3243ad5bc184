"""Tables a web page stored as text a row a line, cells set apart by spaces, whose header orders
the columns otherwise than 序号 / 重点任务 / 牵头单位 / 配合单位 (docs/parsing.md, "Tables").

A row's words come in the header's order, as its cells do in a cell-a-line table
(`flat_tables._cell_rows`): where the header puts the unit columns before the task
(序号 / 牵头单位 / 配合单位 / 重点任务 / 完成时限), the row's first words are its units and the task
comes after them; and every task has a lead while its helpers may be none, so a row that dropped
an empty cell lost a helping one: a lone unit is the lead wherever the header puts 配合单位.
Each document is made up to state the convention; none is a corpus document."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes


def _read(lines: list[str]):
    return parse_bytes("\n".join(lines).encode("utf-8"), filename="plan.txt").tasks


def test_a_row_a_line_under_a_header_with_the_units_first_names_its_units_before_its_task():
    """序号 牵头单位 配合单位 重点任务 完成时限, empty cells dropped: the row's first words fill the
    unit columns (a word each, in order, as long as they name units), the task's text follows them
    (spaces of its own and all), and a date closes the row where the header puts one last; a row
    with one unit before its task dropped its empty 配合 cell, and a row with no date its 完成时限."""
    tasks = _read(
        [
            "测区2024年重点任务分工方案",
            "序号 牵头单位 配合单位 重点任务 完成时限",
            "一、提升政务服务水平",
            "1 区政务服务中心 区大数据局、区司法局 推进政务服务事项 “一网通办”,优化办事流程。 2024年12月底前",
            "2 区市场监管局 开展涉企检查“综合查一次”。 2024年6月底前",
            "二、优化营商环境",
            "3 区发改局 区财政局 完善企业诉求闭环办理机制,推行 “一企一策” 服务。",
            "4 区教育局 新建幼儿园2所。",
        ]
    )
    assert [(t.label, t.lead_units, t.co_units, t.area) for t in tasks] == [
        ("1", ["区政务服务中心"], ["区大数据局", "区司法局"], 1),
        ("2", ["区市场监管局"], [], 1),
        ("3", ["区发改局"], ["区财政局"], 2),
        ("4", ["区教育局"], [], 2),
    ]
    assert tasks[0].text.splitlines()[0] == "推进政务服务事项 “一网通办”,优化办事流程。"
    assert tasks[2].text.splitlines()[0] == "完善企业诉求闭环办理机制,推行 “一企一策” 服务。"
    deadlines = [[m.due_date.isoformat() for m in t.milestones if m.kind == "deadline"] for t in tasks]
    assert deadlines == [
        ["2024-12-31"],
        ["2024-06-30"],
        [],
        [],
    ]


def test_a_row_a_line_with_the_units_first_keeps_a_task_that_names_a_unit_or_breaks_below():
    """The same header: the task keeps a word before the date that closes the row, so a short task
    that reads as a unit's name (`建设文化馆。`) is no 配合 cell; and a task cell broken across lines
    (a `<br>` in the web cell) puts its rest and the row's last cells on the line below."""
    tasks = _read(
        [
            "测区2024年重点任务分工方案",
            "序号 牵头单位 配合单位 重点任务 完成时限",
            "1 区发改局 区财政局 完善企业诉求闭环办理机制,",
            "推行一企一策服务。 2024年6月底前",
            "2 区文旅局 建设文化馆。 2024年9月底前",
            "3 区文旅局 区财政局 建设图书馆。 2024年10月底前",
        ]
    )
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("1", ["区发改局"], ["区财政局"]),
        ("2", ["区文旅局"], []),
        ("3", ["区文旅局"], ["区财政局"]),
    ]
    assert [t.text.splitlines()[0] for t in tasks] == [
        "完善企业诉求闭环办理机制,推行一企一策服务。",
        "建设文化馆。",
        "建设图书馆。",
    ]
    deadlines = [[m.due_date.isoformat() for m in t.milestones if m.kind == "deadline"] for t in tasks]
    assert deadlines == [["2024-06-30"], ["2024-09-30"], ["2024-10-31"]]


def test_a_row_a_line_with_the_units_first_and_empty_cells_kept_as_a_second_space():
    """The same header, an empty cell kept as two spaces: it holds its column, so the word after an
    empty 配合单位 is the task's, and a trimmed line end is an empty 完成时限."""
    tasks = _read(
        [
            "测县2024年民生实事分工",
            "序号 牵头单位 配合单位 重点任务 完成时限",
            "1 县教育局 县住建局、县财政局 新建幼儿园2所。 2024年12月底前",
            "2 县卫健委  实施基层医疗机构提升工程。 2024年9月底前",
            "3 县交通运输局 各乡镇 推进农村公路提升工程。",
        ]
    )
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("1", ["县教育局"], ["县住建局", "县财政局"]),
        ("2", ["县卫健委"], []),
        ("3", ["县交通运输局"], ["各乡镇"]),
    ]
    assert tasks[1].text.startswith("实施基层医疗机构提升工程")
    assert [m.due_date.isoformat() for m in tasks[1].milestones if m.kind == "deadline"] == ["2024-09-30"]


def test_a_row_a_line_whose_header_puts_the_helping_units_first_leads_with_a_lone_unit():
    """序号 重点任务 配合单位 牵头单位 完成时限, empty cells dropped: every task has a lead and may have
    no helpers, so a row with one unit lost its empty 配合 cell and the unit is its lead (placed
    left to right it went under 配合单位, leaving the task no lead); a row with both keeps them in
    the header's order, and one with no date keeps its units."""
    tasks = _read(
        [
            "测区2024年民生实事分工",
            "序号 重点任务 配合单位 牵头单位 完成时限",
            "1 新建幼儿园2所。 区住建局、区财政局 区教育局 2024年12月底前",
            "2 实施校园安全提升工程。 区教育局 2024年6月底前",
            "3 推进农村公路提升工程。 各镇 区交通运输局",
            "4 开展农村人居环境整治。 区农业农村局",
        ]
    )
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("1", ["区教育局"], ["区住建局", "区财政局"]),
        ("2", ["区教育局"], []),
        ("3", ["区交通运输局"], ["各镇"]),
        ("4", ["区农业农村局"], []),
    ]
    assert [m.due_date.isoformat() for m in tasks[1].milestones if m.kind == "deadline"] == ["2024-06-30"]


@pytest.mark.parametrize("kept", [False, True], ids=["dropped", "kept"])
def test_a_row_a_line_with_the_helping_units_first_and_the_task_first(kept):
    """The helping units before the lead, the first row with no helpers: a lone unit leads the
    first row too, which starts the table, whether its empty 配合 cell was dropped or kept as a
    second space (a kept one holds its column, as before)."""
    gap = "  " if kept else " "
    tasks = _read(
        [
            "测市2024年重点工作分工",
            "序号 工作任务 协办部门 牵头部门 时间节点",
            f"1 建设市民服务中心。{gap}市住建局 2024年12月底前",
            "2 推进智慧城市建设。 市大数据局、市财政局 市工信局 2024年10月底前",
        ]
    )
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (["市住建局"], []),
        (["市工信局"], ["市大数据局", "市财政局"]),
    ]
