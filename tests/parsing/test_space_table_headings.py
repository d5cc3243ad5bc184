"""A task table flattened a row a line with spaces between cells, with heading rows across it.

Written from the convention, not copied from a document. A 任务分解表 that groups its rows under
merged heading rows (`一、经济发展` over rows 1, 2; `二、民生保障` over rows numbered again from 1) and
that a page writes a row a line with spaces between cells: the heading rows are lines of their
own. Before, the first heading ended the table, and the document came out as its two headings
with no units.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes

_TABLE = (
    "关于印发某县2024年重点工作任务分解表的通知\n"
    "序号{s}重点任务{s}牵头单位{s}配合单位{s}完成时限\n"
    "一、经济发展\n"
    "1{s}加快推进产业园区基础设施建设{s}县发改局{s}县财政局、县自然资源局{s}2024年6月底前\n"
    "2{s}推进老旧厂房改造利用{s}县经信局{s}各乡镇人民政府{s}2024年10月底前\n"
    "二、民生保障\n"
    "1{s}新建改造城市供水管网{s}县住建局{s}县水务局{s}2024年12月底前\n"
    "2{s}新建公办幼儿园{s}县教育局{s}县财政局{s}2024年9月底前\n"
    "三、组织保障\n"
    "各单位要高度重视,按时报送进展情况。\n"
)


@pytest.mark.parametrize("space", [" ", "  ", "\u3000"])
def test_heading_rows_group_the_rows_below_them(space):
    doc = parse_bytes(_TABLE.format(s=space).encode(), filename="doc.txt", year=2024)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("一.1", ["县发改局"], ["县财政局", "县自然资源局"]),
        ("一.2", ["县经信局"], ["各乡镇人民政府"]),
        ("二.1", ["县住建局"], ["县水务局"]),
        ("二.2", ["县教育局"], ["县财政局"]),
    ]
    assert [[m.due_date.isoformat() for m in t.milestones if m.kind == "deadline"] for t in doc.tasks] == [
        ["2024-06-30"],
        ["2024-10-31"],
        ["2024-12-31"],
        ["2024-09-30"],
    ]


def test_a_heading_line_that_holds_a_sentence_ends_the_table():
    doc = parse_bytes(
        (
            "某县2024年任务分解表\n"
            "序号 重点任务 牵头单位 完成时限\n"
            "1 加快推进产业园区建设 县发改局 2024年6月底前\n"
            "一、各单位要高度重视。按时报送进展情况,确保各项任务落到实处。\n"
            "2 不是表格的一行文字 县财政局 2024年9月底前\n"
        ).encode(),
        filename="doc.txt",
        year=2024,
    )
    assert (doc.tasks[0].label, doc.tasks[0].lead_units) == ("1", ["县发改局"])
    # The sentence is no heading row: the line after it is not read as the table's row 一.2.
    assert all(t.label != "一.2" and t.lead_units != ["县财政局"] for t in doc.tasks)
