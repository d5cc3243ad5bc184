"""Rounds 187-189's one addressee written as a single 各 over kinds of place or office (fixer fgroup): the group's
own bracket of the other kinds of place (`各乡镇(街道、开发区)`), a prefecture beside a city in a group's bracket with a
copy's stray spaces, and a bureau's sections and units under one 各. Written in wordings the rounds' documents do
not use, with near cases that must stay several units."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.quantified_kinds import group_bracket, office_kinds
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.unit_names import space_split


def _units(text: str) -> list[tuple[str, list[str], list[str]]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2023, assume_year=2026)
    return [(t.label, t.lead_units, t.co_units) for t in doc.tasks]


def _bracket(text: str) -> bool:
    norm = normalise(text)
    start = norm.rindex("(") + 1
    return group_bracket(norm, start, norm.rindex(")"))


# --- the group's own bracket (round 187) ---


def test_a_group_bracket_of_levels_is_the_groups_own() -> None:
    assert _bracket("配合单位:各乡(社区、园区)")
    assert _bracket("配合单位:县交通局,各镇(街道、开发区)")
    assert not _bracket("配合单位:县经信局(商务局、粮食局)")  # near case: a body's other names, no group
    assert not _bracket("配合单位:各镇(县财政局、县税务局)")  # near case: bodies after a group, no levels
    assert not _bracket("配合单位:各有关单位(企业、协会)")  # near case: no place's level under the 各


_FIELDS = """一、县长牵头重点工作
1. 城乡居民收入增长与经济增长同步。
牵头单位:县人社局
配合单位:县农业农村局,各乡镇(街道、开发区)
2. 提升公交通达水平。
牵头单位:县交通局
配合单位:各乡、县直各部门
3. 做好防汛准备。
牵头单位:县水利局
配合单位:各乡(社区)
"""


def test_a_field_line_group_keeps_its_bracket_of_levels() -> None:
    assert _units(_FIELDS) == [
        ("1", ["县人社局"], ["县农业农村局", "各乡镇(街道、开发区)"]),
        ("2", ["县交通局"], ["各乡", "县直各部门"]),  # near case: a qualified body after the 、 is another unit
        ("3", ["县水利局"], ["各乡(社区)"]),  # as it was
    ]


# --- a prefecture beside a city, a copy's stray spaces (round 188) ---

_MEASURES = """一、支持产业升级
1.支持设备更新。对企业购置设备给予补助。〔省发改委、省财政厅, 各市 (地) 、县 (市) 政府 (行署) 〕
2.支持园区扩能。对园区基础设施给予补助。(省发改委,各市(地)、县(市)政府(行署))
3.支持品牌建设。对获评品牌的企业给予奖励。(省市场监管局, 各市 (州) 、县 (市) 政府)
4.支持人才引进。对引进人才给予补贴。(省人社厅,各市、各县政府)
"""


def test_one_group_over_a_city_or_prefecture_and_a_county_is_one_unit() -> None:
    assert _units(_MEASURES) == [
        ("1", ["省发改委"], ["省财政厅", "各市(地)、县(市)政府(行署)"]),
        ("2", ["省发改委"], ["各市(地)、县(市)政府(行署)"]),
        ("3", ["省市场监管局"], ["各市(州)、县(市)政府"]),
        ("4", ["省人社厅"], ["各市", "各县政府"]),  # near case: a second 各 parts two groups
    ]


# --- a bureau's offices under one 各 (round 189) ---


def test_a_bureaus_sections_and_units_under_one_ge_are_one_addressee() -> None:
    assert office_kinds("各科室")
    assert office_kinds("局机关各处室")
    assert not office_kinds("办公室")  # near case: one office, no category
    assert not office_kinds("各部门")  # a category already (`unit_lists._CATEGORY_END_RE`)


_POINTS = """一、推进公开
(一)做好政策解读。及时解读新出台的政策文件。(责任单位:各处室、直属单位)
(二)规范依申请公开。依法答复申请。(责任单位:各股室、各单位)
(三)加强平台建设。更新网站栏目。(责任单位:办公室、单位)
(四)做好信息报送。(责任单位:各科室、区档案馆)
"""


def test_one_ge_over_kinds_of_office_and_its_near_cases() -> None:
    assert _units(_POINTS) == [
        ("(一)", ["各处室、直属单位"], []),
        ("(二)", ["各股室"], ["各单位"]),  # near case: a second 各
        ("(三)", ["办公室"], ["单位"]),  # near case: no 各 over the list, as before
        ("(四)", ["各科室"], ["区档案馆"]),  # near case: a named body after the 、
    ]


def test_a_spaced_bracket_joins_its_name_and_a_spaced_list_stays_a_list() -> None:
    assert space_split("县 (市) 政府 (行署)") == ["县(市)政府(行署)"]
    assert space_split("省商务厅 省财政厅") == ["省商务厅", "省财政厅"]  # near case: a table cell's two units
    assert space_split("省商务厅 (省口岸办)") == ["省商务厅(省口岸办)"]  # its other name, spaced out
