"""Conventions met in blind round 44 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (a district's task table of
its government work report, which a web page flattened a row a line with spaces between cells, under a
header with no date column). A row whose lead cell the page wrote a unit a line ends in its co cell
alone on a line, one list of units joined by `,` and `、` with no space in it: at the round's first look
that list was read as one more lead unit, the row was left without its co cell, and the table ended
there, losing every row after it.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int = 2025):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_TABLE = (
    "某县2025年政府工作报告重点工作任务分解表\n"
    "序号 重点工作任务 主要责任单位 协同配合单位\n"
    "1 城乡居民收入增长6%左右。 县人社局 县农业农村局、县统计局。\n"
    "2 一般公共预算收入增长4%左右。 县财政局\n"
    "县税务局\n"
    "县政府有关部门,各乡镇人民政府,县经开区管委会。\n"
    "3 粮食产量稳定在50万吨以上。 县农业农村局 县水利局、县气象局。\n"
)


def test_a_list_of_units_after_a_unit_a_line_is_the_row_s_next_cell():
    doc = _parse(_TABLE)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县人社局"], ["县农业农村局", "县统计局"]),
        (["县财政局", "县税务局"], ["县政府有关部门", "各乡镇人民政府", "县经开区管委会"]),
        # The row after it is the table's still.
        (["县农业农村局"], ["县水利局", "县气象局"]),
    ]


def test_a_group_written_with_commas_inside_brackets_is_still_one_more_name():
    # A comma inside a bracket is part of one name (here a note the parser leaves out); the row's line
    # after it still gives its co cell.
    doc = _parse(
        "某县2025年重点工作任务分解表\n"
        "序号 重点工作任务 牵头单位 配合单位 完成时限\n"
        "1 推进城区供水管网改造。 县住建局\n"
        "县城投公司(含水务,燃气)\n"
        "县财政局、县自然资源局 2025年10月底\n"
        "2 建成县域医共体信息平台。 县卫健委 县数据局 2025年12月底\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县住建局", "县城投公司"], ["县财政局", "县自然资源局"]),
        (["县卫健委"], ["县数据局"]),
    ]
