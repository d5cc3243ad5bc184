"""Date and numbering left-overs, each tried on invented county-office documents (2026-12-05).

A day typed month.day before 前 (`6.30前`, `6.30日前`, `12.31前完成`); `X月前` read as the month's
end in prose and in a 完成时限 field alike, with a check; an item whose number runs into its
month's deadline (`1、10月底前…`, `1.10月底前…`), alone or in a list; a plan's annual figure
(`年度计划投资200亿元`), which is a target and no time. The near-misses beside each (decimals in
targets, decimal clause numbers, months listed as `1、2月`, `三月前`) read as before.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.result import ParsedDocument

_TITLE = "某县2026年城乡建设工作实施方案\n"


def _parse(body: str) -> ParsedDocument:
    return parse_document(_TITLE + body, assume_year=2026)


def _dues(body: str) -> list[list[tuple[str, date | None, str | None]]]:
    return [[(m.kind, m.due_date, m.time_expression) for m in t.milestones] for t in _parse(body).tasks]


# --- 1. month.day ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "due", "expression"),
    [
        ("6.30前完成主体工程。", date(2026, 6, 30), "6.30前"),
        ("主体工程6.30日前完工。", date(2026, 6, 30), "6.30日前"),
        ("9.15日前投入使用。", date(2026, 9, 15), "9.15日前"),
        ("12.31前完成竣工验收。", date(2026, 12, 31), "12.31前"),
    ],
)
def test_a_day_typed_month_dot_day_before_qian_is_that_day(sentence: str, due: date, expression: str) -> None:
    body = f"一、交通建设\n1.推进县道改造。{sentence}(责任单位:县交通局)\n2.新建社区服务中心。(责任单位:县民政局)\n"
    assert ("deadline", due, expression) in _dues(body)[0]


@pytest.mark.parametrize("value", ["6.30前", "12.31前完成", "6.30日前"])
def test_a_month_dot_day_in_a_due_field_dates_the_clause(value: str) -> None:
    body = (
        f"一、交通建设\n1.完成县道改造30公里。\n责任单位:县交通局\n完成时限:{value}\n"
        "2.新建社区服务中心2个。\n责任单位:县民政局\n完成时限:12月底前\n"
    )
    due = date(2026, 12, 31) if value.startswith("12") else date(2026, 6, 30)
    first = _parse(body).tasks[0]
    assert {m.due_date for m in first.milestones} == {due}
    assert not [w for w in _parse(body).warnings if "unreadable" in w.message]


def test_decimals_in_targets_are_no_days() -> None:
    body = (
        "一、经济发展\n1.地区生产总值增长6.5%,年底前完成。(责任单位:县发改局)\n"
        "2.完成固定资产投资6.5亿元,造林1.2万亩。(责任单位:县财政局)\n"
    )
    assert _dues(body) == [
        [("target", date(2026, 12, 31), None), ("deadline", date(2026, 12, 31), "年底前")],
        [("target", date(2026, 12, 31), None), ("target", date(2026, 12, 31), None)],
    ]
    values = [(m.target_value, m.target_unit) for t in _parse(body).tasks for m in t.milestones if m.target_value]
    assert values == [(6.5, "%"), (6.5, "亿元"), (1.2, "万亩")]


def test_decimal_clause_numbers_stay_clause_numbers() -> None:
    body = (
        "一、交通\n1.1 交通建设。完成县道改造30公里,10月底前完成。(责任单位:县交通局)\n"
        "1.2 公共服务。新建社区服务中心2个。(责任单位:县民政局)\n"
    )
    tasks = _parse(body).tasks
    assert [(t.label, t.lead_units) for t in tasks] == [("1.1", ["县交通局"]), ("1.2", ["县民政局"])]
    assert _dues(body)[0][1] == ("deadline", date(2026, 10, 31), "10月底前")


def test_a_day_the_month_lacks_is_unreadable() -> None:
    body = "一、交通建设\n1.推进县道改造,2.30前完成设计。(责任单位:县交通局)\n2.新建社区服务中心。(责任单位:县民政局)\n"
    assert _dues(body)[0] == [("deadline", None, "2.30前")]


# --- 2. X月前 ------------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["2026年6月前", "6月前", "2026年6月份前", "6月之前"])
def test_x_yue_qian_in_a_due_field_is_the_months_end_with_a_check(value: str) -> None:
    body = (
        f"一、交通建设\n1.完成县道改造30公里。\n责任单位:县交通局\n完成时限:{value}\n"
        "2.新建社区服务中心2个。\n责任单位:县民政局\n完成时限:2026年9月底前\n"
    )
    parsed = _parse(body)
    assert {m.due_date for m in parsed.tasks[0].milestones} == {date(2026, 6, 30)}
    assert [w.task for w in parsed.warnings if "X月前 read as the month's end" in w.message] == [1]


def test_x_yue_qian_in_a_table_cell_is_the_months_end() -> None:
    body = (
        "序号\t重点任务\t牵头单位\t完成时限\n1\t完成县道改造30公里\t县交通局\t2026年6月前\n"
        "2\t新建社区服务中心2个\t县民政局\t12月前\n"
    )
    tasks = _parse(body).tasks
    assert [{m.due_date for m in t.milestones} for t in tasks] == [{date(2026, 6, 30)}, {date(2026, 12, 31)}]


def test_x_yue_qian_in_prose_reads_as_the_field_does() -> None:
    body = (
        "一、交通建设\n1.完成县道改造30公里,2026年6月前完成。(责任单位:县交通局)\n"
        "2.新建社区服务中心2个,6月前完成。(责任单位:县民政局)\n"
    )
    assert [d[-1] for d in _dues(body)] == [
        ("deadline", date(2026, 6, 30), "2026年6月前"),
        ("deadline", date(2026, 6, 30), "6月前"),
    ]


def test_a_month_in_chinese_numerals_before_qian_stays_unreadable() -> None:
    # `三月前` is as often `三个月前`, "three months ago".
    body = "一、交通建设\n1.完成县道改造,三月前完成设计。(责任单位:县交通局)\n2.新建社区服务中心。(责任单位:县民政局)\n"
    assert _dues(body)[0] == [("deadline", None, "三月前")]


# --- 5. an item's number before its month ---------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "1、10月底前完成县道改造30公里。(责任单位:县交通局)\n",
        "1.10月底前完成县道改造30公里。(责任单位:县交通局)\n",
        "一、交通建设\n1、10月底前完成县道改造30公里。(责任单位:县交通局)\n",
        "1、10月底前完成县道改造30公里。\n责任单位:县交通局\n",
        "为加快交通建设,制定本方案。1.10月底前完成县道改造30公里。(责任单位:县交通局)\n",
    ],
)
def test_a_one_clause_plan_whose_item_opens_with_its_month(body: str) -> None:
    (task,) = _parse(body).tasks
    assert (task.number, task.lead_units, task.title[:4]) == (1, ["县交通局"], "10月底")
    assert [(m.due_date, m.target_value) for m in task.milestones] == [(date(2026, 10, 31), 30.0)]


@pytest.mark.parametrize(
    ("first", "second", "dues"),
    [
        ("1、10月底前", "2、12月底前", [date(2026, 10, 31), date(2026, 12, 31)]),
        ("1、完成县道改造并于10月底前", "2、6月15日前", [date(2026, 10, 31), date(2026, 6, 15)]),
        ("1.10月底前", "2.6月前", [date(2026, 10, 31), date(2026, 6, 30)]),
    ],
)
def test_items_numbered_before_their_months_deadline(first: str, second: str, dues: list[date]) -> None:
    body = f"{first}完成县道改造30公里。(责任单位:县交通局)\n{second}建成社区服务中心2个。(责任单位:县民政局)\n"
    tasks = _parse(body).tasks
    assert [(t.number, t.lead_units) for t in tasks] == [(1, ["县交通局"]), (2, ["县民政局"])]
    assert [t.milestones[-1].due_date for t in tasks] == dues


def test_an_item_numbered_before_a_count_of_years() -> None:
    body = (
        "一、交通\n1、5年内完成县道改造30公里。(责任单位:县交通局)\n2.3年内建成社区服务中心2个。(责任单位:县民政局)\n"
    )
    tasks = _parse(body).tasks
    assert [(t.number, t.milestones[0].time_expression) for t in tasks] == [(1, "5年内"), (2, "3年内")]


def test_months_listed_after_a_number_stay_months() -> None:
    # `1、2月完成…`: January and February, no item 1 due in February.
    body = "一、交通建设\n1、2月完成县道改造30公里。(责任单位:县交通局)\n"
    (task,) = _parse(body).tasks
    assert (task.label, task.title) == ("一", "交通建设")


def test_a_count_of_years_with_a_fraction_is_no_year_end() -> None:
    body = (
        "一、交通建设\n1.完成县道改造30公里,计划用\n1.5年内完成。(责任单位:县交通局)\n"
        "2.建成社区服务中心2个。(责任单位:县民政局)\n"
    )
    assert all(m.time_expression != "年内" for t in _parse(body).tasks for m in t.milestones)


# --- 7. a plan's annual figure ---------------------------------------------------------------------


@pytest.mark.parametrize("sentence", ["年度计划投资200亿元", "完成年度目标任务投资80亿元", "年度计划完成投资50亿元"])
def test_a_plans_annual_figure_is_a_target_not_a_time(sentence: str) -> None:
    body = f"一、项目建设\n1.推进重大项目建设,{sentence}。(责任单位:县发改局)\n2.新建社区服务中心2个。(责任单位:县民政局)\n"
    (milestone,) = _parse(body).tasks[0].milestones
    assert (milestone.kind, milestone.time_expression, milestone.due_date) == ("target", None, date(2026, 12, 31))


def test_an_annual_figure_does_not_date_the_parts_after_it() -> None:
    body = (
        "一、项目建设\n1.年度计划投资200亿元,撬动社会资本1000亿元,10月底前全部开工。(责任单位:县发改局)\n"
        "2.新建社区服务中心2个。(责任单位:县民政局)\n"
    )
    assert _dues(body)[0] == [
        ("target", date(2026, 12, 31), None),
        ("target", date(2026, 12, 31), None),
        ("deadline", date(2026, 10, 31), "10月底前"),
    ]


def test_nian_du_still_dates_the_years_work() -> None:
    body = "一、生态建设\n1.年度完成造林1万亩。(责任单位:县林业局)\n2.年度内建成社区服务中心2个。(责任单位:县民政局)\n"
    assert [d[-1] for d in _dues(body)] == [
        ("target", date(2026, 12, 31), "年度"),
        ("target", date(2026, 12, 31), "年度内"),
    ]
