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


# -- 2. A disclosure page's metadata table; a task list numbered in its task cells, no 序号 ----------------


def _page(metadata: list[str], table: list[str]) -> str:
    letter = [
        "某市安委办发〔2021〕5号",
        "某市安全生产委员会办公室",
        "关于印发《2021年某市安全生产工作任务清单》的通知",
        "各县区安委会,市安委会各成员单位:",
        "现将《2021年某市安全生产工作任务清单》印发给你们,请认真抓好落实。",
        "某市安全生产委员会办公室",
        "2021年2月3日",
        "2021年某市安全生产工作任务清单",
    ]
    return "\n".join([*metadata, *letter, *table]) + "\n"


_METADATA = [
    "文件名称 |",
    "某市安全生产委员会办公室关于印发《2021年某市安全生产工作任务清单》的通知 |",
    "||",
    "索引号: |",
    "ABC/2021-05 |",
    "公开责任部门 |",
    "市应急管理局办公室 |",
    "公开形式 |",
    "主动公开 |",
    "文号 |",
    "某市安委办发〔2021〕5号 |",
    "成文日期 |",
    "2021年2月3日 |",
    "公开日期 |",
    "2021年2月4日09:10分 |",
]

_NUMBERED_TASKS = [
    "主要任务 |",
    "重点工作和要求 |",
    "责任单位 |",
    "完成时限 |",
    "完成进展 |",
    "一、加强安排部署 |",
    "||||",
    "(一)制定工作任务清单。 |",
    "1.制定2021年全市安全生产工作任务清单,分解落实到县区、部门。 |",
    "市安委办 (工作专班办公室) |",
    "2月20日前 |",
    "|",
    "2.制定行业领域2021年安全生产工作任务清单,并报市安委办。 |",
    "市级各专委会办公室、市住建局 |",
    "3月10日前 |",
    "|",
    "(二)开展隐患排查。 |",
    "3.组织开展重点行业领域隐患排查整治。 |",
    "各县区(开发区) 安委会 |",
    "6月底前 |",
    "|",
]


def test_a_disclosure_pages_metadata_table_is_no_clause():
    doc = _parse(_page(_METADATA, _NUMBERED_TASKS), year=None)
    assert [(t.label, t.lead_units, t.co_units, _deadlines(t)) for t in doc.tasks] == [
        ("1", ["市安委办"], [], ["2021-02-20"]),  # its role in brackets an alias
        ("2", ["市级各专委会办公室"], ["市住建局"], ["2021-03-10"]),
        ("3", ["各县区(开发区)安委会"], [], ["2021-06-30"]),
    ]
    units = {u for t in doc.tasks for u in t.lead_units + t.co_units}
    assert "市应急管理局办公室" not in units and "主动公开" not in units
    assert doc.doc_number == "某市安委办发〔2021〕5号"


def test_metadata_fields_written_in_another_order_with_empty_values():
    metadata = [
        "索引号 |",
        "XYZ-2021-0007 |",
        "发布机构 |",
        "某县应急管理局 |",
        "主题分类 |",
        "||",
        "标题 |",
        "某县应急管理局关于印发2021年工作任务清单的通知 |",
        "发文字号 |",
        "某县应急发〔2021〕7号 |",
        "有效性 |",
        "有效 |",
    ]
    doc = _parse(_page(metadata, _NUMBERED_TASKS), year=None)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    assert all("某县应急管理局" not in t.lead_units + t.co_units for t in doc.tasks)


def test_task_numbers_starting_afresh_under_each_heading_start_the_rows():
    table = [
        "工作任务 |",
        "责任单位 |",
        "完成时限 |",
        "一、强化源头管控 |",
        "1.开展危险化学品企业安全评估。 |",
        "市应急局 |",
        "5月底前 |",
        "2.推进化工园区整治提升。 |",
        "市工信局 |",
        "9月底前 |",
        "二、夯实基层基础 |",
        "1.完善乡镇应急管理机构。 |",
        "市委编办 |",
        "10月底前 |",
        "2.建设基层应急救援队伍。 |",
        "市应急局 |",
        "年底前 |",
    ]
    doc = _parse("2021年某市安全生产工作任务清单\n" + "\n".join(table) + "\n")
    assert [(t.lead_units, _deadlines(t)) for t in doc.tasks] == [
        (["市应急局"], ["2021-05-31"]),
        (["市工信局"], ["2021-09-30"]),
        (["市委编办"], ["2021-10-31"]),
        (["市应急局"], ["2021-12-31"]),
    ]


def test_a_pipe_stream_with_a_number_column_still_starts_rows_at_its_numbers():
    table = ["序号 |", "工作任务 |", "责任单位 |", "完成时限 |"]
    table += [
        "1 |",
        "1.开展安全评估。 |",
        "市应急局 |",
        "5月底前 |",
        "2 |",
        "3.推进整治提升。 |",
        "市工信局 |",
        "9月底前 |",
    ]
    doc = _parse("某市工作任务清单\n" + "\n".join(table) + "\n")
    assert [t.lead_units for t in doc.tasks] == [["市应急局"], ["市工信局"]]


def test_a_year_naming_the_plan_the_task_drafts_dates_nothing_even_with_its_scope():
    text = "\n".join(
        [
            "2021年安全生产工作要点",
            "1.制定2021年全市安全生产工作任务清单,分解落实到部门。(责任单位:市安委办,3月底前)",
            "2.编制2021年全县应急演练计划。(责任单位:县应急局)",
            # Near miss: the whole year as a span (`2021年全年`) is a time, not the plan's name.
            "3.2021年全年开展安全生产检查。(责任单位:市应急局)",
        ]
    )
    doc = _parse(text)
    assert [_deadlines(t) for t in doc.tasks] == [["2021-03-31"], [], ["2021-12-31"]]


# -- 3. An organ's checklist a cell a line, its 责任科室 cell after each row's measures -----------------------

_CHECKLIST = [
    "机关作风建设任务分工",
    "",
    "考评项目",
    "",
    "具体内容",
    "",
    "考评标准",
    "",
    "责任科室",
    "",
    "加强组织领导",
    "",
    "(6分)",
    "",
    "1.专题研究部署机关作风建设,2分。未专题研究的,扣1分。",
    "",
    "2.细化责任分工并督办落实,2分。未细化的,扣1分。 3.制定年度工作计划,2分。未制定的,扣1分。",
    "",
    "办公室",
    "",
    "一、强化 政治建设 (20分)",
    "",
    "1.深化理 论学习(8分)",
    "",
    "1.落实理论学习中心组学习制度,4分。未落实的,扣2分。",
    "",
    "2.开展干部教育培训,4分。未开展的,扣2分。",
    "",
    "机关党委",
    "",
    "二、严格监督执纪(10分)",
    "",
    "1.开展廉政风险排查,5分。未开展的,扣2分。",
    "",
    "2.督促整改问题线索,5分。未督促的,扣2分。",
    "",
    "机关纪委",
]


def test_a_rows_unit_cell_after_its_measures_is_every_measures_unit():
    doc = _parse("\n".join(_CHECKLIST) + "\n", year=None)
    assert [(t.lead_units, t.text.split(",")[0]) for t in doc.tasks] == [
        (["办公室"], "专题研究部署机关作风建设"),
        (["办公室"], "细化责任分工并督办落实"),
        (["办公室"], "制定年度工作计划"),
        (["机关党委"], "落实理论学习中心组学习制度"),
        (["机关党委"], "开展干部教育培训"),
        (["机关纪委"], "开展廉政风险排查"),
        (["机关纪委"], "督促整改问题线索"),
    ]
    units = {u for t in doc.tasks for u in t.lead_units + t.co_units}
    assert not units & {"加强组织领导", "强化政治建设", "深化理论学习"}
    assert all("(8分)" not in t.text and "分)" not in t.title for t in doc.tasks)


def test_the_same_checklist_under_a_responsible_office_header_with_no_blank_lines():
    lines = [line for line in _CHECKLIST if line]
    lines[lines.index("责任科室")] = "责任处室"
    doc = _parse("\n".join(lines) + "\n", year=None)
    assert [t.lead_units for t in doc.tasks] == [["办公室"]] * 3 + [["机关党委"]] * 2 + [["机关纪委"]] * 2


def test_a_last_row_whose_unit_cell_the_page_lost_names_no_unit():
    lines = [line for line in _CHECKLIST if line][:-1]
    doc = _parse("\n".join(lines) + "\n", year=None)
    # The rows closed by their unit cells are read; the cut row's section names no unit, so (a silent section
    # beside sections with clauses) it is no clause, and its group cell is no unit of any row.
    assert [t.lead_units for t in doc.tasks] == [["办公室"]] * 3 + [["机关党委"]] * 2


def test_a_numbered_checklist_starts_its_rows_at_its_serials():
    # Near miss: with a 序号 column the rows start at their numbers (`flat_tables._cell_rows`), not at a unit cell.
    lines = ["序号", "考评项目", "具体内容", "责任科室"]
    lines += ["1", "加强组织领导", "专题研究部署机关作风建设。", "办公室"]
    lines += ["2", "严格监督执纪", "开展廉政风险排查。", "机关纪委"]
    doc = _parse("机关作风建设任务分工\n" + "\n".join(lines) + "\n", year=None)
    assert [(t.label, t.lead_units) for t in doc.tasks] == [("1", ["办公室"]), ("2", ["机关纪委"])]
