"""Conventions met in blind round 111 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it: a province's covering notice for its
breakdown of the 政府工作报告 charging the salutation's groups written run together (`各地各部门要…`) and, in a later
sentence, the departments that lead the breakdown's tasks (`省政府各牵头部门要…`); a district's covering notice charging
the breakdown's lead role by the name `牵头责任单位`; a 巡察 rectification publication whose numbered heading is the
inspected party's name over `反馈问题:` / `整改情况:` paragraphs; a 督查通报 on deputies' proposals naming each
proposal's handler as its attribute (`1.X承办的“关于…的建议”`), with a `办理情况:已办结。…` paragraph reporting work done.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import DEPARTMENTS, PLACES, group_kind, group_subject
from policy_tasks.parsing.handled_proposals import proposal_handler
from policy_tasks.parsing.progress_lists import progress_spans
from policy_tasks.parsing.textutil import normalise


def _parse(text: str, year: int = 2022):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _read(doc) -> list[tuple[str, list[str], list[str]]]:
    return [(t.label, list(t.lead_units), list(t.co_units)) for t in doc.tasks]


_PROVINCE = """某省人民政府关于分解下达2022年《政府工作报告》重点任务的通知
某政发〔2022〕3号
各市、自治州人民政府,省政府各部门,中央在某各单位:
省政府决定,将《政府工作报告》重点任务予以分解下达。现将有关事项通知如下:
一、统一思想抓落实。各地各部门要把落实《政府工作报告》作为重要政治任务,坚决完成各项目标任务。
二、明确责任抓落实。各地各部门要对照分解表分工,明确时间表、路线图。省政府各牵头部门要于2月底前完成各项任务的细化分解。
"""


def test_groups_written_run_together_and_the_lead_departments_of_a_later_sentence():
    doc = _parse(_PROVINCE)
    assert _read(doc) == [
        ("一", ["各地"], ["各部门"]),  # `各地各部门`: two groups, no `、` between them; the first leads
        ("二", ["各地"], ["各部门", "省政府各牵头部门"]),  # the departments leading the breakdown's tasks help
    ]
    assert [str(m.due_date) for m in doc.tasks[1].milestones] == ["2022-02-28"]


def test_run_together_groups_near_cases():
    groups = frozenset({PLACES, DEPARTMENTS})
    norm = normalise("各地各部门要加强领导。")
    assert [norm[a:b] for a, b in group_subject(norm, 0, groups)[0]] == ["各地", "各部门"]
    # Each run-together part must be a group: `各地各类企业` is no pair of the salutation's groups, `各地区` one group.
    assert group_subject(normalise("各地各类群众要积极参与。"), 0, groups) is None
    assert [len(p) for p in [group_subject(normalise("各地区要加强领导。"), 0, groups)[0]]] == [1]
    # Only the salutation's kinds: a notice to the places alone reads no departments.
    assert group_subject(norm, 0, frozenset({PLACES})) is None
    # The lead departments need their level's government: a bare `各牵头部门` is the breakdown's role, not this group.
    assert group_kind("省政府各牵头部门") == DEPARTMENTS
    assert group_kind("各牵头部门") is None and group_kind("省政府各有关部门") is None


def test_run_together_groups_without_a_salutation_charge_no_one():
    doc = _parse(
        "某省重点工作方案\n一、统一思想。各地各部门要把落实重点工作作为重要任务。\n二、强化保障。各地各部门要加强督查。\n"
    )
    assert [t.lead_units for t in doc.tasks] == [[], []]


_DISTRICT = """关于做好2018年重点工作任务的通知
各乡镇人民政府、街道办事处,政府各部门并有关单位:
结合班子成员职责分工,将各项工作任务分解(详见附件),现就有关事宜通知如下:
一、落实责任,确保质量
各责任单位要制定计划,明确责任,狠抓落实。
二、密切配合,各负其责
牵头责任单位要切实担负起第一责任人的责任,牵头抓总,积极组织实施。各相关单位要全力支持、积极帮助解决遇到的困难和问题。
某区人民政府办公室
2018年8月16日
"""


def test_the_lead_responsible_unit_is_the_breakdowns_lead_role():
    # `牵头责任单位` answers; `各相关单位`, given only a helping part, helps though written later (round 99's rule).
    assert _read(_parse(_DISTRICT, 2018)) == [("一", ["各责任单位"], []), ("二", ["牵头责任单位"], ["各相关单位"])]


def test_a_heading_naming_the_inspected_party_over_its_problem():
    doc = _parse(
        "某州党委第五轮巡察乡镇整改进展情况\n现将巡察整改情况予以公布。\n一、某某县东城镇党委\n"
        "反馈问题:人才振兴问题突出。镇党委研究谋划不足。\n整改情况:制定后备干部选拔培养制度,储备后备力量56名。\n"
        "二、某某县北庭镇党委\n反馈问题:普法宣传不深入。\n整改情况:开展法律进村活动12场。\n",
        2024,
    )
    assert _read(doc) == [("一", ["某某县东城镇党委"], []), ("二", ["某某县北庭镇党委"], [])]
    assert doc.tasks[0].text.startswith("反馈问题:人才振兴")


def test_a_heading_that_is_a_goal_names_no_party():
    doc = _parse("某县工作要点\n一、加快建设数字政府\n推进政务数据共享,年底前完成平台建设。\n", 2024)
    assert [t.lead_units for t in doc.tasks] == [[]]


def test_a_proposals_handler_written_as_its_attribute():
    found = proposal_handler("农业和科技委员会承办的“关于解决某村自来水并网的建议”(第1号)")
    assert found is not None and found.roles["lead"] == ["农业和科技委员会"]
    assert proposal_handler("由县财政局办理的“关于工业园区资金的提案”").roles["lead"] == ["县财政局"]
    # A group, or a sentence that only mentions the handled proposals, names no one.
    assert proposal_handler("各部门承办的“关于…的建议”") is None
    assert proposal_handler("区政府督查室对承办的“关于…的建议”进行了督查") is None
    assert proposal_handler("农业和科技委员会承办的建议3件") is None


def test_a_settled_proposals_report_dates_nothing():
    doc = _parse(
        "关于人大建议办理情况的督查通报\n一、办理情况\n"
        "1.县水务局承办的“关于解决某村自来水并网的建议”(第1号)\n"
        "办理情况:已办结。该工程于2017年4月20日开工建设,7月27日通过竣工验收。\n"
        "2.县财政局承办的“关于工业园区资金的建议”(第2号)\n"
        "办理情况:正在办理。县财政局将于2017年12月底前拨付资金。\n",
        2017,
    )
    assert _read(doc) == [("1", ["县水务局"], []), ("2", ["县财政局"], [])]
    assert doc.tasks[0].milestones == []
    # A proposal still being handled keeps the date it is due by.
    assert [str(m.due_date) for m in doc.tasks[1].milestones] == ["2017-12-31"]


def test_settled_label_near_cases():
    assert progress_spans("办理情况:已办结。该工程于4月20日开工。") != []
    assert progress_spans("办理情况:正在办理,9月底前完成。") == []
    assert progress_spans("工作要求:已完成的要巩固,9月底前完成。") == []


_TRACKED = """关于做好2019年重点工作任务的通知
各乡镇人民政府,政府各部门:
现将各项工作任务分解(详见附件),现就有关事宜通知如下:
一、落实责任,确保质量
各责任单位要严格遵循“年初公布、年中检查、年底兑现、接受监督”的原则,确保按期完成任务。
二、加强督查,有效监督
某区政府办公室将严格按照“年初建账、逐月查账、年底交账”的督查制度,加强跟踪督查,对办理不力的单位予以通报。
某区人民政府办公室
2019年3月1日
"""


def test_a_quoted_slogan_dates_nothing_and_the_supervising_office_is_no_clause():
    doc = _parse(_TRACKED, 2019)
    assert _read(doc) == [("一", ["各责任单位"], [])]  # 二: the issuing office's own supervision
    assert doc.tasks[0].milestones == []  # `年底兑现` names the principle


def test_slogan_and_supervision_near_cases():
    # A deadline quoted alone, or outside a slogan, still dates the item.
    doc = _parse("一、落实责任。各责任单位要做到“年底前全部完成”。\n二、加快推进。各责任单位要于年底前完成。\n", 2019)
    assert [[str(m.due_date) for m in t.milestones] for t in doc.tasks] == [["2019-12-31"], ["2019-12-31"]]
    # The office charged with `要`, or committing to something other than supervision, is read as before.
    doc = _parse(
        "关于做好重点工作的通知\n各乡镇人民政府,政府各部门:\n现通知如下:\n一、加强督查。县政府督查室要加强督查。\n"
        "二、制定方案。县政府办公室将牵头制定实施方案。\n县人民政府办公室\n2019年3月1日\n",
        2019,
    )
    assert [t.label for t in doc.tasks] == ["一", "二"]
