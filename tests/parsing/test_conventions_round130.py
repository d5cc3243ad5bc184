"""Conventions met in blind round 130 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a district's notice on the duties for a
sports meet it hosts, a district's plan for a festival event). At the round's first look the parser read no unit for
duty items naming their bodies as sentence subjects (`A和B为…总协调机构`, short forms spelled out in later sentences,
schools by their short names), let an event's organisers in the header (`承办单位:…`) stand over items that name
their own department before a colon, and read no helper in `协同X…` inside such an item.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.clause_doubts import doubtful
from policy_tasks.parsing.field_cells import stated_above

_MEET = (
    "关于做好全市青少年田径运动会保障工作的通知\n"
    "为保障运动会在我县顺利举办,现将有关事宜通知如下:\n"
    "一、组织机构\n"
    "领导小组办公室设在县体育局。\n"
    "二、工作职责\n"
    "(一)县政府办公室和县体育局为运动会的总协调机构。负责联系各责任部门,督促落实工作职责。\n"
    "(二)卫生、城管、交通等部门负责保障赛场周边环境。卫生局要做好食品安全监管;城管局要清理占道经营;"
    "交通局要保障道路畅通。\n"
    "(三)实验一中、城关二小和育才附中要制定应急预案,明确分工。\n"
)


def test_a_meets_duty_items_name_their_bodies_as_subjects():
    doc = parse_document(_MEET, year=2024)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)", ["县政府办公室"], ["县体育局"]),
        ("(二)", ["卫生局"], ["城管局", "交通局"]),
        ("(三)", ["实验一中"], ["城关二小", "育才附中"]),
    ]


def test_schools_by_their_short_names_are_no_doubtful_units():
    doc = parse_document(_MEET, year=2024)
    assert not [w for w in doc.warnings if "不像单位名称" in w.message]
    assert not doubtful("北重三中") and not doubtful("内科大附中")
    assert doubtful("集中")  # no school's number before 中


def test_membership_is_no_coordinating_body():
    doc = parse_document(_MEET.replace("为运动会的总协调机构", "为领导小组成员单位"), year=2024)
    assert not doc.tasks[0].lead_units


def test_short_forms_alone_name_no_body():
    # The topic sentence's short forms, with no sentence spelling them out, charge no one.
    text = _MEET.replace("卫生局要做好食品安全监管;城管局要清理占道经营;交通局要保障道路畅通。", "各单位要密切配合。")
    doc = parse_document(text, year=2024)
    assert not doc.tasks[1].lead_units and not doc.tasks[1].co_units


def test_a_later_subject_that_spells_out_no_short_form_is_none():
    text = _MEET.replace("城管局要清理占道经营;交通局要保障道路畅通", "志愿者要清理占道经营;宣传科要保障道路畅通")
    doc = parse_document(text, year=2024)
    assert not doc.tasks[1].lead_units


def test_a_single_school_or_a_word_ending_in_zhong_is_no_list_of_schools():
    for opening in ("实验一中要", "其中要", "高中和初中要"):
        doc = parse_document(_MEET.replace("实验一中、城关二小和育才附中要", opening), year=2024)
        assert not doc.tasks[2].lead_units, opening


_FESTIVAL = (
    "合唱节活动工作方案\n"
    "为办好本次活动,特拟定以下工作方案:\n"
    "主承办单位\n"
    "主办单位:市委宣传部、市文广局\n"
    "承办单位:区委宣传部、区文化局、区总工会\n"
    "协办单位:某某有限公司\n"
    "活动时间\n"
    "2024年6月17日9:00\n"
    "工作分工\n"
    "(一)区委办:负责确定出席活动的领导名单。\n"
    "(二)区委宣传部:负责协调媒体报道。\n"
    "(三)区文化局:负责制定活动方案;协同区总工会确定演出节目、现场调度等工作。\n"
    "(四)区总工会:负责联络演出场地。\n"
    "(五)区公安局:负责现场安保;协同有关部门疏导交通。\n"
)


def test_a_plans_departments_before_a_colon_keep_their_items_and_the_organisers_stay_above():
    doc = parse_document(_FESTIVAL, year=2024)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)", ["区委办"], []),
        ("(二)", ["区委宣传部"], []),
        ("(三)", ["区文化局"], ["区总工会"]),
        ("(四)", ["区总工会"], []),
        ("(五)", ["区公安局"], []),  # `协同有关部门`: no unit in particular
    ]


def test_an_events_organisers_are_no_field_over_the_items():
    header = [(1, "主办单位:市委宣传部"), (2, "承办单位:区委宣传部、区总工会"), (3, "协办单位:某某公司")]
    assert stated_above(header) is None


def test_a_rows_responsibility_field_still_stands_over_its_measures():
    # A 整改 row's 责任单位 (or a lone 承办单位, a row's own field) still governs the measures below it.
    assert stated_above([(1, "整改任务:道路破损"), (2, "责任单位:区住建局")]) is not None
    assert stated_above([(1, "承办单位:区住建局"), (2, "完成时限:2024年6月底")]) is not None


def test_a_headings_bracketed_lead_label_is_no_department_before_a_colon():
    # `(一)提升城市品质(牵头单位:市园林绿化局)`: the colon is the label's, inside an open bracket (round 54's heading lead).
    from policy_tasks.parsing.unit_colon_items import unit_colon_charge

    assert unit_colon_charge("提升城市园林品质(牵头单位:市园林绿化局)") is None
    assert unit_colon_charge("县发改局(粮食局):负责项目审批。") is not None
