"""Round 139's conventions: a town meeting's news report numbering its speaker's arrangements inline
(`会上,某某…进行了安排部署:一是…二是…`), and a town's own groups as the subjects of its sentences: its villages
(`各村`, `各村委会`, `各村(社区)`) and its stations (`各(中心)站所`), each one addressee as a county's `各乡镇` is."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.group_openings import government_group
from policy_tasks.parsing.minute_points import speaker_head
from policy_tasks.parsing.result import ParseError

REPORT = (
    "某镇召开安全生产工作会\n\n"
    "发布时间:2016-06-29\n\n"
    "6月24日上午,某镇召开了安全生产工作会议。参加会议的有各村委会支书、各中心站所负责人。\n\n"
    "会上,镇党委副书记张某传达了县会议精神,并对下一步工作进行了{verb}:一是各(中心)站所、各有关单位、各村委会要及时整改落实,"
    "查缺补漏。二是各村委会要加强护村队员的管理。三是镇派出所要开展排查。\n"
)


def _parse(text: str, year: int | None = 2016):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


@pytest.mark.parametrize("verb", ["安排部署", "部署", "工作要求"])
def test_a_meeting_reports_inline_arrangements_are_its_clauses(verb: str) -> None:
    tasks = _parse(REPORT.format(verb=verb)).tasks
    assert [t.label for t in tasks] == ["一是", "二是", "三是"]
    assert tasks[0].lead_units == ["各(中心)站所"] and tasks[0].co_units == ["各有关单位", "各村委会"]
    assert tasks[1].lead_units == ["各村委会"]
    assert tasks[2].lead_units == ["镇派出所"]


def test_the_arrangements_after_a_speakers_demand_with_no_report_before_it() -> None:
    text = (
        "某镇召开禁毒工作会\n\n"
        "会上,镇长李某结合全镇实际,对下步工作作出部署:一是各村要开展排查;二是镇禁毒办要建立台账。\n"
    )
    tasks = _parse(text).tasks
    assert [t.lead_units for t in tasks] == [["各村"], ["镇禁毒办"]]


def test_a_report_of_what_was_said_with_no_arrangements_is_no_head() -> None:
    assert speaker_head("会上,镇党委副书记张某传达了县会议精神,并对下一步的工作进行了安排部署:")
    assert speaker_head("会上,李某强调:")
    # No speaker's `会上,`: a plan's requirements, or the meeting's findings.
    assert not speaker_head("工作要求:")
    assert not speaker_head("会议认为,")
    # The arrangements' colon must close the head: `会上,` prose with a sentence end is none.
    assert not speaker_head("会上,张某通报了情况。李某部署:")


def test_a_news_item_with_no_numbered_points_is_still_refused() -> None:
    text = "某镇召开禁毒工作会\n\n会上,镇长李某对下步工作进行了安排部署,要求各村加强排查。\n"
    with pytest.raises(ParseError):
        _parse(text)


@pytest.mark.parametrize(
    "group", ["各村", "各村委会", "各村(社区)", "各村(居)委会", "各社区", "各站所", "各(中心)站所"]
)
def test_a_towns_own_groups_are_one_addressee(group: str) -> None:
    assert government_group(group)


@pytest.mark.parametrize("words", ["各村民", "各村民小组", "各站", "各所", "各单位", "各部门", "村委会"])
def test_villagers_and_vague_groups_are_no_town_group(words: str) -> None:
    assert not government_group(words)


@pytest.mark.parametrize(
    ("opening", "lead"),
    [("各村要在镇党委政府的统一领导下,组织排查。", "各村"), ("各村(社区)要组织排查。", "各村(社区)")],
)
def test_a_town_plans_villages_lead_its_measure(opening: str, lead: str) -> None:
    text = f"某镇禁种铲毒工作方案\n\n一、工作措施\n(1)摸底排查。{opening}\n(2)宣传教育。开展宣传。\n"
    tasks = _parse(text).tasks
    assert tasks[0].lead_units == [lead]


def test_villagers_as_subject_charge_no_one() -> None:
    text = "某镇禁种铲毒工作方案\n\n一、工作措施\n(1)摸底排查。各村民要主动报告。\n(2)宣传教育。镇禁毒办要开展宣传。\n"
    tasks = _parse(text).tasks
    assert tasks[0].lead_units == [] and tasks[1].lead_units == ["镇禁毒办"]
