"""Conventions met in blind rounds and corpus misreads (docs/parsing.md), each in a document of its own.

Every case here is written from the convention, not copied from the document that showed it, so
that a rule holds for the genre and not for one file.
"""

from __future__ import annotations

import io
from datetime import date

import openpyxl
import pytest

from policy_tasks.parsing import parse_bytes, parse_document


def _units(task) -> tuple[list[str], list[str]]:
    return task.lead_units, task.co_units


def _xlsx(rows: list[list[str]]) -> bytes:
    book = openpyxl.Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_item_whose_text_starts_with_a_count_is_the_next_item():
    doc = parse_document(
        "2022年实事项目\n1.新增加装电梯400台。\n2.50个小区新增充电设施。\n3.开设40个暑托班。\n4.460个活动室开放。\n"
    )
    assert [(t.number, t.title[:4]) for t in doc.tasks] == [(1, "新增加装"), (2, "50个小"), (3, "开设40"), (4, "460个")]


def test_a_decimal_after_an_unfinished_sentence_stays_text():
    doc = parse_document("2024年方案\n1. 安排资金,其中\n2.5个亿用于乙。(责任单位:县发改局)\n")
    assert [t.number for t in doc.tasks] == [1]


def test_an_inline_item_that_starts_with_a_year_is_cut_where_the_list_continues():
    doc = parse_document(
        "2011年项目推进方案\n一、文博馆\n"
        "1.布展,4月20日前完成。责任单位:市文化局。\n"
        "2.装饰装修,4月20日前完工。责任单位:市发改委。3.2011年文化周期间投入使用。责任单位:市发改委。\n"
    )
    assert [t.title[:5] for t in doc.tasks] == ["布展,4月", "装饰装修,", "2011年"]
    assert all(t.lead_units for t in doc.tasks)


def test_a_carry_sentence_may_name_what_it_governs_before_its_units():
    doc = parse_document(
        "2022年实施细则\n"
        "1.设立专项资金。(责任单位:市工信局、市财政局,各县区人民政府。以下政策措施均需各县区人民政府、园区管委会落实,不再单独列出)\n"
        "2.成立工作专班。(责任单位:市工信局)\n"
    )
    assert _units(doc.tasks[1]) == (["市工信局"], ["各县区人民政府", "园区管委会"])


def test_a_unit_label_ends_where_another_field_of_the_item_begins():
    doc = parse_document(
        "2024年民生实事项目\n一、老旧小区改造项目\n牵头单位:县住建局\n责任单位:莲塘镇任务目标:2024年改造完成莲水巷等小区,改造外立面、楼梯间。\n"
    )
    assert _units(doc.tasks[0]) == (["县住建局"], ["莲塘镇"])


def test_items_that_end_in_a_semicolon_share_the_units_of_the_item_that_closes_them():
    doc = parse_document(
        "2011年项目推进方案\n一、服务中心\n"
        "1.迁改工程,3月中旬完成。责任单位:市供电公司。\n"
        "2.基坑开挖,6月30日前完工;\n"
        "3.地下室工程,10月30日前完成;\n"
        "4.主体施工,年底前封顶。责任单位:市发改委。\n"
        "5.绿化工程,年底前完成。\n"
    )
    assert [t.lead_units for t in doc.tasks] == [["市供电公司"], ["市发改委"], ["市发改委"], ["市发改委"], []]


def test_a_construction_step_dated_in_its_own_part_is_a_milestone():
    doc = parse_document("2011年项目推进方案\n1.基坑开挖,3月上旬开始,6月30日前完工。(责任单位:市发改委)\n")
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2011, 3, 10), date(2011, 6, 30)]


def test_a_column_of_one_months_targets_dates_each_cell():
    data = _xlsx(
        [
            ["2023年区政府实事项目3月进展情况"],
            ["序号", "项目内容", "牵头单位", "3月目标", "进展情况"],
            ["1", "加装电梯新增400台", "区房管局", "新增40台。", "新增41台。"],
            ["2", "新增充电设施", "区房管局", "明确建设任务,制定建设方案。", "已制定方案。"],
        ]
    )
    doc = parse_bytes(data, filename="jinzhan.xlsx")
    targets = [[m for m in t.milestones if m.due_date == date(2023, 3, 31)] for t in doc.tasks]
    assert [
        any(m.text.endswith(cell) for m in ms)
        for ms, cell in zip(targets, ["3月:新增40台", "制定建设方案"], strict=True)
    ] == [
        True,
        True,
    ]


def test_section_columns_and_cells_of_a_unit_a_line():
    data = _xlsx(
        [
            ["2023年重点工作完成情况"],
            ["序号", "目标任务", "责任科室", "计划完成时间"],
            ["6", "农民收入与经济增长同步。", "经管站\n2", "2023年底"],
            ["7", "加强农产品品牌建设。", "农业股\n乡村产业发展股", "2023年底"],
        ]
    )
    doc = parse_bytes(data, filename="keshi.xlsx")
    assert [_units(t) for t in doc.tasks] == [(["经管站"], []), (["农业股"], ["乡村产业发展股"])]
    assert [[m.due_date for m in t.milestones] for t in doc.tasks] == [[date(2023, 12, 31)]] * 2


def test_a_deadline_field_with_two_dated_steps_gives_each_its_milestone():
    doc = parse_document("2016年重点工作\n5. 开工建设老年养护楼。\n责任单位:县民政局\n完成时限:5月底前动工、12月底前\n")
    assert sorted(m.due_date for m in doc.tasks[0].milestones) == [date(2016, 5, 31), date(2016, 12, 31)]


def test_a_date_the_work_is_due_by_commits_whatever_the_verb():
    doc = parse_document(
        "2023年重点任务\n1. 守好疫情防线,发热门诊1月底前完成改造;其它事项12月底前取得明显成效。(责任单位:卫健局)\n"
    )
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2023, 1, 31), date(2023, 12, 31)]


# --- blind round 5 ------------------------------------------------------------------------------


def test_a_unit_label_is_read_by_its_words():
    doc = parse_document(
        "2024年工作要点\n1.加强理论武装。(责任科室:组干科、机关党委)\n"
        "2.地区生产总值增长5%。\n牵头领导:常务副区长\n主要责任单位:区发展改革委\n"
    )
    assert [_units(t) for t in doc.tasks] == [(["组干科"], ["机关党委"]), (["区发展改革委"], [])]


def test_a_bare_kind_after_and_widens_the_addressee_rather_than_naming_a_unit():
    doc = parse_document("2016年工作要点\n1.推进振兴发展。(责任单位:有关设区市、省有关部门和单位)\n")
    assert _units(doc.tasks[0]) == (["有关设区市"], ["省有关部门和单位"])


def test_a_table_flattened_after_a_unit_list_is_no_part_of_it():
    doc = parse_document(
        "2014年民生实事\n1.新辟公交线路10条。 责任单位:市交通委 配合单位:市公安局、市城管局,各区政府 "
        "鄞州 海曙、江东 镇海 合计 年度目标 2 5 1 8 2.新投放公共自行车3000辆。 责任单位:市交通委\n"
    )
    assert [_units(t) for t in doc.tasks] == [
        (["市交通委"], ["市公安局", "市城管局", "各区政府"]),
        (["市交通委"], []),
    ]


def test_a_progress_field_ends_the_unit_list_before_it():
    doc = parse_document(
        "2014年民生实事\n1.新增视频采集设备300套。 责任单位:市公安局 配合单位:市财政局 实际完成情况:前端摄像机上杆安装,"
        "基础管道施工等工作已完成55%。\n"
    )
    assert _units(doc.tasks[0]) == (["市公安局"], ["市财政局"])


def test_year_cells_of_a_project_table_date_its_rows_and_a_helping_unit_column_is_co():
    data = _xlsx(
        [
            ["2022年民生实事项目"],
            ["序号", "项目名称", "建设起止年限", "总投资", "2022年工作计划", "责任单位", "政策处理单位"],
            ["1", "护眼灯光工程", "2022", "1800", "建成", "县教育局", ""],
            ["2", "电梯加装工程", "2022-2023", "600", "建成", "县民政局\n各相关乡镇街道", "县资规局"],
            ["3", "燃气提升工程", "2022.01-2022.12", "1200", "完工投用", "城投集团", ""],
        ]
    )
    doc = parse_bytes(data, filename="shishi.xlsx")
    assert [_units(t) for t in doc.tasks] == [
        (["县教育局"], []),
        (["县民政局"], ["各相关乡镇街道", "县资规局"]),
        (["城投集团"], []),
    ]
    assert [[m.due_date for m in t.milestones] for t in doc.tasks] == [
        [date(2022, 12, 31)],
        [date(2023, 12, 31)],
        [date(2022, 12, 31)],
    ]


# --- forms tried beyond the rounds ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second", "labels"),
    [
        ("⑴", "⑵", ["(1)", "(2)"]),
        ("㈠", "㈡", ["(一)", "(二)"]),
        ("⒈", "⒉", ["1", "2"]),
        ("❶", "❷", ["①", "②"]),
        ("➀", "➁", ["①", "②"]),
    ],
)
def test_numbers_written_as_one_character_are_read_as_their_spelled_out_forms(first, second, labels):
    doc = parse_document(f"2024年方案\n{first}做好甲。(责任单位:县发改局)\n{second}做好乙。(责任单位:县财政局)\n")
    assert [(t.label, t.lead_units) for t in doc.tasks] == list(zip(labels, [["县发改局"], ["县财政局"]], strict=True))


def test_roman_headings_and_circled_numbers_past_twenty():
    doc = parse_document(
        "2024年方案\nⅠ、重点任务\n1.做好甲。(责任单位:县发改局)\nⅡ、保障措施\n1.做好乙。(责任单位:县财政局)\n"
    )
    assert [t.area for t in doc.tasks] == [1, 2]
    items = "".join(f"{chr(0x2460 + i)}做好{i}。(责任单位:县发改局)\n" for i in range(20))
    doc = parse_document(f"2024年方案\n{items}㉑做好最后一项。(责任单位:县财政局)\n")
    assert (doc.tasks[-1].label, doc.tasks[-1].lead_units) == ("㉑", ["县财政局"])


@pytest.mark.parametrize(
    "written", ["县财政局、县发改局(牵头)", "县财政局、县发改局★", "县财政局、县发改局（牵头单位）"]
)
def test_a_lead_mark_after_a_name_makes_it_the_lead(written):
    doc = parse_document(f"2024年方案\n1.做好甲。(责任单位:{written})\n")
    assert _units(doc.tasks[0]) == (["县发改局"], ["县财政局"])


def test_a_bare_time_label_is_a_deadline_field_but_not_inside_prose():
    doc = parse_document(
        "2024年方案\n1.做好甲。(责任单位:县发改局、县财政局;时间:2024年底)\n"
        "2.推进改革,明确时间:6月底前完成。(责任单位:县人社局)\n"
    )
    assert [(_units(t), [m.due_date for m in t.milestones]) for t in doc.tasks] == [
        ((["县发改局"], ["县财政局"]), [date(2024, 12, 31)]),
        ((["县人社局"], []), [date(2024, 6, 30)]),
    ]


def test_a_party_title_before_an_office_is_one_leader():
    doc = parse_document(
        "2024年方案\n1.做好甲。(牵头领导:区委常委、副区长王五,副区长赵六;牵头单位:区发改局)\n"
        "2.做好乙。(牵头领导:区长、副区长;牵头单位:区财政局)\n"
    )
    assert [t.leaders for t in doc.tasks] == [["区委常委、副区长王五", "副区长赵六"], ["区长", "副区长"]]


# --- blind round 6 ------------------------------------------------------------------------------


def test_a_group_with_its_other_name_in_brackets_stays_one_addressee():
    doc = parse_document(
        "2019年实施方案\n1.制定准入清单。〔市生态环境局牵头,市发展和改革局参与,各县、区人民政府(管委会)负责落实。〕\n"
    )
    lead, co = _units(doc.tasks[0])
    # The bracket is the group's other name: the unit book keeps it as an alias.
    assert (lead, sorted(co)) == (["市生态环境局"], sorted(["市发展和改革局", "各县、区人民政府"]))


def test_kinds_and_shared_suffixes_widen_the_addressee_before_them():
    doc = parse_document(
        "2023年行动方案\n1.推进数字政府。(责任单位:市行政审批服务局,市直有关部门、单位,各区市政府)\n"
        "2.推进城市群建设。(责任单位:海东市、兰州市、临夏州发展改革部门)\n"
        "3.引进项目。(责任单位:省投资促进局、省自然资源厅等有关部门和单位)\n"
    )
    assert [_units(t) for t in doc.tasks] == [
        (["市行政审批服务局"], ["市直有关部门、单位", "各区市政府"]),
        (["海东市、兰州市、临夏州发展改革部门"], []),
        (["省投资促进局"], ["省自然资源厅"]),
    ]


def test_a_file_name_line_is_not_an_item_and_a_cited_number_is_not_the_documents():
    doc = parse_document(
        "17.某自治区2023年政策清单.docx\n某自治区2023年政策清单\n"
        "为落实《省政府关于印发实施方案的通知》(某府〔2018〕128号)部署要求,制定本清单。\n"
        "1.实施增粮行动。(责任单位:自治区农牧厅、财政厅)\n2.实施耕地保护行动。(责任单位:自治区农牧厅)\n"
    )
    assert [t.label for t in doc.tasks] == ["1", "2"]
    assert doc.doc_number == ""


def test_a_plan_titled_with_its_span_in_brackets_is_read_in_its_first_year():
    doc = parse_document("某市打赢蓝天保卫战实施方案(2019-2020年)\n1.完成整治,10月底前完成。(责任单位:市生态环境局)\n")
    assert (doc.title, doc.year) == ("某市打赢蓝天保卫战实施方案(2019-2020年)", 2019)
    assert [m.due_date for m in doc.tasks[0].milestones] == [date(2019, 10, 31)]
