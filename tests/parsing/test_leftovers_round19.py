"""Misses left after blind round 19b (docs/parsing.md), each a convention stated in invented documents.

A province or prefecture written bare in a unit list (`(省发改委、黑河)`) was read as a person, a span
of the coming years (`今后两年`, `未来三年`) was undated, and the label line of a list's closing
paragraph (`各乡镇要高度重视…` / `责任单位:各乡镇人民政府`) joined the last item, as a second clause
with no title or as the item's co unit. Written from the conventions, not from any document.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.deadlines import read_time_phrase
from policy_tasks.parsing.place_names import PREFECTURES, is_place_name
from policy_tasks.parsing.time_phrase import YEAR
from policy_tasks.parsing.unit_names import names_units

# --- (1) a place written bare in a unit list is a place, not a person --------------------------


def test_the_prefecture_level_divisions_are_listed_by_their_short_names():
    assert len(PREFECTURES) == 333
    for name in ("黑河", "汉中", "延边", "阿克苏", "锡林郭勒", "黔东南", "大兴安岭", "海东", "儋州"):
        assert is_place_name(name), name
    for name in ("黑河市", "延边州", "王明", "张丽", "副市长", "漠河"):
        assert not is_place_name(name), name


@pytest.mark.parametrize(
    ("lead", "place"),
    [
        ("省发改委", "黑河"),
        ("市住建局", "汉中"),
        ("省商务厅", "阿克苏"),
        ("省民宗委", "延边"),
        ("国家发展改革委", "上海"),
    ],
)
def test_a_province_or_prefecture_written_bare_among_units_is_a_place(lead, place):
    # A provincial plan names its cities without their level where it assigns them work, as
    # `黑河市` would be: the place stands for its government, a unit, whatever its length.
    doc = parse_document(
        "某省2024年稳外贸若干措施\n"
        "一、拓展开放通道\n"
        f"1.推进边境口岸改造,完成投资12亿元。({lead}、{place}负责)\n"
        f"2.建设边民互市贸易区,年内投入运营。(责任单位:{lead}、{place})\n"
        f"3.扩大跨境电商进口,培育龙头企业5家。({place}、{lead})\n",
        year=2024,
    )
    assert [(t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        ([lead], [place], []),
        ([lead], [place], []),
        ([place], [lead], []),
    ]


def test_a_bare_name_beside_a_listed_place_is_a_place_too():
    # A county written bare beside its prefecture (`黑河、逊克`) is a place as `漠河、塔河县政府`'s
    # 漠河 is: the list names places there, not leaders.
    doc = parse_document(
        "某省2024年边境旅游发展措施\n一、重点任务\n1.建设沿边旅游公路。(省交通运输厅、黑河、逊克负责)\n",
        year=2024,
    )
    task = doc.tasks[0]
    assert (task.lead_units, task.co_units, task.leaders) == (["省交通运输厅"], ["黑河", "逊克"], [])


@pytest.mark.parametrize("person", ["王建华", "刘洋", "副市长", "分管副县长"])
def test_a_person_or_a_title_among_units_stays_a_leader(person):
    # The place list holds places only: a person's name (two or three characters, no suffix)
    # or a title written among the units is still a leader.
    doc = parse_document(
        f"某市2024年重点工作责任分解\n1.推进老旧小区改造,改造小区30个。(市住建局、{person}负责)\n",
        year=2024,
    )
    assert [(t.lead_units, t.leaders) for t in doc.tasks] == [(["市住建局"], [person])]


def test_a_cell_of_bare_places_names_units():
    # A 责任单位 cell of places standing for their governments, as `鄞州区、海曙区` would be.
    assert names_units("黑河、大庆")
    assert names_units("延边 白山")
    assert not names_units("王明、张丽")


# --- (2) a span of the coming years ends on its last year's last day ---------------------------


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("今后两年", date(2025, 12, 31)),
        ("今后三年", date(2026, 12, 31)),
        ("未来两年内", date(2025, 12, 31)),
        ("未来三年", date(2026, 12, 31)),
        ("今后3年", date(2026, 12, 31)),
    ],
)
def test_the_coming_years_end_with_the_last_of_them(phrase, due):
    # Counted from the document's year, which is the first of them: a plan of 2024 for "the
    # coming two years" covers 2024 and 2025, and is due at the end of 2025.
    doc = parse_document(
        f"某市2024年扩大有效投资若干措施\n一、重点项目\n1.加快城市更新,{phrase}完成投资80亿元。(市住建局负责)\n",
        year=2024,
    )
    assert [m.due_date for m in doc.tasks[0].milestones] == [due]


def test_the_coming_years_count_from_the_plans_first_year():
    # A 三年行动计划's title names its period; its first year is the document's, so `今后三年`
    # ends with the period's last year.
    doc = parse_document(
        "某县农村供水保障三年行动计划(2024—2026年)\n一、主要任务\n1.今后三年新建改造农村供水工程40处。(县水利局负责)\n"
    )
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2026, 12, 31)]


@pytest.mark.parametrize("phrase", ["近两年来新建学校10所", "近三年未发生重大事故", "未来五年带动投资1000亿元"])
def test_recent_years_and_a_long_horizon_are_no_deadline(phrase):
    # `近两年` is the years just past; `未来五年` a horizon (a plan period is named as one, `十四五`).
    read = read_time_phrase(phrase, 2024)
    assert read is None or read.level != YEAR


# --- (3) a closing paragraph's label line is no clause ----------------------------------------

_ITEMS_IN_BRACKETS = (
    "1.开展村庄清洁行动,年底前实现行政村全覆盖。(责任单位:县农业农村局)\n"
    "2.推进农村厕所改造,新改建户厕500座。(责任单位:县卫健局)\n"
)
_ITEMS_WITH_LABEL_LINES = "1.开展村庄清洁行动,年底前实现行政村全覆盖。\n责任单位:县农业农村局\n2.推进农村厕所改造,新改建户厕500座。\n责任单位:县卫健局\n"


@pytest.mark.parametrize("items", [_ITEMS_IN_BRACKETS, _ITEMS_WITH_LABEL_LINES], ids=["brackets", "label-lines"])
@pytest.mark.parametrize(
    "label",
    ["责任单位:各乡镇人民政府", "牵头单位:各乡镇人民政府\n完成时限:2024年12月底", "(责任单位:各乡镇人民政府)"],
    ids=["a-label", "a-lead-and-a-time", "a-bracket"],
)
def test_the_label_line_of_a_closing_paragraph_is_no_clause(items, label):
    # Items that name their own units, then a paragraph to the whole list and a label line naming
    # who answers for it: the label assigns the paragraph, which states no measure. It is neither
    # a clause of its own nor the last item's unit.
    doc = parse_document(
        "某县2024年农村人居环境整治工作方案\n"
        "一、重点任务\n"
        f"{items}"
        "各乡镇要高度重视,加强组织领导,确保各项任务按期完成。\n"
        f"{label}\n"
        "二、保障措施\n"
        "加强督促检查,定期通报进展。\n",
        year=2024,
    )
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, ["县农业农村局"], []),
        (2, ["县卫健局"], []),
    ]
    assert all(t.title for t in doc.tasks)
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2024, 12, 31)]


def test_a_paragraph_of_an_item_without_units_keeps_its_label_line():
    # An item that has named no unit yet goes on over its paragraphs; the label line after them
    # is the item's own.
    doc = parse_document(
        "某县2024年水利工作要点\n"
        "1.推进小型水库除险加固。(责任单位:县水利局)\n"
        "2.加强河湖长制落实。\n"
        "开展河湖清四乱专项行动,年底前完成整治。\n"
        "责任单位:县河长办\n",
        year=2024,
    )
    assert [(t.number, t.lead_units) for t in doc.tasks] == [(1, ["县水利局"]), (2, ["县河长办"])]


def test_a_label_line_right_after_an_item_stays_the_items():
    doc = parse_document(
        "某县2024年教育工作要点\n"
        "1.新建幼儿园2所,9月底前投入使用。(责任单位:县教育局)\n"
        "2.改造薄弱学校校舍,年底前完工。\n"
        "责任单位:县教育局\n"
        "配合单位:县财政局\n",
        year=2024,
    )
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, ["县教育局"], []),
        (2, ["县教育局"], ["县财政局"]),
    ]
