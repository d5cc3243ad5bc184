"""Conventions met in blind round 124 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a provincial self-check notice of
2014, a college office's 2017 task schedule). At the round's first look the parser cut a deadline's hour at its
colon (`6月20日18:00前`) and dated nothing, read neither the units a later sentence names before `等…牵头` nor a later
sentence's subject given its own day (`各市(州)于…前报送`), and read a task cell merged over its dated steps
(`工作任务 | 任务分解/时序进度`) as one clause, each step's time lost.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_bytes, parse_document
from policy_tasks.parsing.deadlines import find_time_phrases
from policy_tasks.parsing.reported_periods import reported_spans
from tests.sources.builders import docx_with_table

_NOTICE = (
    "关于开展稳就业政策落实情况自查的通知\n"
    "各县（市、区）人民政府，市政府各部门：\n"
    "现就有关事项通知如下。\n"
    "一、各地自查\n"
    "{one}\n"
    "二、部门自查\n"
    "{two}\n"
    "特此通知。\n"
)


def _notice(one: str, two: str = "市级部门要对照职责开展自查，认真梳理存在的问题。") -> list:
    return parse_document(_NOTICE.format(one=one, two=two), year=2019).tasks


@pytest.mark.parametrize(
    "written",
    ["7月5日17：00前", "7月5日17:30前", "7月5日下午5:30前", "7月5日17时前", "7月5日下午5点前", "7月5日 17:00前"],
)
def test_a_deadline_with_its_hour_is_due_that_day(written):
    # A notice fixes the hour the reports close (`6月20日18:00前`): the day is the deadline, and the
    # hour's colon cuts no part of the sentence.
    tasks = _notice(f"各县（市、区）要认真开展自查。各县（市、区）于{written}向市政府报送自查报告。")
    assert [m.due_date for m in tasks[0].milestones] == [date(2019, 7, 5)]


def test_an_hour_in_characters_is_read_only_before_qian():
    # `7月5日3点要求` (three points of the requirement) names no hour; the day alone is read.
    phrases = find_time_phrases("7月5日3点要求全面落实", 2019)
    assert [p.text for p in phrases] == ["7月5日"]
    assert [p.text for p in find_time_phrases("7月5日12:00召开会议", 2019)] == ["7月5日12:00"]


def test_a_later_sentences_subject_given_its_own_day_helps():
    tasks = _notice(
        "各县（市、区）要按照要求开展逐项自查，抓紧贯彻落实。各县（市、区）人民政府于7月5日前向市政府报送自查报告。"
    )
    assert (tasks[0].lead_units, tasks[0].co_units) == (["各县(市、区)"], ["各县（市、区）人民政府"])


def test_a_later_sentence_dated_by_no_unit_names_no_one():
    # `会议于…前召开`: the meeting is no unit.
    tasks = _notice("各县（市、区）要按照要求开展逐项自查。会议于7月5日前召开。")
    assert tasks[0].co_units == []


def test_the_units_a_later_sentence_names_before_deng_qiantou_lead_beside_the_subject():
    tasks = _notice(
        "各县（市、区）要开展自查。",
        "市级部门要对照职责开展自查，认真梳理存在的问题。8个方面的重点，由所涉及的市发展改革委、市财政局、市人社局"
        "等市级主管部门牵头完成自查报告，其他相关部门配合，于7月5日前报送市政府。",
    )
    assert tasks[1].lead_units == ["市级部门", "市发展改革委", "市财政局", "市人社局"]
    assert tasks[1].co_units == []


@pytest.mark.parametrize(
    "later",
    [
        "由市发展改革委负责汇总，其他相关部门配合。",  # 负责, no 牵头: no lead of its own
        "由所涉及的有关部门牵头完成自查报告。",  # the departments concerned: no unit
    ],
)
def test_a_later_sentence_without_units_before_qiantou_adds_no_lead(later):
    tasks = _notice("各县（市、区）要开展自查。", f"市级部门要对照职责开展自查。{later}")
    assert tasks[1].lead_units == ["市级部门"]


_STEPS = [
    ["工作任务", "任务分解/时序进度", "考核要点"],
    ["做好年度考核", "3月 组织各党支部学习年度考核通报并对照整改", "整改报告"],
    ["做好年度考核", "1月至4月 修订各部门考核办法", "完成修订稿"],
    ["做好年度考核", "5月至12月 对各部门执行情况进行抽查", "抽查记录"],
    ["完善内部制度", "全年 配合学院制度废改立完善内部工作流程", "流程汇编"],
    ["完善内部制度", "9月至10月，在档案馆和各部门的配合下制定档案管理办法", "管理办法"],
]


def test_a_task_merged_over_its_dated_steps_holds_a_clause_a_step():
    doc = parse_bytes(docx_with_table([], _STEPS), filename="renwu.docx", year=2017)
    assert [t.text.split(" ")[0].split("，")[0] for t in doc.tasks] == [
        "3月",
        "1月至4月",
        "5月至12月",
        "全年",
        "9月至10月",
    ]
    assert [[m.due_date for m in t.milestones] for t in doc.tasks] == [
        [date(2017, 3, 31)],
        [date(2017, 4, 30)],
        [date(2017, 12, 31)],
        [date(2017, 12, 31)],
        [date(2017, 10, 31)],
    ]
    # The merged task cell groups its steps; `在档案馆和各部门的配合下` gives the archive a helping part only.
    assert [a.title for a in doc.areas] == ["做好年度考核", "完善内部制度"]
    assert [(t.lead_units, t.co_units) for t in doc.tasks][-1] == ([], ["档案馆"])


def test_a_schedule_column_of_bare_times_keeps_one_clause_a_task():
    rows = [
        ["工作任务", "时序进度", "考核要点"],
        ["做好年度考核", "3月", "整改报告"],
        ["做好年度考核", "6月", "完成修订稿"],
        ["完善内部制度", "9月", "流程汇编"],
    ]
    doc = parse_bytes(docx_with_table([], rows), filename="renwu.docx", year=2017)
    assert [a.title for a in doc.areas] == []
    assert len(doc.tasks) == 2


def test_a_span_from_january_opening_a_step_labels_it_but_a_tally_still_reports():
    assert reported_spans("1月至4月 修订各部门考核办法") == []
    assert reported_spans("1-6月 全市完成产值1175亿元") == [(0, 4)]
    assert reported_spans("1-6月,全市完成产值1175亿元") == [(0, 4)]
