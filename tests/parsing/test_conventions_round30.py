"""Conventions met in blind round 30 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (叶城县's and 伊州区's public
lists of funded projects, 新疆). At the round's first look the parser read a compound label naming a
unit and its person (`项目实施单位及责任人:A,张三`) as a person's label, so the unit was taken for a
person; did not read a name whose parts an interpunct joins (`库里满·恰里甫`) as a person's; and read
a project's own time line (`项目实施时间:2026年1月-2026年10月`, `项目建设期限:2022年`) as no field, so
the project was not due when the span ends. The year in a project's name (`某县2026年…项目`) was read
as a deadline of its own (harmless to the score, wrong to a reviewer).
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.person_names import is_person
from policy_tasks.parsing.unit_labels import CO, LEAD, LEADER, LISTED, label_role
from policy_tasks.parsing.units import read_responsibility


def test_a_label_naming_a_unit_and_its_person_assigns_as_its_unit_part():
    assert label_role("项目实施单位及责任人") == LISTED
    assert label_role("牵头单位及负责人") == LEAD
    assert label_role("配合单位和责任人") == CO
    assert label_role("单位及责任人") == LISTED
    # A person's label alone is still a person's.
    assert label_role("项目责任人") == LEADER


def test_the_unit_of_a_unit_and_person_field_answers_and_the_person_leads_nothing():
    found = read_responsibility("项目实施单位及责任人:某县交通运输局,李红梅")
    assert found.roles[LISTED] == ["某县交通运输局"]
    assert found.leaders == ["李红梅"]
    found = read_responsibility("牵头单位及负责人:县水利局、县财政局,赵志刚")
    assert found.roles[LEAD] == ["县水利局", "县财政局"]
    assert found.leaders == ["赵志刚"]


def test_a_name_joined_by_an_interpunct_is_a_person():
    assert is_person("买买提·吐尔逊")
    assert is_person("阿依古丽·阿不都热依木")
    assert not is_person("县农业农村局")
    found = read_responsibility("责任单位:某乡人民政府,艾力·吾甫尔")
    assert found.roles[LISTED] == ["某乡人民政府"]
    assert found.leaders == ["艾力·吾甫尔"]


def test_a_project_list_with_unit_and_person_fields_and_time_lines():
    doc = parse_bytes(
        (
            "某县2024年以工代赈项目公示\n"
            "现将我县2024年以工代赈项目有关情况公示如下:\n"
            "一、某乡灌溉渠道改造项目\n"
            "1.项目实施地点:某乡二村\n"
            "2.项目建设内容:改造渠道6公里。\n"
            "3.项目建设期限:2024年\n"
            "4.项目实施单位及责任人:某县水利局,热合曼·托乎提\n"
            "二、某镇农村道路硬化项目\n"
            "1.项目实施地点:某镇五村\n"
            "2.项目建设内容:硬化村道3公里。\n"
            "3.项目实施时间:2024年3月-2024年9月\n"
            "4.项目实施单位及责任人:某镇人民政府,王建国\n"
        ).encode(),
        filename="doc.txt",
        year=2024,
    )
    assert [(t.label, t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        ("一", ["某县水利局"], [], ["热合曼·托乎提"]),
        ("二", ["某镇人民政府"], [], ["王建国"]),
    ]
    assert date(2024, 12, 31) in [m.due_date for m in doc.tasks[0].milestones]
    assert date(2024, 9, 30) in [m.due_date for m in doc.tasks[1].milestones]


def test_a_numbered_project_with_label_lines_is_due_when_its_implementation_span_ends():
    doc = parse_bytes(
        (
            "某县衔接推进乡村振兴补助资金项目公示\n"
            "(一)产业发展项目2个。\n"
            "1.某村肉牛养殖圈舍建设项目:新建圈舍2000平方米。由某村组织实施,县农业农村局负责指导。\n"
            "项目责任单位:某乡、县农业农村局\n"
            "项目责任人:周文、马丽\n"
            "项目实施时间:2025年2月-2025年8月\n"
            "2.某村冷库建设项目:新建冷库1座。由某村组织实施,县商务局负责指导。\n"
            "项目责任单位:某镇、县商务局\n"
            "项目责任人:陈亮\n"
            "项目实施时间:2025年4月-2025年11月\n"
        ).encode(),
        filename="doc.txt",
        year=2025,
    )
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["某乡"], ["县农业农村局"]),
        ("2", ["某镇"], ["县商务局"]),
    ]
    assert date(2025, 8, 31) in [m.due_date for m in doc.tasks[0].milestones]
    assert date(2025, 11, 30) in [m.due_date for m in doc.tasks[1].milestones]


def test_a_year_inside_a_project_name_is_no_deadline():
    from policy_tasks.parsing.project_names import project_name_spans
    from policy_tasks.parsing.textutil import normalise

    def names(text: str) -> list[str]:
        norm = normalise(text)
        return [norm[s:e] for s, e in project_name_spans(norm)]

    assert names("某县2025年农村供水保障(少数民族发展任务)项目(xm2025001):投资80万元") == [
        "某县2025年农村供水保障(少数民族发展任务)项目"
    ]
    assert names("2024年度某村道路硬化工程\n责任单位:某镇") == ["2024年度某村道路硬化工程"]
    # A year that dates the work says what is done that year: a commitment, no name.
    assert names("2023年建成某镇农贸市场项目。") == []
    assert names("2024年底前完成某村道路硬化项目。") == []


def test_a_project_named_with_its_year_is_due_by_its_own_time_line_only():
    doc = parse_bytes(
        (
            "某县项目公示\n"
            "1.某县2025年某乡饮水安全巩固提升项目:新建蓄水池2座。\n"
            "项目责任单位:某乡、县水利局\n"
            "项目实施时间:2025年3月-2025年7月\n"
        ).encode(),
        filename="doc.txt",
        year=2025,
    )
    (task,) = doc.tasks
    assert task.lead_units == ["某乡"]
    assert date(2025, 7, 31) in [m.due_date for m in task.milestones]
    assert date(2025, 12, 31) not in [m.due_date for m in task.milestones]
