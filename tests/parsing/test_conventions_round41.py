"""Conventions met in blind round 41 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a township's implementation
plan whose `工作安排` lists each year's tasks under `2023年重点任务:`). At the round's first look a year's
list whose tasks name no time dated nothing.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _dates(task):
    return sorted(m.due_date for m in task.milestones if m.due_date)


# --- A year's own task list --------------------------------------------------------------------


def test_a_years_list_is_one_milestone_as_far_as_its_first_task_and_the_rest_keep_their_own():
    # The list's first task carries the label; a later task's quantity stays a target of its own.
    doc = _parse(
        "某街道老旧小区改造工作方案\n"
        "1.推进小区改造。2024年重点工作任务:完成改造方案编制;改造小区12个。(责任科室:城建办)\n",
        year=2024,
    )
    [task] = doc.tasks
    texts = [m.text for m in task.milestones]
    assert any(t.startswith("2024年重点工作任务:完成改造方案编制") for t in texts)
    assert any("改造小区12个" in t and m.target_value == 12 for t, m in zip(texts, task.milestones, strict=True))


def test_a_years_list_with_months_of_its_own_is_dated_by_its_months():
    # `2026年重点任务:一是3月底前…`: the months are that year's; the label adds no year-end date.
    doc = _parse(
        "某镇污水管网建设工作方案\n"
        "1.建设污水管网。2026年重点任务:一是3月底前完成设计;二是9月底前完成铺设。(责任单位:镇建设办)\n",
        year=2025,
    )
    [task] = doc.tasks
    assert _dates(task) == [date(2026, 3, 31), date(2026, 9, 30)]


def test_a_year_before_a_colon_that_opens_no_list_is_no_label():
    # `2023年度:` names a period of review, `2023年计划投资` a figure: neither labels a list of tasks.
    doc = _parse(
        "某园区管委会2025年工作要点\n1.加快项目建设。全年完成投资5亿元,较2023年增长10%。(责任部门:经济发展局)\n",
        year=2025,
    )
    [task] = doc.tasks
    assert date(2023, 12, 31) not in _dates(task)
