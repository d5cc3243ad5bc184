"""Conventions met in blind round 11 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_document


def _dates(task):
    return sorted(m.due_date for m in task.milestones if m.due_date)


def test_a_field_name_alone_on_its_line_and_its_value_on_the_next_are_one_field():
    # A 任务清单 row a web page flattened a cell a line, field names as cells of their own.
    doc = parse_document(
        "2022年问题整改清单\n"
        "1.整治河道乱占乱建问题。\n\n牵头单位\n\n区水务局\n\n配合单位\n\n区城管局、各街道\n\n完成时限\n\n6月底前\n\n"
        "2.清理沿河垃圾。\n\n牵头单位\n\n区城管局\n\n完成时限\n\n9月底前\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["区水务局"], ["区城管局", "各街道"]),
        (["区城管局"], []),
    ]
    assert [_dates(t) for t in doc.tasks] == [[date(2022, 6, 30)], [date(2022, 9, 30)]]


def test_a_header_row_a_cell_a_line_is_not_read_as_fields():
    # Field names one after another are a table's header, not a name and its value.
    doc = parse_document(
        "2020年重点工作任务分解表\n序号\n\n重点任务\n\n牵头单位\n\n配合单位\n\n"
        "1\n\n建成城市书房10个\n\n市文广旅局\n\n各区政府\n\n"
        "2\n\n新增停车泊位2000个\n\n市住建局\n\n市公安局、市城管局\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["市文广旅局"], ["各区政府"]),
        (["市住建局"], ["市公安局", "市城管局"]),
    ]


def test_a_rows_units_stated_above_its_numbered_measures_govern_them():
    # A 整改 table row: the task, its 责任单位 cell, its goal, then the numbered 整改措施. The
    # units are stated once for every measure, as a heading's carry states them.
    doc = parse_document(
        "具体整改情况表\n整改任务\n\n城区污水管网老旧渗漏。\n\n责任单位\n\n"
        "县住建局、县生态环境分局、城关镇\n\n整改目标\n\n管网漏损明显下降。\n\n整改措施\n\n"
        "(一)开展管网排查。对城区老旧管网逐段检测,建立问题台账。\n\n"
        "(二)实施分段改造。2023年10月底前完成主干管网更换。\n"
    )
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(一)", ["县住建局"], ["县生态环境分局", "城关镇"]),
        ("(二)", ["县住建局"], ["县生态环境分局", "城关镇"]),
    ]
    assert {t.unit_origin for t in doc.tasks} == {"上文字段:责任单位"}
    assert _dates(doc.tasks[1]) == [date(2023, 10, 31)]


def test_units_stated_above_do_not_replace_a_measures_own():
    doc = parse_document(
        "2021年整改方案\n责任单位:区市场监管局、区商务局\n"
        "1.规范农贸市场经营秩序。\n"
        "2.整治占道经营。(责任单位:区城管局)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["区市场监管局"], ["区商务局"]),
        (["区城管局"], []),
    ]


def test_a_document_number_a_copy_spaced_out_is_the_number():
    # Reposting sites write 〔〕 as [ ] and space the number out: `许政 [2020] 20号`.
    doc = parse_document(
        "某政 [2019] 7号\n"
        "各县(市、区)人民政府:\n现将重点工作任务分解如下。\n"
        "1.建成市民服务中心。\n责任单位:市机关事务局、市住建局\n"
    )
    assert doc.doc_number == "某政 [2019] 7号"
    assert doc.year == 2019 and not doc.year_assumed
