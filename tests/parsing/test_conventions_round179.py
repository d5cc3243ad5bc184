"""Round 179's forest-fire reports (fixer f179): a leader's counted demands after his topic (`某某就…提出几点要求:一是要…`),
an order's demands retold after its name (`林长令要求各级林长,一要…`) with the report's progress account after them, and a
meeting frame's first demand charging persons by post (`镇村干部、护林员要…`). Written from the conventions in wordings
the round's documents do not use, with near cases that must read otherwise."""

import pytest

from policy_tasks.parsing import ParseError, parse_bytes


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def _read(tasks) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units, t.leaders) for t in tasks]


def test_counted_demands_after_the_speakers_topic() -> None:
    text = (
        "3月2日,某乡召开春季防汛工作会议,各村主任参会。\n"
        "副乡长王伟通报了去年汛期情况。\n"
        "王伟就做好今年防汛工作提出三点要求:一是要提高认识;二是要排查隐患,各村要建立台账;三是要加强值守。\n"
    )
    assert _read(_parse(text).tasks) == [("一是", [], [], []), ("二是", ["各村"], [], []), ("三是", [], [], [])]


def test_topic_head_of_a_name_no_post_introduced_stays_prose() -> None:
    text = (
        "3月2日,某乡召开春季防汛工作会议,各村主任参会。\n"
        "王伟就做好今年防汛工作提出三点要求:一是要提高认识;二是要排查隐患;三是要加强值守。\n"
    )
    with pytest.raises(ParseError):
        _parse(text)


def test_order_retold_with_inline_points_and_a_progress_account() -> None:
    text = (
        "近日,某县总河长签发2022年总河长1号令。\n"
        "总河长令要求各级河长,一要压实责任。要落实责任区域。二要加强巡查。要每月巡河不少于1次。三要整治问题。要建立台账。\n"
        "截至6月底,该县已设立河长120名,并已明确各自责任河段。\n"
    )
    tasks = _parse(text).tasks
    assert _read(tasks) == [
        ("一", [], [], ["各级河长"]),
        ("二", [], [], ["各级河长"]),
        ("三", [], [], ["各级河长"]),
    ]
    assert "截至" not in tasks[-1].text


def test_writer_following_a_notice_is_no_retold_order() -> None:
    text = "近日,某县召开河长制工作会议。\n按照通知要求各级河长,一要压实责任。二要加强巡查。三要整治问题。\n"
    tasks = _parse(text).tasks if _parses(text) else []
    assert all(t.leaders != ["各级河长"] for t in tasks)


def _parses(text: str) -> bool:
    try:
        _parse(text)
    except ParseError:
        return False
    return True


def test_frames_first_demand_charging_persons_by_post() -> None:
    text = (
        "某镇召开秸秆禁烧工作会\n"
        "近日,某镇召开秸秆禁烧工作会议,各村支书参加了会议。\n"
        "会议强调,包村干部、护林员要提高认识,靠前值守;加强宣传;各村要落实巡查制度,配齐巡查人员;"
        "实行领导带班制度,护林员要每日巡山。\n"
    )
    assert _read(_parse(text).tasks) == [("1", [], [], ["包村干部", "护林员"]), ("2", ["各村"], [], ["护林员"])]


def test_frames_first_demand_of_a_unit_stays_a_units() -> None:
    text = (
        "某镇召开秸秆禁烧工作会\n"
        "近日,某镇召开秸秆禁烧工作会议,各村支书参加了会议。\n"
        "会议强调,镇农业服务中心要提高认识,靠前值守;加强宣传;各村要落实巡查制度,配齐巡查人员。\n"
    )
    assert [(t.lead_units, t.leaders) for t in _parse(text).tasks] == [(["镇农业服务中心"], []), (["各村"], [])]


def test_order_retold_on_one_line() -> None:
    text = (
        "近日,某县总河长签发2022年总河长1号令。总河长令要求各级河长,一要压实责任。要落实责任区域。二要加强巡查。"
        "要每月巡河不少于1次。三要整治问题。要建立台账。截至6月底,该县已设立河长120名,并已明确各自责任河段。\n"
    )
    tasks = _parse(text).tasks
    assert [(t.label, t.leaders) for t in tasks] == [("一", ["各级河长"]), ("二", ["各级河长"]), ("三", ["各级河长"])]
    assert "截至" not in tasks[-1].text
