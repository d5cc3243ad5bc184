"""Session 39's pass over the waiting documents (rounds 165-169): the year naming the year's work dates nothing
(`全力做好2019年度…工作`); a notice a meeting's report says was read out is no breakdown the report issues; the report's
account after a speech (`副市长某某参加会议。`, `会议解读了…`) and a photo's caption before it (`会议现场`) are no part of
the speech where a copy lost its line breaks. Written in wordings the round's documents do not use, with near cases."""

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.milestones import find_milestones
from policy_tasks.parsing.notice_roles import BREAKDOWN, breakdown_kind


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2021, assume_year=2026)


def _dates(text: str) -> list[str]:
    found = find_milestones(text, year=2021, default_due=date(2021, 12, 31), warn=lambda *_: None)
    return [m.due_date.isoformat() if m.due_date else "" for m in found]


def test_year_naming_the_work_dates_nothing() -> None:
    assert _dates("要压实责任,全力抓好2021年度安全生产工作;") == []
    assert _dates("要统筹安排,切实做好2021年秋冬季森林防火工作。") == []
    assert _dates("要主动作为,扎实干好2021年度河湖长制工作。") == []
    # Near cases: a point in the year, a count due in it, the year's assessment finished, a year as an adverbial.
    assert _dates("要确保做好2021年底前的清查工作。") == ["2021-12-31"]
    assert _dates("确保2021年度完成造林1万亩。") == ["2021-12-31"]
    assert _dates("确保项目2021年度全部完工。") == ["2021-12-31"]


READ_OUT = (
    "某县召开优化营商环境工作推进会\n"
    "3月2日,某县召开优化营商环境工作推进会,副县长王某某出席会议。会上,县政务中心主任宣读了《某县人民政府办公室关于印发"
    "<2021年优化营商环境任务分工方案>的通知》,并安排部署了当前工作。\n"
    "王某某强调,各部门、乡镇一定要提高认识,压实责任;县发改局要牵头抓好问题整改;各部门、乡镇要强化协作,确保各项任务落地。\n"
    "县直各部门负责人参加会议。\n"
)


def test_notice_read_out_at_a_meeting_issues_no_breakdown() -> None:
    tasks = _parse(READ_OUT).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [
        (["各部门、乡镇"], []),
        (["县发改局"], []),
        (["各部门、乡镇"], []),
    ]
    # Near cases: the notice issuing the breakdown itself, and one forwarding it, still charge its roles.
    assert breakdown_kind([(1, "关于印发《某县2021年优化营商环境任务分工方案》的通知")]) == frozenset({BREAKDOWN})
    assert breakdown_kind([(1, "转发市政府办公室《关于印发<重点任务分解表>的通知》的通知")]) == frozenset({BREAKDOWN})
    assert breakdown_kind([(1, "会议传达学习了《关于印发<重点任务清单>的通知》精神。")]) == frozenset()


SPEECH = (
    "11月5日,某市召开冬季森林防火工作会议,通报了今年以来全市森林防火工作情况,分析了当前面临的严峻形势。\n"
    "市委常委、副市长刘某某在会上强调:各地要立即行动,全面排查火灾隐患。要严管火源,落实巡山护林。各地要加强值守,"
    "确保信息畅通。\n"
    "市林业局负责人参加会议。\n"
)


def test_account_after_a_speech_closes_it_when_lines_are_lost() -> None:
    one_line = SPEECH.replace("\n", "")
    for text in (SPEECH, one_line, SPEECH.replace("。\n市林业局", "。市林业局")):
        tasks = _parse(text).tasks
        assert [t.text[:6] for t in tasks] == ["各地要立即行", "要严管火源,", "各地要加强值"]


CAPTION = (
    "5月8日上午,某县召开春季防火工作推进会。副县长赵某某出席会议。会议现场 赵某某要求,各乡镇要加强巡查,及时处置火情;"
    "县应急管理局要做好物资储备;县林业局要抓好宣传。会议还通报了一季度火情。各乡镇分管领导参加会议。"
)


def test_photo_caption_before_a_speech_in_a_one_line_copy() -> None:
    tasks = _parse(CAPTION).tasks
    assert [t.lead_units for t in tasks] == [["各乡镇"], ["县应急管理局"], ["县林业局"]]
    # Near case: a one-line report whose leader only attended, no speech: nothing to read.
    plain = "5月8日上午,某县召开春季防火工作推进会。副县长赵某某出席会议。会议现场 会议通报了一季度火情。"
    try:
        assert _parse(plain).tasks == []
    except Exception as exc:  # refused: no items
        assert "未找到编号条款" in str(exc)


DECIDED = (
    "某市召开城区困难群众解困工作调度会\n"
    "9月3日,某市召开城区困难群众解困工作调度会。副市长陈某某出席会议,江北区、江南区、高新区、港区分管领导参加会议。\n"
    "会上,陈某某强调,各级各部门要高度重视,切实做好困难群众解困工作。要摸清底数,精准识别,精准救助。"
    "会议决定,此次解困工作由市民政局牵头,相关部门配合,“四区”具体实施,工作经费由市财政予以保障。\n"
)


def test_meeting_decision_assigning_the_work() -> None:
    tasks = _parse(DECIDED).tasks
    assert [t.text[:6] for t in tasks] == ["各级各部门要", "要摸清底数,", "会议决定,此"]
    assert [(t.lead_units, t.co_units) for t in tasks] == [([], []), ([], []), (["市民政局"], ["“四区”", "市财政"])]


def test_assignment_parts_and_near_cases() -> None:
    from policy_tasks.parsing.carry_out_parts import carry_out_names
    from policy_tasks.parsing.supporting_parts import supporting_names
    from policy_tasks.parsing.units import read_responsibility

    found = read_responsibility("会议确定,该项工作由县住建局牵头,“两镇”具体落实,所需资金由县财政局统筹安排。")
    assert (found.roles["lead"], found.roles["co"]) == (["县住建局"], ["“两镇”", "县财政局"])
    # Near cases: a quoted slogan is no place; money paid by no one named; a meeting's view is no assignment.
    assert carry_out_names("“三清一改”具体落实") is None
    assert supporting_names("所需资金由各方自行解决") is None
    assert supporting_names("所需资金由群众自筹解决") is None
    assert not read_responsibility("会议认为,此次工作开展有力,成效明显。").found


OWN = (
    "为加快推进审计整改工作,我委于2021年5月6日上午召开党组会议,研究部署审计反馈问题整改工作。\n"
    "会上,我委对审计反馈的问题逐项分析,明确责任科室和整改措施,建立整改台账,力争于6月30日前完成全部问题整改。\n"
    "张某某主任强调,抓好审计整改是一项严肃的政治任务,必须坚持问题导向,逐条整改到位,确保整改取得实效。\n"
)


def test_bodys_own_arrangement_and_a_demand_with_bixu() -> None:
    tasks = _parse(OWN).tasks
    assert [t.text[:6] for t in tasks] == ["我委对审计反", "必须坚持问题"]
    assert [(t.lead_units, t.co_units) for t in tasks] == [(["我委"], []), ([], [])]
    assert [[m.due_date.isoformat() for m in t.milestones if m.due_date] for t in tasks] == [["2021-06-30"], []]
    for text in (OWN.replace("\n", ""), OWN.replace("\n", " ")):
        assert [t.text[:6] for t in _parse(text * 1).tasks] == ["我委对审计反", "必须坚持问题"]


def test_own_arrangement_near_cases() -> None:
    from policy_tasks.parsing.speaker_demands import own_arrangement

    assert own_arrangement("会上,我局对信访件再研究再部署,确保在5月底前全部办结。")
    # Near cases: the body's account with no day aimed at; work reported done; another body's.
    assert not own_arrangement("会上,我局对信访件再研究再部署,明确责任领导。")
    assert not own_arrangement("会上,我局通报了一季度信访件办理情况,已于3月20日前全部办结。")
    assert not own_arrangement("会上,县信访局对信访件再研究,争取于4月20日前完成。")
