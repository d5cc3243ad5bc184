"""Conventions met in blind round 41 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a township's yearly work
plan, issued in the first days of January, listing projects whose works start in the December before,
and a township's implementation plan, published in the last year it schedules, whose measures name
the earlier years' deadlines and whose `工作安排` lists each year's tasks under `2023年重点任务:`). At
the round's first look every date in a year before the document's was read as a reference point, so
those commitments carried no date, and a year's list whose tasks name no time dated nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.deadlines import find_time_phrases
from policy_tasks.parsing.past_commitments import commits_past_date
from policy_tasks.parsing.textutil import normalise
from policy_tasks.parsing.time_phrase import PAST


def _parse(text: str, year: int):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _dates(task):
    return sorted(m.due_date for m in task.milestones if m.due_date)


def _other_year_warnings(doc, task_index: int):
    return [w for w in doc.warnings if w.task == task_index and "与文件年度" in w.message]


# --- A year's own task list --------------------------------------------------------------------


def test_each_years_list_in_a_plan_published_in_its_last_year_is_due_at_that_years_end():
    # A three-year plan that reached its reader in its last year: each year's list is a commitment in
    # its own year, not a reference point, and the review page is told the year differs.
    doc = _parse(
        "某乡农村公路管护三年工作方案\n"
        "一、工作安排\n"
        "(一)2023年重点任务:完成全乡农村公路普查,建立管护台账;落实养护人员。\n"
        "(二)2024年主要任务:推进危桥改造;建立路况巡查制度。\n"
        "(三)2025年工作任务:健全长效管护机制;迎接县级考核验收。\n",
        year=2025,
    )
    assert [_dates(t) for t in doc.tasks] == [[date(2023, 12, 31)], [date(2024, 12, 31)], [date(2025, 12, 31)]]
    assert _other_year_warnings(doc, 1) and _other_year_warnings(doc, 2)
    assert not _other_year_warnings(doc, 3)


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


# --- A past date the plan commits work to ------------------------------------------------------


def test_a_start_planned_for_the_december_before_a_january_plan_is_a_deadline():
    # A plan issued in January lists a project that was to start the month before.
    doc = _parse(
        "某镇2024年工作计划\n"
        "(一)蔬菜大棚项目:位于某村,占地80亩,计划2023年12月开工,2024年6月建成投用。\n"
        "(二)冷库项目:总投资200万元,预计2023年11月开工建设。\n",
        year=2024,
    )
    assert _dates(doc.tasks[0]) == [date(2023, 12, 31), date(2024, 6, 30)]
    assert date(2023, 11, 30) in _dates(doc.tasks[1])
    assert _other_year_warnings(doc, 1)


def test_a_past_years_end_written_as_a_deadline_is_a_deadline_in_that_year():
    doc = _parse(
        "某高新区数字园区建设实施方案\n"
        "1.建设监管平台,2023年底前实现重点企业接入;2024年6月底前完成平台验收。(责任部门:科技创新局)\n",
        year=2025,
    )
    [task] = doc.tasks
    assert _dates(task) == [date(2023, 12, 31), date(2024, 6, 30)]


@pytest.mark.parametrize(
    "sentence",
    [
        "单位产值能耗比2020年下降10%",
        "村集体收入较2023年增长15%",
        "在2022年的基础上再提高2个百分点",
        "截至2023年底已完成改造任务",
        "2023年底前已完成全部清理",
        "按照不高于2021年的标准征收",
        "2024年前完成7公里护岸建设",
        "截至2024年6月底完成改造3000户",
        "2024年完成投资5亿元",
    ],
)
def test_a_past_year_the_plan_measures_against_or_reports_stays_a_reference(sentence):
    # Comparisons, bases, reports of work done and a year alone before `前` date nothing.
    norm = normalise(sentence)
    past = [p for p in find_time_phrases(norm, 2025) if p.stated_year is not None and p.stated_year < 2025]
    assert past and all(p.level == PAST for p in past)


@pytest.mark.parametrize(
    "sentence",
    [
        "力争2024年9月底前完成搬迁",
        "确保2024年三季度前投产",
        "拟2024年10月启动招标",
        "2024年重点任务:完成普查",
        "2024年内完成危房改造",
        "2024年12月底建成投用",
    ],
)
def test_a_past_date_after_a_word_of_intent_or_closing_a_period_commits(sentence):
    norm = normalise(sentence)
    [phrase] = [p for p in find_time_phrases(norm, 2025) if p.stated_year == 2024]
    assert phrase.level != PAST
    assert commits_past_date(norm, phrase.start, phrase.end)


# --- The document's name in a disclosure page's metadata ---------------------------------------


def test_a_disclosure_pages_name_field_is_the_title_where_no_title_line_stands():
    # The page opens with the office's name and its metadata; the text has no title line of its own.
    doc = _parse(
        "某区农业农村局\n"
        "索引号: 0001/2024-00012 发布机构: 某区农业农村局\n"
        "名称: 2024年本局重点工作任务分解 文号:\n"
        "发文日期: 2024-03-01\n"
        "1.推进高标准农田建设,年底前建成1万亩。(责任科室:农田建设科)\n",
        year=2024,
    )
    assert doc.title == "2024年本局重点工作任务分解"


def test_a_name_field_in_a_flattened_metadata_table_gives_the_title_and_its_year():
    doc = parse_bytes(
        (
            "| 索引号:0002/2023-00007 | |\n"
            "| 发布机构:某街道办事处 | 发布日期:2024-01-08 |\n"
            "| 标题:某街道2024年工作要点 | |\n"
            "1.完成老旧小区改造3个,9月底前完工。(责任科室:城建办)\n"
        ).encode(),
        filename="doc.txt",
    )
    assert (doc.title, doc.year) == ("某街道2024年工作要点", 2024)
    assert not [w for w in doc.warnings if w.task is None and "按" in w.message and "读取" in w.message]


def test_the_plans_own_title_line_wins_over_the_name_field():
    doc = _parse(
        "名 称: 关于印发某镇秸秆禁烧工作方案的通知\n某镇秸秆禁烧工作方案\n1.加强巡查。(责任单位:镇农业站)\n",
        year=2024,
    )
    assert doc.title == "某镇秸秆禁烧工作方案"


def test_an_empty_name_field_or_a_projects_name_is_no_title():
    doc = _parse(
        "发文日期: 2024-04-18 - 名称:\n某园区管委会\n1.项目名称:标准厂房二期,6月底前开工。(责任部门:规划建设局)\n",
        year=2024,
    )
    assert doc.title == "某园区管委会"
