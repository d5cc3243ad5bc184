"""Layouts left over after round 18 (docs/parsing.md), each stated in invented documents.

A count column in a table flattened a cell a line (`数量(个)`, `个数`, `规模`), a single unnumbered
item followed by its own label lines, and a cell-a-line table whose merged group cell (类别) is
written on its group's first row only. Written from the convention, not from any corpus document.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import ParseError, parse_document
from policy_tasks.parsing.column_meanings import NOTE, meaning


def _deadlines(task) -> list[date]:
    return [m.due_date for m in task.milestones if m.kind == "deadline"]


# --- (a) a count column dates nothing and names no unit ------------------------------------


@pytest.mark.parametrize(
    "header", ["数量(个)", "数量", "个数", "规模", "建设规模", "数量(所)", "户数", "工程量", "完成率", "完成比例(%)"]
)
def test_a_count_column_is_a_note(header):
    assert meaning(header) == NOTE


@pytest.mark.parametrize("header", ["项目名称", "任务数量名称", "建设规模及内容"])
def test_a_column_that_names_the_task_is_no_count(header):
    assert meaning(header) != NOTE


@pytest.mark.parametrize(
    ("count", "unit_a", "unit_b", "due_a", "due_b", "when_a", "when_b"),
    [
        ("数量(个)", "县教育局", "县卫健局", "2024年9月底前", "2024年12月底前", date(2024, 9, 30), date(2024, 12, 31)),
        ("个数", "区城管局", "区住建委", "2025年6月底前", "2025年10月底前", date(2025, 6, 30), date(2025, 10, 31)),
        ("规模", "市民政局", "市水务局", "2023年11月底前", "2023年年底前", date(2023, 11, 30), date(2023, 12, 31)),
    ],
)
def test_a_count_column_in_a_cell_a_line_header_keeps_the_header_going(
    count, unit_a, unit_b, due_a, due_b, when_a, when_b
):
    # 序号 / 项目名称 / <count> / 牵头单位 / 完成时限, a cell a line: the count column is one more
    # column of the header; each row is a clause with its unit and its deadline.
    doc = parse_document(
        "某地民生实事项目清单\n"
        f"序号\n项目名称\n{count}\n牵头单位\n完成时限\n"
        f"1\n新建普惠性托育机构\n8\n{unit_a}\n{due_a}\n"
        f"2\n改造城乡供水管网\n45\n{unit_b}\n{due_b}\n"
    )
    assert [(t.number, t.title[:6], t.lead_units, _deadlines(t)) for t in doc.tasks] == [
        (1, "新建普惠性托", [unit_a], [when_a]),
        (2, "改造城乡供水", [unit_b], [when_b]),
    ]


def test_a_count_column_in_a_cell_a_line_table_of_persons():
    # The same column in a table with no 序号 whose last columns name persons.
    doc = parse_document(
        "2025年民生实事推进情况\n\n"
        "类别\n\n项目名称\n\n数量\n\n当前进展\n\n责任区领导\n\n"
        "教育\n\n新建公办幼儿园\n\n6\n\n已开工4所。\n\n王建华\n\n"
        "养老\n\n新建社区养老驿站\n\n12\n\n已建成9家。\n\n赵立新\n"
    )
    assert [(t.title, t.leaders) for t in doc.tasks] == [
        ("新建公办幼儿园", ["王建华"]),
        ("新建社区养老驿站", ["赵立新"]),
    ]


# --- (b) a single unnumbered item followed by its labels is one clause ----------------------


@pytest.mark.parametrize(
    ("item", "labels", "lead", "co", "when"),
    [
        (
            "新建社区嵌入式托育点3个,新增托位120个",
            "责任单位:区卫健委\n完成期限:2024年10月底前\n",
            ["区卫健委"],
            [],
            date(2024, 10, 31),
        ),
        (
            "改造提升农贸市场2处",
            "牵头单位:县商务局\n配合单位:县市场监管局\n完成时限:2025年6月30日\n",
            ["县商务局"],
            ["县市场监管局"],
            date(2025, 6, 30),
        ),
    ],
)
def test_a_single_item_followed_by_its_labels_is_one_clause(item, labels, lead, co, when):
    doc = parse_document(f"2024年某区重要民生实事项目(节选)\n{item}\n{labels}相关阅读:\n某区民生实事办理情况\n")
    assert [(t.title, t.lead_units, t.co_units, _deadlines(t)) for t in doc.tasks] == [(item, lead, co, [when])]


def test_a_stray_label_line_in_a_numbered_document_adds_no_clause():
    # A numbered list whose lead line is followed by a lone label line: the numbered items are the
    # clauses; the lead line, which would read as a label-led item, is none (the label-led reading
    # is a fallback for a document with nothing numbered).
    doc = parse_document(
        "某县2024年重点工作任务分工\n"
        "为加强统筹,现将有关任务分工如下\n"
        "责任单位:县政府办公室\n"
        "1.新建城区公办幼儿园2所。(县教育局负责)\n"
        "2.改造老旧小区12个。(县住建局负责)\n"
    )
    assert [(t.number, t.lead_units) for t in doc.tasks] == [(1, ["县教育局"]), (2, ["县住建局"])]


def test_prose_with_a_lone_label_line_but_no_item_is_still_refused():
    # A page of prose whose only field line follows a sentence paragraph: no item of the genre.
    with pytest.raises(ParseError):
        parse_document(
            "今年以来,我区坚持以人民为中心的发展思想,扎实推进各项民生工作,群众获得感持续增强。"
            "下一步,我们将继续加大投入,确保各项工作落到实处。\n"
            "责任单位:区政府办公室\n"
        )


# --- (c) a merged group cell written once: later rows are one cell short at the start --------


@pytest.mark.parametrize(
    ("category", "leader", "head"),
    [("绿色发展", "周文涛", "孙立军"), ("民生保障", "陈海峰", "刘晓燕"), ("城市更新", "吴国平", "郑雅琴")],
)
def test_a_group_cell_written_on_its_first_row_only_leaves_later_rows_short_at_the_start(category, leader, head):
    # 类别 / 工作内容 / 具体分解 / 当前工作进展 / 形象进度 / 责任区领导 / 责任单位主要领导: the 类别 of
    # a group is written on its first row; its second row holds every other cell.
    doc = parse_document(
        "2025年度重点工作目标任务落实情况\n\n"
        "类别\n\n工作内容\n\n具体分解\n\n当前工作进展\n\n形象进度\n\n责任区领导\n\n责任单位主要领导\n\n"
        f"{category}\n\n实施老旧管网改造工程\n\n改造燃气管网20公里\n\n已完成改造15公里。\n\n75%\n\n{leader}\n\n{head}\n\n"
        f"新建口袋公园8个\n\n年内建成口袋公园8个\n\n已建成5个,3个在建。\n\n60%\n\n{leader}\n\n{head}\n"
    )
    assert [(t.title, t.leaders) for t in doc.tasks] == [
        ("实施老旧管网改造工程", [leader, head]),
        ("新建口袋公园8个", [leader, head]),
    ]
    # Both rows are of the one group its first row names.
    assert [a.title for a in doc.areas] == [category]
    assert [t.area for t in doc.tasks] == [doc.areas[0].number] * 2


def test_a_task_with_figures_is_no_category_even_without_a_measure_column():
    # 领域 / 工作任务 / 具体措施 / 责任领导: the second row's first cell (a task with a figure and a
    # comma) reads as no 领域, so the row lacks its 领域, not its 具体措施.
    doc = parse_document(
        "某区2024年重点任务推进表\n\n"
        "领域\n\n工作任务\n\n具体措施\n\n责任领导\n\n"
        "营商环境\n\n优化政务服务\n\n推行高频事项一次办\n\n冯志强\n\n"
        "提升企业开办效率,压缩至1个工作日\n\n推行全程网办\n\n冯志强\n"
    )
    assert [(t.title, t.leaders) for t in doc.tasks] == [
        ("优化政务服务", ["冯志强"]),
        ("提升企业开办效率,压缩至1个工作日", ["冯志强"]),
    ]


def test_a_short_row_whose_trailing_cells_are_empty_is_still_filled_from_the_left():
    # Where the content does not tell (a short task under 类别 would read as well), a short row's
    # cells fill the columns from the left: its last cells were the empty ones.
    doc = parse_document(
        "2025年重点工作落实情况\n\n类别\n\n工作内容\n\n当前工作进展\n\n进度状态\n\n责任区领导\n\n"
        "产业发展\n\n引进重点项目\n\n已签约3个。\n\n正常推进\n\n黄志明\n\n"
        "产业发展\n\n培育专精特新企业\n\n已认定5家。\n\n黄志明\n"
    )
    assert [(t.title, t.leaders) for t in doc.tasks] == [
        ("引进重点项目", ["黄志明"]),
        ("培育专精特新企业", ["黄志明"]),
    ]


def test_groups_of_several_rows_each_name_their_group_on_their_first_row_only():
    # 领域 / 重点任务 / 工作进展 / 完成率 / 分管区领导: each group names its 领域 once; a 领域 of two
    # characters (`卫生`) may read as a name, yet after a row's person it starts the next row, as
    # that row fits its columns better without it (no bare figure under 工作进展).
    doc = parse_document(
        "2024年重点工作推进情况\n\n领域\n\n重点任务\n\n工作进展\n\n完成率\n\n分管区领导\n\n"
        "教育\n\n新建中小学3所\n\n2所已封顶。\n\n70%\n\n马俊峰\n\n"
        "扩大学前教育资源\n\n新增学位900个。\n\n85%\n\n马俊峰\n\n"
        "推进集团化办学\n\n组建教育集团4个。\n\n100%\n\n马俊峰\n\n"
        "卫生\n\n建设区域医疗中心\n\n主体工程完工。\n\n90%\n\n白晓东\n\n"
        "提升基层医疗服务能力,新建卫生室12个\n\n已建成10个。\n\n83%\n\n白晓东\n"
    )
    areas = {a.number: a.title for a in doc.areas}
    assert [(t.title, areas[t.area], t.leaders) for t in doc.tasks] == [
        ("新建中小学3所", "教育", ["马俊峰"]),
        ("扩大学前教育资源", "教育", ["马俊峰"]),
        ("推进集团化办学", "教育", ["马俊峰"]),
        ("建设区域医疗中心", "卫生", ["白晓东"]),
        ("提升基层医疗服务能力,新建卫生室12个", "卫生", ["白晓东"]),
    ]


@pytest.mark.parametrize(
    "labels",
    [
        "责任领导:王小明\n牵头单位:区教育局\n完成时限:2024年8月底前\n",
        "完成时限:2024年8月底前\n牵头单位:区教育局\n责任领导:王小明\n",
    ],
)
def test_a_single_items_labels_come_in_any_order(labels):
    # A lone item whose first label names its leader (or its deadline) before its lead unit: the
    # labels are the item's all the same.
    doc = parse_document(f"发布时间:2024-03-01 来源:区政府办\n新建公办幼儿园3所\n{labels}分享到:\n")
    assert [(t.title, t.lead_units, t.leaders, _deadlines(t)) for t in doc.tasks] == [
        ("新建公办幼儿园3所", ["区教育局"], ["王小明"], [date(2024, 8, 31)])
    ]
