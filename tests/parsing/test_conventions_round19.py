"""Conventions met in blind round 19 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (恩施 2012 议案办理方案,
内蒙古 2013 分工方案). At the round's first look the parser read no unit stated as a sentence's
subject, took a section setting up a leading group for a clause, and read a plan period in the
title as the document's year without a warning.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document


def _parse(text):
    return parse_document(text, year=2024)


def _units(doc):
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


# --- units named as the subject of `为` + a role noun ---------------------------------------------


@pytest.mark.parametrize(
    ("lead_role", "co_role"),
    [
        ("牵头单位", "配合单位"),
        ("牵头责任单位", "协办单位"),
        ("主办单位", "参与单位"),
        ("牵头部门", "协办部门"),
    ],
)
def test_units_a_sentence_names_as_its_subject_before_a_role_noun_take_that_role(lead_role, co_role):
    # `A为牵头单位,负责…。B、C为配合单位,…`: the responsibility stated in prose, the units the
    # subject of `为` and a role noun. The lead role's units lead, the helping role's help, in order.
    doc = _parse(
        "某县人大代表建议办理工作方案\n"
        "一、职责分工\n"
        f"县住建局为{lead_role},负责制定办理方案。县财政局、县自然资源局、城关镇政府为{co_role},各单位要密切配合。\n"
        "二、办理要求\n"
        "县水利局为本建议办理的"
        f"{lead_role},县农业农村局为{co_role},按时答复代表。\n"
    )
    assert _units(doc) == [
        ("一", ["县住建局"], ["县财政局", "县自然资源局", "城关镇政府"]),
        ("二", ["县水利局"], ["县农业农村局"]),
    ]


def test_a_modifier_between_wei_and_the_role_noun_is_no_part_of_the_role():
    # `A为该议案办理工作的牵头责任单位`: what the unit leads is said between 为 and the role noun.
    doc = _parse(
        "某市政协提案办理方案\n"
        "1.明确责任。市商务局为该提案办理工作的牵头责任单位,负责统筹推进;市市场监管局、市税务局为本提案协办单位。\n"
        "2.抓好落实。市发改委为此项工作牵头单位,市统计局为配合单位。\n"
    )
    assert _units(doc) == [
        ("1", ["市商务局"], ["市市场监管局", "市税务局"]),
        ("2", ["市发改委"], ["市统计局"]),
    ]


def test_roles_named_in_paragraphs_of_one_section_are_all_the_sections():
    # The lead in one paragraph, the helping units in the next: the first names no end of the
    # section (as a closing bracket would), so both are the section's.
    doc = _parse(
        "某县建议办理方案\n"
        "一、明确责任\n县交通运输局为牵头单位,负责制定方案。\n"
        "县财政局、县自然资源局为配合单位,各单位要互相配合。\n"
        "二、跟踪督办\n县政府督查室要跟踪督查。\n同时做好协调工作。\n"
    )
    assert _units(doc) == [("一", ["县交通运输局"], ["县财政局", "县自然资源局"]), ("二", ["县政府督查室"], [])]
    assert doc.tasks[1].text.endswith("同时做好协调工作。")


def test_units_named_the_responsible_units_are_listed_and_the_first_leads():
    # `A、B为责任单位`: a 责任单位 list as any other, the first named leads.
    doc = _parse(
        "某区整改方案\n"
        "(一)规范停车秩序。区城管局、区交警大队为责任单位,9月底前完成整治。\n"
        "(二)整治占道经营。区市场监管局为责任单位。\n"
    )
    assert _units(doc) == [("(一)", ["区城管局"], ["区交警大队"]), ("(二)", ["区市场监管局"], [])]


def test_a_group_of_governments_as_the_subject_is_one_unit():
    # `各乡镇人民政府为责任单位`: a group addressee is one unit, as in a bracket.
    doc = _parse(
        "某县人居环境整治方案\n"
        "1.清理村庄垃圾。县住建局为牵头单位,各乡镇人民政府为责任单位。\n"
        "2.改造农村厕所。县农业农村局为牵头单位,县卫健局为配合单位。\n"
    )
    assert _units(doc) == [
        ("1", ["县住建局"], ["各乡镇人民政府"]),
        ("2", ["县农业农村局"], ["县卫健局"]),
    ]


def test_a_note_on_which_unit_leads_is_no_subject():
    # `列第一位的为牵头单位` and `排名第一者为牵头单位` say how to read a list; they name no unit.
    doc = _parse(
        "某市重点工作分工\n"
        "1.推进产业升级。(市工信局、市发改委负责。列第一位的为牵头单位,下同)\n"
        "2.扩大有效投资。首位单位为牵头单位。(市发改委、市财政局)\n"
    )
    assert _units(doc) == [("1", ["市工信局"], ["市发改委"]), ("2", ["市发改委"], ["市财政局"])]


def test_members_of_a_group_are_no_role():
    # `A、B为成员单位`: membership of a leading group assigns no work.
    doc = _parse(
        "某县方案\n"
        "一、组织保障\n县发改局、县财政局为领导小组成员单位。\n"
        "二、推进建设\n完成10个村的改造。(县农业农村局负责)\n"
        "三、强化督查\n定期通报进展。(县政府督查室负责)\n"
    )
    assert _units(doc)[-2:] == [("二", ["县农业农村局"], []), ("三", ["县政府督查室"], [])]
    assert all(t.lead_units != ["县发改局"] for t in doc.tasks)


# --- an item that opens with a unit's name and 要 / 负责 ------------------------------------------


@pytest.mark.parametrize(
    ("opening", "unit"),
    [
        ("市政府督查室要将该项工作纳入年度督查重点,", "市政府督查室"),
        ("县委县政府督查室负责跟踪督办,", "县委县政府督查室"),
        ("区绩效办要把办理情况纳入年度考核,", "区绩效办"),
    ],
)
def test_an_item_opening_with_a_unit_and_yao_or_fuze_charges_that_unit(opening, unit):
    # An item that names no responsibility otherwise: its text opens (after its title line) with a
    # unit's name followed by 要 / 负责, and that unit is charged with it.
    doc = _parse(
        "某建议办理方案\n"
        "一、明确分工\n市交通运输局为牵头单位,市财政局为协办单位。\n"
        f"二、跟踪督办\n{opening}并适时通报进展情况。\n"
    )
    assert _units(doc) == [("一", ["市交通运输局"], ["市财政局"]), ("二", [unit], [])]
    assert doc.tasks[1].unit_origin == "正文开头"


def test_an_opening_unit_after_a_title_sentence_charges_it_too():
    # `(二)加强督查。县政府督查室要…`: the title is a sentence of its own on the item's line.
    doc = _parse(
        "某县实施方案\n"
        "(一)完成改造。完成20个老旧小区改造。(县住建局负责)\n"
        "(二)加强督查。县政府督查室要定期督查,通报进展。\n"
    )
    assert _units(doc) == [("(一)", ["县住建局"], []), ("(二)", ["县政府督查室"], [])]


@pytest.mark.parametrize(
    "opening",
    [
        "各地要将该项工作纳入年度重点,",  # a group of places, no unit in particular
        "有关部门要加强协作,",  # vague
        "县安委会有关成员单位要制定整治方案,",  # some of a committee's members
        "要将该项工作纳入年度重点,",  # no subject
        "市主要领导要亲自研究,",  # persons, no unit
        "领导小组要定期研究,",  # a body of persons set up for the work
    ],
)
def test_an_opening_that_is_no_units_name_charges_no_one(opening):
    doc = _parse(
        "某建议办理方案\n"
        "一、明确分工\n市交通运输局为牵头单位,市财政局为协办单位。\n"
        f"二、跟踪督办\n{opening}并适时通报进展情况。\n"
        "三、抓好落实\n按期办结。(市交通运输局负责)\n"
    )
    assert doc.tasks[1].label == "二"
    assert (doc.tasks[1].lead_units, doc.tasks[1].co_units) == ([], [])


def test_an_item_with_its_own_bracket_or_label_is_not_read_by_its_opening():
    # The bracket or the label is the item's responsibility; its opening subject adds nothing.
    doc = _parse(
        "某市实施方案\n"
        "1.市交通运输局要加快建设,年底前建成。(市住建局牵头,市财政局配合)\n"
        "2.市交通运输局负责道路养护。\n责任单位:市公路中心\n"
    )
    assert _units(doc) == [("1", ["市住建局"], ["市财政局"]), ("2", ["市公路中心"], [])]


# --- a section that only sets up an organisation, and its member list -----------------------------


@pytest.mark.parametrize(
    ("heading", "body"),
    [
        (
            "成立领导小组",
            "成立县农村公路建设工作领导小组,由副县长王强任组长,县直有关部门主要负责人为成员。"
            "领导小组办公室设在县交通运输局,刘平同志兼任办公室主任。",
        ),
        ("成立工作专班", "成立市招商引资工作专班,市政府分管副市长任组长,专班办公室设在市商务局。"),
        ("组建指挥部", "组建项目建设指挥部,指挥长由常务副区长担任,指挥部办公室设在区发改局。"),
    ],
)
def test_a_section_that_only_sets_up_an_organisation_is_no_clause(heading, body):
    # The organisation assigns the work to no unit (its office is hosted, not charged): beside
    # sections that name their units it is no clause, as 总体要求 is none.
    doc = _parse(
        "某县建议办理方案\n"
        f"一、{heading}\n{body}\n"
        "二、明确责任\n县交通运输局为牵头单位,县财政局、县自然资源局为配合单位。\n"
        "三、跟踪督办\n县政府督查室要将办理工作纳入督查重点,适时通报进展。\n"
    )
    assert _units(doc) == [
        ("二", ["县交通运输局"], ["县财政局", "县自然资源局"]),
        ("三", ["县政府督查室"], []),
    ]


def test_the_member_list_after_the_plan_is_no_part_of_the_last_clause():
    # `(成员名单附后)`: the list of the group's members follows the plan under a title line of its
    # own (`…领导小组成员名单`), names and titles a line; it is no clause's text.
    doc = _parse(
        "某县建议办理方案\n"
        "一、成立领导小组\n成立办理工作领导小组,由副县长王强任组长(成员名单附后)。\n"
        "二、明确责任\n县交通运输局为牵头单位,县财政局为配合单位。\n"
        "三、跟踪督办\n县政府督查室要跟踪督查,适时通报进展。\n"
        "县建议办理工作领导小组成员名单\n"
        "组 长:王 强 副县长\n"
        "副组长:刘 平 县交通运输局局长\n"
        "成 员:张 华 县财政局局长\n"
        "李 明 县自然资源局局长\n"
    )
    assert [t.label for t in doc.tasks] == ["二", "三"]
    assert "组 长" not in doc.tasks[-1].text and "成员名单" not in doc.tasks[-1].text


# --- the document's year ------------------------------------------------------------------------


def test_a_plan_period_cited_in_the_title_is_no_year_and_the_pages_date_gives_it():
    # A 分工方案 carrying out a national plan for 2016—2025: the period is that plan's, not the
    # year of this one. The page's `发布日期` line dates the document; as a reposting site's page
    # gives its own date, the year is one the review page asks about.
    doc = parse_document(
        "某省贯彻落实国家《某某经济带发展规划(2016—2025年)》重点工作分工方案\n"
        "发布日期:2017-04-12    浏览次数:5\n"
        "一、重点任务\n"
        "(一)推进产业协作。年底前建立协作机制。(省发展改革委牵头,省工信厅配合)\n"
        "(二)共建生态屏障。(省生态环境厅牵头,省林草局配合)\n"
    )
    assert (doc.year, doc.year_assumed) == (2017, True)
    assert any("2017-04-12" in w.message and "请核对" in w.message for w in doc.warnings)
    assert [m.due_date for m in doc.tasks[0].milestones if m.kind == "deadline"] == [date(2017, 12, 31)]


@pytest.mark.parametrize(
    "date_line",
    ["发布时间:2019-03-08 10:21:33 来源:市政府办公室", "【发布日期】2019-03-08", "发文日期 | 2019.03.08 |"],
)
def test_a_pages_publication_date_line_gives_the_year(date_line):
    doc = parse_document(
        f"某市重点工作分工方案\n{date_line}\n1.推进产业协作。年底前建立协作机制。(市发改委牵头)\n", assume_year=2026
    )
    assert (doc.year, doc.year_assumed) == (2019, True)


def test_a_plan_period_in_the_title_with_nothing_else_is_an_assumed_year_with_a_warning():
    # No date, no number, no year of its own: the period the title cites dates nothing; the year
    # is guessed from the body and the review page asks.
    doc = parse_document(
        "某市贯彻落实《某某城市群发展规划(2018—2030年)》实施方案\n"
        "1.推进交通互联。2019年6月底前开工。(市交通运输局牵头)\n"
        "2.共建产业平台。2019年底前挂牌。(市商务局牵头)\n",
        assume_year=2026,
    )
    assert (doc.year, doc.year_assumed) == (2019, True)
    assert any("2019" in w.message and "请核对" in w.message for w in doc.warnings)


def test_a_year_taken_from_the_titles_own_span_carries_the_warning():
    # `…实施方案(2021—2023年)`: the plan is read in its span's first year, as the genre dates such
    # plans, but that year is a reading of a range: the review page asks.
    doc = parse_document(
        "某区老旧小区改造实施方案(2021—2023年)\n1.完成改造。10月底前完成。(区住建局牵头)\n", assume_year=2026
    )
    assert (doc.year, doc.year_assumed) == (2021, True)
    assert any("2021" in w.message and "请核对" in w.message for w in doc.warnings)


def test_a_document_number_outranks_the_pages_date():
    doc = parse_document(
        "某市人民政府办公室关于印发重点工作分工方案的通知\n某政办〔2015〕12号\n发布时间:2017-11-24 10:12:15\n"
        "1.推进产业协作。年底前建立协作机制。(市发改委牵头)\n"
    )
    assert (doc.year, doc.year_assumed) == (2015, False)


def test_a_year_the_title_names_as_its_own_stays_the_documents_without_a_warning():
    doc = parse_document("某区2022年重点工作分工方案\n发布日期:2021-12-30\n1.完成改造。10月底前完成。(区住建局牵头)\n")
    assert (doc.year, doc.year_assumed) == (2022, False)
