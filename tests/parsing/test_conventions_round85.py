"""Conventions met in blind round 85 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the documents that showed them: a city's emergency plan whose
`职责任务` section gives each member unit a sub-heading of its name over its duties, and goes on at `3.预防…`
over `3.1`, `3.2` whose paragraphs open with their doers; a web page's metadata table above a task list
flattened a cell a line; an organ's 清廉机关 table flattened a cell a line, whose 考评项目 cells (a group over
rows, with a score) stand before the measures and whose 责任科室 cell comes after them.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int | None = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _deadlines(task) -> list[str]:
    return sorted({m.due_date.isoformat() for m in task.milestones if m.due_date})


# -- 1. An emergency plan's 职责任务: each member's name a sub-heading over its duties ----------------------

_DUTIES_DECIMAL = """2.1组织机构。
市防汛指挥部由分管副市长任总指挥。
2.2职责任务。
(1)市水务局。
负责河道堤防的巡查、险情抢护的技术指导等工作。
(2)大连警备区。
负责协调驻军、武警部队参加抢险救灾工作。
(3)市委宣传部。
负责防汛抗旱的新闻宣传工作。
(4)中国电信股份有限公司某市分公司。
负责通信畅通,保障指挥调度通信。
(5)市人民检察院、市中级人民法院。
负责防汛期间案件的诉讼和审理工作。
3.预防和预警
3.1预防。
各级水行政主管部门要加强堤防巡查,落实防汛责任制。
3.2预警。
市防汛办要加强与市水文部门的合作,及时发布预警信息。汛情发生后,市水文部门要加密监测,提供水情预报。
"""


def test_a_duties_section_of_an_emergency_plan_gives_each_member_its_heading():
    doc = _parse(_DUTIES_DECIMAL, year=2006)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("(1)", ["市水务局"], []),
        ("(2)", ["大连警备区"], []),
        ("(3)", ["市委宣传部"], []),
        ("(4)", ["中国电信股份有限公司某市分公司"], []),
        ("(5)", ["市人民检察院"], ["市中级人民法院"]),
        ("3.1", ["各级水行政主管部门"], []),
        ("3.2", ["市防汛办"], ["市水文部门"]),
    ]
    assert doc.tasks[0].text.endswith("负责河道堤防的巡查、险情抢护的技术指导等工作。")


def test_member_duties_under_other_words_for_the_section():
    for heading in ("(二)成员单位职责", "四、主要职责", "2.3职责与任务"):
        text = "\n".join(
            [heading, "1.县应急局。", "负责综合协调和信息汇总工作。", "2.县消防救援大队。", "负责火灾扑救工作。"]
        )
        doc = _parse(text)
        assert [(t.lead_units, t.text.splitlines()[-1]) for t in doc.tasks] == [
            (["县应急局"], "负责综合协调和信息汇总工作。"),
            (["县消防救援大队"], "负责火灾扑救工作。"),
        ], heading


def test_goal_headings_under_a_duties_section_name_no_unit():
    text = "\n".join(
        ["2.2职责任务。", "(1)强化组织领导。", "加强统筹协调,形成工作合力。", "(2)加强宣传引导。", "广泛宣传防火知识。"]
    )
    doc = _parse(text)
    assert all(not t.lead_units for t in doc.tasks)


def test_a_dotted_number_under_a_plain_list_item_stays_that_lists_item():
    # `1.` over `1.1`, `1.2` and then `2.`: a list whose items carry decimals, no decimal outline's heading.
    text = "\n".join(
        [
            "一、重点任务",
            "1.加强堤防建设",
            "1.1 县水利局要完成堤防加固。",
            "1.2 县财政局要落实配套资金。",
            "2.强化监测预警",
            "2.1 县气象局要发布预警信息。",
            "2.2 县水文站要加密监测。",
        ]
    )
    doc = _parse(text)
    assert [(t.label, t.lead_units) for t in doc.tasks] == [
        ("1.1", ["县水利局"]),
        ("1.2", ["县财政局"]),
        ("2.1", ["县气象局"]),
        ("2.2", ["县水文站"]),
    ]


def test_every_levels_departments_of_no_line_name_no_one():
    text = "\n".join(["3.1预防。", "各级有关部门要加强宣传。", "3.2预报。", "市防火办要发布火险等级。"])
    doc = _parse(text)
    assert [t.lead_units for t in doc.tasks] == [[], ["市防火办"]]
