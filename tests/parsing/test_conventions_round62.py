"""Conventions met in blind round 62 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a city paper's 巩固创卫 inspection
findings, each a bulleted problem with a `(主体责任:X,监督责任:Y)` line under it; a county's account of a work
meeting whose orders run in one paragraph, `由A牵头,B配合,在9月底前完成…;由C牵头,…`; a district's 会议纪要
whose decisions name their units as their sentences' subjects). At the round's first look two of the three
were refused and the minute's decisions were read with no unit.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.drafted_plans import drafted_plan_spans
from policy_tasks.parsing.minute_subjects import minute_charge
from policy_tasks.parsing.unit_lists import split_names
from policy_tasks.parsing.units import read_responsibility


def _parse(text: str, year: int | None = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dates(task) -> list[date]:
    return [m.due_date for m in task.milestones if m.kind == "deadline"]


# --- an inspection notice's bulleted problems, each with its duties in a bracket line -------------------

_FINDINGS = (
    "■ 火车站广场东侧花坛内烟头、纸屑较多,保洁不及时。\n"
    "(主体责任:城南街道办事处,监督责任:区城管局)\n"
    "■ 滨河农贸市场活禽区未按要求每日清洗消毒,部分摊位无证经营。\n"
    "(主体责任:农贸市场管理方,监督责任:区市场监管局)\n"
    "■ 城区各加油站卫生间无人保洁,洗手设施损坏。\n"
    "(主体责任:各加油站,监督责任:石油、石化、中化公司)\n"
)


def test_bulleted_problems_each_with_a_duty_bracket_line_are_the_clauses():
    doc = _parse(_FINDINGS)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["城南街道办事处"], ["区城管局"]),
        ("2", ["农贸市场管理方"], ["区市场监管局"]),
        # A group is one addressee, and companies named short before one suffix share it.
        ("3", ["各加油站"], ["石油、石化、中化公司"]),
    ]
    # The bullet is no part of the problem's words.
    assert doc.tasks[0].title.startswith("火车站广场东侧")


def test_a_bulleted_problem_closing_with_its_own_bracket_is_a_clause_too():
    doc = _parse(
        "◆ 人民路沿街商铺占道经营,乱堆乱放。(主体责任:人民路街道办事处,监督责任:区城管局)\n"
        "◆ 第二人民医院周边夜市油烟直排。(主体责任:东关镇人民政府,监管责任:区生态环境分局)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["人民路街道办事处"], ["区城管局"]),
        (["东关镇人民政府"], ["区生态环境分局"]),
    ]


def test_the_duty_pair_reads_as_roles_only_as_a_field():
    assert read_responsibility("(主体责任:县住建局、县城管局,监督责任:县纪委监委)").lead_and_co() == (
        ["县住建局"],
        ["县城管局", "县纪委监委"],
    )
    # Named by who bears them, the duties read the same; an office tracking the item is still no unit.
    assert read_responsibility("(主体责任单位:县住建局;监督责任单位:县城管局)").lead_and_co() == (
        ["县住建局"],
        ["县城管局"],
    )
    assert not read_responsibility("(督办单位:县政府督查室)").found
    # A heading's words (`压实主体责任:`) are no field: a word runs into the label.
    assert not read_responsibility("一、压实主体责任:各乡镇要加强巡查。").found


def test_unbulleted_problems_each_followed_by_their_duty_bracket_line_are_clauses_too():
    doc = _parse(
        "城区主干道两侧垃圾乱堆乱放,清运不及时。\n(主体责任:城关镇人民政府,监督责任:县城管局)\n"
        "农贸市场内活禽宰杀区污水横流。\n(主体责任:县市场服务中心,监督责任:县市场监管局)\n"
    )
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["城关镇人民政府"], ["县城管局"]),
        ("2", ["县市场服务中心"], ["县市场监管局"]),
    ]


def test_short_company_names_share_the_suffix_of_the_last_but_not_a_unit_or_a_lone_name():
    def names(text: str) -> list[str]:
        return split_names(text, text, 0, len(text))

    assert names("石油、石化、中化公司") == ["石油、石化、中化公司"]
    assert names("县住建局、县电力公司") == ["县住建局", "县电力公司"]


def test_a_star_is_no_bullet_and_page_furniture_with_bullets_is_no_clause():
    # `★` marks a lead unit elsewhere; a page's bulleted fields name no one: nothing of the genre here.
    with pytest.raises(ParseError):
        _parse("• 发布机构:县文广新旅局\n• 公开范围:全部公开\n★ 城区道路保洁不到位。\n")


# --- a meeting's orders in one paragraph, each part opening with its own assignment ----------------------

_MEETING = (
    "发布时间:2023-04-12 09:30 来源:某县人民政府办公室\n"
    "4月10日,某县召开城区老旧小区改造工作调度会。副县长主持会议并讲话。\n"
    "会议要求,由县住房和城乡建设局牵头,县财政局、县自然资源局配合,在6月底前完成12个小区的改造方案编制;"
    "由城关镇牵头,县供电公司配合,在9月底前完成小区管网改造;"
    "由城东街道牵头,在11月底前完成小区绿化补植;"
    "县城市管理局负责,在10月底前完成背街小巷路灯安装。各有关部门要密切配合,形成工作合力。\n"
    "县住建局、城关镇主要负责人参加会议。\n"
)


def test_a_meetings_orders_joined_by_semicolons_are_one_clause_each():
    doc = _parse(_MEETING, year=2023)
    assert [(t.label, t.lead_units, t.co_units, _dates(t)) for t in doc.tasks] == [
        ("1", ["县住房和城乡建设局"], ["县财政局", "县自然资源局"], [date(2023, 6, 30)]),
        ("2", ["城关镇"], ["县供电公司"], [date(2023, 9, 30)]),
        # The lead named alone, and a charge with no 由: orders of the same list.
        ("3", ["城东街道"], [], [date(2023, 11, 30)]),
        ("4", ["县城市管理局"], [], [date(2023, 10, 31)]),
    ]
    # The title is the task after the assignment; the lead-in, the closing exhortation and the
    # attendance are no item's words.
    assert doc.tasks[0].title == "在6月底前完成12个小区的改造方案编制"
    assert doc.tasks[-1].text.endswith("路灯安装。")
    assert "会议要求" not in doc.tasks[0].text


def test_a_numbered_item_opening_with_its_lead_alone_is_charged_to_it():
    doc = _parse("1.由县发改局、县财政局牵头,在6月底前完成项目储备。\n2.由县住建局负责,在9月底前完成改造。\n")
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [(["县发改局", "县财政局"], []), (["县住建局"], [])]


def test_a_single_assignment_in_a_news_item_is_no_list_of_orders():
    with pytest.raises(ParseError):
        _parse("4月10日,某县召开调度会。会议要求,由县住建局牵头,在6月底前完成改造方案编制。各有关部门要密切配合。\n")


# --- a meeting minute's decisions, charged by their sentences' subjects ---------------------------------

_MINUTE = (
    "关于城东片区供水管网改造有关问题的会议纪要\n"
    "(二○二三年三月八日)\n"
    "一、会议认为,城东片区管网老化严重,群众反映强烈,各相关单位要积极支持,城东街道办事处要抓紧组织实施。\n"
    "二、会议议定以下事项:\n"
    "(一)鉴于项目资金缺口较大,区财政局负责筹措改造资金200万元。\n"
    "(二)区水利局要加强技术指导,将该项目纳入今年城乡供水保障计划。\n"
    "(三)城东街道办事处、城东社区居委会要做好群众工作,确保管网改造于今年年内完工。\n"
    "参会人员:王 明 李建国\n"
)


def test_a_minutes_decisions_are_charged_by_the_subjects_of_their_sentences():
    doc = _parse(_MINUTE, year=None)
    assert (doc.year, doc.year_assumed) == (2023, False)  # the date line, its zero typed as a white circle
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        # The helper named first helps; the office that carries the work leads.
        ("一", ["城东街道办事处"], ["各相关单位"]),
        ("(一)", ["区财政局"], []),
        ("(二)", ["区水利局"], []),
        ("(三)", ["城东街道办事处"], ["城东社区居委会"]),
    ]
    # Putting the project into this year's plan dates nothing; finishing it this year does.
    assert [_dates(t) for t in doc.tasks] == [[], [], [], [date(2023, 12, 31)]]


def test_in_a_minute_helpers_alone_or_vague_subjects_charge_no_one():
    assert minute_charge("会议认为,各有关单位要主动配合,形成合力。") is None
    assert minute_charge("会议要求,各地要高度重视,有关部门要加强督查。") is None
    found = minute_charge("考虑到实际情况,区交通运输局负责解决经费,区财政局要积极支持。")
    assert found is not None and found.lead_and_co() == (["区交通运输局"], ["区财政局"])


def test_outside_a_minute_a_subject_deep_in_the_prose_charges_no_one():
    doc = _parse(
        "某区2024年城市更新工作方案\n"
        "1.推进老旧小区改造。考虑到资金压力,区住建局负责争取上级补助。(责任单位:区发改局)\n"
        "2.完善公共服务设施。根据规划,区教育局要新建幼儿园2所。\n"
        "3.加强组织保障。(责任单位:区委办)\n"
    )
    assert [(t.label, t.lead_units) for t in doc.tasks] == [("1", ["区发改局"]), ("2", []), ("3", ["区委办"])]


def test_a_year_naming_the_plan_a_project_is_put_into_dates_nothing():
    assert drafted_plan_spans("将该项目纳入今年农村饮水安全计划,加快启动")
    assert drafted_plan_spans("列入2024年重点建设项目计划")
    # A point in the year is still a deadline.
    assert not drafted_plan_spans("纳入今年底前完成的计划")
