"""Round 159's conventions: a breakdown's directive to the salutation's groups with no charging verb (`各县、区2023年底前…`,
`各县、区做好…`, also after a comma), a meeting's demanding head with one sentence of aim before its inline points
(`会议要求,要坚持…。一是…`), the sectors' authorities as one addressee (`各行业节能主管部门`), and a named leader's
unnumbered demands (`林琦志强调,各部门、各乡镇(区)要…。要强化领导,…`). Written from the conventions, with near cases
that must read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.addressee_groups import group_subject, notice_groups
from policy_tasks.parsing.minute_lead_ins import lead_in_end, lead_in_head
from policy_tasks.parsing.sector_authorities import sector_authorities
from policy_tasks.parsing.speaker_demands import mixed_group_charge
from policy_tasks.parsing.unit_labels import LISTED


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2023, assume_year=2026)


BREAKDOWN = (
    "2023年度某市公共机构节能工作任务分解\n"
    "各县、区公共机构节能管理部门:\n"
    "按照省里的通知要求,根据我市实际情况进行任务分解,具体要求如下:\n"
    "一、坚决制止餐饮浪费行为。根据全省绿色食堂评估细则,各县、区2023年底前遴选绿色食堂不少于1个。\n"
    "二、扎实做好生活垃圾分类。各县、区6月底前建设分类示范点不少于3个。\n"
    "三、全面推进合同能源管理。加大推广力度,各县、区2023年底前落地合同能源管理项目不少于1个。\n"
    "四、持续推动节约型机关创建。各县、区做好2022年度已建成节约型机关单位的复核迎检工作。\n"
)


def test_group_directive_with_no_verb() -> None:
    tasks = _parse(BREAKDOWN).tasks
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("一", ["各县、区"], []),
        ("二", ["各县、区"], []),
        ("三", ["各县、区"], []),
        ("四", ["各县、区"], []),
    ]
    assert [[str(m.due_date) for m in t.milestones] for t in tasks] == [
        ["2023-12-31"],
        ["2023-06-30"],
        ["2023-12-31"],
        [],
    ]


def test_group_directive_near_cases() -> None:
    groups = notice_groups([(1, "各县、区公共机构节能管理部门:")])
    assert group_subject("各县、区2023年底前建设示范点。", 0, groups) is not None
    assert group_subject("各县、区做好复核工作。", 0, groups) is not None
    # `年内` is the year's end written another way, with its year or without (the source probes' deadline swaps).
    assert group_subject("各县、区2023年内遴选绿色食堂不少于1个。", 0, groups) is not None
    assert group_subject("各县、区年内建设示范点。", 0, groups) is not None
    assert group_subject("加大推广力度,各县、区2023年内落地项目不少于1个。", 0, groups) is not None
    assert group_subject("各县、区2023年内已完成示范点建设。", 0, groups) is None
    # Work reported done, the results as a noun, and the verb form after a comma charge no one.
    assert group_subject("各县、区2022年底前已完成示范点建设。", 0, groups) is None
    assert group_subject("各县、区开展了复核工作。", 0, groups) is None
    assert group_subject("各县、区完成情况纳入考核。", 0, groups) is None
    assert group_subject("加大推广力度,各县、区做好复核工作。", 0, groups) is None
    # A group the salutation does not name (its departments), and no salutation of groups at all.
    assert group_subject("各部门2023年底前建设示范点。", 0, groups) is None
    assert group_subject("各县、区2023年底前建设示范点。", 0, frozenset()) is None
    # One 各 over levels is one addressee, with a verb written too (round 140).
    assert group_subject("各县、区要做好复核工作。", 0, groups)[0] == [(0, 4)]


MEETING = (
    "10月14日,省发展改革委组织召开能耗双控工作专题会议,研究部署下阶段工作。各市(州)发展改革委作交流发言。\n"
    "会议要求,要坚持问题导向和目标导向,扎实做好下阶段相关工作。一是提高政治站位。要切实增强政治责任感。"
    "二是压紧压实各方责任。各市(州)要履行主体责任,加大节能工作力度。各行业节能主管部门要切实落实“管行业、管节能”要求。"
    "三是强化能源统计分析。要强化能源统计分析。\n"
)


def test_meeting_head_with_lead_in_sentence() -> None:
    tasks = _parse(MEETING).tasks
    assert tasks[0].text.startswith("提高政治站位")
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        ([], []),
        (["各市(州)"], ["各行业节能主管部门"]),
        ([], []),
    ]
    assert all("坚持问题导向" not in t.text for t in tasks)


def test_meeting_lead_in_near_cases() -> None:
    assert lead_in_end("会议要求,要坚持问题导向,扎实做好工作。一是提高站位。") is not None
    # Two sentences before the points, a point inside the lead-in, and a head of no demand are no such head.
    assert lead_in_end("会议要求,要坚持问题导向。要扎实做好工作。一是提高站位。") is None
    assert lead_in_end("会议要求,要抓好三项工作,一是提高站位。二是压实责任。") is None
    assert lead_in_end("会议认为,当前形势严峻。一是提高站位。") is None
    assert lead_in_head("会议要求,要坚持问题导向,扎实做好工作。")
    assert not lead_in_head("会议要求,要坚持问题导向,一是提高站位。")


def test_sector_authorities_near_cases() -> None:
    assert sector_authorities("各行业节能主管部门")
    assert sector_authorities("其他各行业主管部门")
    assert not sector_authorities("行业主管部门")  # no 各: a bare kind of office
    assert not sector_authorities("各有关部门")
    assert not sector_authorities("各行业加快推进节能降碳工作的主管部门")


REPORT = (
    "我县部署能耗双控目标责任评价考核工作\n"
    "10月18日,我县召开能耗双控工作部署会。副县长王某某出席会议。\n"
    "会上,县工信局通报了我县能耗双控进展情况。\n"
    "王某某指出,当前我县能耗形势较为严峻。各部门、各乡镇要提高认识,锁定目标,不折不扣完成节能减排目标任务。\n"
    "王某某强调,各部门、各乡镇要压实责任,通过节能减排促提升。严格执行相关政策,加强源头治理。"
    "要强化领导,推动节能减排见成效。严格对照工作要求,抓好重点领域节能降耗工作。"
    "要积极开展节能宣传活动,提升全民节能意识。要围绕“节能降碳,绿色发展”主题做好节能宣传,倡导节电节能,从小事做起。\n"
)


def test_named_leader_unnumbered_demands() -> None:
    tasks = _parse(REPORT).tasks
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("1", ["各乡镇"], []),
        ("2", ["各乡镇"], []),
        ("3", ["各乡镇"], []),
        ("4", ["各乡镇"], []),
    ]
    assert tasks[0].text.startswith("各部门、各乡镇要提高认识")
    assert tasks[3].text.endswith("从小事做起。")  # the long `要围绕…` is the demand's elaboration


def test_named_leader_unnumbered_near_cases() -> None:
    # A name no post introduced demands nothing the report lists; nor does a single demand in prose.
    unknown = REPORT.replace("副县长王某某出席会议。", "县领导出席会议。")
    assert _refused(unknown)
    single = (
        "我县召开能耗双控工作部署会\n10月18日,我县召开部署会。副县长王某某出席会议。\n"
        "王某某强调,各乡镇要压实责任,推动节能减排工作取得实效,确保完成全年目标任务。\n"
    )
    assert _refused(single)
    # Bare groups alone name no one; a government group joined to them leads.
    assert mixed_group_charge("各部门、各单位要提高认识。") is None
    assert mixed_group_charge("各部门、各乡镇(区)要提高认识。").roles[LISTED] == ["各乡镇(区)"]
    assert mixed_group_charge("县发改局、各乡镇要提高认识。") is None  # a named unit is read by the other readers


def _refused(text: str) -> bool:
    try:
        _parse(text)
    except Exception as e:  # the parser refuses with ParseError
        return "未找到编号条款" in str(e)
    return False
