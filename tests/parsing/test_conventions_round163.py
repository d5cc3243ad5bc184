"""Round 163's conventions: a meeting report's demands written inline and unnumbered, each charging its own subject
with `要` (`会议要求,全镇要…;各村要…`, `会议指出,…。各有关部门要…。`), and the paragraph after the meeting asking a body
for more (`会后,…要求X做好…,Y紧密配合`); the body an item with no subject hands its hard cases to
(`对…有困难的,由X统一协调解决`); and a year written out after the verb of pushing work on (`加快推进2022年…各项工作`),
whose work, no deadline. Written from the conventions, with near cases that must read otherwise."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.handed_cases import handed_case_charge
from policy_tasks.parsing.meeting_demands import after_meeting_start, demand_charge, demand_starts
from policy_tasks.parsing.result import ParseError
from policy_tasks.parsing.reviewed_years import reviewed_year_spans
from policy_tasks.parsing.textutil import normalise


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


TOWN = (
    "某镇部署秋收秋种工作\n"
    "近日,某镇召开干部大会,部署秋收秋种相关工作。\n"
    "会议要求,全镇要按照早安排、早落实的思路做好秋收服务工作;各村要摸清农户种植意向,提前谋划;"
    "农机站要做好农机检修和调度工作;秋季是农资销售旺季,市场监督管理所要加强农资市场检查,严防坑农害农。\n"
    "会后,该镇班子成员还走访农户,要求农机站做好各项技术服务,各站所紧密配合,确保颗粒归仓。(张某)\n"
)

COUNTY = (
    "县长某某主持召开农业农村工作专题办公会\n"
    "8月23日,县长某某主持召开专题办公会,县农业农村局等单位负责人参加会议。\n"
    "会上,县农业农村局汇报了项目设计有关情况。\n"
    "会议指出,高标准农田建设是落实战略的重要抓手,有利于我县农业发展。各有关部门要提高政治站位,"
    "加快推进2023年高标准农田建设各项工作。相关设计单位要完善设计方案。县水利局要加强协调对接,推动工作落实。\n"
)


def test_inline_demands_by_order() -> None:
    tasks = _parse(TOWN).tasks
    assert [t.label for t in tasks] == ["1", "2", "3", "4", "5"]
    assert [t.lead_units for t in tasks] == [["全镇"], ["各村"], ["农机站"], ["市场监督管理所"], ["农机站"]]
    assert tasks[3].title.startswith("秋季是农资销售旺季")  # the reason before the subject stays the demand's
    assert tasks[4].co_units == ["各站所"]


def test_demands_as_sentences_and_whose_year() -> None:
    tasks = _parse(COUNTY).tasks
    assert [t.lead_units for t in tasks] == [["各有关部门"], ["相关设计单位"], ["县水利局"]]
    assert tasks[0].title.startswith("各有关部门要")  # the opening statement is no part of the first
    assert tasks[0].milestones == []  # `推进2023年…各项工作`: whose work


def test_demand_near_cases() -> None:
    # A lone demand is a news item's sentence; a finding names no demand; subjects that are no bodies.
    assert demand_starts(normalise("会议要求,各村要摸清底数。")) == []
    assert demand_starts(normalise("会议认为,各村要摸清底数;农机站要做好检修。")) == []
    assert demand_starts(normalise("会议要求,我们要提高认识;工作要抓实抓细。")) == []
    assert demand_starts(normalise("按照会议要求,各村要摸清底数;农机站要做好检修。")) == []
    assert demand_charge("工作要抓实抓细") is None
    # A `会后,` paragraph asking no one.
    assert after_meeting_start(normalise("会后,该镇领导班子成员走访农户,了解春耕情况。")) is None
    assert after_meeting_start(normalise("会后,要求农技站做好技术服务。")) == 0


def test_lone_demand_still_refused() -> None:
    with pytest.raises(ParseError):
        _parse("某镇召开会议\n近日,某镇召开干部大会。\n会议要求,各村要摸清农户种植意向,提前谋划。\n")


def test_handed_cases() -> None:
    text = (
        "各县(市、区)人民政府,市政府有关部门:\n"
        "一、保障供应\n"
        "(一)保障农资供应。要对现有库存农资开展全面摸底清查。对种子调配有困难的,由市农业农村部门统一协调解决。\n"
        "(二)加强监管。县市场监管局要加强农资市场监管。对种子调配有困难的,由市农业农村部门统一协调解决。\n"
    )
    tasks = _parse(text).tasks
    assert tasks[0].lead_units == ["市农业农村部门"]
    assert tasks[1].lead_units == ["县市场监管局"]  # the item's own subject keeps it


def test_handed_cases_near() -> None:
    assert handed_case_charge("对种子调配有困难的,依法依规处理。") is None
    assert handed_case_charge("对种子调配有困难的,由有关部门协调解决。") is None
    assert handed_case_charge("对种子调配有困难的,由各地自行解决。") is None
    assert handed_case_charge("对种子调配有困难的,报市农业农村部门。") is None
    charged = handed_case_charge("对种子调配有困难的,由市农业农村部门统一协调解决。")
    assert charged is not None and charged.lead_and_co()[0] == ["市农业农村部门"]


def test_whose_year_near() -> None:
    assert reviewed_year_spans(normalise("加快推进2022年高标准农田建设各项工作")) != []
    # A year opening a time, and a year opening the task with no verb before it, stay dates.
    assert reviewed_year_spans(normalise("推进2022年底前完成建设工作")) == []
    assert reviewed_year_spans(normalise("2022年完成建设工作")) == []
