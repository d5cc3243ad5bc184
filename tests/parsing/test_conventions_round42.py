"""Conventions met in blind round 42 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a development zone's
notices signing off single tasks of a city's 专项行动 problem list, `整改验收销号公示`). At the round's
first look neither was read: the field heading naming the owner (`二、整改实施主体`) was taken for the
clause, the zone's `党工委、管委会` was split in two, and the deadline heading's value dated nothing.
"""

from __future__ import annotations

import datetime

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.record_headings import record_fields
from policy_tasks.parsing.units import read_responsibility


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_SIGN_OFF = (
    "安全隐患整改销号公示\n"
    "某县2024年燃气安全专项整治行动隐患清单问题已整改完成,现公示如下:\n"
    "一、整改问题\n"
    "(一)某街道老旧小区燃气管道锈蚀,存在泄漏风险。\n"
    "(二)某餐馆未安装燃气泄漏报警装置。\n"
    "二、整改责任单位\n"
    "县住建局、某街道办事处\n"
    "三、整改措施\n"
    "(一)更换锈蚀管道。\n"
    "(二)督促餐馆安装报警装置。\n"
    "四、完成时限\n"
    "2024年10月底前\n"
    "五、整改完成情况\n"
    "经核查,已完成整改。公示期间为2024年11月1日至11月10日。\n"
    "2024年11月1日\n"
)

_TASK_RECORD = (
    "专项行动任务完成情况公示\n"
    "一、整改任务\n"
    "清理河道两侧堆放的建筑垃圾。\n"
    "二、整改实施主体\n"
    "某经济开发区党工委、管委会\n"
    "三、目标任务\n"
    "河道两侧无垃圾堆放。\n"
    "四、整改时限\n"
    "2025年6月底前\n"
    "五、整改完成情况\n"
    "已完成。如有异议,请于2025年7月15日前反映。\n"
)


@pytest.mark.parametrize(
    ("text", "start", "lead", "co", "due"),
    [
        (_SIGN_OFF, "某街道老旧小区燃气管道锈蚀", ["县住建局"], ["某街道办事处"], datetime.date(2024, 10, 31)),
        (_TASK_RECORD, "清理河道两侧堆放的建筑垃圾", ["某经济开发区党工委、管委会"], [], datetime.date(2025, 6, 30)),
    ],
)
def test_a_record_of_numbered_field_headings_is_one_task(text, start, lead, co, due):
    """Its subject heading is the clause, the owner heading its units, the deadline heading its due
    date; the completion report and the objection period after the deadline date nothing."""
    tasks = _parse(text).tasks
    assert len(tasks) == 1
    task = tasks[0]
    assert task.text.startswith(start)
    assert (task.lead_units, task.co_units) == (lead, co)
    assert [m.due_date for m in task.milestones] == [due]


def test_a_plan_whose_headings_are_no_fields_is_left_as_it_was():
    """Numbered headings that are not a record's fields (no owner heading, no deadline heading)."""
    lines = [
        (line, True)
        for line in (
            "一、工作目标",
            "全面完成整治。",
            "二、工作任务",
            "清理垃圾。",
            "三、工作要求",
            "加强领导。",
            "四、保障措施",
            "落实经费。",
        )
    ]
    assert record_fields(lines) == lines


@pytest.mark.parametrize(
    ("bracket", "units"),
    [
        ("(责任单位:宿某园区党工委、管委会)", ["宿某园区党工委、管委会"]),
        ("(责任单位:各乡镇党委、政府,县农业农村局)", ["各乡镇党委、政府", "县农业农村局"]),
        ("(责任单位:高新区党工委、管理委员会)", ["高新区党工委、管理委员会"]),
    ],
)
def test_a_party_committee_and_its_government_joined_by_a_list_comma_are_one_addressee(bracket, units):
    found = read_responsibility("开展河道清理整治。" + bracket)
    lead, co = found.lead_and_co()
    assert [*lead, *co] == units


def test_two_units_after_a_party_committee_stay_two():
    """Only the government half alone after a party committee joins it; another unit does not."""
    found = read_responsibility("开展河道清理整治。(责任单位:县委宣传部、县文旅局)")
    lead, co = found.lead_and_co()
    assert [*lead, *co] == ["县委宣传部", "县文旅局"]
