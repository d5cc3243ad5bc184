"""Rounds 175-178's demands in meeting news reports (session 39, fw3b): a meeting's or a leader's head with its first
point `一要…` on its line and the others a paragraph each or run on after `;`, places beside a bare group
(`各街镇、各部门要`), bodies by their premises, a sector's organs, a point hoping of a group (`希望各联动单位…`), grid posts
as leaders, and the report's account after the last point. Written from the conventions in wordings the round's
documents do not use, with near cases that must read otherwise."""

import pytest

from policy_tasks.parsing import ParseError, parse_bytes


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def _read(tasks) -> list[tuple[str, list[str], list[str], list[str]]]:
    return [(t.label, t.lead_units, t.co_units, t.leaders) for t in tasks]


def test_first_point_on_the_heads_line_places_beside_a_bare_group() -> None:
    text = (
        "5月8日,某区召开安全生产工作推进会,区直有关部门负责人参加会议。\n"
        "会议要求,一要提高站位,压实责任。安全生产是底线工作,各镇街、各单位要克服松懈思想,迅速行动。\n"
        "二要聚焦重点,排查隐患。各镇街、各单位要全面开展自查。此外,检察机关要加强公益诉讼监督。\n"
        "三要严格督查,确保实效。各镇街、各单位要建立台账。区安委办要定期开展督查。\n"
    )
    assert _read(_parse(text).tasks) == [
        ("一", ["各镇街"], [], []),
        ("二", ["各镇街"], ["检察机关"], []),
        ("三", ["各镇街"], ["区安委办"], []),
    ]


def test_lone_first_point_with_no_second_stays_prose() -> None:
    text = (
        "5月8日,某区召开安全生产工作推进会。\n"
        "会议要求,一要提高站位,各镇街、各单位要克服松懈思想。\n"
        "会议还通报了上月检查情况。\n"
    )
    with pytest.raises(ParseError):
        _parse(text)


def test_posted_leader_points_run_on_after_semicolons_premises_and_checkpoints() -> None:
    text = (
        "3月2日,县委书记李明主持召开县防汛指挥部会议,各乡镇负责人参加会议。\n"
        "县长王强强调,一要压实责任,确保人员到岗;二要严格巡查,各检查站要做好登记工作;"
        "三要做好转移准备,各镇驻地、市直各部门办公区要储备应急物资;四要加强宣传。\n"
    )
    assert _read(_parse(text).tasks) == [
        ("一", [], [], []),
        ("二", ["各检查站"], [], []),
        ("三", ["各镇"], ["市直各部门"], []),
        ("四", [], [], []),
    ]


def test_hoped_group_grid_posts_and_the_account_after_the_last_point() -> None:
    text = (
        "9月3日上午,某街道召开网格工作推进会。街道党工委书记张华出席会议并讲话。\n"
        "张华在会上提出三点要求:\n"
        "一是希望全体网格长带头示范,抓好网格工作。\n"
        "二是希望各网格员走访入户,做好信息采集。\n"
        "三是希望各共建单位主动参与,做好事件处置。\n"
        "会上,两个社区网格长作交流发言。街道政法委员通报了今年以来网格工作情况。\n"
    )
    tasks = _parse(text).tasks
    assert _read(tasks) == [
        ("一是", [], [], ["全体网格长"]),
        ("二是", [], [], ["各网格员"]),
        ("三是", ["各共建单位"], [], []),
    ]
    assert all(not t.milestones for t in tasks)  # `今年以来` is the account's, no point's deadline


def test_near_cases_bare_groups_hope_and_a_grid_post_as_a_means() -> None:
    text = (
        "6月1日,某镇召开禁燃禁放工作会议。\n"
        "会议要求,一要加强宣传,通过广播、网格员入户等形式宣传政策。\n"
        "二要希望各部门主动作为,做好巡查。\n"
        "三要加强巡查,各部门要落实值守。\n"
    )
    assert _read(_parse(text).tasks) == [
        ("一", [], [], []),
        ("二", [], [], []),
        ("三", [], [], []),
    ]


def test_idiom_ending_in_a_numeral_cut_by_the_width_goes_on_its_line() -> None:
    from policy_tasks.parsing.sources.unwrap import opens_item

    assert not opens_item("结合工作实际,针对问题举一反", "三、完善措施、补齐短板。")
    assert not opens_item("各单位要防止问题接二连", "三、反复出现。")
    assert opens_item("各单位要抓好落实。", "三、完善措施")  # a real heading after a sentence end
    assert opens_item("按照整改清单推进", "二、工作要求")  # no idiom: the next heading


def test_speakers_view_after_his_first_demand_then_demands_a_sentence_each() -> None:
    text = (
        "3月6日,某县召开防汛工作会议,副县长李强主持会议,各乡镇负责人参加会议。\n"
        "李强强调,各乡镇要提高认识,压实防汛责任。当前汛情形势复杂多变,必须做到早预判、早部署。"
        "要加强隐患排查,切实抓好河道清障等工作。要完善应急预案,做好物资储备。"
        "县应急管理局要加强值班值守,及时发布预警信息。 | 返回首页\n"
    )
    assert _read(_parse(text).tasks) == [
        ("1", ["各乡镇"], [], []),
        ("2", [], [], []),
        ("3", [], [], []),
        ("4", ["县应急管理局"], [], []),
    ]


def test_places_set_off_by_a_comma_before_a_bare_group_lead_and_carry() -> None:
    text = (
        "5月10日,某市召开文明城市创建动员会。市委常委、副市长赵明出席会议并讲话。\n"
        "赵明在讲话中指出,创建全国文明城市是提升城市品质的重要举措,全市各镇街区,各部门单位要统一思想,"
        "提高认识。要对照测评体系,逐项抓好整改落实,确保创建取得实效。\n"
    )
    assert _read(_parse(text).tasks) == [("1", ["全市各镇街区"], [], []), ("2", ["全市各镇街区"], [], [])]


def test_speech_with_two_view_sentences_keeps_its_headline_reading() -> None:
    # Two sentences of view after the first demand and no headline after them: no list of demands (round 159 stands).
    text = (
        "3月6日,某县召开防汛工作会议,副县长李强主持会议。\n"
        "李强强调,各乡镇要提高认识,压实防汛责任。当前汛情形势复杂多变。防汛工作事关群众安全,责任重大。"
        "要进一步加强汛期隐患排查和河道清障工作,切实抓好各项措施落实。要进一步完善各类应急预案和物资储备,确保万无一失。\n"
    )
    with pytest.raises(ParseError):
        _parse(text)
