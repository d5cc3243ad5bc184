"""Round 153's conventions: a plan's units stated once for every field's action (`X为责任单位,具体牵头负责各领域…`),
a year naming the work taken stock of or planned (`盘点今年…工作`, `谋划明年工作`), and a breakdown's role singled out in
a later part of its notice's sentence (`,特别是牵头单位要统筹…`)."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.field_owners import field_owner
from policy_tasks.parsing.reviewed_years import reviewed_year_spans
from policy_tasks.parsing.singled_roles import singled_out_roles
from policy_tasks.parsing.textutil import normalise


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


FIELDS = (
    "某市推动大规模设备更新行动方案\n"
    "为推动设备更新,结合本市实际,制定本行动方案。\n"
    "工作专班下设专项工作组,由分管副市长牵头分管领域推动设备更新工作;市政府有关部门为责任单位,"
    "具体牵头负责各领域推动设备更新工作。\n"
    "(一)开展工业领域设备更新专项行动,制定行动方案及政策措施\n"
    "责任单位:市经信局,市发改委、市财政局\n"
    "(二)开展消费品以旧换新专项行动,制定行动方案及政策措施\n"
)


def test_units_stated_for_every_field_lead_an_action_naming_none() -> None:
    tasks = _parse(FIELDS).tasks
    assert [(t.lead_units, t.co_units, t.leaders) for t in tasks] == [
        (["市经信局"], ["市发改委", "市财政局"], []),
        (["市政府有关部门"], [], []),
    ]


def test_field_owner_near_cases() -> None:
    def owner(line: str) -> list[str] | None:
        found = field_owner([(1, line)])
        return None if found is None else [n for names in found[0].roles.values() for n in names]

    assert owner("市发改委、市经信局为责任单位,分别牵头负责各专项行动。") == ["市发改委", "市经信局"]
    # A note on reading roles, a level's duty in principle, one task's unit, a bare 有关部门: no list's owner.
    assert owner("每项工作分工列在第一位的责任单位为牵头单位,要切实负责。") is None
    assert owner("县级政府为责任主体,负责各领域工作。") is None
    assert owner("市住建局为责任单位,负责项目建设。") is None
    assert owner("有关部门为责任单位,具体牵头负责各领域工作。") is None


MEETING = (
    "11月29日下午,市发改委组织召开工作专班第七次会议。\n"
    "会议强调:\n"
    "1.各单位要高度重视,切实盘点今年“两新”工作完成情况以及取得的成效。\n"
    "2.各单位要利用今年最后一个月时间完成好设备更新项目储备。\n"
    "3.各单位时刻关注国家明年最新政策,及早谋划明年工作,确保工作顺利开展。\n"
)


def test_a_year_naming_the_work_reviewed_or_planned_dates_nothing() -> None:
    tasks = _parse(MEETING, year=2024).tasks
    assert [[str(m.due_date) for m in t.milestones] for t in tasks] == [[], ["2024-12-31"], []]


def test_reviewed_years_near_cases() -> None:
    def years(text: str) -> list[str]:
        norm = normalise(text)
        return [norm[s:e] for s, e in reviewed_year_spans(norm)]

    assert years("认真总结今年工作,研究部署明年重点工作") == ["今年", "明年"]
    assert years("切实盘点今年“两新”工作完成情况") == ["今年"]
    # A year opening the time to work in, a deadline, a task: no reviewing verb right before it.
    assert years("利用今年最后一个月时间完成好项目储备") == []
    assert years("明年6月底前完成全部改造工作") == []
    assert years("今年完成老旧小区改造工作") == []
    assert years("谋划明年6月底前完成的工作") == []


NOTICE = (
    "某市人民政府办公室关于印发2024年政府工作报告重点工作责任分解的通知\n"
    "各区县人民政府,市政府直属各单位:\n"
    "《2024年政府工作报告重点工作责任分解》已经市政府同意,现印发给你们,请认真贯彻执行。\n"
    "一、要抓紧部署实施。各责任单位要系统谋划所承办的各项任务,特别是牵头单位要统筹相关单位科学制定具体工作方案。\n"
    "二、要高效推进落实。各责任单位要完善机制,加快进度,确保高质量完成各项任务。\n"
)


def test_a_role_singled_out_in_the_notice_sentence_helps() -> None:
    tasks = _parse(NOTICE).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [(["各责任单位"], ["牵头单位"]), (["各责任单位"], [])]


def test_singled_out_roles_near_cases() -> None:
    def roles(text: str) -> list[str]:
        norm = normalise(text)
        return [norm[s:e] for s, e in singled_out_roles(norm, 0)]

    assert roles("各责任单位要谋划,特别是牵头单位要统筹相关单位") == ["牵头单位"]
    assert roles("各责任单位要谋划,尤其是各配合单位也要积极支持") == ["各配合单位"]
    # The role's note in a bracket, a unit's own name, the role's heads: not read here.
    assert roles("各责任单位要谋划,特别是牵头单位(无牵头单位的,责任单位即为牵头单位)要统筹") == []
    assert roles("各单位要谋划,特别是市发改委要统筹") == []
    assert roles("各责任单位要谋划,特别是牵头单位的主要负责人要亲自抓") == []


def test_a_plans_targets_left_under_an_action_date_none_of_it() -> None:
    from policy_tasks.parsing.plan_targets import plan_target_spans

    text = "开展消费品以旧换新专项行动,制定行动方案及政策措施\n到2027年,全市工业、农业、建筑、交通等领域设备投资规模较2023年增长25%以上"
    assert plan_target_spans(text) == [(26, len(text))]
    # An action's own target for its field, two fields, a horizon opening the item's first line: still dated.
    assert plan_target_spans("开展建筑领域专项行动\n到2027年,全市建筑领域设备更新率达到30%") == []
    assert plan_target_spans("开展专项行动\n到2025年,全市工业、农业等领域投资增长10%") == []
    assert plan_target_spans("到2027年,全市工业、农业、建筑等领域设备投资增长25%") == []


def test_a_plans_targets_run_onto_the_action_by_a_lost_break() -> None:
    from policy_tasks.parsing.plan_targets import plan_target_spans

    text = "制定行动方案及政策措施到2027年,全市工业、农业、建筑等领域设备投资规模较2023年增长25%以上"
    assert plan_target_spans(text) == [(11, len(text))]
    assert plan_target_spans("制定行动方案及政策措施 到2027年,全市工业、农业、建筑等领域投资增长25%") != []
    # After a full stop it is a sentence of the item's own: still dated.
    assert plan_target_spans("制定行动方案。到2027年,全市工业、农业、建筑等领域投资增长25%") == []


def test_a_breakdown_after_the_notice_date_on_one_line_opens_at_its_heading() -> None:
    lines = [
        *NOTICE.splitlines()[:5],
        "三、要强化督查考核。各责任单位要同步将工作情况纳入本单位绩效目标管理。",
        "某市人民政府办公室",
        "2024年2月8日",
        "2024年政府工作报告重点工作责任分解",
        "一、某某市长主抓重点工作",
        "1.坚持稳中求进,高水平建设生态文明典范城市。",
        "责任单位:市政府办公室、市级其他有关单位",
    ]
    tasks = _parse("".join(lines)).tasks
    assert [(t.label, t.lead_units) for t in tasks][-2] == ("三", ["各责任单位"])
    assert "2024年2月8日" not in tasks[-2].text and tasks[-1].lead_units == ["市政府办公室"]
    # A date and title followed by a `一、` whose short title opens no list stays the last requirement's text.
    from policy_tasks.parsing.one_line import _SIGNED_GOES_ON

    assert _SIGNED_GOES_ON.search("某某市长主抓重点工作1.坚持")
    assert not _SIGNED_GOES_ON.search("某某市长主抓重点工作。坚持1.")
