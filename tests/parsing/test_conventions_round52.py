"""Conventions met in blind round 52 (docs/parsing.md): a `<unit>牵头的工作` sub-heading over one
unnumbered paragraph; a leader heading with the leader's remit under it; a title's year span after
a 分工 (each on the corpus document that showed it and on a variant written from the convention).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from policy_tasks.parsing import parse_bytes

_CORPUS = Path(__file__).parent / "corpus"


def _corpus(name: str, **kwargs):
    path = _CORPUS / name / "source.txt"
    return parse_bytes(path.read_bytes(), filename=path.name, **kwargs)


def _parse(text: str, **kwargs):
    return parse_bytes(text.encode(), filename="plan.txt", **kwargs)


# 1. `(一)省监察厅牵头的工作` over one unnumbered paragraph: the heading is the clause, its unit leads.


def test_shanxi_unit_work_headings_over_a_paragraph_are_clauses():
    tasks = _corpus("shanxi-sheng-mubiaozerenfenjie-2008").tasks
    first, second = tasks[0], tasks[1]
    assert first.text.startswith("加强行政监察工作")
    assert (first.lead_units, first.co_units) == (["省监察厅"], [])
    assert first.title == "加强行政监察工作,全面落实政府系统党风廉政建设责任制"
    assert second.text.startswith("全面加强审计工作")
    assert (second.lead_units, second.co_units) == (["省审计厅"], ["省直各部门", "各市人民政府"])
    assert second.unit_origin == "本条标题"
    # The heading over numbered items still leads them, as before.
    assert [t.lead_units for t in tasks[2:4]] == [["省编办"], ["省编办"]]
    assert len(tasks) == 6


_UNIT_WORK = """2023年县政府工作目标责任分解
一、县长负责的工作
(一)县发改局牵头的工作
加快推进重点项目建设,全年完成投资20亿元。
配合单位:县财政局、县自然资源局。
(二)县教育局负责的工作
改善农村学校办学条件。
(三)县住建局牵头的工作
1.推进老旧小区改造。
2.完善城市排水设施。
配合单位:县水利局。
"""


def test_a_unit_work_heading_over_a_paragraph_is_one_clause():
    tasks = _parse(_UNIT_WORK, year=2023).tasks
    assert [t.text.split("\n")[0][:6] for t in tasks] == [
        "加快推进重点",
        "改善农村学校",
        "推进老旧小区",
        "完善城市排水",
    ]
    assert (tasks[0].lead_units, tasks[0].co_units) == (["县发改局"], ["县财政局", "县自然资源局"])
    assert (tasks[1].lead_units, tasks[1].co_units) == (["县教育局"], [])
    assert [m.due_date for m in tasks[0].milestones] == [date(2023, 12, 31)]


def test_a_heading_naming_work_not_a_unit_is_no_such_clause():
    text = _UNIT_WORK.replace("(二)县教育局负责的工作", "(二)加强教育的工作")
    tasks = _parse(text, year=2023).tasks
    assert not any(t.lead_units == ["县教育局"] for t in tasks)


# 2. `一、孟学农省长负责的工作` with the leader's remit under it: every clause below has that leader.


def test_shanxi_leader_headings_give_their_clauses_leaders():
    tasks = _corpus("shanxi-sheng-mubiaozerenfenjie-2008").tasks
    assert [t.leaders for t in tasks] == [["孟学农"]] * 4 + [["薛延忠"]] * 2
    assert all(not set(t.lead_units) & {"孟学农", "薛延忠"} for t in tasks)


def test_a_remit_line_under_a_leader_heading_does_not_hide_the_leader():
    text = _UNIT_WORK.replace("一、县长负责的工作\n", "一、王明县长负责的工作\n协助书记抓好县政府工作任务的落实。\n")
    tasks = _parse(text, year=2023).tasks
    assert all(t.leaders == ["王明"] for t in tasks)
    assert tasks[0].lead_units == ["县发改局"]


# 3. `…重点任务分工(2016-2020年)`: the title's span is the plan's period, read in its first year.


def test_beijing_title_span_gives_the_plans_first_year():
    parsed = _corpus("beijing-zhengwugongkai-fengong-2016", assume_year=2026)
    assert (parsed.year, parsed.year_assumed) == (2016, True)
    assert "2016-2020年" in parsed.warnings[0].message
    assert [m.due_date for t in parsed.tasks for m in t.milestones] == [
        date(2018, 12, 31),
        date(2018, 12, 31),
        date(2017, 12, 31),
    ]


def test_a_span_after_a_division_of_work_is_the_period_not_a_body_year():
    text = (
        "某市营商环境重点任务分解（2021—2023年）\n"
        "1.推行企业开办一网通办。\n牵头单位:市市场监管局\n完成时限:2023年6月底前\n"
        "2.压减工程建设项目审批时间。\n牵头单位:市住建局\n完成时限:2023年12月底前\n"
    )
    parsed = _parse(text, assume_year=2026)
    assert (parsed.year, parsed.year_assumed) == (2021, True)
    assert [m.due_date for t in parsed.tasks for m in t.milestones] == [date(2023, 6, 30), date(2023, 12, 31)]
