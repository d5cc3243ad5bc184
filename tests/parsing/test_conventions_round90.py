"""Conventions met in blind round 90 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a city's breakdown of its government
work report closes each target with a bracket of bare unit names, no label and no role word, the departments
joined by `、` and the counties and the city's zone after `,` (`(市财政局、市国税局,各县市区政府,经济开发区)`).
The parts are one list: the first named leads, the others are co in order; a zone or a district beside the
departments is a unit of the list though it is no unit alone; `市政府相关部门` (a qualified addressee) is one unit.
Near misses: a bracket of a figure, of a note, or of the places the item takes in (`(包括A镇、B镇、C镇三个乡镇)`)
names no unit.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int = 2010):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(doc) -> list[tuple[list[str], list[str]]]:
    return [(t.lead_units, t.co_units) for t in doc.tasks]


def _unnamed(doc) -> list[str]:
    return [w.message for w in doc.warnings if "未写明责任单位" in w.message]


# -- Departments by `、`, groups and zones after `,` ---------------------------------------------------------

_MIXED = """某市人民政府办公室关于分解落实《政府工作报告》的通知
各县、市、区人民政府,经济开发区,市政府各部门:
一、主要工作目标
1、地区生产总值增长10%(市发改委,市政府相关部门,各县市区政府,经济开发区)。
2、财政一般预算收入增长12%(市财政局、市国税局、市地税局,各县市区政府,经济开发区)。
3、单位生产总值能耗下降4%(市发改委、市经信委、市环保局、某市供电公司,各县市区政府,经济开发区)。
4、城镇新增就业3万人(市人社局;各县市区政府;高新区)。
"""


def test_a_mixed_bracket_of_bare_names_is_the_items_units_first_leading():
    doc = _parse(_MIXED)
    assert _units(doc) == [
        (["市发改委"], ["市政府相关部门", "各县市区政府", "经济开发区"]),
        (["市财政局"], ["市国税局", "市地税局", "各县市区政府", "经济开发区"]),
        (["市发改委"], ["市经信委", "市环保局", "某市供电公司", "各县市区政府", "经济开发区"]),
        (["市人社局"], ["各县市区政府", "高新区"]),
    ]
    assert _unnamed(doc) == []


# The same list written with `,` alone, a district standing for its government beside a bureau, and the zone
# first after a `、` run: each is still one list of the item's units.
_COMMAS = """某县2012年政府工作报告目标任务分解
1.农民人均纯收入增长12%(县农业局,县林业局,各乡镇人民政府,工业园区)。
2.新建保障性住房800套(县住建局、县国土资源局,城关镇,工业园区)。
3.社会消费品零售总额增长15%(县商务局,开发区、各乡镇)。
"""


def test_comma_lists_with_places_and_zones_are_read_whole():
    assert _units(_parse(_COMMAS)) == [
        (["县农业局"], ["县林业局", "各乡镇人民政府", "工业园区"]),
        (["县住建局"], ["县国土资源局", "城关镇", "工业园区"]),
        (["县商务局"], ["开发区", "各乡镇"]),
    ]


# -- Near misses ------------------------------------------------------------------------------------------

_NEAR = """某县2012年为民办实事分解
1.新建乡镇卫生院3所(包括青山镇、白水镇、石桥镇三个乡镇)。(县卫生局,各乡镇人民政府)
2.改造农村公路80公里(包括青山镇、白水镇)。(县交通局)
3.完成造林5万亩(其中东区2万亩,西区3万亩)。(县林业局)
4.粮食总产量达到50万吨(比上年增长2%,下同)。(县农业局)
"""


def test_a_bracket_of_places_figures_or_a_note_names_no_unit():
    assert _units(_parse(_NEAR)) == [
        (["县卫生局"], ["各乡镇人民政府"]),
        (["县交通局"], []),
        (["县林业局"], []),
        (["县农业局"], []),
    ]


_PLACES_ONLY = """某县2012年为民办实事分解
1.新建乡镇卫生院3所(青山镇、白水镇、石桥镇三个乡镇)。
2.改造农村公路80公里(包括青山镇、白水镇)。
3.改造城区道路(东区、西区)。
"""


def test_a_bracket_listing_the_items_places_alone_leaves_it_unnamed():
    doc = _parse(_PLACES_ONLY)
    assert _units(doc) == [([], [])] * 3
    assert len(_unnamed(doc)) == 3
