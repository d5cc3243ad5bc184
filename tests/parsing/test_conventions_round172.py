"""Rounds 172-174's numbered inline demands (session 39, fpoints2): a speaker's points numbered inline after a head the
parser did not read (a post alone and what he spoke on, a name with the post after it run on after the account, a named
speaker's view and frame before his points, `提出三点意见:`), each point charged by a group opening one of its parts with
the point's `要` carried to it (`各学校、幼儿园对照…`, `各县区(园区)认真…`). Written from the conventions in wordings the
round's documents do not use, with near cases that must read otherwise."""

import pytest

from policy_tasks.parsing import ParseError, parse_bytes


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def _read(tasks) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units, t.leaders) for t in tasks]


def test_speaker_by_post_alone_and_his_topic() -> None:
    text = (
        "4月2日,某县交警大队联合县教育局召开校车安全工作会议,各乡镇中心学校校长参加。\n"
        "交警大队主要负责人就校车安全管理工作作了具体强调:一是要严格落实校车安全管理规定。"
        "二是要加强日常检查,各幼儿园要落实校车接送登记。三是开展交通安全宣传。\n"
    )
    assert _read(_parse(text).tasks) == [
        ("一是", [], [], []),
        ("二是", ["各幼儿园"], [], []),
        ("三是", [], [], []),
    ]


def test_name_with_post_after_it_run_on() -> None:
    text = (
        "3月5日,某街道召开食品安全工作会议,辖区学校负责人参加。会议由李明书记主持,会上王强主任通报了检查情况。"
        "李明书记要求:一要压实责任。各中小学校开展食堂自查,做到不留死角。二要强化监管。各学校、幼儿园按照标准落实陪餐制度。\n"
    )
    assert _read(_parse(text).tasks) == [
        ("一", ["各中小学校"], [], []),
        ("二", ["各学校、幼儿园"], [], []),
    ]


def test_name_with_post_never_named_before_is_no_speaker() -> None:
    text = (
        "3月5日,某街道召开食品安全工作会议。会议传达了上级精神。"
        "李明书记要求:一要压实责任。各中小学校开展食堂自查。二要强化监管。各学校按照标准落实陪餐制度。\n"
    )
    with pytest.raises(ParseError):
        _parse(text)


def test_named_speaker_frame_before_his_points() -> None:
    text = (
        "8月2日,某镇召开人口普查动员会,镇党委副书记、镇长陈某某出席并讲话。\n"
        "陈某某指出,人口普查是一项重大国情调查。要把握各阶段重点。各部门要强化协调配合。 一要选好普查员。"
        "镇普查办要做好培训考核。 二要严防数据造假。做到应查尽查。 三要广泛宣传动员。营造良好氛围。\n"
    )
    assert _read(_parse(text).tasks) == [
        ("一", ["镇普查办"], [], []),
        ("二", [], [], []),
        ("三", [], [], []),
    ]


def test_frame_with_a_point_of_its_own_stays_prose() -> None:
    text = (
        "8月2日,某镇召开人口普查动员会,镇长陈某某出席并讲话。\n"
        "陈某某指出,一是人口普查意义重大。要把握各阶段重点。 一要选好普查员。 二要严防数据造假。\n"
    )
    with pytest.raises(ParseError):
        _parse(text)


def test_counted_opinions_and_a_zoned_group_without_yao() -> None:
    text = (
        "6月1日,某市召开统计执法检查整改推进会。\n"
        "市政府副市长赵某某就统计工作提出四点要求:一是要提高认识。二是要对照整改清单,各区县(开发区)认真抓好落实;"
        "三是要加强宣传;四是向各学校发放统计宣传资料。\n"
    )
    assert _read(_parse(text).tasks) == [
        ("一是", [], [], []),
        ("二是", ["各区县(开发区)"], [], []),
        ("三是", [], [], []),
        ("四是", [], [], []),
    ]


def test_bare_departments_opening_a_part_name_no_one() -> None:
    text = (
        "6月1日,某市召开统计执法检查整改推进会。\n"
        "副市长赵某某强调:一是要提高认识。各部门认真抓好落实。二是要加强宣传。各单位全面开展自查。\n"
    )
    assert _read(_parse(text).tasks) == [("一是", [], [], []), ("二是", [], [], [])]
