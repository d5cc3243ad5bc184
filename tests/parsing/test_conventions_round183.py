"""Round 183's meeting-report conventions (fixer g183): a speech's unnumbered headlines of three short parts, a
headline's units named in its elaboration, the body a subject must coordinate with, and a `会议要求:` frame written
with a colon whose charge runs on through `;`-parts. Written from the conventions in wordings the round's documents
do not use, with near cases that must read otherwise."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.result import ParseError

_HEAD = (
    "某县召开安全生产工作推进会\n3月5日,某县召开安全生产工作推进会。副县长王明主持会议并讲话,各相关单位负责人参加。\n"
)


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def _read(tasks) -> list[tuple[str, list[str], list[str]]]:
    return [(t.text[:8], t.lead_units, t.co_units) for t in tasks]


_HEADLINES = (
    _HEAD + "王明指出,要统一思想认识,切实增强做好安全生产的责任感。安全生产是发展的底线。"
    "要抓好隐患排查,逐项整改,守住安全生产底线。加快推进重点行业专项整治,全面消除重大隐患。"
    "要压实工作责任,协同联动,确保各项措施落地见效。全县上下要把安全生产摆在突出位置,"
    "主责单位和协同单位要各司其职,形成合力。\n会上,县应急局负责同志通报了全县安全生产情况。\n"
)


def test_a_speechs_headlines_of_three_short_parts_each_open_a_demand() -> None:
    # `要` and a short part, a paired phrase of a few characters and the aim: a headline, the sentences after it its
    # elaboration; the roles charged in the elaboration of a headline with `要` alone are its units.
    assert _read(_parse(_HEADLINES).tasks) == [
        ("要统一思想认识,", [], []),
        ("要抓好隐患排查,", [], []),
        ("要压实工作责任,", ["主责单位"], ["协同单位"]),
    ]


def test_a_long_sentence_of_many_parts_opening_with_yao_is_elaboration() -> None:
    text = (
        _HEAD
        + "王明指出,要统一思想认识,切实增强做好安全生产的责任感。要正视问题,补齐短板,坚定打赢安全生产攻坚战的决心,"
        "把安全生产作为事关全局的工作来抓,努力营造安全稳定的发展环境。要抓好隐患排查,逐项整改,守住安全生产底线。"
        "加快推进重点行业专项整治,全面消除重大隐患。\n"
    )
    assert [t.text[:8] for t in _parse(text).tasks] == ["要统一思想认识,", "要抓好隐患排查,"]


def test_a_subject_coordinating_with_a_role_has_it_helping() -> None:
    text = _HEAD + "王明指出,各部门要提高政治站位,切实增强责任感。主办部门要加强与协办部门的协调配合,形成工作合力。\n"
    assert _read(_parse(text).tasks) == [("各部门要提高政治", [], []), ("主办部门要加强与", ["主办部门"], ["协办部门"])]


def test_a_higher_level_to_liaise_with_is_no_helper() -> None:
    text = _HEAD + "王明指出,各部门要提高政治站位,切实增强责任感。主办部门要加强与上级部门的对接协调,及时掌握进展。\n"
    assert _read(_parse(text).tasks)[1] == ("主办部门要加强与", ["主办部门"], [])


_FRAME = (
    "某县召开项目建设调度会\n近日,某县召开项目建设调度会,各项目牵头单位负责人参加。\n"
    "会议要求{colon}各项目责任单位要高度重视,把项目建设摆上重要位置;要压实责任,倒排工期,确保各项任务如期完成;"
    "要加强调度,各单位要定期召开调度会,着力解决难点问题。希望各部门共同努力,力争二季度实现双过半。\n"
)


def test_a_colon_headed_frame_running_on_through_semicolon_parts_is_one_demand() -> None:
    doc = _parse(_FRAME.format(colon=":"))
    assert _read(doc.tasks) == [("各项目责任单位要", ["各项目责任单位"], [])]
    assert [m.due_date.isoformat() for m in doc.tasks[0].milestones if m.kind == "deadline"] == ["2024-06-30"]


def test_the_same_frame_with_a_comma_or_a_single_part_stays_a_news_sentence() -> None:
    with pytest.raises(ParseError):
        _parse(_FRAME.format(colon=","))
    single = "某县召开项目建设调度会\n近日,某县召开项目建设调度会。\n会议要求:各项目责任单位要高度重视,把项目建设摆上重要位置。\n"
    with pytest.raises(ParseError):
        _parse(single)
