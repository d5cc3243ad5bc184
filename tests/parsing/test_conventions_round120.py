"""Conventions met in blind round 120 (docs/parsing.md): covering notices of 政府工作报告 breakdowns.

Written from the conventions, not copied from the documents that showed them: a role's heads by post as a
requirement's subject (`各责任单位主要负责人要…`); groups run together behind the place they are of (`全市各级各部门要…`)
where the salutation names the places and the departments (a zone's towns and 街道办事处, its `各办局室`; a government's
`直属…单位`); the year framed by what it means (`2021年是…开局之年`), which dates nothing; a role named for a case as a
later subject (`相关责任单位要…`); the heads' division of the work (`主要领导亲自抓、分管领导具体抓`) and a role's heads made
answerable (`单位主要负责人作为第一责任人`); a quarterly report whose bracket writes its days out; and a group charged
before the roles, which then help.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import DEPARTMENTS, PLACES, UNITS, notice_groups
from policy_tasks.parsing.deadlines import find_time_phrases, guess_year


def _parse(text: str, year: int | None = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units), list(t.leaders)) for t in doc.tasks]


def _notice(salutation: str, *items: str) -> str:
    head = "某市人民政府办公室关于印发2021年政府工作报告重点工作责任分解的通知\n"
    return head + salutation + "\n现将责任分解印发给你们,请认真贯彻执行。\n" + "\n".join(items) + "\n"


_SALUTATION = "各区人民政府,市政府各部门,各有关单位:"


# --- `各责任单位主要负责人要…` --------------------------------------------------------------------------------


def test_a_roles_heads_as_subject_lead_with_the_role_and_are_its_leader():
    doc = _parse(_notice(_SALUTATION, "一、提高认识,落实责任。各牵头单位主要负责同志要亲自部署,细化分工。"))
    assert _read(doc) == [("一", ["各牵头单位"], [], ["各牵头单位主要负责同志"])]


def test_a_groups_heads_as_subject_name_the_groups_and_no_leader():
    # Rounds 96/97: the heads of the salutation's groups charge the groups, no leader.
    doc = _parse(_notice(_SALUTATION, "一、提高认识,落实责任。各区、各部门主要负责人要亲自部署,细化分工。"))
    assert _read(doc) == [("一", ["各区"], ["各部门"], [])]


# --- `全市各级各部门要…` -------------------------------------------------------------------------------------


def test_groups_run_together_behind_their_place():
    doc = _parse(_notice(_SALUTATION, "一、加强领导。全市各级各部门要把重点工作作为履职的重点抓好落实。"))
    assert _read(doc) == [("一", ["全市各级"], ["各部门"], [])]
    doc = _parse(_notice(_SALUTATION, "一、加强领导。各级各部门要把重点工作作为履职的重点抓好落实。"))
    assert _read(doc) == [("一", ["各级"], ["各部门"], [])]


def test_groups_near_cases():
    # `各级` before a noun is no group; a place before no group; a salutation naming no places.
    assert _read(_parse(_notice(_SALUTATION, "一、加强领导。各级领导干部要带头抓好落实。"))) in (
        [],
        [("一", [], [], [])],
    )
    doc = _parse(_notice("市政府各部门:", "一、加强领导。全市各级各部门要把重点工作抓好落实。"))
    assert [t.lead_units for t in doc.tasks] in ([], [[]])


def test_salutations_naming_a_zones_towns_and_offices_and_a_governments_own_units():
    assert notice_groups([(0, "甲镇人民政府、乙及丙街道办事处,各办局室,各派驻机构:")]) >= {PLACES, DEPARTMENTS}
    assert notice_groups([(0, "各镇政府(街道办事处),区政府直属局以上单位:")]) >= {PLACES, DEPARTMENTS, UNITS}
    assert DEPARTMENTS not in notice_groups([(0, "各直属单位:")])


# --- `2021年是…开局之年` ------------------------------------------------------------------------------------


def test_the_years_frame_dates_nothing():
    text = "2021年是建党100周年和“十四五”开局之年,也是改革深化之年,做好2021年的工作意义重大。各部门要加强领导。"
    assert find_time_phrases(text, 2021) == []
    assert [p.text for p in find_time_phrases("2021年是关键一年。各部门要在2021年底前完成。", 2021)] == ["2021年底前"]
    # A year opening a task, or a year as a target's subject with no `之年`, still dates.
    assert [p.text for p in find_time_phrases("2021年完成改造。", 2021)] == ["2021年"]
    assert [p.text for p in find_time_phrases("2021年是目标年,要完成改造。", 2021)] == ["2021年"]
    # The frame still tells the document's year.
    assert guess_year("2021年是“十四五”开局之年。各部门要加强领导。") == 2021


# --- `相关责任单位要…`, `主要领导亲自抓、分管领导具体抓`, `单位主要负责人作为第一责任人` --------------------------------


def test_a_role_named_for_a_case_helps_and_the_heads_division_names_both_posts():
    item = (
        "一、压实责任。各责任单位要加强组织领导,主要领导亲自抓、分管领导具体抓,明确专人负责。"
        "对于涉及面广的事项,相关责任单位要及时报告存在的困难。"
    )
    assert _read(_parse(_notice(_SALUTATION, item))) == [
        ("一", ["各责任单位"], ["相关责任单位"], ["主要领导", "分管领导"])
    ]


def test_the_heads_division_near_cases():
    # A mechanism listing the posts (the first post opening no part) names no leader.
    item = "一、压实责任。各责任单位要建立主要负责人负总责、分管负责人具体抓的工作机制。"
    assert _read(_parse(_notice(_SALUTATION, item))) == [("一", ["各责任单位"], [], [])]
    # After a group of the salutation the heads stay no leader (round 106).
    item = "一、压实责任。各区要加强组织领导,主要领导亲自抓、分管领导具体抓。"
    assert _read(_parse(_notice(_SALUTATION, item))) == [("一", ["各区"], [], [])]


def test_a_group_charged_before_the_roles_leads_and_the_roles_heads_answer():
    item = (
        "一、强化组织领导。2021年是“十四五”开局之年。全市各级各部门要提高站位,抓好落实。"
        "牵头单位要发挥主导作用,单位主要负责人作为第一责任人,对责任事项的落实负总责。责任单位要积极配合。"
    )
    doc = _parse(_notice(_SALUTATION, item))
    assert _read(doc) == [("一", ["全市各级"], ["各部门", "牵头单位", "责任单位"], ["单位主要负责人"])]
    assert doc.tasks[0].milestones == []


# --- `每季度末(分别在6月、9月和12月底)` ---------------------------------------------------------------------------


def test_a_quarterly_report_whose_bracket_writes_its_days_out():
    salutation = "各镇政府(街道办事处),区政府直属局以上单位:"
    item = "二、各部门各单位要在每季度末(分别在6月、9月和12月底),将完成任务的进展情况报区督查组。"
    doc = _parse(_notice(salutation, item), year=2021)
    assert _read(doc) == [("二", ["各部门"], ["各单位"], [])]
    stones = doc.tasks[0].milestones
    assert sorted(str(m.due_date) for m in stones if not m.recurrence) == ["2021-06-30", "2021-09-30", "2021-12-31"]
    duty = [m for m in stones if m.recurrence]
    assert [(m.recurrence, [str(d) for d in m.occurrences]) for m in duty] == [
        ("quarterly", ["2021-06-30", "2021-09-30", "2021-12-31"])
    ]


def test_a_quarterly_report_with_no_bracket_is_one_recurring_duty():
    item = "二、各牵头单位要在每季度末将完成任务的进展情况报市政府督查室。"
    stones = _parse(_notice(_SALUTATION, item)).tasks[0].milestones
    assert [(m.recurrence, str(m.due_date)) for m in stones] == [("quarterly", "2021-03-31")]
