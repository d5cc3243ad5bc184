"""Conventions met in blind round 17 (docs/parsing.md), each stated in a document of its own.

The round's five documents were all read right at first look (one annotation aligned), so these pin conventions the
parser already follows but no unit test stated; written from the convention, not copied from
the documents that showed it.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document


def test_a_carry_sentence_after_labelled_fields_in_one_bracket_governs_the_later_items():
    # `(牵头单位:A,配合单位:B。以下均需B负责,不再列出。)`: the fields are the item's own; B is
    # carried to every later item, after that item's own co units.
    doc = parse_document(
        "某县2024年度林长制工作要点\n一、压实林长责任\n"
        "(一)健全林长体系。落实各级林长巡林职责。(牵头单位:县林长办,配合单位:各乡(镇)政府。"
        "以下均需各乡(镇)政府负责,不再列出。)\n"
        "(二)加强护林队伍建设。规范护林员选聘管理。(牵头单位:县林业局,配合单位:县财政局。)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县林长办"], ["各乡(镇)政府"]),
        (["县林业局"], ["县财政局", "各乡(镇)政府"]),
    ]


def test_an_addressee_after_a_comma_in_a_unit_list_is_a_co_unit():
    # `(责任单位:A、B,各相关单位)`: the first unit leads; the group after the comma helps, as
    # `各相关单位` is kept as one addressee.
    doc = parse_document(
        "某区优化营商环境行动方案(2025年)\n一、优化政务服务\n"
        "1.深化“一件事”集成服务。(责任单位:区行政服务中心、区市场监管局,各相关单位)\n"
        "2.优化办税缴费体验。(责任单位:区税务局)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["区行政服务中心"], ["区市场监管局", "各相关单位"]),
        (["区税务局"], []),
    ]


def test_items_numbered_on_across_short_sub_headings_are_the_clauses():
    # `(一)政务服务` / `(二)审批事项` are titles with no text of their own over items numbered on
    # across them (1., 2., then 3.): the items are the clauses, the sub-headings none.
    doc = parse_document(
        "某区营商环境行动方案(2026年)\n一、建设高效便捷的服务环境\n(一)政务服务\n"
        "1.推进新一批重点事项落地实施。(责任单位:区数据局)\n"
        "2.加强线下服务点建设。(责任单位:区城运中心)\n"
        "(二)审批事项\n"
        "3.探索重大项目全程帮办机制。(责任单位:区建管委)\n"
    )
    assert [(t.number, t.lead_units) for t in doc.tasks] == [
        (1, ["区数据局"]),
        (2, ["区城运中心"]),
        (3, ["区建管委"]),
    ]


def test_a_measure_group_announcing_its_measures_is_no_clause_and_a_bracket_of_text_is_no_unit():
    # `(一)…。具体措施:` over items each closing with its own unit bracket: the items are the
    # clauses; a bracket inside a sentence that explains a term (`(年度办事频次前20%的事项)`)
    # names no unit.
    doc = parse_document(
        "某区2021年优化营商环境行动方案\n为优化营商环境,特制订本行动方案:\n一、让企业办事更省心\n"
        "(一)提升线上服务。推进政务服务事项网上办理。具体措施:\n"
        "1.实现企业高频事项(年度办事频次前20%的事项)全程网办。(责任单位:区府办、区科委)\n"
        "2.推出一批“快办”事项。(责任单位:区行政服务中心)\n"
    )
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, ["区府办"], ["区科委"]),
        (2, ["区行政服务中心"], []),
    ]


def test_a_suffix_shared_after_one_place_names_two_units_after_two_or_more_one_addressee():
    # `甲经开区、乙新区管委会`: one place before a place with its own suffix are two units as written
    # (the place alone stands for its body); `甲县、乙县、丙县人民政府` stays one addressee.
    doc = parse_document(
        "某市2025年河湖长制工作要点\n一、深化河湖长制\n"
        "1.完善组织体系。压实各级河湖长责任。(牵头单位:市河长办,配合单位:甲经开区、乙新区管委会)\n"
        "2.强化履职尽责。加强涉河湖问题排查整治。(牵头单位:市水利局,配合单位:甲县、乙县、丙县人民政府)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市河长办"], ["甲经开区", "乙新区管委会"]),
        (["市水利局"], ["甲县、乙县、丙县人民政府"]),
    ]
