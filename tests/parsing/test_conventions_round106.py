"""Conventions met in blind round 106 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the documents that showed them:

- a task table with a 序号 column and task columns but no unit column (a district's report on the tasks it is
  assessed on): one clause a row, naming no unit, so the review page marks each; a list of things (`文件名称`) and a
  document with nothing numbered stay as before;
- a breakdown's covering notice charging the breakdown's roles written `(各)主要责任单位` (lead) and `其他责任单位` (co) as
  sentence subjects, and the leaders by a post that is itself their division of work (`县政府分线领导`);
- a body's heads made answerable for its work by post, `各责任单位的主要负责同志要对承办的工作负总责、负首责`: the heads a
  leader, the body leading (round 95's reading, which wanted `第一责任人` and no `的`);
- `确保全年目标任务完成` closing a paragraph: the year's aims named as a whole, no deadline; the year's quantity targets
  (`全年完成投资2000万元`) stay dated.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.year_aims import year_aim_spans
from tests.sources.builders import docx_with_table


def _parse(text: str, year: int = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _table(rows: list[list[str]], title: str = "2021年度市政府绩效任务完成情况汇总表") -> bytes:
    return docx_with_table([title], rows)


_TASKS = [
    ["序号", "任务名称", "年度任务及目标", "全年完成情况"],
    ["1", "优化营商环境", "完善政务服务体系,提升企业满意度", "已建成政务服务中心分厅3个。"],
    ["2", "推进老旧小区改造", "完成老旧小区综合整治12个", "已完成12个小区整治。"],
    ["3", "加强生态保护", "空气质量持续改善", "细颗粒物年均浓度下降5%。"],
]


def test_a_task_table_naming_no_unit_gives_a_clause_a_row_each_marked():
    doc = parse_bytes(_table(_TASKS), filename="biao.docx", year=2021)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    assert doc.tasks[1].text.startswith("推进老旧小区改造")
    assert all(t.lead_units == [] and t.co_units == [] for t in doc.tasks)
    # No unit: each clause is marked for the reviewer.
    assert sorted(w.task for w in doc.warnings if "未写明责任单位" in w.message) == [1, 2, 3]


def test_a_list_of_things_or_nothing_numbered_stays_refused():
    documents = [["序号", "文件名称", "文号"], ["1", "关于加强某项管理的通知", "某政发〔2015〕3号"]]
    with pytest.raises(ParseError):
        parse_bytes(_table(documents, "废止文件目录"), filename="mulu.docx", year=2021)
    unnumbered = [["任务名称", "年度任务及目标"], ["优化营商环境", "完善政务服务体系"]]
    with pytest.raises(ParseError):
        parse_bytes(_table(unnumbered), filename="biao.docx", year=2021)


_ROLES = """某县人民政府关于印发2021年县政府重点工作任务分解的通知
各乡镇人民政府、县直各单位:
《2021年县政府重点工作任务分解》已经县人民政府同意,现印发给你们,请认真抓好贯彻落实。
一、压实工作责任。县政府重点工作实行县政府分线领导牵头负责制。县政府分线领导对联系的重点工作要统筹调度;主要责任单位要履行主体责任,带头推进落实;其他责任单位要积极履行配合职责,确保工作顺利推进。
二、制定推进方案。各主要责任单位要对照目标任务制定具体方案,于2021年4月10日前报县政府督查室。
三、强化协调配合。县政府分线领导要定期听取工作汇报。各主要责任单位要主动协调,其他责任单位要积极配合,共同解决工作中的问题。
四、加强宣传引导。其他单位要积极配合做好宣传报道工作。分管领导要加强指导。
"""


def test_main_and_other_responsible_units_and_the_line_leaders():
    tasks = {t.label: t for t in _parse(_ROLES).tasks}
    assert (tasks["一"].lead_units, tasks["一"].co_units) == (["主要责任单位"], ["其他责任单位"])
    assert tasks["一"].leaders == ["县政府分线领导"]
    assert (tasks["二"].lead_units, tasks["二"].co_units, tasks["二"].leaders) == (["各主要责任单位"], [], [])
    assert [m.due_date for m in tasks["二"].milestones] == [date(2021, 4, 10)]
    assert (tasks["三"].lead_units, tasks["三"].co_units) == (["各主要责任单位"], ["其他责任单位"])
    assert tasks["三"].leaders == ["县政府分线领导"]
    # A vague `其他单位` charges no one, and a bare `分管领导` names no level's leaders: beside requirements charging the
    # breakdown's roles, a requirement charging no one is no clause (round 101's rule, round 105 where no plan follows).
    assert "四" not in tasks
    assert not any("其他单位" in u for t in tasks.values() for u in t.lead_units + t.co_units)
    assert not any("分管领导" in p for t in tasks.values() for p in t.leaders)


def test_a_post_receiving_the_work_is_no_leader():
    text = "一、报送方案。各主要责任单位要将实施方案报县政府分管领导审查后,于2021年3月15日前报县政府督查室备案。\n"
    task = _parse("某县人民政府关于印发重点工作任务分解的通知\n各乡镇人民政府、县直各单位:\n" + text).tasks[0]
    assert (task.lead_units, task.leaders) == (["各主要责任单位"], [])


_HEADS = """某市人民政府关于做好2020年市政府重点工作的通知
各区人民政府,各委、局,各直属单位:
市政府常务会议确定了2020年市政府重点工作,分解为120项。现将有关事项通知如下:
一、强化责任落实。各责任单位的主要负责同志要对承办的工作负总责,强化统筹安排。要制定落实方案,明确完成时限。
二、做好统筹兼顾。各责任单位要统筹推进各项工作,能开工的项目早开工,确保全年目标任务完成。
三、狠抓项目建设。各责任单位要加快项目进度,全年完成投资2000万元。
"""


def test_the_heads_made_answerable_are_leaders_and_their_body_leads():
    tasks = _parse(_HEADS, year=2020).tasks
    assert (tasks[0].lead_units, tasks[0].leaders) == (["各责任单位"], ["各责任单位的主要负责同志"])


def test_the_year_aims_as_a_whole_date_nothing_but_the_year_targets_do():
    tasks = _parse(_HEADS, year=2020).tasks
    assert tasks[1].lead_units == ["各责任单位"] and tasks[1].milestones == []
    assert [m.due_date for m in tasks[2].milestones] == [date(2020, 12, 31)]  # a yearly quantity target


def test_year_aim_spans():
    assert year_aim_spans("全力消除不利影响,确保全年目标任务完成") != []
    assert year_aim_spans("确保圆满完成全年各项目标任务") != []
    assert year_aim_spans("全年完成投资2000万元") == []
    assert year_aim_spans("全年目标任务完成率达到95%") == []  # the aims with a figure of their own


def test_a_unit_head_with_no_unit_or_no_answerability_is_no_leader():
    vague = """某县人民政府关于印发重点任务分工的通知
各乡镇人民政府、县直各单位:
一、提高认识。各乡镇要高度重视,主要领导要亲自抓、负总责。
二、加强解读。某县发展改革局主要负责人要履行第一解读人职责。
"""
    tasks = {t.label: t for t in _parse(vague).tasks}
    assert all(t.leaders == [] for t in tasks.values())
