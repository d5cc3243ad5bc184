"""Conventions met in blind round 116 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (a 街道's news page on its 2024
民生实事, 重庆). At the round's first look the parser refused it: its projects carry no number, one paragraph a
project opening with the project's name and a colon, under a paragraph naming who carries them all out and
dating two of them by name (`project_colon_items`).
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.project_colon_items import project_colon_name
from policy_tasks.parsing.result import ParseError

LEAD_IN = (
    "2025年,某某镇将实施八件民生实事项目。除乡村道路硬化工程在今年5月底前完工,"
    "农贸市场改造项目将在今年9月前完成外,其余项目均计划在今年12月完成。具体项目如下:\n"
)
PROJECTS = (
    "乡村道路硬化工程:对某某村等5个村的通组道路进行硬化,总长约12公里。\n"
    "\n"
    "农贸市场改造项目:对镇农贸市场进行升级改造,规范摊位设置。\n"
    "\n"
    "“暖心食堂”助餐项目:在镇区开设老年助餐点2个,为老年人提供助餐服务。\n"
)


def _dates(doc) -> list[list[date | None]]:
    return [[m.due_date for m in t.milestones if m.time_expression] for t in doc.tasks]


def test_unnumbered_project_paragraphs_are_a_clause_each_led_by_the_doer_named_above():
    # The lead-in's subject (`某某镇将实施…项目`) is a unit stated once for the whole list: it leads each project.
    doc = parse_document("某某镇2025年民生实事项目出炉\n" + LEAD_IN + PROJECTS, year=2025)
    assert [t.text.split(":")[0] for t in doc.tasks] == ["乡村道路硬化工程", "农贸市场改造项目", "“暖心食堂”助餐项目"]
    assert [(t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [(["某某镇"], [], [])] * 3


def test_the_lead_in_dates_a_project_by_its_name_and_the_rest_get_no_default():
    # `除A在今年5月底前完工,B将在今年9月前完成外`: each named project's deadline is its milestone; `其余项目均
    # 计划在今年12月完成` names no project: the list's default, no milestone of the third.
    doc = parse_document("某某镇2025年民生实事项目出炉\n" + LEAD_IN + PROJECTS, year=2025)
    assert _dates(doc) == [[date(2025, 5, 31)], [date(2025, 9, 30)], []]
    assert doc.tasks[1].milestones[-1].text == "农贸市场改造项目将在今年9月前完成"


def test_a_project_list_under_a_lead_in_naming_no_doer_has_no_units():
    # A congress that voted the projects names no doer: the projects name no unit.
    doc = parse_document(
        "某某街道2025年民生实事项目票选结果出炉\n会议票选产生了2025年度民生实事项目,具体包括:\n" + PROJECTS,
        year=2025,
    )
    assert len(doc.tasks) == 3
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [([], [])] * 3


def test_a_project_s_own_date_is_kept_beside_the_lead_in_s():
    doc = parse_document(
        "某某镇2025年民生实事项目\n"
        "2025年,某某镇将实施两件民生实事项目,其中乡村道路硬化工程在今年5月底前完工。具体如下:\n"
        "乡村道路硬化工程:对某某村通组道路进行硬化,10月底前完成验收。\n"
        "农贸市场改造项目:对镇农贸市场进行升级改造,规范摊位设置。\n",
        year=2025,
    )
    assert _dates(doc) == [[date(2025, 10, 31), date(2025, 5, 31)], []]


@pytest.mark.parametrize(
    "line",
    [
        "比赛项目:跳绳、拔河、踢毽子等,每个村组队参加。",  # a category, not a project's name
        "项目名称:某某村道路硬化,全长3公里。",  # a field
        "重点推进以下项目:道路硬化、市场改造、助餐服务。",  # a list announced
        "十件民生实事项目:经代表大会票选产生。",  # the list's count
        "工作目标:到2025年底,完成全镇道路硬化。",  # a notice's label
        "实施惠民工程:改造老旧小区12个,新建公园2个。",  # an order opening with its verb
    ],
)
def test_a_label_a_category_or_an_announcement_before_a_colon_is_no_project(line):
    assert project_colon_name(line) is None


def test_a_notice_s_ordinary_colon_paragraphs_are_no_clauses():
    # A notice's labelled paragraphs (`活动时间:`, `比赛项目:`, `参赛对象:`) name no project: nothing is read.
    with pytest.raises(ParseError):
        parse_document(
            "某某镇关于举办2025年全民健身运动会的通知\n"
            "各村(社区):\n"
            "为丰富群众文化生活,镇政府决定举办全民健身运动会。\n"
            "活动时间:2025年5月20日。\n"
            "比赛项目:跳绳、拔河、踢毽子等。\n"
            "参赛对象:各村(社区)居民。\n",
            year=2025,
        )


def test_a_single_project_paragraph_is_no_list():
    # One `X项目:` paragraph in a report is its aside; the page has no list to read.
    with pytest.raises(ParseError):
        parse_document(
            "某某镇2025年上半年工作总结\n"
            "上半年,全镇经济运行平稳,各项工作有序推进。\n"
            "农贸市场改造项目:已完成主体改造,群众反映良好。\n"
            "下半年,将继续抓好各项工作落实。\n",
            year=2025,
        )


def test_the_run_ends_at_a_paragraph_of_other_words():
    # The page's closing paragraph after the list is no part of the last project, and project paragraphs
    # far apart in a report are no list.
    doc = parse_document(
        "某某镇2025年民生实事项目出炉\n" + LEAD_IN + PROJECTS + "下一步,镇人大将跟踪监督项目实施。\n"
        "附:公开电话12345,欢迎群众监督。\n"
        "农贸市场改造项目:另见专项方案。\n",
        year=2025,
    )
    assert len(doc.tasks) == 3
    assert "跟踪监督" not in doc.tasks[-1].text


def test_a_short_title_closed_by_a_full_stop_is_a_heading_over_the_paragraph_after_a_blank_line():
    # `1.属地管理责任。` is an item's title though it ends in `。`: its paragraph after a blank line is its body, with
    # the body's bracket (round 116's 清明 plan kept a blank line between them when a page's lines came with it).
    doc = parse_document(
        "首页 > 通知公告\n某某街道2025年森林防灭火工作方案\n发布时间:2025-03-20\n来源:某某街道\n\n一、工作措施\n\n"
        "1.属地管理责任。\n\n各社区要细化制定工作方案,并于4月1日前召开一次专题会议。\n\n(街道森林防指办牵头,各社区负责落实)\n\n"
        "2.巡查值守责任。\n\n各网格员要加强重点区域巡查,4月10日前完成隐患排查。\n\n(街道应急办牵头)\n",
        year=2025,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [(["街道森林防指办"], ["各社区"]), (["街道应急办"], [])]
    assert _dates(doc) == [[date(2025, 4, 1)], [date(2025, 4, 10)]]


def test_an_item_of_a_full_sentence_does_not_take_the_paragraph_after_a_blank_line():
    # Near case: an item that states its task in a sentence has ended; the closing paragraph after it is none of it.
    doc = parse_document(
        "某某街道2025年森林防灭火工作方案\n\n一、工作措施\n\n"
        "1.各社区要在4月1日前完成隐患排查,建立问题台账。(街道应急办牵头)\n\n"
        "2.各网格员要加强重点区域巡查,4月10日前完成整改。(街道森林防指办牵头)\n\n"
        "各社区要高度重视,确保各项措施落实到位。\n",
        year=2025,
    )
    assert "高度重视" not in doc.tasks[-1].text
