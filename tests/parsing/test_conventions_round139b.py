"""Round 139's further conventions (fixer f139b): in a town meeting's arrangements, a subject with the moment of its
duty before `要` (`镇属中小学在“6·26”国际禁毒日到来之际,要…`) and staff posts charged with their bodies answering; a
commemorative day written with its date (`“6·26”国际禁毒日`) dating the work set for it; and, in a plan's measure, a
later sentence's subject acting `适时` and a body handed the work (`发现苗头及时联系派出所,派出所要…`) helping."""

from datetime import date

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.deadlines import find_time_phrases
from policy_tasks.parsing.minute_posts import post_charge

HEAD = (
    "某镇召开禁毒工作会\n\n发布时间:2016-06-29\n\n"
    "会上,镇党委副书记张某传达了县会议精神,并对下一步工作进行了安排部署:一是各村委会要加强护村队的管理。{point}\n"
)


def _parse(text: str, year: int | None = 2016):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


@pytest.mark.parametrize(
    ("point", "lead"),
    [
        ("二是镇属中小学在“6·26”国际禁毒日到来之际,要组织学生学习禁毒知识。", ["镇属中小学"]),
        ("二是镇卫生院在开展排查时,要做好登记。", ["镇卫生院"]),
        ("二是镇属中小学要组织学生学习禁毒知识。", ["镇属中小学"]),
    ],
)
def test_a_points_subject_may_stand_before_the_moment_of_its_duty(point: str, lead: list[str]) -> None:
    assert _parse(HEAD.format(point=point)).tasks[1].lead_units == lead


def test_students_before_a_moment_charge_no_one() -> None:
    tasks = _parse(HEAD.format(point="二是广大学生在“6·26”国际禁毒日到来之际,要远离毒品。")).tasks
    assert tasks[1].lead_units == []


def test_a_commemorative_day_dates_the_work_set_for_it() -> None:
    tasks = _parse(HEAD.format(point="二是镇属中小学在“6·26”国际禁毒日到来之际,要组织学生学习禁毒知识。")).tasks
    assert [m.due_date for m in tasks[1].milestones] == [date(2016, 6, 26)]


@pytest.mark.parametrize(
    ("phrase", "day"),
    [
        ("在“6·26”国际禁毒日到来之际", date(2016, 6, 26)),
        ("“3·15”国际消费者权益日前", date(2016, 3, 15)),
        ("2017年“12·4”国家宪法日期间", date(2017, 12, 4)),
    ],
)
def test_a_quoted_day_with_its_moment_is_its_date(phrase: str, day: date) -> None:
    assert [p.due for p in find_time_phrases(phrase, 2016)] == [day]


@pytest.mark.parametrize("text", ["开展“6·26”宣传", "营收6.26亿元", "开展国际禁毒日宣传活动"])
def test_quotes_without_a_day_or_a_moment_date_nothing(text: str) -> None:
    assert [p.due for p in find_time_phrases(text, 2016) if p.due] == []


@pytest.mark.parametrize(
    ("text", "lead", "co", "leaders"),
    [
        (
            "由禁毒办专干对5个村委会8名社区戒毒专干进行规范指导,各个村委会社区戒毒专干为本辖区戒毒人员建立档案。",
            ["禁毒办"],
            ["各个村委会"],
            ["禁毒办专干", "社区戒毒专干"],
        ),
        ("镇司法所专干要为社区矫正人员建立台账。", ["镇司法所"], [], ["镇司法所专干"]),
    ],
)
def test_posts_charged_lead_and_their_bodies_answer(text, lead, co, leaders) -> None:
    found = post_charge(text)
    assert found is not None
    assert (found.roles["listed"], found.roles["co"], found.leaders) == (lead, co, leaders)


@pytest.mark.parametrize("text", ["8名社区戒毒专干要建立台账。", "专干要定期走访。", "由张三专干负责登记。"])
def test_a_post_without_its_body_charges_no_one(text: str) -> None:
    assert post_charge(text) is None


PLAN = (
    "某镇禁种铲毒工作方案\n一、工作措施\n(1)宣传发动。各村要开展宣传。\n"
    "(2)摸底排查。各村要组织群众开展拉网式检查。{later}\n"
)


@pytest.mark.parametrize(
    ("later", "co"),
    [
        ("镇禁毒工作站适时组织相关人员进行督促检查。", ["镇禁毒工作站"]),
        ("发现苗头及时联系派出所,派出所要坚决查处。", ["派出所"]),
        ("发现问题及时报告镇综治办,镇综治办负责调处。", ["镇综治办"]),
    ],
)
def test_a_later_sentences_subject_acting_in_time_or_handed_the_work_helps(later: str, co: list[str]) -> None:
    task = _parse(PLAN.format(later=later), year=2026).tasks[1]
    assert task.lead_units == ["各村"] and task.co_units == co


@pytest.mark.parametrize(
    "later",
    ["群众适时组织开展自查。", "发现苗头及时联系派出所,民警要坚决查处。", "发现苗头及时联系群众,群众要积极举报。"],
)
def test_no_body_or_another_subject_after_the_handoff_helps_nothing(later: str) -> None:
    task = _parse(PLAN.format(later=later), year=2026).tasks[1]
    assert task.co_units == []
