"""Conventions met in blind round 99 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it:

- a task table flattened a cell a line whose unit cell lists its units a unit a line: every line is a unit of the row;
  where the table joins a helpers' cell's units with `、` on one line, the stacked cell is the lead's (co-leads), else
  the helpers'. Near cases: a row of two lines as before, the 落款 over the date of writing after the last row;
- a breakdown's covering notice charging its roles as subjects: `各相关单位要…` (a role only in such a notice), a role
  given only a helping part is co though named first, `实施单位`, a later `各相关单位也要…` helping. Near cases: the same
  items in a notice issuing no breakdown, a role that answers named first, a helping role with no other;
- a requirement opening with what its work centres on (`围绕…,`) before its office, and the year's end opening a step
  (`年底逐一对账`) dating it. Near case: a period ending at a year's end (`延续至2027年底`) dates nothing;
- the round's documents in the corpus-wide layouts: the 落款 over the date of writing is never run on from a contact
  line in a copy broken at a page's width, and a row's cells each in a paragraph of their own, the blank lines kept
  (a portal's furniture around a short copy), are still the row's.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.copy_spacing import spoken_lines
from policy_tasks.parsing.milestones import find_milestones
from policy_tasks.parsing.notice_closes import signer_line
from policy_tasks.parsing.notice_roles import BREAKDOWN, breakdown_kind, helps_only
from policy_tasks.parsing.stacked_unit_cells import helpers_joined, restacked
from tests.sources.corpus_prose import hard_wrapped


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(task) -> tuple[list[str], list[str]]:
    return list(task.lead_units), list(task.co_units)


_TABLE = """某县人民政府关于印发2024年重点工作任务分解表的通知
各乡镇人民政府,县政府各部门:
现将《2024年重点工作任务分解表》印发给你们,请认真抓好落实。
某县人民政府
2024年2月20日
2024年重点工作任务分解表
主要工作任务
牵头单位
责任单位
一、壮大县域经济
1.推动食品加工产业集群发展,新培育规上企业5家。
县工信局
县农业农村局、县商务局、各乡镇人民政府
2.加快建设县城物流园区,完善冷链配送体系。
交通局
县商务局
各乡镇人民政府
3.实施老旧小区改造,完成改造12个小区。
县住建局
县财政局、各乡镇人民政府
"""


def test_a_unit_cell_stacked_where_the_table_joins_its_helpers_on_one_line():
    tasks = _parse(_TABLE).tasks
    assert [t.label for t in tasks] == ["1", "2", "3"]
    assert _units(tasks[0]) == (["县工信局"], ["县农业农村局", "县商务局", "各乡镇人民政府"])
    # the table joins a helpers' cell with `、`: the stacked cell is the lead's, the last line the helpers'
    assert _units(tasks[1]) == (["交通局", "县商务局"], ["各乡镇人民政府"])
    assert _units(tasks[2]) == (["县住建局"], ["县财政局", "各乡镇人民政府"])


_STACKED_HELPERS = """某县人民政府关于印发2024年重点工作任务分解表的通知
各乡镇人民政府,县政府各部门:
现将《2024年重点工作任务分解表》印发给你们,请认真抓好落实。
2024年重点工作任务分解表
主要工作任务
牵头单位
责任单位
一、壮大县域经济
1.推动食品加工产业集群发展,新培育规上企业5家。
县工信局
县农业农村局
2.加快建设县城物流园区,完善冷链配送体系。
县交通局
县商务局
县邮政管理局
各乡镇人民政府
3.实施老旧小区改造,完成改造12个小区。
县住建局
县财政局
某县人民政府
2024年2月20日
"""


def test_with_no_helpers_joined_on_one_line_the_helpers_cell_is_the_stacked_one():
    tasks = _parse(_STACKED_HELPERS).tasks
    assert _units(tasks[0]) == (["县工信局"], ["县农业农村局"])  # two lines: as before
    assert _units(tasks[1]) == (["县交通局"], ["县商务局", "县邮政管理局", "各乡镇人民政府"])
    # the issuer's name over the date of writing is the 落款, no cell of the last row
    assert _units(tasks[2]) == (["县住建局"], ["县财政局"])


def test_how_stacked_lines_are_read():
    assert helpers_joined(["1.建设园区。", "县工信局", "县商务局、县财政局"])
    assert not helpers_joined(["1.建设园区。", "县工信局", "县商务局", "县财政局"])
    assert not helpers_joined(["各单位要认真落实。", "县工信局、县商务局"])  # no lead's line before it
    assert restacked("牵头单位:A局", "配合单位:B局", "C局", True) == ("牵头单位:A局、B局", "配合单位:C局")
    assert restacked("牵头单位:A局", "配合单位:B局", "C局", False) == ("牵头单位:A局", "配合单位:B局、C局")
    # this row's own last line joined by `、`: the helpers' cell, the lines before it the lead's
    assert restacked("牵头单位:A局", "配合单位:B局", "C局、D局", False) == ("牵头单位:A局、B局", "配合单位:C局、D局")
    # the helpers' cell already joined by `、` is whole: a further line joins it
    assert restacked("牵头单位:A局", "配合单位:B局、C局", "D局", True) == ("牵头单位:A局", "配合单位:B局、C局、D局")


_BREAKDOWN = """某县人民政府办公室关于印发《2024年县政府工作报告重点任务分解方案》的通知
各乡镇人民政府,县政府各部门:
现将《2024年县政府工作报告重点任务分解方案》印发给你们,并就抓好落实通知如下:
一、提高站位,压实责任。县政府领导按职责分工负责。各相关单位要把重点任务摆在突出位置,细化工作举措。
二、加强协同,形成合力。各相关单位要密切配合,共同推进各项工作。牵头单位要加强统筹调度,及时协调解决问题。各责任单位要积极配合,主动作为。
三、严格督查,务求实效。围绕重点任务推进落实,县政府督查室要加强跟踪督办,年底逐一对账销号。各相关单位也要建立工作台账。各牵头单位要于每月25日前将进展情况报送县政府督查室。
四、细化方案,逐项落实。牵头单位要制定推进方案;实施单位要倒排工期,按时完成。
五、完善机制,跟踪问效。各责任单位要逐项研究推进措施。牵头单位要定期调度。
六、加强沟通,密切协作。各相关单位要加强配合,形成工作合力。
"""


def test_a_breakdowns_notice_charges_its_roles_as_subjects():
    tasks = _parse(_BREAKDOWN).tasks
    assert [t.label for t in tasks] == ["一", "二", "三", "四", "五", "六"]
    assert _units(tasks[0]) == (["各相关单位"], [])  # the first role the item charges, its opening naming persons
    # named first to help only: co; the role that answers leads
    assert _units(tasks[1]) == (["牵头单位"], ["各相关单位", "各责任单位"])
    # after what the work centres on, the office leads; the later roles help
    assert _units(tasks[2]) == (["县政府督查室"], ["各相关单位", "各牵头单位"])
    dated = [(m.due_date, m.recurrence) for m in tasks[2].milestones]
    assert (date(2024, 12, 31), None) in dated  # `年底逐一对账销号`: the year's end opening the step
    assert any(recurrence == "monthly" for _, recurrence in dated)
    assert _units(tasks[3]) == (["牵头单位"], ["实施单位"])
    assert _units(tasks[4]) == (["各责任单位"], ["牵头单位"])  # a role that answers, named first, leads
    assert _units(tasks[5]) == (["各相关单位"], [])  # helping, with no role that answers: it still leads


def test_a_notice_issuing_no_breakdown_charges_no_related_units():
    text = _BREAKDOWN.replace("印发《2024年县政府工作报告重点任务分解方案》的通知", "做好2024年重点工作的通知").replace(
        "现将《2024年县政府工作报告重点任务分解方案》印发给你们,并就抓好落实通知如下:", "现就有关事项通知如下:"
    )
    tasks = _parse(text).tasks
    by_label = {t.label: _units(t) for t in tasks}
    assert by_label["一"] == ([], []) and by_label["六"] == ([], [])  # `各相关单位要…`: no role outside a breakdown
    assert by_label["三"] == (["县政府督查室"], ["各牵头单位"])
    assert by_label["五"] == (["各责任单位"], ["牵头单位"])  # round 95's roles, as before


def test_which_notice_issues_a_breakdown_and_which_part_only_helps():
    assert breakdown_kind([(1, "关于印发《2021年政府工作报告任务分解和责任分工方案》的通知")]) == {BREAKDOWN}
    assert breakdown_kind([(2, "经市政府研究同意,现将任务责任分解印发,并提出如下要求:")]) == {BREAKDOWN}
    assert breakdown_kind([(1, "关于做好防汛工作的通知"), (2, "各部门要按职责分工做好工作。")]) == frozenset()
    assert helps_only("各相关单位要加强配合,统筹推进", 5) and helps_only("各责任单位要积极配合、主动作为", 5)
    assert not helps_only("牵头单位要加强统筹调度", 4) and not helps_only("各相关单位要配合推进项目建设", 5)


def test_the_years_end_dates_the_step_it_opens_not_the_period_it_closes():
    def dated(text: str) -> list[date | None]:
        found = find_milestones(text, year=2024, default_due=date(2024, 12, 31), warn=lambda *_: None)
        return [m.due_date for m in found]

    assert dated("督查室要加强督办,年底逐一对账销号。") == [date(2024, 12, 31)]
    assert dated("相关扶持政策延续至2027年底。") == []
    assert dated("督查室要加强督办,逐一对账销号。") == []


_WRAPPED_CLOSE = """某县人民政府办公室关于印发《2024年县政府工作报告重点任务分解方案》的通知
各乡镇人民政府,县政府各部门:
现将《2024年县政府工作报告重点任务分解方案》印发给你们,并就抓好落实通知如下:
1.压实责任,狠抓落实。各牵头单位要细化工作举措,建立工作台账,确保各项任务按期完成,并于2024年3月10日前将推进方案报送县政府办公室。
2.加强督查,务求实效。县政府督查室要加强跟踪督办,年底逐一对账销号。各责任单位要于每月25日前报送工作进展情况。
联系人:张某某,联系电话:1234567,电子邮箱:abcd@163.com。
某县人民政府办公室
2024年2月20日
"""


def test_the_signer_over_the_date_is_never_run_on_in_a_copy_broken_at_a_pages_width():
    """The contact line ends near the width; the 落款 under it is a line of its own, so the last item keeps its
    subjects and the date of writing dates nothing."""
    wrapped = hard_wrapped(_WRAPPED_CLOSE, 56, indent=False)
    assert "abcd@163.com。\n某县人民政府办公室\n" in wrapped  # the contact line runs to the width
    last = _parse(wrapped).tasks[-1]
    assert _units(last) == (["县政府督查室"], ["各责任单位"])
    assert date(2024, 2, 20) not in [m.due_date for m in last.milestones]
    assert signer_line("某县人民政府办公室", "2024年2月20日")
    assert not signer_line("某县人民政府办公室", "联系人:张某某") and not signer_line(
        "各单位要抓好落实。", "2024年2月20日"
    )


def test_a_rows_cells_each_in_a_paragraph_of_its_own_with_the_blank_lines_kept():
    """A page that sets each line in a paragraph of its own, saved with its portal's furniture set line by line, so the
    blank lines stay (`copy_spacing`): a blank line between a measure and its cells, or between its cells, ends no row."""
    head, table = _TABLE.split("2024年重点工作任务分解表\n")
    furniture = "首页 > 政府信息公开 > 政策文件\n【字体:大 中 小】 打印本页 关闭窗口\n分享到:微信 微博\n"
    text = furniture + head + "\n\n".join(["2024年重点工作任务分解表", *table.splitlines()])
    lines = text.splitlines()
    assert len(spoken_lines(lines)) == len(lines)  # the blank lines are kept
    tasks = _parse(text).tasks
    assert [_units(t) for t in tasks] == [_units(t) for t in _parse(_TABLE).tasks]
    assert _units(tasks[1]) == (["交通局", "县商务局"], ["各乡镇人民政府"])


def test_after_a_blank_line_a_lone_units_line_is_no_cell_unless_units_follow():
    text = """某县人民政府关于印发2024年重点工作任务分解表的通知
各乡镇人民政府,县政府各部门:
一、重点工作
1.推动食品加工产业集群发展,新培育规上企业5家。(责任单位:县工信局)
2.加快建设县城物流园区,完善冷链配送体系。

县商务局

请各单位认真抓好落实。
3.实施老旧小区改造,完成改造12个小区。(责任单位:县住建局)
"""
    tasks = _parse(text).tasks
    assert [t.label for t in tasks] == ["1", "2", "3"]
    assert _units(tasks[1]) == ([], [])  # the lone name after a blank line is no lead cell
