"""Conventions met in blind round 61 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (three inspection notices that
assign the problems their inspectors found: one grouped under headings naming the remit of the office that
must fix them, `一、属X职责范围:`; one closing each place's problems with `整改建议:` and measures that open with
`A、B负责,包保单位配合、支持`; one closing each problem with `(责任单位:X街、Y局)`). At the round's first look the
remit headings named no one, the places with a paragraph alone under them were no clauses, the helpers that
`配合、支持` were dropped, and a 街道's short form was read as a person.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.person_names import is_person
from policy_tasks.parsing.remit_headings import remit_heading
from policy_tasks.parsing.unit_names import unit_form


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_REMIT_NOTICE = (
    "6月3日,县文明办组织人员对城区进行暗访,现将发现的问题通报如下:\n"
    "一、属城管局职责范围:\n"
    "(一)滨江路沿线\n"
    "门店管理总体有序,但仍有不足。\n"
    "1、部分门店出店经营。\n"
    "2、夜间噪音扰民。\n"
    "(二)东门广场\n"
    "广场西侧垃圾桶满溢,未及时清运。\n"
    "二、县交通局负责整改的问题\n"
    "1、客运站周边出租车乱停乱放。\n"
    "2、公交站台广告破损。\n"
    "三、属市场监管局职责范围:\n"
    "农贸市场内部分摊位无价格标签,计量器具未检定。\n"
    "四、涉及城关镇的问题\n"
    "(一)新华街\n"
    "沿街墙面小广告较多。\n"
    "(二)南门社区\n"
    "1、楼道杂物堆放。\n"
    "2、绿地被占用种菜。\n"
)


def test_a_heading_naming_a_units_remit_charges_every_problem_below_it():
    doc = _parse(_REMIT_NOTICE)
    assert [(t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("部分门店出店经营", ["城管局"], []),
        ("夜间噪音扰民", ["城管局"], []),
        # A place with a paragraph alone under it, beside places with numbered problems: the place is the clause.
        ("东门广场", ["城管局"], []),
        ("客运站周边出租车乱停乱放", ["县交通局"], []),
        ("公交站台广告破损", ["县交通局"], []),
        # A remit heading over a paragraph alone is the clause; its paragraph is the text.
        ("农贸市场内部分摊位无价格标签,计量器具未检定", ["市场监管局"], []),
        ("新华街", ["城关镇"], []),
        ("楼道杂物堆放", ["城关镇"], []),
        ("绿地被占用种菜", ["城关镇"], []),
    ]
    # The place's own paragraph above its numbered problems is its heading's text, no clause.
    assert not any(t.text.startswith("门店管理总体有序") for t in doc.tasks)
    assert doc.tasks[5].text.startswith("农贸市场内")


@pytest.mark.parametrize(
    ("heading", "names"),
    [
        ("属住建局职责范围:", ["住建局"]),
        ("属于县城管执法局管辖范围的问题", ["县城管执法局"]),
        ("县环保局职责范围内的问题(3个)", ["县环保局"]),
        ("需县住建局、县城管局整改的问题", ["县住建局", "县城管局"]),
        ("涉及各乡镇的问题", ["各乡镇"]),
    ],
)
def test_the_genres_wordings_of_a_remit_heading(heading, names):
    found = remit_heading(heading)
    assert found is not None and found.whole_section
    assert found.roles["listed"] == names


@pytest.mark.parametrize(
    "heading",
    [
        "涉及民生的问题",  # a field of work, no unit
        "涉及部门的问题",  # a bare kind of body
        "属于有关部门职责范围",  # a vague body
        "群众反映强烈的问题",
        "加强城市管理的问题",
    ],
)
def test_what_names_no_units_remit(heading):
    assert remit_heading(heading) is None


def test_only_the_headings_own_line_is_read():
    found = remit_heading("属住建局职责范围:\n1、工地围挡不规范。")
    assert found is not None and found.roles["listed"] == ["住建局"]
    assert remit_heading("一是工地围挡不规范。\n属住建局职责范围") is None


def test_a_plain_heading_over_a_paragraph_stays_no_clause():
    # An ordinary section intro beside sections whose items name their units: still no clause.
    doc = _parse(
        "某县2024年城区环境整治工作方案\n"
        "一、工作目标\n"
        "城区环境明显改善。\n"
        "二、重点任务\n"
        "1.整治占道经营。(责任单位:县城管局)\n"
        "2.清理小广告。(责任单位:县城管局、城关镇)\n"
        "3.规范停车秩序。(责任单位:县公安局)\n"
    )
    assert [t.title for t in doc.tasks] == ["整治占道经营", "清理小广告", "规范停车秩序"]


_FIX_NOTICE = (
    "一、人民路农贸市场\n"
    "经过整治有所好转,但市场内仍有活禽散养,垃圾清运不及时。\n"
    "整改建议:\n"
    "1.县市场监管局、县城管局负责,包联单位配合、支持,规范活禽经营区域。\n"
    "2.县城管局负责,增加垃圾清运频次。\n"
    "二、滨河公园\n"
    "公园内健身器材破损,公益广告缺失。\n"
    "整改建议:\n"
    "县住建局负责督促指导,包联单位给予支持,维修健身器材,增设公益广告。\n"
)


def test_an_inspection_notices_fix_field_names_the_units_of_each_place():
    doc = _parse(_FIX_NOTICE)
    assert [(t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("县市场监管局、县城管局负责,包联单位配合、支持,规范活禽经营区域", ["县市场监管局"], ["县城管局", "包联单位"]),
        ("县城管局负责,增加垃圾清运频次", ["县城管局"], []),
        # A place whose 整改建议 is one paragraph, beside a place with numbered measures: the place is the clause.
        ("滨河公园", ["县住建局"], ["包联单位"]),
    ]
    assert doc.tasks[2].unit_origin == "整改字段"


def test_the_units_a_baobao_system_assigns_are_one_group():
    for name in ("包保单位", "包联单位", "挂点单位"):
        form = unit_form(name)
        assert form is not None and form.kind == "group"


def test_a_streets_short_form_in_a_responsibility_field_is_a_unit():
    doc = _parse(
        "关于城区环境卫生检查情况的整改通知\n"
        "存在问题:\n"
        "1.建设街老旧小区门前乱堆乱放。(责任单位:建设街、区执法局)\n"
        "2.铁路桥下路面破损。(责任单位:区住建局、张明)\n"
    )
    assert [(t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        (["建设街"], ["区执法局"], []),
        # A person's name beside a unit is still its leader (round 19b).
        (["区住建局"], [], ["张明"]),
    ]
    assert not is_person("建设街")
    assert is_person("张明")
