"""Rounds 166-170's convention: a meeting report's unnumbered demands over several frames each opened by the meeting's
verb (`会议要求,` / `会议强调,` / `会议指出,` / `会议明确,`), each demand charging its subject before `要`, the bare
`各部门` / `各级各部门` / `相关部门` naming no one, and a later frame with no subject of its own carrying no one
(`meeting_demands`). Written from the convention in wordings the round's pages do not use, with near cases that must
read otherwise."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.meeting_demands import frame_demands
from policy_tasks.parsing.result import ParseError


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def _lines(text: str) -> list[tuple[str, bool]]:
    return [(line, False) for line in text.splitlines()]


PARAGRAPHS = (
    "某区召开安全生产整治工作会议\n"
    "近日,某区召开安全生产专项整治工作会议,部署下一阶段工作。\n"
    "会议要求,参会的各街道要切实提高认识,把专项整治作为当前一项重要工作来抓。\n"
    "会议明确,区住建局要牵头开展排查,在6月底前完成全部隐患整改。同时要建立长效机制。\n"
    "会议强调,区应急管理局要加强督导检查,并向区委、区政府报告整治情况。\n"
)

ONE_PARAGRAPH = (
    "县召开森林防火工作部署会\n"
    "3月2日,县召开森林防火工作部署会。 会议指出,全县上下要绷紧防火这根弦,"
    "确保不发生重大森林火灾。要压实责任、强化督导,全面落实各项防控措施。"
    "各林场要加强巡山护林,严管野外用火。各相关单位要做好物资储备。\n"
)

POINTS_AND_FRAMES = (
    "镇召开秸秆禁烧工作会议\n"
    "会议要求,秸秆禁烧事关群众健康。各村和有关部门要高度重视,切实担起责任。一要加强巡查。做到全天候覆盖。"
    "二要强化宣传。营造浓厚氛围。会议强调,要持续巩固禁烧成果,坚决防止反弹。\n"
)


def test_a_demand_a_frame_by_order() -> None:
    tasks = _parse(PARAGRAPHS).tasks
    assert [t.label for t in tasks] == ["1", "2", "3"]
    assert [t.lead_units for t in tasks] == [["各街道"], ["区住建局"], ["区应急管理局"]]
    assert tasks[0].title.startswith("参会的各街道要")  # the report's account is no part of the first
    assert [m.due_date.isoformat() for m in tasks[1].milestones if m.due_date] == ["2024-06-30"]
    assert tasks[2].co_units == []  # the bodies receiving the reports are no units


def test_headlines_and_subjects_in_one_frame() -> None:
    tasks = _parse(ONE_PARAGRAPH).tasks
    assert [t.title[:6] for t in tasks] == ["全县上下要绷", "要压实责任、", "各林场要加强", "各相关单位要"]
    assert [t.lead_units for t in tasks] == [[], [], ["各林场"], ["各相关单位"]]


def test_points_carry_their_frame_and_a_new_frame_no_one() -> None:
    tasks = _parse(POINTS_AND_FRAMES).tasks
    assert [t.title[:5] for t in tasks] == ["要加强巡查", "要强化宣传", "要持续巩固"]
    assert [t.lead_units for t in tasks] == [["各村"], ["各村"], []]  # bare 有关部门 names no one


def test_bare_groups_name_no_one() -> None:
    text = "会议要求,各镇街各部门务必要压实责任,抓好落实。\n会议指出,各级各部门要加强协作,各镇街、各学校要积极参与。\n"
    tasks = _parse(text).tasks
    assert [t.lead_units for t in tasks] == [["各镇街"], ["各镇街"]]
    assert tasks[1].co_units == ["各学校"]


@pytest.mark.parametrize(
    "text",
    [
        # A news item's lone demand, a finding, the report's own frame, a frame stating views only.
        "近日,某镇召开会议。\n会议要求,各村要摸清底数,确保不漏一户。\n",
        "会议认为,各村要摸清底数。\n会议认为,农机站要做好检修。\n",
        "按照会议要求,各村要摸清底数。\n按照会议要求,农机站要做好检修。\n",
        "会议指出,全县政务服务战线积极改革创新,提升了办事效率。\n会议要求,各乡镇要提高认识。\n",
    ],
)
def test_near_cases_read_no_frames(text: str) -> None:
    assert frame_demands(_lines(text)) == []


def test_a_report_with_no_demands_stays_refused() -> None:
    with pytest.raises(ParseError):
        _parse("某县召开会议\n会议指出,今年以来全县经济运行平稳,各项指标好于预期。\n会议听取了有关情况汇报。\n")
