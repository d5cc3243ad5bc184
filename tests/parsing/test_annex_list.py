"""A notice's 附件说明 (GB/T 9704: `附件:1.…`, the next attachments `2.…` on the lines below) names
files, not items of the plan: its `2.` is no clause, whatever the plan's own numbering. No database."""

from __future__ import annotations

from policy_tasks.parsing import parse_document

NOTICE = """测县人民政府办公室关于印发2024年重点工作任务分解的通知
各乡镇人民政府,县直各单位:
现将有关任务分解印发给你们,请认真贯彻落实。
附件:1.2024年县政府重点工作任务分解表
2.十件民生实事任务分解表
3.重点项目清单
测县人民政府办公室
2024年3月1日
附件1
2024年县政府重点工作任务分解表
"""


def _read(plan: str) -> list[tuple[str, list[str]]]:
    return [(t.label, t.lead_units) for t in parse_document(NOTICE + plan).tasks]


def test_the_attachments_named_under_a_notice_are_no_clauses():
    plan = (
        "1.加快推进产业园建设,6月底前完成主体工程。(牵头单位:县发改局;配合单位:县财政局)\n"
        "2.实施农村公路提升工程。(牵头单位:县交通运输局)\n"
        "3.新建幼儿园2所。(牵头单位:县教育局;配合单位:县住建局)\n"
    )
    assert _read(plan) == [("1", ["县发改局"]), ("2", ["县交通运输局"]), ("3", ["县教育局"])]


def test_a_numbered_line_naming_its_units_after_the_list_is_an_item():
    # The list is names of files: a line that says who is responsible is the plan's, even numbered on.
    text = "附件:1.任务分解表\n2.加快推进产业园建设。(牵头单位:县发改局)\n3.新建幼儿园2所。(牵头单位:县教育局)\n"
    assert [(t.label, t.lead_units) for t in parse_document(text, year=2024).tasks] == [
        ("2", ["县发改局"]),
        ("3", ["县教育局"]),
    ]
