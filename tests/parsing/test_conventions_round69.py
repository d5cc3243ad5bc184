"""Conventions met in blind round 69 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (a site's digest of the items of a
national 重点工作分工 document that touch its field, the items' numbers stripped: paragraphs under an unnumbered
topic heading, each closed by its own responsibility bracket with the time limit inside). At the round's first
look the document was refused: no numbered item, so no clause level at all.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import ParseError, parse_bytes
from policy_tasks.parsing.label_items import number_label_led_items


def _parse(text: str, year: int | None = 2023):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


_DIGEST = "\n".join(
    [
        "省政府重点工作分工出炉 涉及农业农村的任务一览",
        "2023-02-20",
        "",
        "近日,省政府印发重点工作分工方案,将年度重点工作逐项分解到省直部门,明确责任和时限。其中涉农任务如下:",
        "",
        "稳定粮食生产",
        "",
        "全面落实粮食安全党政同责,稳定播种面积,确保粮食产量保持在600亿斤以上。(省农业农村厅牵头,省发展改革委、省粮食和储备局等按职责分工负责,年内持续推进)",
        "",
        "新建高标准农田300万亩,6月底前完成年度建设任务的一半。(省农业农村厅、省财政厅牵头,有关部门按职责分工负责)",
        "",
        "加强种业振兴。推进种质资源普查。(省农业农村厅、省科技厅、省林业局等按职责分工负责,9月底前完成普查)",
        "",
        "深化农村改革",
        "",
        "稳妥推进农村宅基地制度改革试点,发展新型农村集体经济。(省农业农村厅牵头,省自然资源厅按职责分工负责,年内持续推进)",
    ]
)


def test_bracket_closed_paragraphs_with_no_number_are_one_clause_each_in_order():
    doc = _parse(_DIGEST)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["省农业农村厅"], ["省发展改革委", "省粮食和储备局"]),
        # Every unit before 牵头 leads; a bare 有关部门 is no unit.
        ("2", ["省农业农村厅", "省财政厅"], []),
        # No 牵头: the first listed leads. Two sentences under one bracket are one clause.
        ("3", ["省农业农村厅"], ["省科技厅", "省林业局"]),
        ("4", ["省农业农村厅"], ["省自然资源厅"]),
    ]
    assert doc.tasks[0].text.startswith("全面落实粮食安全")
    assert doc.tasks[2].text.startswith("加强种业振兴。推进种质资源普查")
    # The topic headings and the lead paragraph are no clause's text.
    assert all("稳定粮食生产" not in t.text and "近日" not in t.text for t in doc.tasks)
    # The dates inside the brackets and the paragraphs: 年内 is the year's end.
    deadlines = [[m for m in t.milestones if m.kind == "deadline"] for t in doc.tasks]
    assert [[m.due_date.isoformat() for m in found if m.due_date] for found in deadlines] == [
        ["2023-12-31"],
        ["2023-06-30"],
        ["2023-09-30"],
        ["2023-12-31"],
    ]


def test_a_paragraph_giving_each_sentence_its_own_bracket_holds_one_clause_a_bracket():
    text = "\n".join(
        [
            "推进数字政府建设。(省政务服务数据管理局牵头,省直有关部门按职责分工负责)",
            "完善社会信用体系。(省发展改革委、人民银行某某中心支行牵头)健全失信惩戒机制。(省市场监管局负责,年内完成)",
        ]
    )
    doc = _parse(text)
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("1", ["省政务服务数据管理局"]),
        ("2-1", ["省发展改革委", "人民银行某某中心支行"]),
        ("2-2", ["省市场监管局"]),
    ]


def test_a_single_bracket_closed_paragraph_in_prose_is_no_list():
    # A news item's paragraph may close with who answers for it once: no list of assignments.
    text = "\n".join(
        [
            "我市召开营商环境优化工作推进会",
            "会议指出,要坚持问题导向,持续优化营商环境,提升企业获得感。",
            "会议要求加快推进工程建设项目审批制度改革。(市住建局牵头,市自然资源局配合)",
            "会议还通报了上半年营商环境评价情况。",
        ]
    )
    with pytest.raises(ParseError):
        _parse(text)


def test_prose_paragraphs_with_no_closing_bracket_are_none():
    # A notice's preamble: its brackets name no unit (`(以下简称《方案》)`) or stand inside a sentence.
    lines = [
        ("关于印发某某实施方案的通知", True),
        ("为贯彻落实《某某规划》(以下简称《规划》),现将实施方案印发给你们。", True),
        ("请各地结合实际(市发展改革委统筹协调)认真贯彻执行。", True),
        ("各地要加强组织领导,确保各项任务落到实处。", True),
    ]
    assert number_label_led_items(lines) is None
