"""Conventions met in blind round 95 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it:
- a chief system's posts in a unit bracket (`各级总河长、河长`, `林长`) are persons, leaders; the system's office leads;
- a year in the name of a meeting the work holds (`召开2024年度…工作会议`) dates nothing (near miss: a month in it does);
- a campaign stage's heading with its span dates the items under it that state no time of their own;
- an item's subject after the basis it follows (`按照…要求,公安局交警大队要牵头…`), a county's bureaus written without
  their place; a list of society's bodies charged with `应当`, its closing `其他社会组织` no one;
- a breakdown's covering notice: its role groups as subjects (`各责任单位要…`, later `各牵头单位于…前…`), and a unit's
  head made answerable by post (`各责任单位主要负责人切实履行第一责任人职责`) a leader.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.held_events import held_event_spans
from policy_tasks.parsing.own_offices import own_offices
from policy_tasks.parsing.person_names import is_person
from policy_tasks.parsing.role_groups import role_group
from policy_tasks.parsing.society_addressees import society_list


def _parse(text: str, year: int = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(task) -> tuple[list[str], list[str]]:
    return list(task.lead_units), list(task.co_units)


def _dates(task) -> list[str]:
    return [m.due_date.isoformat() for m in task.milestones if m.due_date and m.time_expression]


# -- Chief posts are persons ---------------------------------------------------------------------------------

_CHIEFS = """某县林长制2023年工作要点

一、压实林长责任
1.健全林长体系。及时调整林长名单,更新林长公示牌。(责任单位:县林长办、县林业局)
2.开展林长巡林。各级林长按要求开展巡林,发现问题及时交办。(责任单位:各级总林长、林长、县林长办、各乡镇人民政府)
"""


def test_chief_posts_in_a_unit_bracket_are_leaders():
    task = _parse(_CHIEFS).tasks[1]
    assert _units(task) == (["县林长办"], ["各乡镇人民政府"])
    assert task.leaders == ["各级总林长", "林长"]
    assert is_person("各级总河长") and is_person("市级河长") and is_person("湖长")
    assert not is_person("县河长制办公室") and not is_person("河长办")


# -- A year naming a meeting held ----------------------------------------------------------------------------

_MEETINGS = """某县河长制2023年工作要点

一、强化组织推动
1.召开年度会议。召开2023年度全县河长制工作会议,部署年度工作。(责任单位:县河长办)
2.开展总结。于2023年6月召开河长制工作推进会,通报工作进展。(责任单位:县水利局)
"""


def test_a_year_in_a_meetings_name_dates_nothing():
    first, second = _parse(_MEETINGS).tasks
    assert _dates(first) == []
    assert _dates(second) == ["2023-06-30"]  # a month in the year is a date the meeting is held by
    assert held_event_spans("举办2023年全县职工运动会") and not held_event_spans("完成2023年度考核")


# -- A stage's span dates its undated items ------------------------------------------------------------------

_STAGES = """某县关于开展占道经营整治工作的通知
各乡镇,县直各单位:
一、工作步骤
(一)第一阶段(2023年4月30日前)
1.县城管局要牵头制定整治方案,于4月20日前印发实施。
2.县市场监管局要组织开展摸底排查,建立问题台账。
(二)第二阶段:集中整治
3.县公安局要配合开展联合执法,依法查处违法行为。
"""


def test_a_stage_heading_dates_the_items_under_it_that_state_no_time():
    tasks = _parse(_STAGES).tasks
    assert [_dates(t) for t in tasks] == [["2023-04-20"], ["2023-04-30"], []]
    assert [t.lead_units for t in tasks] == [["县城管局"], ["县市场监管局"], ["县公安局"]]


# -- Subjects after a basis, bureaus without their place, society's bodies -----------------------------------

_CAMPAIGN = """某县关于推进文明养犬工作的通知
一、工作任务
1.按照县政府统一部署和工作要求,公安局治安大队要牵头制定登记办法,于5月31日前完成。
2.全县各企事业单位、居(村)民委员会、学校、新闻媒体和其他社会组织应当广泛开展文明养犬宣传。
3.按照县政府工作要求,广大群众要自觉文明养犬。
"""


def test_subjects_after_a_basis_and_societys_bodies():
    first, second, third = _parse(_CAMPAIGN).tasks
    assert _units(first) == (["公安局治安大队"], [])
    assert _units(second) == (["全县各企事业单位"], ["居(村)民委员会", "学校", "新闻媒体"])
    assert _units(third) == ([], [])  # the public is no addressee: no unit, so the review page marks it
    assert own_offices("交通运输局、住建局") and not own_offices("该局")
    assert not own_offices("党政办")  # a 镇's office names no place only in a minute (round 89)
    assert society_list("学校、家长") is None


# -- A breakdown's covering notice ---------------------------------------------------------------------------

_COVERING = """某市人民政府办公室关于印发2023年重点工作责任分解方案的通知
一、加强组织,压实责任,认真制订方案。各责任单位要对照分解方案逐项研究。各牵头单位于2023年3月10日前将办理方案报市政府督查室。
二、强化调度,狠抓落实。各责任单位主要负责人切实履行第一责任人职责,加强调度。对难度大的事项,牵头单位及时向市政府报告。
三、加强督查。市政府督查室要定期通报进展情况。
"""


def test_role_groups_as_subjects_and_an_answerable_head():
    first, second, third = _parse(_COVERING).tasks
    assert _units(first) == (["各责任单位"], ["各牵头单位"])
    assert _dates(first) == ["2023-03-10"]
    assert _units(second) == (["各责任单位"], ["牵头单位"])
    assert second.leaders == ["各责任单位主要负责人"]
    assert _units(third) == (["市政府督查室"], [])
    assert role_group("牵头单位") and not role_group("各单位") and not role_group("成员单位")
