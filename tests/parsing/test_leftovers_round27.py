"""What round 27 left a clerk to notice (docs/parsing.md), each on a document of its own.

A list is cited in one form: items under one heading all take the depth the most ambiguous of them
needs (`clause_labels`), whether the document numbers them, counts them for a table whose 序号
cells are empty, or writes them inline as `①…⑥`. A 、 after a bare time phrase lists words, not
commitments, unless the words before it commit to something of their own (`sentence_parts._parts`).
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes


def _labels(text: str) -> list[str]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024)
    return [t.label for t in doc.tasks]


def test_a_longer_list_under_one_heading_is_cited_in_one_form():
    # Items 3 and 4 of 一 are unique alone, but a clerk reading `一.1, 一.2, 3` takes 3 for another list.
    text = """某县2024年重点工作任务分解
一、推进产业发展
1.新建标准厂房2万平方米。(牵头单位:县工信局)
2.引进工业项目5个。(牵头单位:县商务局)
3.培育规上企业3家。(牵头单位:县工信局)
4.新增市场主体500户。(牵头单位:县市场监管局)
二、改善民生
1.新建幼儿园2所。(牵头单位:县教育局)
2.改造农村公路30公里。(牵头单位:县交通局)
"""
    assert _labels(text) == ["一.1", "一.2", "一.3", "一.4", "二.1", "二.2"]


def test_a_list_unique_alone_keeps_its_short_form():
    text = """某县2024年重点工作任务分解
一、推进产业发展
1.新建标准厂房2万平方米。(牵头单位:县工信局)
2.引进工业项目5个。(牵头单位:县商务局)
二、改善民生
3.新建幼儿园2所。(牵头单位:县教育局)
4.改造农村公路30公里。(牵头单位:县交通局)
"""
    assert _labels(text) == ["1", "2", "3", "4"]


# Only the headings carry numbers; rows are counted afresh under each.
_ROWS = """某区2024年度区政府重点工作责任单位表

序号

重点工作内容

责任单位

配合单位

一、关于推进城市更新

(1)加快老旧小区改造。

完成老旧小区改造30个。

区住建委

各街道

推进东湖片区环境整治。

东湖街道

区城管局

推进西湖片区环境整治。

西湖街道

区城管局

(2)提升公共服务水平。

新建社区食堂5家。

区民政局

各街道

推进区图书馆新馆建设。

区文旅局

区建管委
"""


def test_unnumbered_rows_are_cited_by_their_heading_and_their_place_under_it():
    assert _labels(_ROWS) == ["(1)1", "(1)2", "(1)3", "(2)1", "(2)2"]


def test_inline_circled_items_are_cited_with_their_place_every_one():
    # `③` alone would be unique (the second office has only two items), yet it is cited as its siblings.
    text = """某县工业园区部室工作职责
(一)综合办公室(党政办、财务室)
(1)年度主要任务与要求:
①做好园区宣传工作;②年底前完成园区绩效考核材料汇总;③完成领导交办的其他工作。
(二)规划建设局(安全生产监督局)
(1)年度主要任务与要求:
①6月底前完成标准厂房二期主体工程;②落实安全生产措施,防止安全事故发生。
"""
    assert _labels(text) == ["(一)(1)①", "(一)(1)②", "(一)(1)③", "(二)(1)①", "(二)(1)②"]


def _milestones(text: str) -> list[tuple[str, date | None]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024)
    return [(m.text, m.due_date) for t in doc.tasks for m in t.milestones]


def test_a_list_of_places_after_a_bare_year_stays_in_its_commitment():
    text = "某园区部室任务\n1.全年在省、市、县等主要媒体完成上稿5篇。(综合办公室)\n"
    assert _milestones(text) == [("全年在省、市、县等主要媒体完成上稿5篇", date(2024, 12, 31))]


def test_a_span_before_a_list_of_levels_is_one_relative_milestone():
    # `5年内` is a span, no year end: the 、 between 市 and 区 lists the levels that act.
    text = "某市人才工程实施意见\n一、5年内市、区两级筹集建设1000套人才公寓。(牵头单位:市住建局)\n二、做好人才服务。(牵头单位:市人社局)\n"
    found = _milestones(text)
    assert [m for m, _ in found] == ["5年内市、区两级筹集建设1000套人才公寓"]
    assert found[0][1] is None


def test_a_dated_commitment_still_closes_its_part_at_a_顿号():
    text = "某县重点项目\n一、10月底前开工、全年完成投资2000万元。(牵头单位:县发改局)\n二、做好项目服务。(牵头单位:县发改局)\n"
    assert _milestones(text) == [("10月底前开工", date(2024, 10, 31)), ("全年完成投资2000万元", date(2024, 12, 31))]
