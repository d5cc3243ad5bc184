"""Leftovers of round 37 (docs/parsing.md), each a convention stated in a document of its own.

Written from the convention, not copied from a document. A task table flattened a cell a line
(each cell on its own line) that groups its rows under heading rows (`一、经济发展` over rows 1, 2,
3; `二、民生保障` over rows numbered again from 1): a 1 right after a heading row starts that group's
first row, and a sentence after the last heading ends the table (the heading is the text's again).
Before, the second group's rows ran into one, its last row lost.

A measure followed by a line that is nothing but one unit's name and then a line of units, with no
label (`1.完成…。` / `县住建局` / `县财政局、各乡镇`): the first is its 牵头单位 cell, the second its
配合单位 cell. Before, the lead's line was read as the measure's text and the co units as its leads.

A role sentence in a bracket that names a person with their post in brackets
(`(县住建局牵头,县财政局配合;努尔买买提·阿布来提(县人大常委会四级调研员)负责)`): the person is a
leader. Before, the person was read as a co unit.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.person_names import is_person

_CELLS = (
    "关于印发某县2024年重点工作任务分解表的通知\n"
    "序号\n重点任务\n牵头单位\n配合单位\n完成时限\n"
    "一、经济发展\n"
    "1\n加快推进产业园区基础设施建设\n县发改局\n县财政局、县自然资源局\n2024年6月底前\n"
    "2\n推进老旧厂房改造利用\n县经信局\n各乡镇人民政府\n2024年10月底前\n"
    "3\n推进工业技术改造升级\n县工信局\n县税务局\n2024年11月底前\n"
    "二、民生保障\n"
    "1\n新建改造城市供水管网\n县住建局\n县水务局\n2024年12月底前\n"
    "2\n新建公办幼儿园\n县教育局\n县财政局\n2024年9月底前\n"
)
_TAIL = "三、组织保障\n各单位要高度重视,按时报送进展情况。\n"


def test_a_cell_a_line_tables_rows_renumbered_under_heading_rows():
    for text in (_CELLS, _CELLS + _TAIL):
        doc = parse_bytes(text.encode(), filename="doc.txt", year=2024)
        assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
            ("一.1", ["县发改局"], ["县财政局", "县自然资源局"]),
            ("一.2", ["县经信局"], ["各乡镇人民政府"]),
            ("一.3", ["县工信局"], ["县税务局"]),
            ("二.1", ["县住建局"], ["县水务局"]),
            ("二.2", ["县教育局"], ["县财政局"]),
        ], text[-20:]
        assert [[m.due_date.isoformat() for m in t.milestones if m.kind == "deadline"] for t in doc.tasks] == [
            ["2024-06-30"],
            ["2024-10-31"],
            ["2024-11-30"],
            ["2024-12-31"],
            ["2024-09-30"],
        ]


def test_the_sentence_after_the_last_heading_is_no_row():
    doc = parse_bytes((_CELLS + _TAIL).encode(), filename="doc.txt", year=2024)
    assert not [t for t in doc.tasks if "高度重视" in t.text]
    assert "新建公办幼儿园" in doc.tasks[-1].text and "高度重视" not in doc.tasks[-1].text


_BARE = (
    "某县2024年城乡建设重点工作实施方案\n"
    "一、重点任务\n"
    "1.完成老旧小区改造30个,惠及居民2000户。\n"
    "县住建局\n"
    "县财政局、各乡镇\n"
    "2024年10月底前\n"
    "2.新建农村公路50公里。\n"
    "县交通运输局\n"
    "县自然资源局\n"
    "2024年12月底前\n"
)


def test_a_bare_unit_line_after_a_measure_leads_and_the_next_line_is_its_co_units():
    doc = parse_bytes(_BARE.encode(), filename="doc.txt", year=2024)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["县住建局"], ["县财政局", "各乡镇"]),
        ("2", ["县交通运输局"], ["县自然资源局"]),
    ]
    assert [sorted({m.due_date.isoformat() for m in t.milestones}) for t in doc.tasks] == [
        ["2024-10-31"],
        ["2024-12-31"],
    ]


def test_an_issuers_name_under_the_last_measure_is_no_lead():
    text = "某县整治方案\n1.排查辖区排污口。\n2.建立整治台账。\n县生态环境局\n2024年3月5日\n"
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024)
    assert all(t.lead_units == [] for t in doc.tasks)
    assert all(not t.milestones for t in doc.tasks)


_ROLES = (
    "某县2024年重点工作实施方案\n"
    "1.推进城区供水管网改造。(县住建局牵头,县财政局配合;努尔买买提·阿布来提(县人大常委会四级调研员)负责)\n"
    "2.推进农村公路建设。(县交通运输局牵头,县财政局配合;张明(县政府副县长)负责)\n"
)


def test_a_person_with_a_post_in_a_role_sentence_is_a_leader():
    doc = parse_bytes(_ROLES.encode(), filename="doc.txt", year=2024)
    assert [(t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        (["县住建局"], ["县财政局"], ["努尔买买提·阿布来提(县人大常委会四级调研员)"]),
        (["县交通运输局"], ["县财政局"], ["张明(县政府副县长)"]),
    ]


def test_a_units_other_name_in_brackets_is_no_person():
    assert is_person("张明(县政府副县长)") and is_person("王丽(副局长)")
    assert not is_person("省发改委(省能源局)") and not is_person("区经信局(商务局)")
