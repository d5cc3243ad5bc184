"""Leftovers of blind round 29 and before (docs/parsing.md), each a convention in a document of its own.

Written from the conventions, not copied from the documents that showed them: an item whose text
opens with its deadline writes its dot straight before the month or the count of years
(`1.10月底前…`, `2.5年内…`), and is no decimal; a plan of one numbered clause, flattened into a
paragraph, is that clause where its text names the units that answer for it; a bare `下同` closing a
plain list carries the list on, also when a carry sentence follows it in the same bracket; a tax
deduction's rate (`加计扣除比例提高至100%`) is a benefit's level, no target of the units' work.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import ParseError, parse_bytes

_DEADLINE_FIRST = (
    "某区2024年城乡环境整治提升实施方案\n"
    "为进一步改善城乡环境,制定本方案。\n"
    "一、重点任务\n"
    "1.10月底前完成老旧小区改造30个,惠及居民1.2万户。(责任单位:区住建局、各街道)\n"
    "2.5年内实现农村生活垃圾分类全覆盖,回收利用率提高1.5%。(责任单位:区城管局、区农业农村局)\n"
    "3.实施农村公路提升工程,全年投入1.5亿元。(责任单位:区交通运输局)\n"
)


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _milestones(task) -> list[tuple[str, date | None]]:
    return [(m.text, m.due_date) for m in task.milestones]


def test_an_item_that_opens_with_its_month_or_its_years_is_numbered_so():
    doc = _parse(_DEADLINE_FIRST)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["区住建局"], ["各街道"]),
        ("2", ["区城管局"], ["区农业农村局"]),
        ("3", ["区交通运输局"], []),
    ]
    assert _milestones(doc.tasks[0]) == [("10月底前完成老旧小区改造30个", date(2024, 10, 31))]
    # `5年内` is a span of years, no year end; the decimals stay figures of their targets.
    assert ("5年内实现农村生活垃圾分类全覆盖", None) in _milestones(doc.tasks[1])
    assert ("回收利用率提高1.5%", date(2024, 12, 31)) in _milestones(doc.tasks[1])
    assert _milestones(doc.tasks[2]) == [("全年投入1.5亿元", date(2024, 12, 31))]


def test_a_list_starting_with_a_span_of_years_goes_on_to_a_month():
    text = _DEADLINE_FIRST.replace("1.10月底前完成老旧小区改造30个,惠及居民1.2万户。", "1.3年内完成老旧小区改造。")
    text = text.replace("2.5年内实现", "2.9月份实现")
    doc = _parse(text)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    assert _milestones(doc.tasks[0]) == [("3年内完成老旧小区改造", None)]
    assert _milestones(doc.tasks[1])[0] == ("9月份实现农村生活垃圾分类全覆盖", date(2024, 9, 30))


def test_a_flattened_paragraph_cuts_before_an_item_that_opens_with_its_month():
    text = (
        "某区2024年城乡环境整治提升实施方案\n"
        "一、重点任务。1.10月底前完成老旧小区改造30个。(责任单位:区住建局、各街道)2.实施农村公路提升工程,"
        "全年投入1.5亿元。(责任单位:区交通运输局)3.5年内实现农村生活垃圾分类全覆盖。(责任单位:区城管局)\n"
    )
    doc = _parse(text)
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("1", ["区住建局"]),
        ("2", ["区交通运输局"]),
        ("3", ["区城管局"]),
    ]
    assert _milestones(doc.tasks[0]) == [("10月底前完成老旧小区改造30个", date(2024, 10, 31))]
    assert _milestones(doc.tasks[2]) == [("5年内实现农村生活垃圾分类全覆盖", None)]


def test_decimals_and_numbers_out_of_sequence_stay_figures():
    text = (
        "某区2024年农业发展实施方案\n"
        "一、重点任务\n"
        "1.稳定粮食生产。全年粮食播种面积稳定在30万亩以上,计划用\n"
        "1.5年内完成高标准农田建设。(责任单位:区农业农村局)\n"
        "2.增加农民收入。农民人均可支配收入增长1.5%以上。1.5亿元专项资金用于产业发展。(责任单位:区财政局)\n"
        "3.推进农村改革。9月底前完成改革任务。1.10月份开展督查。(责任单位:区农经中心)\n"
    )
    doc = _parse(text)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    assert "1.5年内完成高标准农田建设" in doc.tasks[0].text
    assert "1.10月份开展督查" in doc.tasks[2].text


_ONE_CLAUSE = "某县2024年农村饮用水安全保障实施方案\n为切实保障农村群众饮水安全,结合我县实际,制定本方案。{item}\n"


@pytest.mark.parametrize(
    ("item", "label"),
    [
        ("1.完善农村供水工程建设,6月底前全部完工。(责任单位:县水利局、县财政局)", "1"),
        (" 一、完善农村供水工程建设,6月底前全部完工。(县水利局牵头,县财政局配合)各乡镇要加强协调。", "一"),
        ("(一)完善农村供水工程建设,6月底前全部完工。责任单位:县水利局、县财政局", "(一)"),
    ],
)
def test_a_plan_of_one_numbered_clause_is_that_clause(item, label):
    doc = _parse(_ONE_CLAUSE.format(item=item))
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [(label, ["县水利局"], ["县财政局"])]
    assert _milestones(doc.tasks[0]) == [("6月底前全部完工", date(2024, 6, 30))]


@pytest.mark.parametrize(
    "item",
    [
        "1.强化组织领导,压实工作责任。",  # an item that names no one
        "一、二季度完成农村供水工程建设。(县水利局、县财政局)",  # numbers listed, no item's
        "全年投入1.5亿元,其中1.完善供水设施。(责任单位:县水利局)",  # no sentence end before the number
    ],
)
def test_prose_with_a_stray_number_is_no_clause(item):
    with pytest.raises(ParseError):
        _parse(_ONE_CLAUSE.format(item=item))


_CARRIED = (
    "某市促进外贸稳增长实施方案\n"
    "一、稳定外贸主体\n"
    "(一)支持企业拓市场。组织企业参加境外展会200场次以上。{bracket}\n"
    "(二)加大出口信用保险支持。扩大短期险覆盖面。\n"
    "(三)强化外贸金融服务。(人行市中心支行、市金融办)\n"
)


def _units(text: str) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units) for t in _parse(text).tasks]


def test_a_bare_carry_and_a_carry_sentence_in_one_bracket_both_govern():
    bracket = "(市商务局、市财政局,下同。以下均需各县(市、区)政府落实,不再列出)"
    assert _units(_CARRIED.format(bracket=bracket)) == [
        ("(一)", ["市商务局"], ["市财政局"]),
        ("(二)", ["市商务局"], ["市财政局", "各县(市、区)政府"]),
        ("(三)", ["人行市中心支行"], ["市金融办", "各县(市、区)政府"]),
    ]


def test_a_bare_carry_closing_a_plain_list_carries_it():
    assert _units(_CARRIED.format(bracket="(市商务局、市财政局,下同)")) == [
        ("(一)", ["市商务局"], ["市财政局"]),
        ("(二)", ["市商务局"], ["市财政局"]),
        ("(三)", ["人行市中心支行"], ["市金融办"]),
    ]


def test_a_reading_rules_carry_still_carries_no_unit():
    # `列第一位的为牵头单位,下同` carries the rule: the sentence's units alone govern what follows.
    bracket = "(市商务局、市财政局,列第一位的为牵头单位,下同。以下均需各县(市、区)政府落实,不再列出)"
    assert _units(_CARRIED.format(bracket=bracket))[1] == ("(二)", [], ["各县(市、区)政府"])


def test_a_tax_deductions_rate_is_a_benefit_and_a_rate_to_reach_a_target():
    text = (
        "某市支持科技型企业发展实施方案\n"
        "一、加大政策支持\n"
        "(一)落实税收优惠。科技型中小企业研发费用税前加计扣除比例提高至100%,作为制度性安排长期实施。"
        "(市税务局、市科技局)\n"
        "(二)扩大创新主体。高新技术企业数量增长15%以上,规上工业企业研发活动覆盖率提高至60%。(市科技局、市经信局)\n"
    )
    doc = _parse(text)
    assert _milestones(doc.tasks[0]) == []
    # A rate the units' work must reach, with no date, is due at the plan's default, as across the genre.
    assert _milestones(doc.tasks[1]) == [
        ("高新技术企业数量增长15%以上", date(2024, 12, 31)),
        ("规上工业企业研发活动覆盖率提高至60%", date(2024, 12, 31)),
    ]
