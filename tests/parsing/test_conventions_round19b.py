"""Conventions met in blind round 19b (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (黑龙江 2014 稳增长措施,
内蒙古 2024 产业政策清单). At the round's first look the parser split a quantified group of
government levels (`相关市、县政府`), read bare city names before a shared suffix as persons, and
dated `今明两年` to the end of the document's year.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document


@pytest.mark.parametrize(
    ("written", "group"),
    [
        ("有关市、县人民政府", "有关市、县人民政府"),
        ("相关市、县政府", "相关市、县政府"),
        ("沿线市、县(区)政府", "沿线市、县(区)政府"),
        ("所在地市、县人民政府", "所在地市、县人民政府"),
        ("各相关市、县、区政府", "各相关市、县、区政府"),
    ],
)
def test_a_quantified_group_of_government_levels_is_one_addressee(written, group):
    # `各市、县人民政府` names one addressee whose 、 parts are levels; so does the same list of
    # levels under another quantifier (相关, 有关, 沿线, 所在地): the governments concerned.
    doc = parse_document(
        "某省关于加快交通基础设施建设的若干措施\n"
        "一、加快重点项目建设\n"
        f"1.推进干线公路改造,新改建国道200公里。(省交通运输厅、省财政厅、{written}负责)\n"
        f"2.推进城际铁路建设,开工建设两条城际线路。(省发展改革委、{written}负责)\n",
        year=2024,
    )
    assert [(t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        (["省交通运输厅"], ["省财政厅", group], []),
        (["省发展改革委"], [group], []),
    ]


def test_a_quantified_group_keeps_its_levels_under_a_label_after_a_comma():
    doc = parse_document(
        "某省水利工程建设实施方案\n"
        "一、重点任务\n"
        "1. 实施中小河流治理,完成治理河长300公里。(牵头单位:省水利厅;责任单位:省财政厅,有关市、县(区)政府)\n"
        "2. 推进灌区续建配套。(牵头单位:省水利厅;责任单位:省农业农村厅,相关市、县人民政府)\n",
        year=2023,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["省水利厅"], ["省财政厅", "有关市、县(区)政府"]),
        (["省水利厅"], ["省农业农村厅", "相关市、县人民政府"]),
    ]


def test_bare_city_names_before_a_shared_government_suffix_are_one_addressee():
    # Places listed before a suffix they share (`大庆、鹤岗、佳木斯市人民政府`, written without
    # 市 until the last) are one addressee, as `海东市、兰州市、临夏州发展改革部门` is; the bare
    # names are places, never persons.
    doc = parse_document(
        "某省促进消费的若干措施\n"
        "一、扩大有效投资\n"
        "1.推进支线机场建设,开工建设两个通用机场。(省机场集团、大庆、鹤岗、佳木斯市人民政府负责)\n"
        "2.推进边境口岸建设,改造口岸联检设施。(省商务厅、延吉、珲春、图们市政府、省公安厅负责)\n",
        year=2024,
    )
    assert [(t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        (["省机场集团"], ["大庆、鹤岗、佳木斯市人民政府"], []),
        (["省商务厅"], ["延吉、珲春、图们市政府", "省公安厅"], []),
    ]


def test_a_bare_place_beside_a_place_government_is_no_person():
    # One place before another's government (`黄埔区、南沙区政府` in the corpus) stays two units as
    # written; a bare city name so placed (`漠河、塔河县政府`) stands for its government, no person.
    doc = parse_document(
        "某地区旅游发展工作要点\n一、重点任务\n1.推进冰雪旅游线路建设。(地区文旅局、漠河、塔河县政府负责)\n",
        year=2024,
    )
    task = doc.tasks[0]
    assert task.leaders == []
    assert task.lead_units == ["地区文旅局"]
    assert "漠河" in task.co_units and "塔河县政府" in task.co_units


def test_persons_beside_units_stay_leaders():
    # A person named beside a unit (its head) is still a leader: the place rule is about places.
    doc = parse_document(
        "某区2024年重点工作责任分解\n"
        "1.推进老旧小区改造。(责任单位:区住建局 王明)\n"
        "2.新建养老服务中心2个。(责任单位:区民政局、张丽)\n",
        year=2024,
    )
    assert [(t.lead_units, t.leaders) for t in doc.tasks] == [
        (["区住建局"], ["王明"]),
        (["区民政局"], ["张丽"]),
    ]


@pytest.mark.parametrize(
    ("phrase", "due"),
    [
        ("今明两年", date(2025, 12, 31)),
        ("今明两年内", date(2025, 12, 31)),
        ("明后两年", date(2026, 12, 31)),
    ],
)
def test_a_relative_span_of_years_ends_on_its_last_day(phrase, due):
    # `今明两年` is this year and next: it ends at the end of next year; `明后两年` (next year and
    # the year after) ends at the end of the year after next; the span's last day is its deadline.
    doc = parse_document(
        f"某省2024年稳增长若干措施\n一、扩大有效投资\n1.加快水利工程建设,{phrase}完成投资120亿元。(省水利厅负责)\n",
        year=2024,
    )
    assert [m.due_date for m in doc.tasks[0].milestones] == [due]


def test_the_relative_spans_are_read_as_time_phrases():
    from policy_tasks.parsing.deadlines import read_time_phrase

    assert read_time_phrase("今明两年新建学校10所", 2014).due == date(2015, 12, 31)
    assert read_time_phrase("明后两年建成", 2014).due == date(2016, 12, 31)
    assert read_time_phrase("明年底前", 2014).due == date(2015, 12, 31)


def test_a_units_second_name_in_brackets_is_kept_as_its_alias():
    # A department with two names writes the second in brackets (`市农业农村局(市乡村振兴局)`): one
    # unit, named by its first name, its second name and the form as written kept as aliases (as
    # `区经信局<商务局>`), so a later clause naming the second alone finds the same unit.
    doc = parse_document(
        "某市2024年推动产业发展政策清单\n"
        "1.实施粮食单产提升行动。〔责任单位:市农业农村局(市乡村振兴局)、市财政局〕\n"
        "2.开展防止返贫动态监测。〔责任单位:市乡村振兴局、市民政局〕\n",
        year=2024,
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市农业农村局"], ["市财政局"]),
        (["市农业农村局"], ["市民政局"]),
    ]
    unit = next(u for u in doc.units if u.name == "市农业农村局")
    assert {"市乡村振兴局", "市农业农村局(市乡村振兴局)"} <= set(unit.aliases)
