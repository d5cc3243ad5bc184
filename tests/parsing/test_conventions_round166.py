"""Rounds 165-170's numbered inline demands (session 39, round 166's fixer): a meeting's or an inspection's points
numbered inline after a speaker's head (a pronoun, an occasion, `强调讲话`), after the groups' feedback, or after the
meeting's aim, two lists in one paragraph, each point charged by its own sentences (roles brought into play, bodies
joined or relied on, the inspected parties, a body with its cadres), and a report's closing byline charging no one.
Written from the conventions in wordings the round's documents do not use, with near cases that must read otherwise."""

import pytest

from policy_tasks.parsing import ParseError, parse_bytes


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def _read(tasks) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [(t.title, t.lead_units, t.co_units, t.leaders) for t in tasks]


def test_pronoun_speaker_after_his_post() -> None:
    text = (
        "6月3日,某乡召开防汛工作推进会,全体乡村干部参加。\n"
        "会上,该乡乡长李某某通报了前期排查情况。她强调,一是要压实防汛责任,做到守土有责。"
        "二是要加强隐患排查,不留死角。三是要做好物资储备,确保拉得出、用得上。\n"
    )
    tasks = _parse(text).tasks
    assert [t.label for t in tasks] == ["一是", "二是", "三是"]
    assert all(t.lead_units == [] and t.leaders == [] for t in tasks)


def test_pronoun_without_a_post_before_is_no_speaker() -> None:
    text = (
        "6月3日,某乡召开防汛工作推进会。\n"
        "会议听取了各村的汇报。他强调,一是要压实防汛责任。二是要加强隐患排查。三是要做好物资储备。\n"
    )
    with pytest.raises(ParseError):
        _parse(text)


def test_occasion_and_speech_verb_before_the_points() -> None:
    text = (
        "5月8日,某县召开政务服务工作讨论会。会议由县政府办主任王某某主持。\n"
        "县政务中心主任对实施方案作了说明;\n"
        "在听取各单位意见后,王某某强调讲话:一是统一思想。提高认识。二是明确分工。"
        "县应急局将会同县公安局、县交通运输局对各乡镇开展联合检查。三是强化保障。"
        "乡镇代办依托各乡镇便民服务中心开展帮办工作。\n"
    )
    assert _read(_parse(text).tasks) == [
        ("统一思想", [], [], []),
        ("明确分工", ["县应急局"], ["县公安局", "县交通运输局"], []),
        ("强化保障", ["各乡镇便民服务中心"], [], []),
    ]


def test_platform_relied_on_names_no_one() -> None:
    text = (
        "5月8日,某县召开政务服务工作讨论会。会议由县政府办主任王某某主持。\n"
        "王某某强调:一是统一思想,提高认识。二是县级代办依托县政务中心平台,避免群众多跑腿。\n"
    )
    tasks = _parse(text).tasks
    assert [t.lead_units for t in tasks] == [[], []]


def test_named_points_with_roles_and_a_closing_byline() -> None:
    text = (
        "3月2日,某区召开巡察整改调度会。区委书记赵某某出席会议并讲话。\n"
        "赵某某强调,一要提高站位。把思想统一到整改要求上来。二要压实责任。充分发挥牵头单位组织协调作用;"
        "配合单位要按照分工抓好落实。三要注重实效。要加强督导,确保整改到位。(区新闻中心 周某)\n"
    )
    assert _read(_parse(text).tasks) == [
        ("要提高站位", [], [], []),
        ("要压实责任", ["牵头单位"], ["配合单位"], []),
        ("要注重实效", [], [], []),
    ]


def test_a_role_of_no_body_brought_into_play_names_no_one() -> None:
    text = (
        "3月2日,某区召开巡察整改调度会。区委书记赵某某出席会议并讲话。\n"
        "赵某某强调,一要提高站位,充分发挥党员先锋模范作用。二要压实责任,抓好落实。\n"
    )
    tasks = _parse(text).tasks
    assert [t.lead_units for t in tasks] == [[], []]


def test_inspection_feedback_then_demands() -> None:
    text = (
        "近日,某县纪委组织检查组,对8个乡镇开展整改情况检查。\n"
        "针对检查中发现的问题,各检查组向被检查单位进行了反馈,提出了整改意见。一是压实整改责任。"
        "各被检查单位主要负责人要亲自抓整改。二是建立整改台账。督促各被检查单位建立问题清单。"
        "三是做好资料归档。各乡镇和相关单位抽调人员整理资料。\n"
    )
    assert _read(_parse(text).tasks) == [
        ("压实整改责任", ["各被检查单位"], [], []),
        ("建立整改台账", ["各被检查单位"], [], []),
        ("做好资料归档", ["各乡镇"], [], []),
    ]


def test_inspection_account_without_demands_is_no_head() -> None:
    text = (
        "近日,某县纪委组织检查组,对8个乡镇开展整改情况检查。\n"
        "各检查组向被检查单位进行了反馈。一是查阅资料。二是走访群众。\n"
    )
    with pytest.raises(ParseError):
        _parse(text)


def test_meeting_aim_then_two_lists() -> None:
    text = (
        "9月1日下午,市林业局组织参加全省森林防火视频会。市林业局负责同志参加会议。 会议要求,各地要紧紧围绕"
        "防火目标,狠抓落实,确保完成全年各项防火任务:一是加强火源管控;二是加快队伍建设;三是严格值班值守。 "
        "会议强调:一是强化责任落实;二是强化物资保障。会后,市林业局对全市工作做了安排。\n"
    )
    tasks = _parse(text).tasks
    assert [t.title[:6] for t in tasks] == [
        "加强火源管控",
        "加快队伍建设",
        "严格值班值守",
        "强化责任落实",
        "强化物资保障",
    ]
    assert all(t.lead_units == ["各地"] and t.co_units == [] for t in tasks)


def test_body_with_its_cadres_and_the_village_team() -> None:
    text = (
        "近日,我镇召开秋收秸秆禁烧工作部署会,全体镇村干部参加会议。 会议强调,一是提高认识。"
        "镇综合执法队及各村两委干部要加强巡查;二是加强宣传。村两委班子要入户宣传禁烧政策;三是严格考核。按时通报。"
        "(通讯员:某某)\n"
    )
    assert _read(_parse(text).tasks) == [
        ("提高认识", ["镇综合执法队"], [], ["各村两委干部"]),
        ("加强宣传", ["村两委班子"], [], []),
        ("严格考核", [], [], []),
    ]
