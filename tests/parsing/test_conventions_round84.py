"""Conventions met in blind round 84 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the documents that showed them: a city's 十大实事 task table as a
paper prints it, each item an unnumbered line followed by its field lines, the vice-mayor in charge first
(`主管领导:`), then the unit, the bureau head and the dated stages; and a county's progress report on its
为民办实事 projects, each item a number and the project's name field on one line (`01 项目名称:…`), then label blocks
(`项目内容` / `责任单位` / `进展与成效`), a label's value on the line below it.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.named_item_lines import named_item_lines
from policy_tasks.parsing.unit_labels import LEADER, label_role


def _parse(text: str, year: int | None = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _deadlines(task) -> list[str]:
    return sorted({m.due_date.isoformat() for m in task.milestones if m.due_date and m.time_expression})


# --- 十大实事: unnumbered items, each followed by 主管领导 / 责任单位 / 主要责任人 / 进度安排 ----------------------

_SHISHI_DIGEST = """市政府昨日公布今年十大实事任务分解表,首次列出主管领导、责任单位和主要责任人。
关键词 养老
新建社区日间照料中心20个。
主管领导:王建华
责任单位:市民政局
主要责任人:赵立新
进度安排:5月底前完成选址;10月底前全部建成投用。
为全市80岁以上老人发放高龄津贴。
主管领导:王建华
责任单位:市民政局
协办单位:市财政局
主要责任人:赵立新
进度安排:3月底前完成摸底;每季度首月发放。
关键词 交通
新开通公交线路10条。
主管领导:孙国庆
责任单位:市交通运输局
主要责任人:钱明
进度安排:9月底前开通6条;12月底前全部开通。
"""


def test_items_led_by_the_leader_in_charge_are_clauses():
    parsed = _parse(_SHISHI_DIGEST, year=2022)
    assert [t.label for t in parsed.tasks] == ["1", "2", "3"]
    first, second, third = parsed.tasks
    assert first.title.startswith("新建社区日间照料中心")
    assert first.lead_units == ["市民政局"] and first.co_units == []
    assert first.leaders == ["王建华", "赵立新"]
    assert _deadlines(first) == ["2022-05-31", "2022-10-31"]
    assert second.lead_units == ["市民政局"] and second.co_units == ["市财政局"]
    assert third.lead_units == ["市交通运输局"] and third.leaders == ["孙国庆", "钱明"]
    assert _deadlines(third) == ["2022-09-30", "2022-12-31"]


def test_the_leader_label_by_post_and_level():
    # `主管市领导:` and `主管副市长:` name the leader in charge as `主管领导:` does; the unit label may come first.
    for label in ("主管领导", "主管市领导", "主管副市长", "主管副县长"):
        assert label_role(label) == LEADER
    text = """2023年为民办实事项目
改造老旧小区12个。
责任单位:县住建局
主管副县长:周文
完成时限:2023年11月底前
新增城区停车泊位500个。
主管县领导:吴刚
责任单位:县公安局、县城管局
完成时限:2023年12月底前
"""
    first, second = _parse(text, year=None).tasks
    assert first.lead_units == ["县住建局"] and first.leaders == ["周文"]
    assert _deadlines(first) == ["2023-11-30"]
    assert second.lead_units == ["县公安局"] and second.co_units == ["县城管局"] and second.leaders == ["吴刚"]


def test_a_bracket_of_fields_opening_with_the_leader():
    # The fields in one bracket on the line after the item, the leader's first: the unit field assigns the item.
    text = """今年十大实事任务分解
新建社区日间照料中心20个。
(主管领导:王建华;责任单位:市民政局;主要责任人:赵立新)
新开通公交线路10条。
(主管领导:孙国庆;责任单位:市交通运输局、市公交集团)
"""
    first, second = _parse(text).tasks
    assert first.title == "新建社区日间照料中心20个"
    assert first.lead_units == ["市民政局"] and first.leaders == ["王建华", "赵立新"]
    assert second.lead_units == ["市交通运输局"] and second.co_units == ["市公交集团"]
    assert second.leaders == ["孙国庆"]


def test_items_whose_fields_name_only_persons_are_no_clauses():
    # A near miss: lines followed by the leader in charge and a bureau head alone name no unit; the digest's
    # prose naming `主管领导、责任单位` is no field either. Nothing to read as an item: refused.
    text = """市政府昨日公布今年十大实事的主管领导、责任单位和主要责任人。
新建社区日间照料中心20个。
主管领导:王建华
主要责任人:赵立新
新开通公交线路10条。
主管领导:孙国庆
主要责任人:钱明
"""
    with pytest.raises(ParseError):
        _parse(text)


# --- 办实事 progress report: `01 项目名称:X` and label blocks ------------------------------------------------

_PROGRESS_REPORT = """全县为民办实事项目进展情况汇报
01 项目名称:改善城乡供水条件
项目内容:
新建乡镇供水管网30公里,完成3座水厂提标改造。
责任单位:
水利局、乡村振兴局
进展与成效:
管网工程已完成招标,水厂改造已开工。
02 项目名称:提升基层医疗服务
项目内容:
建成村卫生室标准化改造20个。
责任单位
卫健委
进展与成效:
已完成12个。
"""


def test_numbered_name_field_lines_are_the_items():
    parsed = _parse(_PROGRESS_REPORT, year=None)
    assert [t.label for t in parsed.tasks] == ["01", "02"]
    first, second = parsed.tasks
    assert first.title == "改善城乡供水条件"
    assert first.text.startswith("改善城乡供水条件")
    assert "新建乡镇供水管网30公里" in first.text
    assert first.lead_units == ["水利局"] and first.co_units == ["乡村振兴局"]
    assert second.title == "提升基层医疗服务"
    assert second.lead_units == ["卫健委"] and second.co_units == []


def test_name_fields_after_a_separator_and_other_name_labels():
    # `1、实事名称:X` and `2.项目名称:X`: the usual separators, and the other name fields of a project list.
    text = """2024年民生实事项目清单
1、实事名称:城区道路综合整治
主要内容:整治城区主次干道8条。
责任单位:区住建局、区城管局
完成时限:2024年10月底前
2.项目名称:新建公办幼儿园
主要内容:新建公办幼儿园3所,新增学位900个。
牵头单位:区教育局
配合单位:区自然资源局
完成时限:2024年8月底前
"""
    first, second = _parse(text, year=None).tasks
    assert (first.label, first.title) == ("1", "城区道路综合整治")
    assert first.lead_units == ["区住建局"] and first.co_units == ["区城管局"]  # the first of a 责任单位 list leads
    assert _deadlines(first) == ["2024-10-31"]
    assert (second.label, second.title) == ("2", "新建公办幼儿园")
    assert second.lead_units == ["区教育局"] and second.co_units == ["区自然资源局"]
    assert _deadlines(second) == ["2024-08-31"]


def test_what_is_no_numbered_name_field():
    # A name field with no number (a one-project record), a year or a count before words, and a number before
    # another field stay as written.
    lines = [
        "项目名称:幸福河湖建设",
        "2021 项目名称:幸福河湖建设",
        "20 个项目全部开工",
        "3 责任单位:县水利局",
        "第1批 项目名称:幸福河湖建设",
    ]
    assert named_item_lines([(line, True) for line in lines]) == [(line, True) for line in lines]
    assert named_item_lines([("03 工程名称:幸福河湖建设", True)]) == [("03、幸福河湖建设", True)]
