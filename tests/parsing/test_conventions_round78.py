"""Conventions met in blind round 78 (docs/parsing.md), each stated in a document of its own.

Written from the conventions, not copied from the documents that showed them: a county office's target table
flattened a cell a line whose deadline, leader and section cells are merged down over rows (written on a block's
first row only), its section header wrapped (`责任股室` / `(单位)`), a 2-character 指标 cell that reads like a
name, and a cell that ran two offices together; a city's 职责分工 table a cell a line under a header written on one
line, its department cell before its duties; a bureau's excerpt of a district table, a cell a line with blank lines
between, under section headings most of which have no row below them, its helpers' cells closed by `。`.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.unit_lists import split_names


def _parse(text: str, year: int | None = 2021):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _deadlines(task) -> list[str]:
    return sorted({m.due_date.isoformat() for m in task.milestones if m.due_date})


_MERGED_BLOCKS = "\n".join(
    [
        "序号",
        "指标",
        "工作任务",
        "完成时限",
        "责任领导",
        "责任股室",
        "(单位)",
        "备注",
        "1",
        "体育服务",
        "全民健身活动参与人数较上年增长10%。",
        "11月底前",
        "王建国",
        "群众体育股",
        "体育馆",
        "游泳馆",
        "2",
        "举办县级运动会一届。",
        "群众体育股体育馆",
        "3",
        "开展健身知识进社区活动。",
        "4",
        "水利",
        "完成城区防洪堤加固工程设计。",
        "工程建设股",
        "5",
        "城乡规划",
        "编制乡村振兴示范村规划5个。",
        "6月底",
        "李 明",
        "规划股",
        "6",
        "完成规划成果审查。",
        "7",
        "安全生产",
        "开展安全隐患排查整治。",
        "9月底前",
        "赵红",
        "各股室、局属事业单位",
    ]
)


def test_merged_deadline_and_leader_cells_govern_the_rows_below_that_lack_them():
    """A table flattened a cell a line writes a 完成时限 / 责任领导 cell merged down over rows only on its first row:
    the cell written last above in that column governs each later row that lacks it, as a merged unit cell
    does; a new block's cells start on its first row."""
    doc = _parse(_MERGED_BLOCKS)
    assert [t.label for t in doc.tasks] == ["1", "2", "3", "4", "5", "6", "7"]
    assert [t.leaders for t in doc.tasks] == [["王建国"]] * 4 + [["李明"]] * 2 + [["赵红"]]
    assert [_deadlines(t) for t in doc.tasks] == [["2021-11-30"]] * 4 + [["2021-06-30"]] * 2 + [["2021-09-30"]]


def test_a_section_cell_written_a_unit_a_line_is_one_cell_the_first_leading():
    """A header cell wrapped with its bracket on the next line (`责任股室` / `(单位)`) is one column; a unit cell
    written a unit a line is one cell whose first unit leads; a cell that ran a section and a unit together
    (`群众体育股体育馆`) names both, the section leading; `各股室、局属事业单位`: the first group leads."""
    doc = _parse(_MERGED_BLOCKS)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["群众体育股"], ["体育馆", "游泳馆"]),
        (["群众体育股"], ["体育馆"]),
        (["群众体育股"], ["体育馆"]),
        (["工程建设股"], []),
        (["规划股"], []),
        (["规划股"], []),
        (["各股室"], ["局属事业单位"]),
    ]


def test_a_two_character_indicator_cell_before_the_task_is_no_leader():
    """A 指标 cell of two characters (`水利`) reads like a person's name, but it stands before the row's task and its
    unit cell, which no column after the 责任领导 column could hold in that order: it is the row's 指标, and the
    row is a clause with its own unit."""
    doc = _parse(_MERGED_BLOCKS)
    row = doc.tasks[3]
    assert row.text.startswith("水利") and "完成城区防洪堤加固工程设计" in row.text
    assert row.leaders == ["王建国"]


def test_offices_a_cell_ran_together_are_two():
    """A bureau's section (`…股`, `…科`) and the unit after it that a cell ran together are two names; a
    name that only holds such a word (`科学技术馆`, `农业科学研究院`, `股份公司`) stays one."""
    text = "文化宣传股文化馆"
    assert split_names(text, text, 0, len(text)) == ["文化宣传股", "文化馆"]
    text = "综合科档案馆"
    assert split_names(text, text, 0, len(text)) == ["综合科", "档案馆"]
    for whole in ("县农业科学研究院", "县科学技术馆", "县交通投资股份公司"):
        assert split_names(whole, whole, 0, len(whole)) == [whole]


_DUTIES = "\n".join(
    [
        "农村饮水安全管理",
        "序号 涉及部门 职责分工",
        "1",
        "县水利局",
        "负责农村供水工程建设和运行管理。指导供水单位落实水质管理制度。",
        "2",
        "县卫生健康局",
        "负责农村饮用水卫生监督监测;及时向水行政部门通报水质检测结果;会同有关部门处置饮用水污染事件。",
        "3",
        "县生态环境局",
        "负责农村饮用水水源地环境保护;组织开展水源地环境问题排查整治。",
        "",
        "相关依据:",
        "",
        "1.《生活饮用水卫生监督管理办法》",
        "2.《农村饮水安全工程建设管理办法(2019—2021年)》",
    ]
)


def test_a_duty_table_with_its_department_first_under_a_one_line_header():
    """A 职责分工 table flattened a cell a line under its header written on one line (`序号 涉及部门 职责分工`):
    each row's department cell comes before its duties and is the row's sole unit, leading; the units named
    inside the duties are no assignees; the numbered lines under `相关依据:` after the table cite rules and are
    no clauses."""
    doc = _parse(_DUTIES)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["县水利局"], []),
        ("2", ["县卫生健康局"], []),
        ("3", ["县生态环境局"], []),
    ]
    assert doc.tasks[0].text.startswith("负责农村供水工程")
    assert all(not _deadlines(t) for t in doc.tasks)


_EXCERPT = "\n\n".join(
    [
        "某区市场监管局2022年政府工作报告重点工作任务分解表",
        "序号",
        "重点工作任务",
        "主要责任单位",
        "协同配合单位",
        "一、主要预期目标",
        "2",
        "市场主体数量增长10%左右。",
        "区市场监管局",
        "区发改委、区商务局,各镇人民政府、街道办事处。",
        "二、全力以赴抓项目",
        "三、全力以赴强产业",
        "四、全力以赴惠民生",
        "41",
        "持续开展食品安全放心工程建设。",
        "区市场监管局",
        "区教育局,各镇人民政府。",
        "42",
        "推进智慧监管平台建设。",
        "区市场监管局",
        "区数据资源局。",
    ]
)


def test_an_excerpt_of_a_task_table_under_section_headings_most_of_them_empty():
    """A bureau's excerpt of its district's task table, a cell a line with blank lines between, keeps the district's
    serials (2, 41, 42) and every section heading, most with no row below them: each row is a clause, its
    主要责任单位 leading and its 协同配合单位 cell, closed by `。`, naming the co units; a section heading with no
    row below it holds no clause."""
    doc = _parse(_EXCERPT)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("2", ["区市场监管局"], ["区发改委", "区商务局", "各镇人民政府", "街道办事处"]),
        ("41", ["区市场监管局"], ["区教育局", "各镇人民政府"]),
        ("42", ["区市场监管局"], ["区数据资源局"]),
    ]
    assert all("全力以赴" not in t.text for t in doc.tasks)
