"""Conventions met in blind round 12 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_document


def _dates(task):
    return sorted(m.due_date for m in task.milestones if m.due_date)


def test_units_that_lead_and_carry_it_out_are_the_lead():
    # `X牵头落实` says X leads and carries the measure out, as `X牵头负责` does.
    doc = parse_document(
        "2019年工作要点\n1.开展政策解读。(市司法局牵头落实)\n2.公开预算决算。(市财政局、市审计局分别牵头落实)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市司法局"], []),
        (["市财政局", "市审计局"], []),
    ]


def test_measures_each_followed_by_a_unit_line_under_a_heading_are_a_clause_each():
    # A 实施方案 table flattened a cell a line: a heading cell, then each 主要内容 cell followed by
    # its 责任单位 cell. Each measure with its unit line is a clause; the heading is no clause's text.
    doc = parse_document(
        "2018年政务公开工作要点实施方案\n一、以公开促落实\n(一)推进决策公开\n"
        "重大行政决策事项目录于每年3月底前向社会公布,广泛听取公众意见。\n"
        "区政府办公室牵头落实\n"
        "完善政府常务会议开放制度,邀请利益相关方列席会议。\n"
        "区司法局、区政务服务中心分别牵头落实\n"
    )
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("(一)-1", ["区政府办公室"]),
        ("(一)-2", ["区司法局", "区政务服务中心"]),
    ]
    assert doc.tasks[0].text.startswith("重大行政决策事项目录")
    assert _dates(doc.tasks[0]) == [date(2018, 3, 31)]


def test_a_unit_line_closing_an_enumeration_of_problems_is_the_headings():
    # A 整改 list: a place, its problems `(1)…;` `(2)…。`, then who answers for them all. The
    # line is the place's item, not the last problem's, and the problems are its text.
    doc = parse_document(
        "2021年问题整改清单\n1. 城南农贸市场\n(1)地面积水未及时清扫;\n(2)消防通道被占用。\n"
        "问题整改责任单位:区市场监管局\n"
        "2. 人民公园\n(1)公厕卫生较差;\n(2)宣传栏破损。\n问题整改责任单位:区城管局\n"
    )
    assert [(t.label, t.lead_units) for t in doc.tasks] == [("1", ["区市场监管局"]), ("2", ["区城管局"])]
    assert "消防通道被占用" in doc.tasks[0].text


def test_a_rectification_deadline_field_ends_the_unit_list_on_its_line():
    # `问题整改责任单位:A 整改时限:5天`: the deadline is a field of its own, never a unit.
    doc = parse_document(
        "2021年问题整改清单\n1.城东菜市场卫生死角较多。\n问题整改责任单位:区商务局 整改时限:5天\n"
        "2.背街小巷垃圾未清运。\n问题整改责任单位:区城管局、东城街道 整改时限:2021年9月30日前\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["区商务局"], []),
        (["区城管局"], ["东城街道"]),
    ]
    assert _dates(doc.tasks[1]) == [date(2021, 9, 30)]
