"""Conventions met in blind round 29 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (芜湖's 2019 重点工作任务
分解表). At the round's first look the parser did not find a table flattened a cell a line whose
task column's header cell a justified table had spread with spaces (`目   标   与   任   务`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.spread_cells import unspread


def test_a_header_cell_spread_by_spaces_is_the_word_it_spells():
    assert unspread("  目   标   与   任   务 ") == "目标与任务"
    assert unspread("责 任 单 位") == "责任单位"
    # Words are not single characters: a cell of two words stays as it is.
    assert unspread("牵头单位 配合单位") == "牵头单位 配合单位"
    assert unspread("  12  ") == "12"


def test_a_cell_a_line_table_with_a_spread_task_header_is_read():
    doc = parse_bytes(
        (
            "某县人民政府办公室关于分解下达2018年度县政府重点工作任务的通知\n"
            "各乡镇人民政府,县政府各部门:\n"
            "现将2018年度县政府重点工作任务分解下达给你们,请认真组织实施。\n"
            "某县人民政府办公室\n"
            "2018年3月2日\n"
            "附件\n"
            "2018年度县政府重点工作任务分解表\n"
            "序    号\n"
            "工   作   任   务\n"
            "牵头责任单位\n"
            "责  任  单  位\n"
            "     1      \n"
            "新建改建农村公路120公里。\n"
            "县交通运输局\n"
            "各乡镇人民政府、县财政局\n"
            "     2      \n"
            "新增城镇就业3000人。\n"
            "县人社局\n"
            "县发改局\n"
        ).encode(),
        filename="doc.txt",
        year=2018,
    )
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["县交通运输局"], ["各乡镇人民政府", "县财政局"]),
        ("2", ["县人社局"], ["县发改局"]),
    ]
