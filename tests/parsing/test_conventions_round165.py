"""Round 165's conventions (with rounds 167/169): a named leader's unnumbered demands in a meeting's news report, as
`;` parts each opening with its own charge (`林金妹要求,各乡镇要…;各部门要…`), as sentences each opening with one
(`周正清在会后要求:各地各部门要…。要早动手…。`), under a head writing the leader's posts (`县委常委、…成员陈家秋强调,`).
Written from the conventions in wordings the round's documents do not use, with near cases that must read otherwise."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.result import ParseError
from policy_tasks.parsing.speaker_demands import mixed_group_charge, speaker_end


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2022, assume_year=2026)


PARTS = (
    "某县召开秸秆禁烧工作推进会\n"
    "5月6日,我县召开秸秆禁烧工作推进会。县政府副县长王某某出席会议。\n"
    "王某某要求,各乡镇和各部门要压实责任,严防死守;各乡镇要加强巡查,及时处置火点;县农业农村局要抓好秸秆综合利用。\n"
    "县直有关部门负责人参加会议。\n"
)


def test_semicolon_parts_each_a_demand() -> None:
    tasks = _parse(PARTS).tasks
    assert [t.label for t in tasks] == ["1", "2", "3"]
    assert tasks[1].text.startswith("各乡镇要加强巡查")
    assert [(t.lead_units, t.co_units) for t in tasks] == [(["各乡镇"], []), (["各乡镇"], []), (["县农业农村局"], [])]


SENTENCES = (
    "6月3日,我市召开防汛工作会议。\n"
    "市委常委、副市长李某在会上强调:各地要立即行动,全面排查隐患。要压实责任,落实值班值守。要加强宣传,"
    "提升群众避险意识,做到早发现、早转移。\n"
)


def test_posted_head_and_sentences_each_a_demand() -> None:
    tasks = _parse(SENTENCES).tasks
    assert [t.text[:6] for t in tasks] == ["各地要立即行", "要压实责任,", "要加强宣传,"]
    assert all(t.lead_units == [] for t in tasks)  # the bare 各地 names no one in a report (rounds 96/97/98)


ONE_LINE = (
    "本报讯 8月2日,某县召开安全生产现场会,县领导张某参加会议。 与会人员观摩了示范点。 "
    "某县县委常委、县政府党组成员张某强调,要认真总结经验,健全长效机制;要落实责任,确保各项措施落地见效。(县安办 供稿)"
)


def test_one_line_report_with_posted_head() -> None:
    tasks = _parse(ONE_LINE).tasks
    assert [t.text[:6] for t in tasks] == ["要认真总结经", "要落实责任,"]
    assert all(t.lead_units == [] and t.co_units == [] for t in tasks)


def test_heads_and_near_cases() -> None:
    assert speaker_end("会上,龚某某强调,各级要…", "副市长龚某某出席会议") is not None
    assert speaker_end("何某某局长强调,必须…", "") is not None
    assert speaker_end("县委常委、县政府党组成员陈某强调,要…", "") is not None
    # A name no post introduced, a body's demand and the meeting's own word are no speaker.
    assert speaker_end("王某某要求,各乡镇要…", "会议由王某某主持") is None
    assert speaker_end("省委巡视组要求,各单位要…", "") is None
    # One 各 over a kind of office and a level of places is one addressee; `和` joins a bare group to the governments.
    assert mixed_group_charge("各部门、乡镇一定要提高站位。").roles["listed"] == ["各部门、乡镇"]
    assert mixed_group_charge("各乡镇和各部门要认清形势。").roles["listed"] == ["各乡镇"]
    assert mixed_group_charge("各部门和各单位要认清形势。") is None


LONE = (
    "某县召开春耕备耕工作会议\n"
    "3月1日,县政府副县长赵某某出席会议。\n"
    "赵某某要求,各乡镇要抓好春耕备耕。\n"
    "会议还通报了去年的工作情况。\n"
)


def test_lone_demand_is_no_list() -> None:
    # A news item's single demand (no `;` part, no second sentence) is no list of demands.
    with pytest.raises(ParseError):
        _parse(LONE)
