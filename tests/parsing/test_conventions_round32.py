"""Conventions met in blind round 32 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (three 辽宁 分工方案 of
2025 and 2026, a province's and a city's). At the round's first look the parser read every
bracket and label line right but one: a 责任单位 line that names a group of levels joined by 、 and
then, after 及, another unit (`各区、县(市)政府及开发区管委会`) had its group split at the 、 into two
units. The other forms the round met, several leads before `等牵头` with the co units after the
comma, and a bracket whose units all `按职责分工负责` with no lead named (the first leads), the corpus
already read; they are stated here too, as the round confirmed them.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int = 2026):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _plan(unit_line: str) -> str:
    return (
        "某市2026年重点工作分工方案\n"
        "一、稳住经济大盘\n"
        "(一)抓好项目建设。\n"
        "1.持续做好重大项目谋划储备工作,加快在建项目进度。\n"
        "牵头单位:市发展改革委\n"
        f"{unit_line}\n"
        "2.落实各项惠企政策,帮助企业解决融资难题。\n"
        "牵头单位:市工业和信息化局\n"
        "责任单位:市金融局\n"
    )


def test_a_group_of_levels_stays_one_addressee_before_and_after_a_joiner():
    doc = _parse(_plan("责任单位:市住建局等有关部门,各区、县(市)政府及开发区管委会"))
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市发展改革委"], ["市住建局", "各区、县(市)政府", "开发区管委会"]),
        (["市工业和信息化局"], ["市金融局"]),
    ]


def test_a_group_joined_by_he_to_a_unit_after_it():
    doc = _parse(_plan("责任单位:市财政局,各县、市、区人民政府和市直有关部门"))
    assert doc.tasks[0].co_units == ["市财政局", "各县、市、区人民政府", "市直有关部门"]


def test_a_group_without_a_joiner_is_unchanged():
    doc = _parse(_plan("责任单位:市财政局,各区、县(市)政府"))
    assert doc.tasks[0].co_units == ["市财政局", "各区、县(市)政府"]


def test_a_unit_name_holding_he_is_still_one_unit_after_a_group():
    # `人力资源和社会保障局` holds 和 inside its name: no group continues into it.
    doc = _parse(_plan("责任单位:各区、县(市)政府,市人力资源和社会保障局"))
    assert doc.tasks[0].co_units == ["各区、县(市)政府", "市人力资源和社会保障局"]


def test_several_leads_before_deng_qiantou_and_co_units_after_the_comma():
    doc = _parse(
        "某省2026年重点工作分工方案\n"
        "一、推动完成全年经济社会发展主要预期目标。〔省发展改革委、省财政厅等牵头,省直有关单位按职责分工负责〕\n"
        "二、出台一批降低企业成本的务实举措。(省发展改革委牵头,省财政厅、省税务局等按职责分工负责)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["省发展改革委", "省财政厅"], ["省直有关单位"]),
        (["省发展改革委"], ["省财政厅", "省税务局"]),
    ]


def test_units_that_all_act_by_their_duties_are_led_by_the_first():
    doc = _parse(
        "某省2025年重点工作分工方案\n"
        "一、对全年主要预期目标完成情况进行监测和督导。(省发展改革委、省统计局、省财政厅等按职责分工负责)\n"
        "二、加快重大项目建设。(省发展改革委牵头,省交通运输厅按职责分工负责)\n",
        year=2025,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["省发展改革委"], ["省统计局", "省财政厅"]),
        (["省发展改革委"], ["省交通运输厅"]),
    ]
