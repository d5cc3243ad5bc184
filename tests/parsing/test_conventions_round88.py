"""Conventions met in blind round 88 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the document that showed them: a department's quarterly
目标责任书 whose title alone names the office it binds, a two- or three-column table of tasks and their
targets (`工作任务 | 目标及质量要求`) with no 序号 and no unit column, kept a row a line (` | `, tabs or
spaces between cells), and quarterly targets listed in one cell (`第一、二、三、四季度任务分别为…`).
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.letter_titles import letter_owner
from policy_tasks.parsing.target_rows import is_target_header


def _parse(text: str, year: int | None = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _deadlines(task) -> list[str]:
    return sorted({m.due_date.isoformat() for m in task.milestones if m.due_date})


_PIPE_LETTER = "\n".join(
    [
        "县住建局2021年度(分季)目标责任书",
        "工作任务 | 目标及质量要求 |",
        "市考指标 | 详见附件2(市考指标任务分解)。 |",
        "争取上级资金(5分) | 专项债券:上半年、三季度、四季度任务分别为200、150、100万元。 |",
        "招商引资(3分) | 第一、二、三、四季度任务分别为300、400、300、200万元。 |",
        "重点项目(4分) | 第二三季度完成投资任务分别为0.5、0.8亿元。 |",
        "城乡建设 (5分) | 第三季度:完成老旧小区改造12个。第四季度:完成背街小巷整治。 |",
    ]
)


def test_title_office_leads_every_unnumbered_row_of_a_pipe_table():
    parsed = _parse(_PIPE_LETTER)
    assert [t.label for t in parsed.tasks] == ["1", "2", "3", "4", "5"]
    assert [t.text[:4] for t in parsed.tasks] == ["市考指标", "争取上级", "招商引资", "重点项目", "城乡建设"]
    assert all(t.lead_units == ["县住建局"] and t.co_units == [] for t in parsed.tasks)
    assert not any("未找到编号条款" in w.message for w in parsed.warnings)


def test_quarters_listed_before_fenbie_each_get_their_end():
    tasks = _parse(_PIPE_LETTER).tasks
    assert _deadlines(tasks[0]) == []
    assert _deadlines(tasks[1]) == ["2021-06-30", "2021-09-30", "2021-12-31"]
    assert _deadlines(tasks[2]) == ["2021-03-31", "2021-06-30", "2021-09-30", "2021-12-31"]
    assert _deadlines(tasks[3]) == ["2021-06-30", "2021-09-30"]
    assert _deadlines(tasks[4]) == ["2021-09-30", "2021-12-31"]


_TAB_LETTER = "\n".join(
    [
        "市农业农村局目标任务书",
        "任务\t目标",
        "粮食生产\t全年粮食播种面积稳定在120万亩以上,上半年、下半年分别完成夏粮、秋粮收储。",
        "高标准农田\t新建高标准农田5万亩,10月底前完工。",
        "农村人居环境\t一、二季度开展村庄清洁行动摸底。",
        "责任单位(盖章):",
        "主要负责人(签字):",
        "年  月  日",
    ]
)


def test_tab_table_under_a_title_without_year_stops_at_the_signatures():
    parsed = _parse(_TAB_LETTER)
    assert [t.label for t in parsed.tasks] == ["1", "2", "3"]
    assert all(t.lead_units == ["市农业农村局"] for t in parsed.tasks)
    tasks = parsed.tasks
    assert "2021-06-30" in _deadlines(tasks[0]) and "2021-12-31" in _deadlines(tasks[0])
    assert "2021-10-31" in _deadlines(tasks[1])
    assert "签字" not in tasks[2].text and "盖章" not in tasks[2].text  # the letter's close is no row
    # No 分别: `一、二季度` is one span, due at the second quarter's end, not a milestone a quarter.
    assert "2021-03-31" not in _deadlines(tasks[2])


_SPACE_LETTER_WITH_TEMPLATE = "\n".join(
    [
        "区统计部门(单位)2021年度安全生产目标责任书",
        "考核内容 目标要求 分值",
        "安全培训 全年组织安全培训不少于4次。 10",
        "隐患排查 2021年第一、二季度分别完成一轮隐患排查。 10",
    ]
)


def test_space_table_and_a_forms_template_bracket():
    parsed = _parse(_SPACE_LETTER_WITH_TEMPLATE)
    assert [t.label for t in parsed.tasks] == ["1", "2"]
    # `部门(单位)`: the form's gloss of the blank the office's name fills, no part of the name.
    assert all(t.lead_units == ["区统计部门"] for t in parsed.tasks)
    assert _deadlines(parsed.tasks[1]) == ["2021-03-31", "2021-06-30"]


def test_rows_naming_their_own_units_keep_them():
    text = "\n".join(
        [
            "县商务局2021年度目标责任书",
            "工作任务 | 目标及质量要求 |",
            "外贸进出口 | 全年进出口总额增长8%(责任单位:县发改局)。 |",
            "消费促进 | 举办促消费活动4场。 |",
        ]
    )
    tasks = _parse(text).tasks
    assert tasks[0].lead_units == ["县发改局"]
    assert tasks[1].lead_units == ["县商务局"]


def test_numbered_plan_with_a_task_and_target_table_keeps_its_clauses():
    lines = [
        "县教育局2021年度目标责任书",
        "一、重点任务",
        "1.完成校舍维修改造。(责任单位:县教育局基建股)",
        "2.完成教师培训。(责任单位:县教师进修学校)",
        "附:",
        "工作任务 | 目标及质量要求 |",
        "校舍维修 | 10月底前完成。 |",
        "教师培训 | 全年培训教师500人次。 |",
    ]
    tasks = _parse("\n".join(lines)).tasks
    # The items carry numbers: the table's rows are an attachment's summary, no clauses of their own.
    assert [t.text[:4] for t in tasks] == ["完成校舍", "完成教师"]
    assert [t.lead_units for t in tasks] == [["县教育局基建股"], ["县教师进修学校"]]


def test_a_title_naming_a_topic_or_a_group_binds_no_office():
    assert letter_owner([(1, "某区基层防汛体系建设任务清单")]) is None
    assert letter_owner([(1, "各单位2021年度目标责任书")]) is None
    assert letter_owner([(1, "关于印发2021年度目标责任书的通知")]) is None
    assert letter_owner([(1, "关于签订县财政局2021年度目标责任书")]) is None
    assert letter_owner([(1, "上海市2022年度食品安全工作责任清单")]) is None  # a place's list, no office
    found = letter_owner([(1, "县财政局2021年度目标责任书")])
    assert found is not None and found[0].lead_and_co()[0] == ["县财政局"]
    # Full-width brackets: the template's gloss dropped, an office's other name kept.
    found = letter_owner([(1, "区应急管理部门（单位）2021年度（分季）目标责任书")])
    assert found is not None and found[0].lead_and_co()[0] == ["区应急管理部门"]
    found = letter_owner([(1, "县委办（县政府办）2021年度目标责任书")])
    assert found is not None and found[0].lead_and_co()[0] == ["县委办（县政府办）"]


def test_header_needs_a_task_column_and_a_target_column():
    assert is_target_header("工作任务 | 目标及质量要求 |")
    assert is_target_header("任务\t目标")
    assert is_target_header("考核内容 目标要求 分值")
    assert not is_target_header("序号 | 工作任务 | 责任单位 |")
    assert not is_target_header("工作任务 | 完成情况 |")
    assert not is_target_header("全年完成 目标任务")


def test_unnumbered_rows_without_a_header_are_still_refused_or_guessed():
    text = "\n".join(
        [
            "县住建局2021年度目标责任书",
            "市考指标 详见附件。",
            "招商引资 第一、二季度任务分别为300、400万元。",
        ]
    )
    try:
        tasks = _parse(text).tasks
    except Exception as error:  # refused: no layout of items known
        assert "未找到编号条款" in str(error)
    else:
        assert len(tasks) != 2 or tasks[0].unit_origin != "标题单位"


def test_numbered_letter_under_its_office_title():
    text = "\n".join(["县文旅局2021年度目标责任书", "1.完成景区提升改造2处。", "2.举办文化惠民演出30场。"])
    tasks = _parse(text).tasks
    assert [t.lead_units for t in tasks] == [["县文旅局"], ["县文旅局"]]
