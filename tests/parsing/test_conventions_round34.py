"""Conventions met in blind round 34 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a district education
bureau's yearly work points, 广西, and a provincial health department's division of the year's 医改
tasks among its own divisions, 内蒙古). At the round's first look the parser read both clauses right:
items closed by a bracket naming the office's own sections (`(责任单位:党办、人事股、教研室)`) and a
numbered target under a task, closed by the division in charge (`(基层卫生管理处负责)`). It gave one
item a year-end deadline it does not state: the year in the name of a plan the item drafts
(`制定2021年党组理论中心组学习方案`) names the plan, as in a 《title》, and dates nothing.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int = 2025):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _points(item: str) -> str:
    return (
        "某县农业农村局2025年工作要点\n"
        "一、加强机关自身建设\n"
        f"1.抓好学习培训。{item}(责任单位:办公室、人事股)\n"
        "2.落实安全生产责任。3月底前开展一次隐患排查。(责任单位:安全股)\n"
    )


def _dates(task):
    return [(m.due_date.isoformat() if m.due_date else None, m.text) for m in task.milestones]


def test_the_year_naming_a_plan_the_item_drafts_dates_nothing():
    doc = _parse(_points("制定2025年干部教育培训计划和机关读书活动方案。"))
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [(["办公室"], ["人事股"]), (["安全股"], [])]
    assert _dates(doc.tasks[0]) == []
    assert _dates(doc.tasks[1]) == [("2025-03-31", "3月底前开展一次隐患排查")]


def test_the_year_naming_next_years_plan_is_no_deadline_in_that_year():
    # A 2025 plan asks for next year's list: drafted in 2025, not due at the end of 2026.
    doc = _parse(_points("编制2026年度重点任务清单,报局党组审定。"))
    assert all(m.due_date is None or m.due_date.year == 2025 for m in doc.tasks[0].milestones)
    assert not any("2026" in m.text for m in doc.tasks[0].milestones)


def test_a_date_before_the_drafting_still_dates_it():
    doc = _parse(_points("2025年6月底前制定2025年干部教育培训计划。"))
    assert [d for d, _ in _dates(doc.tasks[0])] == ["2025-06-30"]


def test_a_year_the_work_is_done_in_still_dates_it():
    # `2026年建成…` commits to finishing within that year: no plan is named.
    doc = _parse(_points("确保2026年建成县级农产品检测中心。"))
    assert [d for d, _ in _dates(doc.tasks[0])] == ["2026-12-31"]


def test_a_numbered_target_under_a_task_carries_its_division_in_charge():
    doc = _parse(
        "某省卫生厅落实2025年深化医改主要工作安排的分工意见\n"
        "一、卫生厅牵头工作分工安排\n"
        "(一)健全医疗保障体系\n"
        "1.巩固基本医保覆盖面。主要工作目标:\n"
        "(1)城乡居民医保参保率稳定在95%以上(基层卫生处负责)。\n"
        "(2)年底前完成异地就医直接结算扩面(医政医管处负责,规划财务处配合)。\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["基层卫生处"], []),
        (["医政医管处"], ["规划财务处"]),
    ]
    assert [d for d, _ in _dates(doc.tasks[1])] == ["2025-12-31"]


# The same division of work set as the task table offices send it: the plan's headings are rows one
# merged cell fills, among them a numbered task closed by a colon (`1.…。主要工作目标:`) over the
# numbered targets that are the rows. The colon says it introduces the rows below: a heading, though
# it holds a sentence, so the table goes on after it.
_TABLE_HEAD = "某省卫生厅2025年深化医改分工意见\n"
_HEADINGS = ["一、卫生厅牵头工作分工安排", "(一)健全医疗保障体系", "1.巩固基本医保覆盖面。主要工作目标:"]
_ROWS = [
    ("1", "城乡居民医保参保率稳定在95%以上。", "基层卫生处", "", ""),
    ("2", "完成异地就医直接结算扩面。", "医政医管处", "规划财务处", "2025年9月底前"),
]


def _rows_as(sep: str) -> str:
    header = sep.join(["序号", "重点任务", "牵头单位", "配合单位", "完成时限"])
    return _TABLE_HEAD + "\n".join([header, *_HEADINGS, *(sep.join(r) for r in _ROWS)]) + "\n"


def _cell_a_line() -> str:
    cells = [c for r in _ROWS for c in r if c]
    return _TABLE_HEAD + "\n".join(["序号", "重点任务", "牵头单位", "配合单位", "完成时限", *_HEADINGS, *cells]) + "\n"


def _read(doc):
    # The rows, as a .docx table with the same merged heading rows reads them (the `1.` heading row
    # itself comes out as a task with no units there too: left as it is, see the round's report).
    rows = [t for t in doc.tasks if not t.title.startswith("巩固基本医保覆盖面")]
    return [(t.lead_units, t.co_units, [m.due_date.isoformat() for m in t.milestones if m.due_date]) for t in rows]


_EXPECTED = [(["基层卫生处"], [], []), (["医政医管处"], ["规划财务处"], ["2025-09-30"])]


def test_a_numbered_heading_closed_by_a_colon_keeps_a_piped_table_going():
    assert _read(_parse(_rows_as(" | "))) == _EXPECTED


def test_a_numbered_heading_closed_by_a_colon_keeps_a_tab_separated_table_going():
    assert _read(_parse(_rows_as("\t"))) == _EXPECTED


def test_a_numbered_heading_closed_by_a_colon_is_a_heading_in_a_table_a_cell_a_line():
    assert _read(_parse(_cell_a_line())) == _EXPECTED


def test_a_numbered_sentence_without_a_colon_still_ends_a_piped_table():
    # `1.…。` closed by a full stop is a paragraph after the table, as before: not read as a heading.
    text = _rows_as(" | ").replace("主要工作目标:", "主要工作目标已明确。")
    assert _read(_parse(text)) != _EXPECTED
