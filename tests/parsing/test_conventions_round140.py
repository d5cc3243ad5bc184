"""Round 140's convention: one 各 over levels joined by 、 is one addressee, and a county's zones are such a level beside
its towns (`各开发区、镇(街道)`, `各乡镇、园区`), as `各乡镇、街道` and `各区、县级市` are; a second 各 or a zone's committee
after the 、 parts two addressees."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.unit_names import continues_group


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2023, assume_year=2026)


LABEL_LINES = (
    "某县2023年重点工作任务分解方案\n"
    "一、主要目标\n"
    "1.地区生产总值增长6%以上。\n"
    "牵头单位:县发展和改革局\n"
    "责任单位:各有关部门,各开发区、镇(街道)\n"
    "2.一般公共预算收入增长8%。\n"
    "牵头单位:县财政局\n"
    "责任单位:各乡镇、园区\n"
)

BRACKETS = (
    "某区2025年民生实事任务分解方案\n"
    "一、优化教育\n"
    "1. 教育设施。新建学校2所。(牵头单位:区教育局;责任单位:各开发区、镇(街道))\n"
    "2. 关爱行动。建设小屋15间。(牵头单位:区民政局;责任单位:各开发区、各镇(街道))\n"
    "3. 托育服务。新增托位300个。(牵头单位:区卫健委;责任单位:各县区政府、开发区管委会)\n"
)

TABLE = (
    "某县2023年重点工作任务清单\n"
    "序号 | 工作任务 | 牵头单位 | 责任单位\n"
    "1 | 新建污水管网20公里 | 县住建局 | 各开发区、镇(街道)\n"
    "2 | 改造农村公路30公里 | 县交通局 | 县财政局、开发区管委会\n"
    "3 | 建设冷链仓储2处 | 县商务局 | 各乡镇、开发区\n"
)


def test_zones_and_towns_under_one_ge_in_label_lines() -> None:
    tasks = _parse(LABEL_LINES).tasks
    assert [t.lead_units for t in tasks] == [["县发展和改革局"], ["县财政局"]]
    assert [t.co_units for t in tasks] == [["各有关部门", "各开发区、镇(街道)"], ["各乡镇、园区"]]


def test_zones_and_towns_in_brackets_and_the_near_cases() -> None:
    tasks = _parse(BRACKETS).tasks
    assert [t.lead_units for t in tasks] == [["区教育局"], ["区民政局"], ["区卫健委"]]
    assert tasks[0].co_units == ["各开发区、镇(街道)"]
    # A second 各 parts two groups; a qualified government before a zone's committee parts two bodies.
    assert tasks[1].co_units == ["各开发区", "各镇(街道)"]
    assert tasks[2].co_units == ["各县区政府", "开发区管委会"]


def test_zones_and_towns_in_a_table_and_the_near_cases() -> None:
    tasks = _parse(TABLE).tasks
    assert tasks[0].co_units == ["各开发区、镇(街道)"]
    # No 各 before the 、: a bureau and a zone's committee are two bodies.
    assert tasks[1].co_units == ["县财政局", "开发区管委会"]
    assert tasks[2].co_units == ["各乡镇、开发区"]


@pytest.mark.parametrize(
    ("previous", "piece"),
    [
        ("各开发区", "镇(街道)"),
        ("各乡镇", "园区"),
        ("各乡镇", "开发区"),
        ("相关开发区", "镇"),
        ("各镇(街道)", "开发区"),
    ],
)
def test_a_zone_is_a_level_of_the_group(previous: str, piece: str) -> None:
    assert continues_group(previous, piece)


@pytest.mark.parametrize(
    ("previous", "piece"),
    [
        ("各开发区", "各镇"),  # a second 各: two groups
        ("各县区", "开发区管委会"),  # a zone's committee is a body of its own
        ("各县区政府", "开发区管委会"),  # a qualified body before the 、
        ("各开发区", "市直各部门"),  # departments are no level
        ("县财政局", "开发区"),  # no group before the 、
        ("各工业园区", "镇"),  # a named kind of zone is no bare level
    ],
)
def test_near_cases_part_two_addressees(previous: str, piece: str) -> None:
    assert not continues_group(previous, piece)
