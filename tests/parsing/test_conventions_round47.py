"""Conventions met in blind round 47 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (a county department's
extract of its county's yearly task list, items followed by label lines `牵头责任单位:` / `主要协作单位:`).
Its co line ends `县政府有关部门、有关直属单位`: a qualifier written once (县政府) before two kinds of unit
joined by 、, the second with no owner of its own, is one addressee, as `市直有关部门、单位` is. At the
round's first look the line was split at its 、.

A kind opened by 各 is a group of its own (`省政府各部门、各直属机构` is annotated as two units in the
corpus), and a bare 有关部门 after one unit or a group of places is the README's bare 有关部门, no unit:
both are left as they were.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes


def _co_units(co_line: str) -> list[str]:
    text = f"某县2021年重点工作任务分解\n1.加强公共卫生体系建设。\n牵头责任单位:县卫健委\n主要协作单位:{co_line}\n"
    (task,) = parse_bytes(text.encode(), filename="tasks.txt", year=2021).tasks
    assert task.lead_units == ["县卫健委"]
    return task.co_units


@pytest.mark.parametrize(
    "co_line",
    [
        "县政府有关部门、有关直属单位",
        "市政府有关部门、有关单位",
        "区政府各部门、直属机构",
        "市直有关部门、单位",
        "县政府有关部门、相关所属单位",
    ],
)
def test_a_qualifier_written_once_before_two_kinds_of_unit_is_one_addressee(co_line):
    assert _co_units(co_line) == [co_line]


def test_the_addressee_stands_beside_the_other_units_of_the_line():
    assert _co_units("各乡镇人民政府、经济开发区管委会,县政府有关部门、有关直属单位") == [
        "各乡镇人民政府",
        "经济开发区管委会",
        "县政府有关部门、有关直属单位",
    ]


def test_a_kind_opened_by_ge_is_a_group_of_its_own():
    assert _co_units("市政府各部门、各直属机构") == ["市政府各部门", "各直属机构"]
    assert _co_units("县政府有关部门、各直属单位") == ["县政府有关部门", "各直属单位"]


def test_a_kind_with_an_owner_of_its_own_is_another_unit():
    assert _co_units("县政府有关部门、县直有关单位") == ["县政府有关部门", "县直有关单位"]


def test_two_units_are_still_two():
    assert _co_units("县发改委、县财政局") == ["县发改委", "县财政局"]


@pytest.mark.parametrize("co_line, units", [("各乡镇、有关部门", ["各乡镇"]), ("县发改委、有关单位", ["县发改委"])])
def test_a_bare_kind_after_a_unit_or_a_group_of_places_is_no_unit(co_line, units):
    assert _co_units(co_line) == units


def test_the_same_reading_in_a_closing_bracket():
    text = "某县2021年工作任务\n一、加强建设\n1.加强公共卫生建设。(牵头单位:县卫健委;责任单位:县政府有关部门、有关直属单位)\n"
    (task,) = parse_bytes(text.encode(), filename="tasks.txt", year=2021).tasks
    assert (task.lead_units, task.co_units) == (["县卫健委"], ["县政府有关部门、有关直属单位"])
