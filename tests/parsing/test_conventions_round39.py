"""Conventions of blind round 39 (docs/parsing.md), each stated in a document of its own.

The round looked for task lists that split a government's own 《政府工作报告》 (贵州, 甘肃, 青海, 宁夏,
吉林, 海南, 天津, 北京, 重庆, 西藏, 新疆, 黑龙江) and found none the stored pages hold past their
notice that the corpus does not already have. The genre's task table, flattened a cell a line or
behind `|` markers, was therefore tried on documents written for these tests; three of round 37's
leftovers showed in it and are stated here: a task that ends in a word unit names end in
(`培育规模以上工业企业`), a note right under a heading row, and a leader written with the post before
the name (`副县长张明`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.person_names import is_person
from policy_tasks.parsing.task_cells import task_read_as_units


def _parse(text: str, year: int = 2024):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


def _rows(doc):
    return [(t.title, t.lead_units, t.co_units) for t in doc.tasks]


# --- A task cell that reads like a unit's name --------------------------------------------------


def test_a_task_ending_like_a_unit_in_a_cell_a_line_table_stays_the_task():
    doc = _parse(
        "2024年县政府工作报告重点任务分解表\n"
        "序号\n工作任务\n牵头单位\n配合单位\n完成时限\n"
        "1\n培育规模以上工业企业\n县工信局\n县统计局\n12月底\n"
        "2\n新建乡镇污水处理站3座\n县生态环境局\n各乡镇\n10月底\n"
    )
    assert _rows(doc) == [
        ("培育规模以上工业企业", ["县工信局"], ["县统计局"]),
        ("新建乡镇污水处理站3座", ["县生态环境局"], ["各乡镇"]),
    ]
    assert [m.due_date.isoformat() for m in doc.tasks[0].milestones] == ["2024-12-31"]


def test_a_task_ending_like_a_unit_behind_pipe_markers_stays_the_task():
    doc = _parse(
        "某市2024年政府工作报告重点任务清单\n"
        "序号 |\n工作任务 |\n牵头单位 |\n配合单位 |\n完成时限 |\n"
        "1 |\n引进高新技术企业 |\n市科技局 |\n市工信局、各县区政府 |\n6月底 |\n"
        "2 |\n新建市第三人民医院 |\n市卫生健康委 |\n市住建局 |\n12月底 |\n"
    )
    assert _rows(doc) == [
        ("引进高新技术企业", ["市科技局"], ["市工信局", "各县区政府"]),
        ("新建市第三人民医院", ["市卫生健康委"], ["市住建局"]),
    ]


def test_a_row_of_units_only_after_its_serial_keeps_its_task_and_the_next_row():
    # Before, a row whose three cells all read as units ran into the row above it.
    doc = _parse(
        "2024年县政府工作报告任务分解表\n"
        "序号\n工作任务\n牵头单位\n配合单位\n"
        "1\n新增市场主体3000户\n县市场监管局\n县税务局\n县人社局\n"
        "2\n新建乡镇卫生院\n县卫健局\n县发改局\n"
    )
    assert _rows(doc) == [
        ("新增市场主体3000户", ["县市场监管局"], ["县税务局", "县人社局"]),
        ("新建乡镇卫生院", ["县卫健局"], ["县发改局"]),
    ]


def test_only_a_cell_standing_where_the_task_does_is_taken_for_it():
    kinds = ["number", "title", "lead", "co", "due"]  # 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限
    units = ("lead", "listed", "co")
    typed = [("1", "number"), ("培育规模以上工业企业", "units"), ("县工信局", "units"), ("12月底", "text")]
    assert task_read_as_units(typed, kinds, ("title", "content"), units) == 1
    # A task written as text before the units: nothing to change.
    typed = [("1", "number"), ("新增市场主体", "text"), ("县市场监管局", "units"), ("县税务局", "units")]
    assert task_read_as_units(typed, kinds, ("title", "content"), units) is None
    # The row's only units: its lead, whatever happened to its task.
    typed = [("1", "number"), ("县工信局", "units"), ("12月底", "text")]
    assert task_read_as_units(typed, kinds, ("title", "content"), units) is None
    # A header that puts the units before the task.
    kinds = ["number", "lead", "title", "co", "due"]
    typed = [("1", "number"), ("县工信局", "units"), ("培育企业", "text"), ("县统计局", "units")]
    assert task_read_as_units(typed, kinds, ("title", "content"), units) is None


# --- A note right under a heading row --------------------------------------------------------------


def test_a_note_under_a_heading_row_is_no_cell_and_the_group_numbers_from_one():
    doc = _parse(
        "2024年县政府工作报告重点任务分解表\n"
        "序号\n工作任务\n牵头单位\n配合单位\n完成时限\n"
        "一、经济发展\n本部分任务纳入年度考核。\n"
        "1\n新建标准厂房5万平方米\n县工业园区管委会\n县住建局\n10月底\n"
        "二、民生保障\n以下两项为县十件民生实事。\n"
        "1\n新建幼儿园2所\n县教育局\n各乡镇\n8月底\n"
        "2\n改造农村公路50公里\n县交通运输局\n各乡镇\n11月底\n"
    )
    assert _rows(doc) == [
        ("新建标准厂房5万平方米", ["县工业园区管委会"], ["县住建局"]),
        ("新建幼儿园2所", ["县教育局"], ["各乡镇"]),
        ("改造农村公路50公里", ["县交通运输局"], ["各乡镇"]),
    ]
    assert [[m.due_date.isoformat() for m in t.milestones][-1] for t in doc.tasks] == [
        "2024-10-31",
        "2024-08-31",
        "2024-11-30",
    ]


def test_a_sentence_after_the_last_heading_still_ends_the_table():
    doc = _parse(
        "2024年县政府工作报告重点任务分解表\n"
        "序号\n工作任务\n牵头单位\n配合单位\n"
        "一、经济发展\n"
        "1\n新建标准厂房5万平方米\n县工业园区管委会\n县住建局\n"
        "二、工作要求\n各单位要按月报送进展情况。\n"
    )
    assert _rows(doc) == [("新建标准厂房5万平方米", ["县工业园区管委会"], ["县住建局"])]


# --- A leader written with the post before the name ------------------------------------------------


def test_a_post_before_a_name_is_a_person():
    for name in ("副县长张明", "常务副区长王明", "县长助理李四", "县委副书记赵六", "市政府办公室主任孙七"):
        assert is_person(name), name
    for name in ("市长热线办公室", "市人大常委会主任会议", "县长信箱", "局长接待日"):
        assert not is_person(name), name


def test_a_leader_named_with_the_post_first_leads_no_unit():
    doc = _parse(
        "某县2024年政府工作报告重点工作分工\n"
        "1.新建县城第三水厂。(副县长张明负责,县水务局牵头,县住建局配合)\n"
        "2.完成农村危房改造300户。(常务副县长王明负责,县住建局牵头)\n"
    )
    assert [(t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        (["县水务局"], ["县住建局"], ["副县长张明"]),
        (["县住建局"], [], ["常务副县长王明"]),
    ]


def test_a_leader_column_cell_with_the_post_first_names_the_leader():
    doc = _parse(
        "2024年县政府工作报告重点任务分解表\n"
        "序号\n工作任务\n牵头县领导\n牵头单位\n配合单位\n"
        "1\n新建县城第三水厂\n副县长张明\n县水务局\n县住建局\n"
        "2\n完成农村危房改造300户\n副县长李华\n县住建局\n各乡镇\n"
    )
    assert [(t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        (["县水务局"], ["县住建局"], ["副县长张明"]),
        (["县住建局"], ["各乡镇"], ["副县长李华"]),
    ]
