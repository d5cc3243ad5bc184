"""Conventions met in blind round 20b (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (天津 2008 民心工程,
西城 2020 重点工作完成情况). At the round's first look the parser read no units in items that close
with a sentence about their own work (`此项工作由A负责组织,B具体实施`), and refused a table whose
cells a copy had run together with nothing between them.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document


def test_a_sentence_about_the_items_own_work_names_its_units():
    # A list of works closes each item with `此项工作由…`: the units that organise the work lead,
    # those that carry it out answer for it, those that help help.
    doc = parse_document(
        "某市2021年为民办实事项目\n"
        "一、改善农村饮水条件\n"
        "新建农村集中供水工程20处,年内解决3万人饮水问题。\n"
        "此项工作由市水务局负责组织,市财政局、各县人民政府具体实施。\n"
        "二、扩大公共文化服务\n"
        "新建社区文化活动室50个,全年开展送戏下乡200场。\n"
        "此项工作由市文化广电旅游局、市委宣传部负责组织,各区人民政府具体实施。\n"
        "三、提升城市照明\n"
        "维修更换路灯3000盏。\n"
        "该项任务由市城管局牵头,市供电公司配合。\n",
        year=2021,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市水务局"], ["市财政局", "各县人民政府"]),
        (["市文化广电旅游局", "市委宣传部"], ["各区人民政府"]),
        (["市城管局"], ["市供电公司"]),
    ]
    assert date(2021, 12, 31) in [m.due_date for m in doc.tasks[0].milestones]


def test_units_that_only_carry_out_the_work_answer_for_it_the_first_leading():
    doc = parse_document(
        "某县民生工程\n"
        "一、农村公路提升\n"
        "改造农村公路40公里。\n"
        "此项工作由县交通运输局、县财政局具体实施。\n"
        "二、养老服务\n"
        "新建日间照料中心6个。\n"
        "本项工程由县民政局负责。\n",
        year=2022,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县交通运输局"], ["县财政局"]),
        (["县民政局"], []),
    ]


def test_a_sentence_about_the_work_that_names_no_role_assigns_nothing():
    # Only a sentence whose every part names units and what they do assigns the item.
    doc = parse_document(
        "某市民心工程\n"
        "一、老旧小区改造\n"
        "改造老旧小区30个。此项工作由市住建局统筹推进并纳入年度考核。(市住建局牵头,各区政府配合)\n"
        "二、背街小巷整治\n"
        "整治背街小巷60条。(市城管局负责)\n",
        year=2023,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市住建局"], ["各区政府"]),
        (["市城管局"], []),
    ]


def test_a_table_whose_cells_run_together_is_read_back_into_columns():
    # A copy that lost a table's cell boundaries: the header is one word of column names, each row
    # one run of text. The row is its 序号, the task up to the `。` a unit's name follows, the unit
    # cell (names joined by `、`, a second name in brackets kept) and the last column.
    doc = parse_document(
        "某区2023年重点工作任务清单\n"
        "序号重点任务责任单位完成时限\n"
        "1推进老旧小区改造12个。区住建局、区财政局2023年10月底前\n"
        "2新建口袋公园5个。区城管局(区园林中心)2023年12月底前\n"
        "3完成中小学校舍维修20所。区教育局2023年8月底前\n",
        year=2023,
    )
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, ["区住建局"], ["区财政局"]),
        (2, ["区城管局"], []),  # its second name kept as the alias, not a unit
        (3, ["区教育局"], []),
    ]
    assert [{m.due_date for m in t.milestones} for t in doc.tasks] == [
        {date(2023, 10, 31)},
        {date(2023, 12, 31)},
        {date(2023, 8, 31)},
    ]


def test_a_run_together_row_may_open_with_its_group_cell_and_close_with_a_report():
    doc = parse_document(
        "某区2022年重点督办事项完成情况\n"
        "类别序号督办内容责任单位完成情况\n"
        "城市建设1新建停车泊位800个。区交通局已建成泊位820个,超额完成。\n"
        "城市建设2完成雨污分流改造3公里。区水务局截至年底完成2.8公里。\n"
        "社会事业3新增普惠托育位200个。区商务局(区招商中心)新增托位210个。\n",
        year=2022,
    )
    assert [(t.number, t.title, t.lead_units) for t in doc.tasks] == [
        (1, "新建停车泊位800个", ["区交通局"]),
        (2, "完成雨污分流改造3公里", ["区水务局"]),
        (3, "新增普惠托育位200个", ["区商务局"]),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "重点工作任务分解表",  # a title: its words do not all end as column names do
        "工作任务责任单位",  # two column names only
        "加强组织领导明确责任分工",  # prose
    ],
)
def test_a_line_of_words_is_no_run_together_header_unless_it_names_a_tables_columns(line):
    from policy_tasks.parsing.run_together import run_together_header

    assert run_together_header(line) is None
