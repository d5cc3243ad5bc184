"""Rounds 172/173's conventions: a speaker's or a meeting's unnumbered demands in a meeting's news report that the
parser still missed: a leader introduced as a working group's head (`…领导小组组长吴某某`); a speech whose every sentence
opens with a charge, read whole where the subjects alone found only some (`X要求,要…。A、B要…。要…`); a meeting frame
whose every sentence opens with a charge (`会议要求,全县上下要…。要充分利用…`); the meeting's `会议布置X要…` and the
report's own `,强调要…` in its account of what the meeting did; a term's year (`2021年春季学期开学期间`) dating nothing.
Written in wordings the round's documents do not use, with near cases that must read otherwise."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import doubtful
from policy_tasks.parsing.result import ParseError


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2022, assume_year=2026)


GROUP_HEAD = (
    "6月2日,全县防汛工作会议召开,副县长、县防汛抗旱指挥部领导小组组长张某某出席会议。\n"
    "张某某指出,今年汛期形势严峻复杂,要压实防汛责任,落实值班值守制度。要加强监测预警,及时发布预警信息。"
    "各乡镇要全面排查隐患,县水利局要加强技术指导。要做好物资储备,确保关键时刻拉得出、用得上。\n"
    "会议还通报了去年的防汛工作情况。\n"
)


def test_group_head_introduces_the_speaker() -> None:
    tasks = _parse(GROUP_HEAD).tasks
    assert [t.text[:6] for t in tasks] == ["要压实防汛责", "要加强监测预", "各乡镇要全面", "要做好物资储"]
    # Every sentence opens with a charge: the one with `要` alone is addressed to all and carries no one.
    assert [(t.lead_units, t.co_units) for t in tasks] == [([], []), ([], []), (["各乡镇"], ["县水利局"]), ([], [])]


WHOLE_SPEECH = (
    "12月3日,某县召开冬季征兵工作现场会。县委书记李某某出席会议并讲话。\n"
    "李某某要求,要严把体检关口,严格执行体检标准。县卫健局、县公安局要密切配合,做好体检和政治考核。"
    "要严明工作纪律,坚决杜绝说情打招呼。要强化宣传发动,营造参军光荣的浓厚氛围。\n"
    "会上,县人武部汇报了今年征兵工作进展。\n"
)


def test_speech_read_whole_over_its_subjects() -> None:
    tasks = _parse(WHOLE_SPEECH).tasks
    assert [t.text[:6] for t in tasks] == ["要严把体检关", "县卫健局、县", "要严明工作纪", "要强化宣传发"]
    assert [(t.lead_units, t.co_units) for t in tasks] == [([], []), (["县卫健局"], ["县公安局"]), ([], []), ([], [])]


LATER_SUBJECT = (
    "9月1日,全县秋季开学工作会议召开,县委副书记赵某某出席会议并讲话。\n"
    "赵某某强调,要守牢安全底线,扎实做好开学准备,县教育局、县市场监管局两部门要联合开展校园食品安全检查。"
    "要强化疫情防控,落实晨午检制度,严防聚集性疫情。\n"
)


def test_a_later_subject_charges_a_demand_opening_with_yao() -> None:
    tasks = _parse(LATER_SUBJECT).tasks
    assert [t.text[:6] for t in tasks] == ["要守牢安全底", "要强化疫情防"]
    assert (tasks[0].lead_units, tasks[0].co_units) == (["县教育局"], ["县市场监管局"])
    assert tasks[1].lead_units == []


FRAME_SENTENCES = (
    "7月20日,某县召开拥军优属工作会议。\n"
    "会议指出,全县拥军优属工作取得明显成效。全县上下要进一步提高认识,扎实推进各项工作。\n"
    "会议要求,各乡镇要把拥军优属工作列入重要议事日程,明确责任分工。"
    "要充分利用广播、微信群等平台开展经常性宣传,营造爱军拥军的良好氛围。\n"
)


def test_frame_whose_every_sentence_is_charged() -> None:
    tasks = _parse(FRAME_SENTENCES).tasks
    assert [t.text[:6] for t in tasks] == ["全县上下要进", "各乡镇要把拥", "要充分利用广"]
    # Every sentence opens with a charge: `要` alone addresses all and names no one, as a speech's (round 173).
    assert [t.lead_units for t in tasks] == [[], ["各乡镇"], []]


ELABORATED = (
    "会议要求,各村要加强秸秆禁烧巡查,及时处置火点。同时,对发现的问题立即整改。"
    "要严格按照上级要求完善工作方案,细化各项措施。\n"
    "会议强调,县农业农村局要抓好秸秆综合利用。\n"
)


def test_frame_with_an_uncharged_sentence_keeps_its_elaboration() -> None:
    tasks = _parse(ELABORATED).tasks
    assert [t.text[:6] for t in tasks] == ["各村要加强秸", "县农业农村局"]


ASSIGNED = (
    "3月1日,我县召开2022年控辍保学工作例会,布置近期工作,强调要切实巩固控辍保学工作成果。\n"
    "会议要求,各中小学要做好开学准备,确保2022年春季学期开学期间全部学生按时返校。"
    "会议布置各中小学要于开学3天后向县教育局报送学生返校情况。\n"
)


def test_meeting_assigns_and_the_report_stresses() -> None:
    tasks = _parse(ASSIGNED).tasks
    assert [t.text[:6] for t in tasks] == ["要切实巩固控", "各中小学要做", "各中小学要于"]
    assert [t.lead_units for t in tasks] == [[], ["各中小学"], ["各中小学"]]
    # A term's year names the occasion, not a day the work is due (rounds 72/93; round 172).
    assert all(not t.milestones for t in tasks)


LONE_STRESS = "3月1日,我县召开春耕工作会议,布置近期工作,强调要切实抓好春耕备耕。\n会议还通报了去年的工作情况。\n"


def test_lone_stress_and_an_assignment_with_no_charge_stay_refused() -> None:
    with pytest.raises(ParseError):
        _parse(LONE_STRESS)
    with pytest.raises(ParseError):
        _parse("会议布置了下一阶段的工作。会议强调,各村要抓好春耕。\n")


RUN_IN = (
    "4月2日,全县森林防火工作会议召开,县长、县森林防火指挥部领导小组组长刘某某出席会议。"
    "会议传达了省、市会议精神。刘某某指出,要压实防火责任,严格落实值守制度。各乡镇要加强巡山护林。"
    "要严管野外用火,坚决杜绝违规烧荒。会上,县林业局负责人汇报了前期防火工作情况。\n"
)


def test_a_speaker_run_on_after_the_account_and_the_account_after_him() -> None:
    # A copy that joined the account's sentences to the speech: the head after a full stop opens it, and
    # `会上,X汇报了…` after it ends it (its sentence no demand, the speech still all charged).
    tasks = _parse(RUN_IN).tasks
    assert [t.text[:6] for t in tasks] == ["要压实防火责", "各乡镇要加强", "要严管野外用"]
    assert [t.lead_units for t in tasks] == [[], ["各乡镇"], []]


SAYING = (
    "12月1日,某县召开征兵工作会议。县委书记陈某某出席会议并讲话。\n"
    "陈某某强调,强国必须强军,军强才能国安。各乡镇要压实征兵责任。要严把兵员质量关。\n"
)


def test_a_saying_with_bixu_opens_no_demand() -> None:
    tasks = _parse(SAYING).tasks
    assert [t.text[:6] for t in tasks] == ["各乡镇要压实", "要严把兵员质"]


CAPTION_ONE_LINE = (
    "7月16日,我县召开双拥工作会议。图为县委副书记、代县长某某讲话会议指出,全县上下要提高认识,扎实推进各项工作。"
    "会议要求,各乡镇要明确责任分工,强化工作举措。要充分利用各类平台开展经常性宣传。"
    "http://www.example.gov.cn/html/431/001271.html"
)


def test_frames_after_a_caption_and_before_an_address_in_a_one_line_copy() -> None:
    tasks = _parse(CAPTION_ONE_LINE).tasks
    assert [t.text[:6] for t in tasks] == ["全县上下要提", "各乡镇要明确", "要充分利用各"]


def test_organs_of_two_levels_are_one_addressee() -> None:
    assert not doubtful("县、乡两级兵役机关")
    assert not doubtful("市、县两级政府")
    assert doubtful("两级联动")
