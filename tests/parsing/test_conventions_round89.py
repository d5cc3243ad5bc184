"""Conventions met in blind round 89 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the document that showed them: a 镇's or a 街道's 办公会 minute whose
heading in the meeting's words (`会议要求`, `会议决定`, `会议强调`) groups numbered decisions naming the town's own
offices as their sentences' subjects (`党政办负责…,财政所负责…`), beside items reporting to the meeting and points
reporting work done; a subject counting its parties (`以街道、物业公司和业主委员会三方共同负责`); a `以X为主` inside a
sentence; a week or a month named relative to the minute's date (`本周完成`, `下周`, `本月底前`); and the review page's
sign for a minute's subject line no clause holds.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import unread_fields
from policy_tasks.parsing.relative_periods import relative_milestones
from policy_tasks.parsing.result import ParsedDocument, ParsedTask


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dated(task) -> list[str]:
    return [m.due_date.isoformat() for m in task.milestones if m.due_date]


# Tuesday 5 March 2024; bracketed points under `二、会议要求`.
_FIRE = "\n".join(
    [
        "某镇党政联席会议纪要",
        "2024年3月5日上午,镇党委书记主持召开党政联席会议,研究春季防火工作,现纪要如下:",
        "一、镇林业站汇报了今冬明春森林防火准备情况:各村护林员已全部到岗。",
        "二、会议要求",
        "(一)镇长任组长,成立春季防火指挥部,党政办负责值班调度,林业站负责巡山检查,派出所负责火源管控。",
        "(二)各村防火物资的检查本周完成。",
        "(三)前期防火隔离带已全面建成,共计12公里。",
        "(四)应急办负责组建扑火队伍,本月底前完成演练。",
    ]
)

# Saturday 16 September 2023, dated by a `会议时间:` line; `1、` points under `二、会议决定`.
_ESTATE = "\n".join(
    [
        "某街道办事处主任办公会会议纪要",
        "会议时间:2023年9月16日",
        "一、会议听取了社区服务中心关于老旧小区改造的汇报。",
        "二、会议决定",
        "1、改造工程以街道、物业公司和业主委员会三方共同负责,城建科负责质量监督。",
        "2、社区服务中心负责入户宣传,综治办配合做好矛盾调处。",
        "3、改造方案的审定下周完成。",
        "4、已完成的一期工程要尽快组织验收。",
    ]
)


def test_a_minutes_decisions_name_the_towns_offices_as_subjects_first_leading():
    """`党政办负责…,林业站负责…,派出所负责…`: each office carrying a part of the decision, the first listed leading,
    though none names its town; the head of the group set up for it (`镇长任组长`) is its leader."""
    doc = _parse(_FIRE)
    first = doc.tasks[0]
    assert first.label == "(一)"
    assert (first.lead_units, first.co_units, first.leaders) == (["党政办"], ["林业站", "派出所"], ["镇长"])
    assert doc.tasks[-1].lead_units == ["应急办"]


def test_reports_to_the_meeting_and_work_done_are_no_clauses_silent_decisions_are():
    """`一、…汇报了…情况` and `(三)…已全面建成` report; `(二)…本周完成` decides naming no one: a clause with no unit."""
    doc = _parse(_FIRE)
    assert [t.label for t in doc.tasks] == ["(一)", "(二)", "(四)"]
    assert doc.tasks[1].lead_units == [] and doc.tasks[1].co_units == []


def test_a_point_naming_work_done_and_a_demand_is_a_decision():
    """Near miss: `已完成的一期工程要尽快组织验收` names work done but asks for more: a clause (no unit)."""
    doc = _parse(_ESTATE)
    assert [t.label for t in doc.tasks] == ["1", "2", "3", "4"]


def test_parties_counted_after_their_list_are_units_where_they_are_bodies():
    """`以街道、物业公司和业主委员会三方共同负责`: the 街道 (the minute's own office, written without its place) leads;
    the company and the owners' committee are no bodies the minute charges; a later subject helps."""
    doc = _parse(_ESTATE)
    assert (doc.tasks[0].lead_units, doc.tasks[0].co_units) == (["街道"], ["城建科"])
    assert (doc.tasks[1].lead_units, doc.tasks[1].co_units) == (["社区服务中心"], ["综治办"])


def test_a_relative_week_is_due_on_its_friday_and_a_month_on_its_last_day():
    """The minute of Tuesday 5 March: `本周完成` by Friday the 8th, `本月底前` by 31 March; the meeting's date is the
    minute's date (no year assumed)."""
    doc = _parse(_FIRE)
    assert doc.issued_on == date(2024, 3, 5) and not doc.year_assumed
    assert _dated(doc.tasks[1]) == ["2024-03-08"]
    assert _dated(doc.tasks[2]) == ["2024-03-31"]


def test_next_week_from_a_weekend_meeting_and_this_week_on_a_sunday():
    """`下周完成` at a Saturday meeting: the next week's Friday; `本周` written on a Sunday: that Sunday."""
    doc = _parse(_ESTATE)
    assert _dated(doc.tasks[2]) == ["2023-09-22"]
    assert [m.due_date for m in relative_milestones("检查本周完成", date(2024, 3, 10))] == [date(2024, 3, 10)]
    assert [m.due_date for m in relative_milestones("下月底前报送", date(2023, 12, 5))] == [date(2024, 1, 31)]


def test_an_undated_minute_or_a_report_dates_no_relative_period():
    """Near misses: a copy that lost its date reads `本周完成` as no date; `本月已完成`, `下月计划` report or plan."""
    undated = _parse(_FIRE.replace("2024年3月5日上午,", ""), year=2024)
    assert undated.issued_on is None
    assert _dated(undated.tasks[1]) == []
    assert relative_milestones("本月已完成巡查,下月计划开展演练", date(2024, 3, 5)) == []


def test_a_principle_with_wei_zhu_inside_a_sentence_names_no_unit():
    """`合作社坚持以镇政府为主` is the principle the subject holds to; `以县应急局为主,各乡镇配合` in a unit field still
    names its lead, without the `以`."""
    doc = _parse(
        "某县2024年春季防火工作安排\n一、工作任务\n1、加强巡查。(责任单位:县林业局)\n"
        "2、推进项目建设,合作社坚持以镇政府为主,积极争取资金。\n"
        "3、完善扑火物资储备。(责任单位:以县应急局为主,各乡镇配合)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县林业局"], []),
        ([], []),
        (["县应急局"], ["各乡镇"]),
    ]


def test_outside_a_minute_placeless_offices_in_prose_charge_no_one():
    """Near miss: a plan (no 纪要, no meeting's verb) whose item runs `党政办负责…,财政所负责…` is read as before."""
    doc = _parse(
        "某镇2024年春季防火工作安排\n一、工作任务\n1、党政办负责值班调度,财政所负责经费保障。\n"
        "2、加强巡查。(责任单位:镇林业站)\n3、储备物资。(责任单位:镇应急办)\n"
    )
    assert [(t.label, t.lead_units) for t in doc.tasks] == [("1", []), ("2", ["镇林业站"]), ("3", ["镇应急办"])]


def test_a_minutes_subject_line_no_clause_holds_is_named_on_the_review_page():
    """Where a minute's decisions go unread (the first look of round 89), the lines naming their subjects say so."""
    lines = [
        ("某镇镇长办公会会议纪要", True),
        ("一、某某汇报准备情况:信用社坚持以政府为主。", True),
        ("二、会议强调", True),
        ("1、党政办负责外围环境,财政所负责资金兑付。", True),
    ]
    task = ParsedTask(1, "", None, [], [], [], lines[1][0], [], 2)
    doc = ParsedDocument("", "", None, 2011, [], [], [task], [], None)
    unread = [(w.line, w.message) for w in unread_fields(lines, doc, minute=True)]
    assert unread == [(4, "第4行“党政办负责”未读入任何条款,请核对 (a field outside every clause)")]
    assert unread_fields(lines, doc, minute=False) == []
