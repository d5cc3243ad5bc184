"""Round 151's conventions: a meeting report's decisions under an unnumbered `会议确定:` line, the attendance line closing
it (`列席会议的有:…`, no one's units), a breakdown's roles told to claim their tasks (`明晰了每一项任务的牵头领导、牵头单位、
责任单位,要逐一认领`) and its leader post acting (`牵头领导带头`), and a duty's rhythm (`一月一调度、一月一通报`)."""

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.attendance_lines import attendance_line
from policy_tasks.parsing.claimed_roles import acting_posts, claimed_roles
from policy_tasks.parsing.deadlines import find_time_phrases
from policy_tasks.parsing.minute_points import decisions_line


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


MEETING = (
    "某某主持召开区政府第12次常务会议\n"
    "\n"
    "发布时间: 2021-03-02\n"
    "\n"
    "3月2日,区长某某同志主持召开区政府第12次常务会议。\n"
    "\n"
    "会议听取了:关于《2021年度重点工作任务分解方案》\n"
    "\n"
    "会议确定:\n"
    "\n"
    "1、原则同意该《方案》,政府办公室要进一步修改完善后印发实施。\n"
    "\n"
    "2、要主动担责。《方案》明晰了每一项任务的牵头领导、牵头单位、责任单位,要逐一认领、抓好落实。\n"
    "\n"
    "3、要抓到实处。要坚持目标引领,牵头领导带头,针对每一项任务拉出清单、建立台账。\n"
    "\n"
    "4、要强化督查。区委督委办、区政府督查室要对工作落实情况实行一月一调度、一月一通报。\n"
    "\n"
    "列席会议的有:发改局、教体局、工信局、住建局\n"
)


def test_decisions_under_an_unnumbered_line_and_the_attendance_line() -> None:
    tasks = _parse(MEETING).tasks
    assert [(t.label, t.lead_units, t.co_units, t.leaders) for t in tasks] == [
        ("1", ["政府办公室"], [], []),
        ("2", ["牵头单位"], ["责任单位"], ["牵头领导"]),
        ("3", [], [], ["牵头领导"]),
        ("4", ["区委督委办"], ["区政府督查室"], []),
    ]
    assert "列席" not in tasks[-1].text
    assert [m.recurrence for m in tasks[-1].milestones] == ["monthly"]  # one routine, one duty


def test_decisions_line_and_attendance_near_cases() -> None:
    assert decisions_line("会议确定:")
    assert decisions_line("会议议定如下:")
    # Run on after the report's opening, as a wrapped or one-line copy gives it.
    assert decisions_line("会议听取了:关于《2021年度重点工作任务分解方案》会议确定:")
    assert decisions_line("主持召开区政府常务会议。 会议确定:")
    assert not decisions_line("要按照会议确定:")
    assert not decisions_line("会议确定了全年目标任务。")
    assert attendance_line("列席会议的有:发改局、教体局")
    assert attendance_line("出席会议的有:区领导某某")
    assert attendance_line("参会单位:区发改局")
    # A campaign's participants, and a demand on those attending, are no attendance record.
    assert not attendance_line("参加单位:县公安局、县司法局")
    assert not attendance_line("列席会议的单位要按时报送材料。")


def test_attendance_line_under_a_plan_keeps_the_last_item_whole() -> None:
    text = (
        "关于做好防汛工作的通知\n"
        "一、加强值守。县应急局要落实24小时值班。\n"
        "二、排查隐患。开展水库巡查。(牵头单位:县水利局;配合单位:县住建局)\n"
        "列席会议的有:县应急局、县水利局\n"
    )
    tasks = _parse(text, year=2023).tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [(["县应急局"], []), (["县水利局"], ["县住建局"])]


def test_claimed_roles_and_near_cases() -> None:
    found = claimed_roles("《方案》明晰了每一项任务的牵头领导、牵头单位、责任单位,要逐一认领、抓好落实。")
    assert found is not None
    assert (found.lead_and_co(), found.leaders) == ((["牵头单位"], ["责任单位"]), ["牵头领导"])
    # The roles described with no demand on them: a plan's description.
    assert claimed_roles("《方案》明确了每项任务的牵头单位和责任单位。") is None
    # Leader posts alone charge no unit.
    assert claimed_roles("明确了每一项任务的牵头领导和责任领导,要亲自抓。") is None
    assert acting_posts("要坚持目标引领,牵头领导带头,针对每一项任务拉出清单。") == ["牵头领导"]
    assert acting_posts("责任领导要亲自调度。") == ["责任领导"]
    # A bare 分管领导 (README: no one), a post receiving the work, and a group named for the post.
    assert acting_posts("分管领导要亲自抓。") == []
    assert acting_posts("方案报牵头领导审定。") == []
    assert acting_posts("牵头领导小组负责统筹。") == []


def _rhythms(text: str) -> list[tuple[str, str | None]]:
    return [(p.text, p.recurrence) for p in find_time_phrases(text, 2023) if p.recurrence]


def test_rhythms_by_period() -> None:
    assert _rhythms("实行一月一调度、一月一通报。") == [("一月一调度、一月一", "monthly")]
    assert _rhythms("建立一周一调度、一月一通报工作机制。") == [("一周一", "weekly"), ("一月一", "monthly")]
    assert _rhythms("坚持一季一督查。") == [("一季一", "quarterly")]
    assert _rhythms("实行一年一考核。") == [("一年一", "yearly")]
    monthly = next(p for p in find_time_phrases("实行一月一调度", 2023) if p.recurrence)
    assert monthly.occurrences[0] == date(2023, 1, 31) and len(monthly.occurrences) == 12


def test_rhythm_near_cases() -> None:
    # A date, an annual event, a pace, the first quarter, a share per place, another word's 一.
    for text in (
        "于一月一日起施行。",
        "一年一度的招生工作",
        "一年一个台阶",
        "一季度一般性支出",
        "一村一品",
        "统一月一",
    ):
        assert _rhythms(text) == [], text
