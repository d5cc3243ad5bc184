"""Round 162's conventions: meeting reports' demands written four ways. A point's ordinal in a banker's numeral (`叁是`),
the writer's credit run on to the last point (`…。(区应急管理局)`), a `会议要求,` head run on after photo captions in a
one-line copy, and a meeting's demands numbering none (`;`-parts or sentences each charging its subject, groups and
short forms among them). Written from the conventions, with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.capital_numerals import ordinal_value
from policy_tasks.parsing.meeting_demands import demand_charge, demand_starts
from policy_tasks.parsing.minute_points import inline_points
from policy_tasks.parsing.run_on_credits import drop_run_on_credit


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


SPEECH = (
    "5月8日,全区消防安全工作调度会议召开。副区长王某出席会议并讲话,区消防救援大队负责同志参加会议。\n"
    "王某强调,一是认清形势,增强紧迫感。要正视工作不足。二是强化监督管理。针对发现的隐患问题,各责任单位要限期完成整改。"
    "叁是强化宣传教育。要深入小区开展宣传。(区应急管理局)\n"
)


def test_capital_ordinal_and_run_on_credit() -> None:
    tasks = _parse(SPEECH).tasks
    assert [t.label for t in tasks] == ["一是", "二是", "叁是"]
    assert [(t.lead_units, t.co_units) for t in tasks] == [([], []), (["各责任单位"], []), ([], [])]
    assert "区应急管理局" not in tasks[2].text


def test_capital_ordinal_near_cases() -> None:
    assert ordinal_value("叁") == 3 and ordinal_value("三") == 3 and ordinal_value("拾贰") == 12
    assert ordinal_value("叁万") is None


def test_run_on_credit_near_cases() -> None:
    last = ("三是强化宣传教育。要深入小区开展宣传。(区应急管理局)", True)
    points = [("一是认清形势。", True), ("二是强化监督。", True)]
    assert drop_run_on_credit([*points, last])[-1][0] == "三是强化宣传教育。要深入小区开展宣传。"
    # Points each closing with their unit's bracket: the last one's is its own.
    bracketed = [("一是认清形势。(区住建局)", True), ("二是强化监督。(区城管局)", True)]
    assert drop_run_on_credit([*bracketed, last])[-1] == last
    # A role word is a unit bracket, and a bracket that is not the page's end closes nothing.
    lead = ("三是强化宣传教育。(区应急管理局牵头)", True)
    assert drop_run_on_credit([*points, lead])[-1] == lead
    assert drop_run_on_credit([*points, last, ("四是抓好落实。", True)])[-2] == last
    # No enumeration's second point before it: a plan's paragraph, left alone.
    assert drop_run_on_credit([("一是认清形势。", True), last])[-1] == last


CAPTIONS = (
    "2021年专项整治工作会议\n"
    "11月30日,某镇召开专项整治工作会议,镇长张某等80多人参加了会议。 会议现场 "
    "某镇副镇长李某对辖区内出租屋管理工作部署 会议要求,一是要认清形势,加强领导。确保形势稳定;"
    "二是严密排查,全力整治突出问题。要督促整改落实;三是加强宣传力度。要营造良好氛围。\n"
)


def test_run_in_meeting_head_after_captions() -> None:
    tasks = _parse(CAPTIONS).tasks
    assert [t.label for t in tasks] == ["一是", "二是", "三是"]
    assert tasks[0].text.startswith("要认清形势")


GROUPS = (
    "3月10日下午,某区城管局召开燃气安全排查整治工作会。\n"
    "会议要求,统一思想,提高认识,各乡办、各有关部门思想上要高度重视,做好排查整治工作;转变思路,强化责任,"
    "各乡办、各有关部门要强化责任担当,落实监管责任;突出重点,狠抓落实,各乡办、各有关单位要持续抓好隐患排查整治。\n"
    "区城管局、相关单位负责人等参加会议。\n"
)

SENTENCES = (
    "4月19日,全市燃气管道专项治理工作动员部署会议召开。\n"
    "会议强调,各相关单位要高度重视燃气安全管理工作。市安委会办公室要充分发挥统筹协调作用。"
    "市住建、市监、消防等部门要开展联合执法。各单位要加大宣传力度,市融媒体中心要普及燃气安全知识。\n"
    "副市长某某出席会议并讲话。\n"
)


def test_unnumbered_meeting_demands() -> None:
    tasks = _parse(GROUPS).tasks
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("1", ["各乡办"], ["各有关部门"]),
        ("2", ["各乡办"], ["各有关部门"]),
        ("3", ["各乡办"], ["各有关单位"]),
    ]
    tasks = _parse(SENTENCES).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (["各相关单位"], []),
        (["市安委会办公室"], []),
        (["市住建"], ["市监", "消防"]),
        (["市融媒体中心"], []),
    ]
    assert "副市长" not in tasks[-1].text


def test_unnumbered_meeting_demands_near_cases() -> None:
    # Numbered demands are the inline points' reader's; a part opening with no subject leaves the paragraph whole.
    assert demand_starts("会议要求,一是各乡办要高度重视;二是各有关部门要强化责任。") == []
    assert demand_starts("会议要求,各乡办要高度重视;3月10日,区城管局召开了会议。") == []
    assert demand_starts("会议认为,各乡办要高度重视;各有关部门要强化责任。") == []
    assert demand_starts("会议要求,各乡办要高度重视。") == []
    # A bare 各单位 opens a demand but names no one; a bare 有关部门 is no subject.
    assert demand_charge("各单位要加大宣传力度。") is None
    assert demand_starts("会议要求,各乡办要高度重视;有关部门要强化责任。") == []
    # The demands' run ends at the report's next sentence, run on in a copy with no breaks.
    run_on = "会议召开。会议强调,各乡办要高度重视。区城管局要强化责任。副区长某某出席会议并讲话。"
    assert len(demand_starts(run_on)) == 2


def test_meeting_demands_keep_a_groups_own_brackets() -> None:
    # A group's own bracket listing more kinds is no cut of the subject's list, and is written with the document's
    # brackets (corpus README): `各林场（站、所）` one addressee, `各有关部门` the next.
    charged = demand_charge("各林场（站、所）、各有关部门要加强巡山护林,严管野外用火;")
    assert charged is not None
    assert (charged.roles["listed"], charged.roles["co"]) == (["各林场（站、所）"], ["各有关部门"])
    charged = demand_charge("各村、各乡镇（街道）要做好物资储备。")
    assert charged is not None
    assert (charged.roles["listed"], charged.roles["co"]) == (["各村"], ["各乡镇（街道）"])
    # Near cases: a bare group names no one, its own bracket too; the parts still open where their subjects do.
    assert demand_charge("各部门（单位）要加强协作。") is None
    assert len(demand_starts("会议要求,各林场(站、所)要加强巡山;各乡镇(街道)要做好储备。")) == 2


def test_run_in_head_near_cases() -> None:
    # `会议要求,` run on after a caption whose space a wrap lost; never as a verb's object (the writer's own points).
    tasks = _parse(CAPTIONS.replace("工作部署 会议要求", "工作部署会议要求")).tasks
    assert [t.label for t in tasks] == ["一是", "二是", "三是"]
    points = "一是要认清形势。确保稳定;二是严密排查。要督促整改;三是加强宣传。要营造氛围。"
    assert len(inline_points([("工作部署会议要求," + points, True)], [1])[0]) == 5  # caption, head, three points
    assert inline_points([("工作已经部署。按照会议要求," + points, True)], [1])[0] == [
        ("工作已经部署。按照会议要求," + points, True)
    ]


def test_short_forms_before_deng_bumen_raise_no_doubt() -> None:
    doc = _parse(SENTENCES)
    assert not [w for w in doc.warnings if "不像单位名称" in w.message]
