"""Conventions met in blind round 15 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_document


def test_a_header_cell_merged_over_sub_columns_and_written_once_spreads_over_them():
    # A web page flattening a project table writes the merged `资金来源` once, makes up the cells it
    # spans as empty ones at the header line's end, and names the sub-columns on the next line;
    # the columns after it (time, unit, person) are then read where the rows put them. The total
    # row is no task, and a column of money is no deadline.
    doc = parse_document(
        "某县2023年农村道路项目计划表\n"
        "序号 | 项目名称 | 总投资 | 资金来源 | 实施期限 | 责任单位 | 责任人 | ||\n"
        "中央资金 | 省级资金 | 县级资金 | |||||\n"
        "合计 | 900 | 300 | 300 | 300 | ||||\n"
        "1 | 东村道路硬化 | 500 | 200 | 200 | 100 | 2023年4月到9月 | 东镇人民政府 | 王海 |\n"
        "2 | 西村桥梁加固 | 400 | 100 | 100 | 200 | 2023年10月 | 西镇人民政府 | 李明 |\n"
    )
    assert [(t.title, t.lead_units, t.leaders) for t in doc.tasks] == [
        ("东村道路硬化", ["东镇人民政府"], ["王海"]),
        ("西村桥梁加固", ["西镇人民政府"], ["李明"]),
    ]
    assert [[m.due_date for m in t.milestones] for t in doc.tasks] == [[date(2023, 9, 30)], [date(2023, 10, 31)]]
    assert not [w for w in doc.warnings if "时间表述" in w.message]


def test_a_unit_column_merged_over_lead_and_co_columns_spreads_over_them():
    # `责任单位` over `牵头单位 | 配合单位`, the merged cell written once: the second unit is a co
    # unit, and the deadline after it stays a deadline.
    doc = parse_document(
        "2024年城区环境整治任务分工\n"
        "序号 | 整治任务 | 责任单位 | 完成时限 | |\n"
        "牵头单位 | 配合单位 | | |\n"
        "1 | 清理背街小巷乱堆乱放 | 区城管局 | 各街道办事处 | 6月底前 |\n"
        "2 | 规范农贸市场周边秩序 | 区市场监管局 | 区城管局 | 9月底前 |\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["区城管局"], ["各街道办事处"]),
        (["区市场监管局"], ["区城管局"]),
    ]
    assert [[m.due_date for m in t.milestones] for t in doc.tasks] == [[date(2024, 6, 30)], [date(2024, 9, 30)]]


def test_a_bare_department_column_beside_a_responsibility_column_helps():
    # `部门` (the department in charge of the item) and `责任单位` (who does it): the latter leads.
    doc = parse_document(
        "2022年农业产业项目清单\n"
        "序号 | 部门 | 项目名称 | 责任单位 | 完成时间 |\n"
        "1 | 县农业农村局 | 茶叶加工厂改造 | 南镇人民政府 | 2022年11月 |\n"
    )
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == (["南镇人民政府"], ["县农业农村局"])


def test_a_column_of_money_is_no_deadline():
    # `计划投资(万元)` says 计划 but holds figures: no 完成时限, no warning about an unread date.
    doc = parse_document(
        "2023年重点项目责任分解\n"
        "序号 | 项目名称 | 计划投资(万元) | 责任单位 | 完成时间 |\n"
        "1 | 县医院门诊楼 | 12000 | 县卫生健康局 | 2023年12月 |\n"
    )
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2023, 12, 31)]
    assert "12000" not in " ".join(m.text for m in doc.tasks[0].milestones)
    assert not [w for w in doc.warnings if "时间表述" in w.message]
