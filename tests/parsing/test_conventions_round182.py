"""Round 182's 民生实事 / 为民办实事 conventions (fixer f182): a progress register's sub-rows under merged 序号 and unit
cells, groups run together under a salutation (`各地各有关部门`, `各单位各部门`), the units concerned holding the
departments concerned, a comma-parted group's own charge, a notice carrying out the year's 实事 projects charging its
roles, and the year's work weighed by its features. Written from the conventions in wordings the round's documents
do not use, with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import glued_title_end
from policy_tasks.parsing.indicator_rows import lone_indicator


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def _read(tasks) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units) for t in tasks]


_REGISTER = """2024年区政府民生实事项目进展情况表
序号 | 项目内容 | 进展情况 | 责任单位 |
1 | 改造老旧小区12个。 | 已完成改造10个。 | 住建局 |
2 | 新建城市书房5家。 | 已建成城市书房4家。 | 文广旅体局 |
新增公共阅读座位300个。 | 新增公共阅读座位280个。 | ||
举办全民阅读活动100场以上。 | 举办全民阅读活动90场。 | ||
3 | 新增停车泊位2000个。 | 新增停车泊位1500个。 | 城管局 |
"""


def test_a_progress_registers_sub_rows_share_the_merged_unit_cell() -> None:
    doc = _parse(_REGISTER)
    assert [(t.text.split("。", 1)[0], t.lead_units) for t in doc.tasks] == [
        ("改造老旧小区12个", ["住建局"]),
        ("新建城市书房5家", ["文广旅体局"]),
        ("新增公共阅读座位300个", ["文广旅体局"]),
        ("举办全民阅读活动100场以上", ["文广旅体局"]),
        ("新增停车泊位2000个", ["城管局"]),
    ]


def test_a_sub_row_naming_its_own_unit_or_a_date_is_no_shifted_indicator() -> None:
    kinds = ["number", "title", "progress", "lead"]
    assert lone_indicator(["新增公共阅读座位300个。", "新增公共阅读座位280个。", "", ""], kinds) is not None
    assert lone_indicator(["新增公共阅读座位300个。", "区教育局", "", ""], kinds) is None  # a unit of its own
    assert lone_indicator(["新增公共阅读座位300个。", "已新增280个。", "", "区教育局"], kinds) is None  # unit filled
    assert lone_indicator(["新增公共阅读座位300个。", "2024年6月", "", ""], kinds) is None  # a date, not words
    assert lone_indicator(["新增公共阅读座位300个。", "", "已新增280个。", ""], kinds) is None  # not shifted


_SALUTED = """某市人民政府办公厅关于做好民生实事考核工作的通知
各县(市、区)人民政府,市政府各部门、各直属单位:
现将有关要求通知如下:
一、压实责任。各地各有关部门要细化目标任务,压实工作责任。
二、加强协同。各地各部门要健全工作机制,定期研究推进。
"""


def test_groups_run_together_under_a_salutation_are_each_one_addressee() -> None:
    assert _read(_parse(_SALUTED).tasks) == [
        ("一", ["各地"], ["各有关部门"]),
        ("二", ["各地"], ["各部门"]),
    ]


def test_a_locality_s_standing_body_stays_one_unit() -> None:
    text = _SALUTED.replace("各地各有关部门要", "各地应急管理部门要")
    assert _read(_parse(text).tasks)[0] == ("一", ["各地应急管理部门"], [])


_UNITS_FIRST = """某区人民政府关于做好民生项目工作的通知
各镇人民政府、街道办事处,区各有关部门和单位:
现将有关事项通知如下:
一、加强领导。民生项目是惠民的重要举措。各单位各部门要建立健全领导责任制,及时解决困难。
二、严格考核。区政府将把民生项目完成情况纳入年度考核,区考核办要定期通报进展情况。
"""


def test_units_first_run_together_with_the_departments_under_a_salutation_naming_both() -> None:
    assert _read(_parse(_UNITS_FIRST).tasks)[0] == ("一", ["各单位"], ["各部门"])


def test_a_bare_units_group_alone_or_under_a_salutation_of_departments_names_no_one() -> None:
    alone = _parse(_UNITS_FIRST.replace("各单位各部门要", "各单位要"))
    assert all(t.lead_units == [] for t in alone.tasks if t.label == "一")
    only_departments = _parse(_UNITS_FIRST.replace("区各有关部门和单位", "区各有关部门"))
    assert all(t.lead_units != ["各单位"] for t in only_departments.tasks)


_CONCERNED = """某市人民政府办公厅关于做好重点工程工作的通知
各区人民政府,各有关单位:
现将有关事项通知如下:
一、加强领导。各区、各有关部门要高度重视,切实加强组织领导。各区政府要成立指挥机构。同时各区要明确牵头单位,市直各部门要明确具体处室。
二、严格时限。各区要于9月10日前报送工作方案。
"""


def test_units_concerned_hold_the_departments_concerned_and_a_comma_parted_group_helps() -> None:
    assert _read(_parse(_CONCERNED).tasks)[0] == ("一", ["各区"], ["各有关部门", "各区政府", "市直各部门"])


def test_the_departments_all_are_not_a_part_of_the_units_concerned_as_a_bare_word() -> None:
    text = _CONCERNED.replace("各区、各有关部门要高度重视", "各区、各部门要高度重视")
    assert "各部门" not in _read(_parse(text).tasks)[0][1]


_PROJECTS = """某县人民政府关于组织实施2024年度为民办实事项目的通知
各乡镇人民政府,县各有关部门和单位:
县政府决定2024年为群众兴办8类20项实事。现将有关事项通知如下:
一、强化责任落实。今年民生项目点多面广、任务繁重、时限紧,各责任部门要制订实施方案,确保如期完成。各协同部门和单位要密切配合。
二、强化督促检查。县督查室要定期开展督查,及时通报进展情况。
"""


def test_a_notice_carrying_out_the_years_projects_charges_the_lists_roles() -> None:
    doc = _parse(_PROJECTS)
    assert _read(doc.tasks)[0] == ("一", ["各责任部门"], ["各协同部门和单位"])
    # `今年…点多面广、任务繁重、时限紧`: the year's work weighed, no deadline
    assert [m.due_date for m in doc.tasks[0].milestones if m.kind == "deadline"] == []


def test_a_year_opening_a_task_stays_dated() -> None:
    text = _PROJECTS.replace("今年民生项目点多面广、任务繁重、时限紧,", "今年完成全部项目建设,")
    assert [m.due_date.isoformat() for m in _parse(text).tasks[0].milestones if m.kind == "deadline"] == ["2024-12-31"]


def test_a_notice_on_other_work_charges_no_role() -> None:
    text = _PROJECTS.replace("组织实施2024年度为民办实事项目", "做好2024年度防汛工作")
    assert _read(_parse(text).tasks)[0][1] != ["各责任部门"]


def test_a_heading_of_two_phrases_run_into_its_groups_in_a_copy_with_no_line_breaks() -> None:
    text = _CONCERNED.replace("一、加强领导。", "一、加强领导,落实责任 ").replace("二、严格时限。", "二、严格时限 ")
    assert _read(_parse(text).tasks)[0][1] == ["各区"]
    groups = frozenset({"places", "units"})
    assert glued_title_end("加强领导,落实责任 各区、各有关部门要高度重视", groups) == 10
    # a purpose clause before the groups, or a heading ending in a verb governing them, is no short title
    assert glued_title_end("为做好重点工程工作,各区、各有关部门要高度重视", groups) is None
    assert glued_title_end("加强领导,督促各区要高度重视", groups) is None
