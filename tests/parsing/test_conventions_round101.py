"""Conventions met in blind round 101 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it:
- a 分工's bracket retold in a report's sentence (`《意见》要求A、B等按职责分工负责,年内持续推进`): each such paragraph
  is a task, its units read as the bracket's (near cases: a vague `有关部门按职责分工负责`, a leaders' post, one paragraph);
- a notice's later sentences charging `辖区政府` and the named press (`A日报社、B广播电视台等媒体要…`), which help;
- the issuing government as its requirement's subject (`市政府将…`) leads; another government does not;
- leaders by their division of work (`市政府领导按职责分工负责`) and heads by post (`各单位主要负责同志为…第一责任人`);
- a request to a breakdown's roles (`请各牵头单位和责任单位于…前…`).
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.later_parties import later_party
from policy_tasks.parsing.retold_brackets import retold_parts
from policy_tasks.parsing.textutil import normalise


def _parse(text: str, year: int | None = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(task) -> tuple[list[str], list[str]]:
    return list(task.lead_units), list(task.co_units)


def _dates(task) -> list[str]:
    return [m.due_date.isoformat() for m in task.milestones if m.due_date and m.time_expression]


# -- A 分工's bracket retold in a report's sentence -------------------------------------------------------------

_REPORT = """【某某产业网】近日,某省政府印发关于落实《政府工作报告》重点工作分工的方案(以下简称《方案》)。
《方案》将年度任务分解为8个部分,明确省直有关部门和各市的分工责任及完成时限。
在部署“推进工业园区污水集中处理”时,《方案》明确,由省生态环境厅、省住房城乡建设厅、省工业和信息化厅等按职责分工负责,9月底前完成。
围绕“扩大绿色建材推广应用”,《方案》要求省住房城乡建设厅、省工业和信息化厅等按职责分工负责,年内持续推进。
《方案》规定,省发展改革委、省能源局等按职责分工负责,11月底前完成“新增光伏装机200万千瓦”的任务。
"""


def test_a_report_retelling_each_bracket_lists_its_tasks():
    parsed = _parse(_REPORT)
    assert [_units(t) for t in parsed.tasks] == [
        (["省生态环境厅"], ["省住房城乡建设厅", "省工业和信息化厅"]),
        (["省住房城乡建设厅"], ["省工业和信息化厅"]),
        (["省发展改革委"], ["省能源局"]),
    ]
    assert [_dates(t) for t in parsed.tasks] == [["2024-09-30"], ["2024-12-31"], ["2024-11-30"]]
    # a layout of the genre: no `未找到编号条款` fallback warning on the document
    assert not any("未找到编号条款" in w.message for w in parsed.warnings)


def test_near_cases_of_the_retold_bracket_name_no_units():
    assert retold_parts(normalise("加快推进。有关部门按职责分工负责,年内完成。")) == []
    assert retold_parts(normalise("高度重视。市政府领导按职责分工负责,及时协调。")) == []
    assert retold_parts(normalise("各地区、各部门按职责分工负责,抓好落实。")) == []
    # one such paragraph is a news item's aside, no list: the page is still refused
    with pytest.raises(ParseError):
        _parse("某某新闻网讯\n《方案》要求省发展改革委、省能源局等按职责分工负责,年内持续推进。\n记者 某某\n")


def test_a_bracket_keeps_reading_as_before():
    text = """某省重点工作分工方案
一、稳定经济增长
1.扩大有效投资。(省发展改革委牵头,有关部门按职责分工负责,年内持续推进)
2.促进消费。(省商务厅、省财政厅等按职责分工负责)
"""
    first, second = _parse(text).tasks
    assert _units(first) == (["省发展改革委"], [])
    assert _units(second) == (["省商务厅"], ["省财政厅"])


# -- Later parties: the local governments and the named press ---------------------------------------------------

_NOTICE = """某市人民政府关于印发2024年民生实事任务分解的通知
各县、区人民政府,市政府有关部门:
现将任务分解印发给你们,并提出如下要求:
一、加强组织,压实责任。市政府领导按职责分工负责,定期调度推进。各责任单位要把民生实事摆在突出位置。各单位主要负责同志为抓落实第一责任人,要亲自研究部署。
二、健全机制,强化保障。各责任单位要建立工作台账。涉及项目用地、资金保障等事项,相关部门和辖区政府要密切配合。某市日报社、某市广播电视台等媒体要加强宣传报道。
三、严格考核。市政府将民生实事完成情况列入年度考核,对工作不力的单位通报批评。
四、强化督查。县政府将定期组织检查。
五、及时报送。请各牵头单位和责任单位于2024年3月15日前将推进方案报送市政府督查室。
"""


def test_the_notices_parties_issuer_leaders_and_request():
    first, second, third, fourth, fifth = _parse(_NOTICE).tasks
    assert _units(first) == (["各责任单位"], [])
    assert first.leaders == ["市政府领导", "各单位主要负责同志"]
    assert _units(second) == (["各责任单位"], ["辖区政府", "某市日报社", "某市广播电视台"])
    assert _units(third) == (["市政府"], [])  # the issuing government itself leads
    assert _units(fourth) == ([], [])  # another level's government is no issuer: left to the other readers
    assert _units(fifth) == (["各牵头单位"], ["责任单位"])  # the office receiving the reports is no party
    assert _dates(fifth) == ["2024-03-15"]


def test_near_cases_of_later_parties():
    assert later_party(normalise("相关部门要密切配合"), 0) == []  # vague alone: no one
    assert later_party(normalise("广大群众要积极参与"), 0) == []
    norm = normalise("涉及资金保障等事项,相关部门和辖区政府要密切配合")
    assert [norm[s:e] for s, e in later_party(norm, 0)] == ["辖区政府"]


def test_a_notice_without_its_issuers_departments_names_no_issuer():
    text = """关于做好民生实事工作的通知
各乡镇:
一、严格考核。市政府将民生实事完成情况列入年度考核。
二、加强宣传。县融媒体中心要加强宣传。
"""
    first, second = _parse(text).tasks
    assert _units(first) == ([], [])  # no salutation of its own departments, no title naming it: not read as issuer
    assert _units(second) == (["县融媒体中心"], [])
