"""Conventions met in blind round 57 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a province's 实施方案 for one
livelihood project whose schedule items each open with their deadline and then name who takes the step as
the sentence's subject, and a province's 分工 notice closing a paragraph with `(A配合B落实)`). At the round's
first look neither was read: the schedule's items had their dates and no unit, and the bracket named no one.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.dated_subjects import dated_subject
from policy_tasks.parsing.unit_lists import split_names
from policy_tasks.parsing.units import read_responsibility


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_SCHEDULE = (
    "某省2024年农村义务教育学生营养改善计划实施方案\n"
    "一、目标任务\n"
    "为全省农村义务教育阶段学生提供营养膳食补助。\n"
    "二、资金来源\n"
    "所需资金由省级财政承担。\n"
    "三、实施步骤\n"
    "(一)2024年3月底前,各县(市、区)完成受助学生名单核定并报送省教育厅;\n"
    "(二)2024年4月20日前,省教育厅负责完成全省受助学生人数汇总审核;\n"
    "(三)2024年5月10日前,省财政厅将补助资金拨付各县(市、区)财政部门;\n"
    "(四)2024年5月31日前,各县(市、区)财政部门将资金拨付各中小学校。各中小学校在收到资金后五个工作日内开始供餐;\n"
    "(五)2024年11月底前,省财政厅、省教育厅会同各市州及县市区完成资金绩效评价。\n"
)


def test_a_schedule_item_opening_with_its_deadline_is_charged_to_the_subject_after_it():
    doc = _parse(_SCHEDULE)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)", ["各县(市、区)"], []),
        ("(二)", ["省教育厅"], []),
        ("(三)", ["省财政厅"], []),
        # The next step's addressee, in a sentence of its own with its own time, helps.
        ("(四)", ["各县(市、区)财政部门"], ["各中小学校"]),
        # The first listed leads; the places after 会同 help, the two groups split at 及.
        ("(五)", ["省财政厅"], ["省教育厅", "各市州", "县市区"]),
    ]
    # Each step keeps its leading deadline.
    assert [t.milestones[0].due_date.isoformat() for t in doc.tasks] == [
        "2024-03-31",
        "2024-04-20",
        "2024-05-10",
        "2024-05-31",
        "2024-11-30",
    ]


def test_the_units_a_report_or_money_goes_to_are_no_units_of_the_step():
    found = dated_subject("2024年3月底前,县民政局完成名单核定并报送县财政局、县审计局;")
    assert [role for role, _, _ in found] == ["listed"]


def test_a_vague_subject_or_no_leading_time_names_no_one_here():
    assert dated_subject("2024年3月底前,各地完成受助学生名单核定;") == []
    assert dated_subject("2024年3月底前,有关部门要完成名单核定;") == []
    # No deadline first: the form is not this one (a plain opening subject is `role_sentences`').
    assert dated_subject("完成受助学生名单核定,县教育局负责汇总。") == []


def test_two_bare_groups_of_places_joined_by_ji_are_two_addressees_one_with_a_shared_body():
    def names(text: str) -> list[str]:
        return split_names(text, text, 0, len(text))

    assert names("各市州及县市区") == ["各市州", "县市区"]
    assert names("各市州及县市区财政部门") == ["各市州及县市区财政部门"]
    assert names("各区、县(市)政府及开发区管委会") == ["各区、县(市)政府", "开发区管委会"]


_NOTICE = (
    "某省人民政府关于落实全省“十一五”规划纲要主要任务分工的通知\n"
    "一、建立目标考核制度\n"
    "将主要指标纳入各地区、各部门绩效考核。(省人事厅配合省委组织部落实)\n"
    "二、完善统计监测\n"
    "建立全省能耗统计监测体系。(省统计局牵头,省经贸委、省发展改革委配合)\n"
    "三、加强督促检查\n"
    "对各地落实情况开展专项督查。(省监察厅协助省政府办公厅负责)\n"
)


def test_a_bracket_naming_the_helper_first_is_led_by_the_unit_it_helps():
    doc = _parse(_NOTICE, year=2006)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["省委组织部"], ["省人事厅"]),
        # Helpers alone after a lead read as before.
        (["省统计局"], ["省经贸委", "省发展改革委"]),
        (["省政府办公厅"], ["省监察厅"]),
    ]


def test_a_helper_before_the_unit_carrying_out_after_a_named_lead_both_help():
    found = read_responsibility("开展专项督查。(省监察厅牵头,省审计厅配合省财政厅落实)")
    assert found.lead_and_co() == (["省监察厅"], ["省财政厅", "省审计厅"])
    # `A、B配合` is helpers only, not `A配合B`.
    found = read_responsibility("开展专项督查。(省监察厅牵头,省审计厅、省财政厅配合)")
    assert found.lead_and_co() == (["省监察厅"], ["省审计厅", "省财政厅"])
