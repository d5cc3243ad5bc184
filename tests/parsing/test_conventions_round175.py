"""Rounds 175-177's readings of a meeting report's unnumbered demands opened by the meeting's verb (`meeting_demands`,
`meeting_subjects`): the heads of a group name the group (`各乡镇各部门主要领导要…`), a frame's first demand after a view
of several clauses (`高温来临,暑假将至,…,各单位要…`), a frame charging with no `要` after its topic
(`会议对…提出了明确要求,要求各单位每季度…`), and one frame charging several bodies in turn as the report's lone
demand. Written in wordings the round's pages do not use, with near cases that must stay as they were."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.meeting_demands import frame_demands
from policy_tasks.parsing.result import ParseError


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def _lines(text: str) -> list[tuple[str, bool]]:
    return [(line, False) for line in text.splitlines()]


def test_the_heads_of_a_group_name_the_group() -> None:
    text = (
        "某县召开防汛工作会议\n"
        "会议要求,各镇街要压实责任,做好汛前检查。\n"
        "会议强调,各镇街主要负责同志要靠前指挥,确保安全度汛。\n"
        "会议指出,县水利局等部门要加强巡查,及时处置险情。\n"
    )
    tasks = _parse(text).tasks
    assert [t.title[:4] for t in tasks] == ["各镇街要", "各镇街主", "县水利局"]
    assert [t.lead_units for t in tasks] == [["各镇街"], ["各镇街"], ["县水利局"]]
    assert [t.leaders for t in tasks] == [[], [], []]


def test_a_frames_demand_after_a_view_of_several_clauses() -> None:
    text = (
        "某县召开森林防火工作会议\n"
        "会议指出,春季气温回升,风大物燥,祭祀用火增多,各乡镇要落实巡护责任,严防野外用火。\n"
        "会议要求,县林业局要加强督查。县应急局要做好扑救准备。\n"
    )
    tasks = _parse(text).tasks
    assert [t.title[:4] for t in tasks] == ["各乡镇要", "县林业局", "县应急局"]
    assert [t.lead_units for t in tasks] == [["各乡镇"], ["县林业局"], ["县应急局"]]


def test_a_frame_charging_after_its_topic_with_no_yao() -> None:
    text = (
        "某区召开文明创建推进会\n"
        "会议提出,要深入开展文明创建活动,营造良好氛围。\n"
        "会议就“文明家庭”推选工作提出了具体要求,要求各街道每月25日前向区文明办报送1户推荐家庭。\n"
    )
    tasks = _parse(text).tasks
    assert [t.title[:4] for t in tasks] == ["要深入开", "各街道每"]
    assert [t.lead_units for t in tasks] == [[], ["各街道"]]
    assert [m.recurrence for m in tasks[1].milestones] == ["monthly"]


def test_a_lone_frame_charging_bodies_in_turn() -> None:
    text = (
        "某县召开禁毒工作会议\n"
        "会议要求,各部门要提高认识,各镇要开展排查,县公安局等单位要加强打击;同时要加强宣传。\n"
        "据了解,今年以来全县共破获案件5起。\n"
    )
    tasks = _parse(text).tasks
    assert len(tasks) == 1
    assert (tasks[0].lead_units, tasks[0].co_units) == (["各镇"], ["县公安局"])


@pytest.mark.parametrize(
    "text",
    [
        # A news item's lone demand charging one body; a lone frame charging only bare groups; a topic's frame with
        # no charge after it; a view of clauses with no subject.
        "近日,某县召开会议。\n会议强调,受降雨影响,河道水位上涨,各镇要加强巡查,确保安全。\n",
        "会议要求,各部门要提高认识,各单位要加强协作。\n",
        "会议对下一步工作提出了明确要求。\n会议指出,当前形势严峻,任务繁重,不容乐观。\n",
    ],
)
def test_near_cases_read_no_frames(text: str) -> None:
    assert frame_demands(_lines(text)) == []


def test_a_report_with_one_charge_stays_refused() -> None:
    with pytest.raises(ParseError):
        _parse("某县召开会议\n会议强调,汛期临近,各镇要加强巡查,确保安全。\n会议听取了有关情况汇报。\n")
