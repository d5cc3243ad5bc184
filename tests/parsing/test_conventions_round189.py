"""Round 189's 工作要点 conventions (fixer f189): a bureau's covering notice over its cut 工作要点 charges the plan's roles
qualified by its own level (`局各责任科室要…`), its 办公室's tracking names no unit, and a count of days after the
document's own issue (`本要点印发后20日内`) is dated from the document's date. Written in wordings the round's documents
do not use, with near cases that must read otherwise."""

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.issue_counts import issue_dated
from policy_tasks.parsing.result import ParsedMilestone
from policy_tasks.parsing.role_groups import role_group


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2024)


def _notice(charge: str) -> str:
    return f"""各县区农业农村局,局机关各科室、局属各单位:
现将《2024年某市农业农村局法治建设工作要点》印发给你们,请结合实际认真贯彻落实。{charge}
特此通知。
某市农业农村局
2024年3月11日
2024年某市农业农村局法治建设工作要点
2024年全局法治建设工作的总体思路是:坚持以习近平法治思想为指导,全面推进依法行政,为农业农村现代化提供法治保障。
一、深入学习贯彻习近平法治思想
"""


_CHARGE = (
    "局机关各牵头部门要细化任务分工,于本要点印发后20日内将工作台账报市局办公室。市局办公室将对落实情况进行跟踪督查。"
)


def test_the_notice_over_a_cut_plan_charges_the_roles_of_its_own_level() -> None:
    doc = _parse(_notice(_CHARGE))
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [("1", ["局机关各牵头部门"], [])]
    # 2024年3月11日 + 20 days; the bare heading the cut left is no clause.
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2024, 3, 31)]


def test_a_role_of_the_own_level_is_one_role_group() -> None:
    assert role_group("市局各责任部门")
    assert role_group("县直各牵头单位")
    assert role_group("各责任单位")
    assert not role_group("市直各有关单位")  # near case: 有关 names no role (round 90's qualified 有关部门)
    assert not role_group("市局各处室")  # near case: a kind of office, no role


def test_an_office_of_the_bureau_that_does_anything_but_track_is_still_charged() -> None:
    doc = _parse(_notice("局机关各牵头部门要细化任务分工。市局办公室将牵头制定考核细则。"))
    assert doc.tasks[0].lead_units == ["局机关各牵头部门"]
    assert doc.tasks[0].co_units == ["市局办公室"]


def _relative(text: str, phrase: str) -> ParsedMilestone:
    """The time reader's undated milestone for `phrase` (`N日内`: kind `relative`), over the whole part."""
    assert phrase in text
    return ParsedMilestone(text, 0, len(text), None, "relative", phrase)


def _dated(text: str, phrase: str, anchor: date | None = date(2024, 3, 11)) -> date | None:
    return issue_dated(text, [_relative(text, phrase)], anchor)[0].due_date


def test_a_count_of_days_after_the_documents_own_issue_is_dated_from_its_date() -> None:
    assert _dated("请于本通知印发后15日内报送", "15日内") == date(2024, 3, 26)
    assert _dated("自本方案印发之日起十天内完成自查", "十天内") == date(2024, 3, 21)
    assert _dated("自印发之日起30个自然日内报送", "30个自然日内") == date(2024, 4, 10)
    assert _dated("于本意见下发后2个月内制定细则", "2个月内") == date(2024, 5, 11)
    assert _dated("本通知印发后1个月内", "1个月内", date(2024, 1, 31)) == date(2024, 2, 29)


def test_counts_the_document_cannot_date_stay_undated() -> None:
    # Working days skip holidays the parser does not know; another document's issue or a receipt names no day it has.
    assert _dated("请于本通知印发之日起10个工作日内报送", "10个工作日内") is None
    assert _dated("各县区实施方案印发后30日内报备", "30日内") is None
    assert _dated("收到本通知后10日内反馈", "10日内") is None
    assert _dated("于本通知印发后15日内报送", "15日内", None) is None  # a page that lost its date


def test_a_section_heading_pairing_two_phrases_is_a_heading_row_of_a_spaced_table() -> None:
    from policy_tasks.parsing.space_rows import heading_row

    long = "二、坚持依法行政和规范执法并重,全面提升全县农业综合行政执法队伍的依法履职能力与执法水平"
    assert 40 < len(long) <= 60
    assert heading_row(long) == long
    assert heading_row("(三)" + long[2:]) is not None
    # Near cases: a `1.` line that long is a row's text; a heading over 60 characters or holding a sentence is none.
    assert heading_row("1." + long[2:]) is None
    assert heading_row(long + "并建立健全执法监督与考核评价的长效工作机制") is None
    assert heading_row("二、坚持依法行政。全面提升执法能力") is None


_SPACED_ONE_ROW = """2024年全县农业执法工作的总体思路是:以提升执法效能为重点,推动农业综合行政执法改革走深走实。
序号 重点任务 责任单位 完成时限
二、坚持依法行政和规范执法并重,全面提升全县农业综合行政执法队伍的依法履职能力与执法水平
1 组织开展执法人员轮训,培训不少于两期。 县农业农村局牵头,县司法局配合 2024年10月底前
"""


def test_a_spaced_table_of_one_row_under_a_long_section_heading_is_read() -> None:
    doc = _parse(_SPACED_ONE_ROW)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [("1", ["县农业农村局"], ["县司法局"])]
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2024, 10, 31)]
