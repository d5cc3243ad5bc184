"""Conventions met in blind round 10 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_document


def _dates(task):
    return sorted(m.due_date for m in task.milestones if m.due_date)


def test_a_deadline_closing_a_labelled_unit_list_is_the_clauses_deadline():
    # `(牵头单位:A;责任单位:B、C,6月底完成)`: the last part names when, not who.
    doc = parse_document(
        "2021年优化营商环境工作计划\n"
        "1.推进证照分离改革。(牵头单位:县市场监管局;责任单位:县司法局、各乡镇,9月底完成)\n"
        "2.压缩开办企业时间。(牵头单位:县行政审批局;责任单位:县税务局,年底前完成)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县市场监管局"], ["县司法局", "各乡镇"]),
        (["县行政审批局"], ["县税务局"]),
    ]
    assert [_dates(t) for t in doc.tasks] == [[date(2021, 9, 30)], [date(2021, 12, 31)]]


def test_a_table_flattened_a_row_a_line_with_spaces_between_cells():
    # A web page's table under a header written the same way: the row's last words fill the
    # trailing unit columns, the words before them (spaces and all) are the task.
    doc = parse_document(
        "2019年水污染防治任务分解表\n"
        "序号 主要任务 工作措施 牵头单位 配合单位\n"
        "1 治理 黑臭水体 完成城区黑臭水体整治。 市住建局 市生态环境局、市水利局\n"
        "2 保护 饮用水源 划定乡镇饮用水水源保护区。 市生态环境局 各县(市、区)人民政府\n"
    )
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["市住建局"], ["市生态环境局", "市水利局"]),
        ("2", ["市生态环境局"], ["各县(市、区)人民政府"]),
    ]
    assert doc.tasks[0].text.startswith("治理 黑臭水体")


def test_a_places_party_committee_and_government_are_one_addressee():
    # `各县(区)党委和人民政府`, `高新区党工委和管委会`: a place's paired leadership, not two units;
    # places before such a pair share it (`经开区、高新区党工委和管委会`).
    doc = parse_document(
        "2018年河长制工作要点\n"
        "1.落实河长巡河制度。(责任单位:各县(区)党委和人民政府)\n"
        "2.清理园区排污口。(牵头单位:市生态环境局;责任单位:经济开发区、高新区党工委和管委会)\n"
    )
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["各县(区)党委和人民政府"], []),
        (["市生态环境局"], ["经济开发区、高新区党工委和管委会"]),
    ]
