"""Conventions met in blind round 8 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document


def test_a_heading_that_is_a_governments_name_gives_it_every_item_below_down_to_the_lowest():
    # A provincial key-project list grouped by the government that answers for each group: the
    # heading is nothing but the unit's name, the projects are the lowest items (numbered lines,
    # and the unnumbered list under a sub-heading with no numbered lines).
    doc = parse_document(
        "2015年全省重点项目责任分工\n"
        "一、三亚市政府\n"
        "(一)重点项目(3个)。\n"
        "1.竣工项目(1个):三亚国际邮轮码头二期。\n"
        "2.续建项目(2个):凤凰机场扩建工程、崖州湾科技城道路工程。\n"
        "(二)预备重点项目(1个)。\n"
        "海棠湾国际会展中心。\n"
        "二、定安县政府\n"
        "(一)重点项目(1个)。\n"
        "1.新开工项目(1个):定安塔岭工业园标准厂房。\n"
    )
    assert [(t.title[:6], t.lead_units, t.co_units) for t in doc.tasks] == [
        ("竣工项目(1", ["三亚市政府"], []),
        ("续建项目(2", ["三亚市政府"], []),
        ("预备重点项目", ["三亚市政府"], []),
        ("新开工项目(", ["定安县政府"], []),
    ]


def test_a_goal_heading_that_ends_in_government_names_no_unit():
    # `一、着力构建高效协同的数字政府` is a goal, not the 政府 that answers for the items below it.
    doc = parse_document(
        "2023年数字政府建设工作要点\n"
        "一、着力构建高效协同的数字政府\n"
        "1.深化政务服务网上办。(牵头单位:市行政审批服务局)\n"
        "2.推进数据共享。(牵头单位:市大数据中心)\n"
        "3.优化掌上办功能。推动高频事项移动端办理。\n"
    )
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("1", ["市行政审批服务局"]),
        ("2", ["市大数据中心"]),
        ("3", []),
    ]


def test_a_carry_sentence_naming_what_every_later_task_involves_adds_those_units():
    # `以下各项任务均涉及X,不再列出`: X is a unit of every later task, as `以下均需X落实,不再列出` is.
    doc = parse_document(
        "2023年推动沿黄城市一体化发展若干举措\n"
        "一、完善基础设施\n"
        "(一)建设城际快速路网。(责任单位:自治区交通运输厅、财政厅,三市人民政府按职责分工负责。"
        "以下各项任务均涉及三市人民政府,不再列出)\n"
        "(二)推进城际公交一体化。(责任单位:自治区交通运输厅)\n"
        "(三)共建供水管网。(责任单位:自治区水利厅)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["自治区交通运输厅"], ["财政厅", "三市人民政府"]),
        (["自治区交通运输厅"], ["三市人民政府"]),
        (["自治区水利厅"], ["三市人民政府"]),
    ]


def test_a_group_or_some_of_it_is_the_group():
    # `四市或部分市人民政府`: the four cities' governments, or some of them, are one addressee.
    doc = parse_document(
        "2023年区域协同发展工作方案\n"
        "1.共建产业合作园区。(责任单位:自治区发展改革委,四市或部分市人民政府)\n"
        "2.推进政务服务跨市通办。(责任单位:自治区政务服务局,四市人民政府)\n"
    )
    assert [t.co_units for t in doc.tasks] == [["四市人民政府"], ["四市人民政府"]]
