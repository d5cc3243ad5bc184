"""Conventions met in blind round 127 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a district's notice handing out its key
projects, a county's one-project 实施方案). At the round's first look the parser read no unit for requirements whose
subject is a project role (`各重点项目业主单位务必…`), none for a plan's item that sets up its leading group and then
gives it the work (`领导组协调…`), and took a run-in `一、指导思想以…为指导` for a measure.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document

_PROJECTS_NOTICE = (
    "某区重点项目建设通告\n"
    "根据市政府有关通知精神,经研究,决定下达区2024年重点建设项目。\n"
    "一、重点建设项目工作计划\n"
    "区重点建设项目共计30项,年度计划投资50亿元。\n"
    "二、工作要求\n"
    "(一)项目业主单位\n"
    "1、各重点项目业主单位务必制定详细工作方案,建立项目工作责任制。"
    "各重点前期项目承办单位务必按计划节点完成规划、土地、环评等审批环节。\n"
    "2、各重点建设项目业主单位务必于每月5日前报送项目进度。\n"
    "(二)项目责任协调单位\n"
    "1、各责任协调单位要强化服务,督促和推动项目业主单位全面完成重点项目填报。\n"
)


def test_a_notice_handing_out_key_projects_charges_their_roles_as_subjects():
    # Each role one addressee as written; the first subject leads, a later sentence's in the paragraph helps; `务必`
    # charges as `要`.
    doc = parse_document(_PROJECTS_NOTICE, year=2024)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)1", ["各重点项目业主单位"], ["各重点前期项目承办单位"]),
        ("(一)2", ["各重点建设项目业主单位"], []),
        ("(二)1", ["各责任协调单位"], []),
    ]


def test_a_later_role_in_a_paragraph_of_its_own_stays_the_items_after_a_blank_line():
    # A portal's copy keeps a blank line between paragraphs: the next role's paragraph is still the item's.
    text = _PROJECTS_NOTICE.replace("工作责任制。各重点前期", "工作责任制。\n\n各重点前期")
    doc = parse_document(text, year=2024)
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == (["各重点项目业主单位"], ["各重点前期项目承办单位"])


def test_a_role_the_coordinators_push_is_no_unit_of_their_item():
    doc = parse_document(_PROJECTS_NOTICE, year=2024)
    assert "项目业主单位" not in doc.tasks[-1].co_units


def test_the_same_roles_in_a_notice_handing_out_no_projects_charge_no_one():
    # `加快推进重点项目建设` names no list of projects: its `各项目业主单位` stays a role of no one.
    doc = parse_document(
        _PROJECTS_NOTICE.replace("决定下达区2024年重点建设项目", "现就加快推进重点项目建设通知如下"), year=2024
    )
    assert all(not t.lead_units and not t.co_units for t in doc.tasks)


def test_a_cited_title_naming_a_project_list_does_not_make_the_notice_one():
    doc = parse_document(
        _PROJECTS_NOTICE.replace(
            "根据市政府有关通知精神,经研究,决定下达区2024年重点建设项目。",
            "根据《市政府关于公布2024年重点建设项目的通知》精神,现就加快项目建设通知如下。",
        ),
        year=2024,
    )
    assert all(not t.lead_units for t in doc.tasks)


_ONE_PROJECT_PLAN = (
    "某县体育公园工程实施方案\n"
    "为加快城市基础设施建设,根据县政府关于2022年实施民生工程的通知精神,制定本方案。\n"
    "一、指导思想以新时代中国特色社会主义思想为指导,加强工程监管和调度,推动城市基础设施建设。\n"
    "二、目标任务6月底完成主体工程建设,10月底前整个工程完工。\n"
    "三、组织领导为加强工程调度,成立某县体育公园建设领导组。组长:王建国,副组长:李明,成员:赵强、孙丽。"
    "领导组协调工程中有关事宜,保证工程进度。\n"
)


def test_a_group_the_item_sets_up_and_then_charges_is_its_unit_and_its_head_the_leader():
    doc = parse_document(_ONE_PROJECT_PLAN, year=2022)
    assert [(t.label, t.lead_units, t.leaders) for t in doc.tasks] == [
        ("二", [], []),
        ("三", ["某县体育公园建设领导组"], ["王建国"]),
    ]


def test_a_group_only_set_up_charges_no_one():
    doc = parse_document(_ONE_PROJECT_PLAN.replace("领导组协调工程中有关事宜,保证工程进度。", ""), year=2022)
    assert all(not t.lead_units and not t.leaders for t in doc.tasks)


def test_a_group_charged_but_not_set_up_by_the_item_charges_no_one():
    doc = parse_document(
        _ONE_PROJECT_PLAN.replace("成立某县体育公园建设领导组。组长:王建国,副组长:李明,成员:赵强、孙丽。", ""),
        year=2022,
    )
    assert all(not t.lead_units for t in doc.tasks)


def test_a_run_in_guiding_idea_is_no_clause_and_the_silent_targets_stay_one():
    doc = parse_document(_ONE_PROJECT_PLAN, year=2022)
    assert [t.label for t in doc.tasks] == ["二", "三"]
    assert [str(m.due_date) for m in doc.tasks[0].milestones] == ["2022-06-30", "2022-10-31"]


def test_a_one_line_copy_marks_no_guiding_idea_as_a_lost_item():
    # The copy ran the plan into one line: `一、指导思想以…` before the first clause read is no item the parse lost.
    doc = parse_document(
        _ONE_PROJECT_PLAN.replace("\n一、", "一、").replace("\n二、", "二、").replace("\n三、", "三、"), year=2022
    )
    assert [t.label for t in doc.tasks] == ["二", "三"]
    assert not [w for w in doc.warnings if "outside every clause" in w.message]


def test_a_one_line_copy_keeps_a_charged_first_item_as_a_clause():
    # Only the plan's framing item is set aside: a first item naming its unit stays a clause.
    doc = parse_document(
        "某县工程实施方案为加快建设,制定本方案。一、县住建局负责完成管网改造。二、目标任务6月底完成主体工程建设。"
        "三、组织领导为加强工程调度,成立某县体育公园建设领导组。组长:王建国。领导组协调工程中有关事宜。\n",
        year=2022,
    )
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("一", ["县住建局"]),
        ("二", []),
        ("三", ["某县体育公园建设领导组"]),
    ]


def test_a_sum_whose_decimal_point_a_copy_wrote_as_a_comma_opens_no_item():
    # `年度计划投资53、04亿元`: wrapped so that `53、04亿元` opens a line, it is the sum, not item 53.
    doc = parse_document(
        "某区重点项目工作要求\n一、工作要求\n1、各项目要加快建设,年度计划投资\n53、04亿元,确保按期完成。\n2、各项目要按月报送进度。\n",
        year=2024,
    )
    assert [t.label for t in doc.tasks] == ["1", "2"]
