"""Conventions met in blind round 91 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it:
- an indicator table flattened a cell a line, its 责任部门 column last with no 序号, whose unit cell is written a
  unit a line: one cell, the first leading, and the table goes on after it (near miss: an office signing below
  the table, its date after it, is no unit of the last row);
- numbered rows beside the clauses that name units and that no clause holds raise a 待核对 sign;
- a 民生实事 register whose 序号 and 项目 cells are merged over the rows of an item's parts: one clause a part,
  each with its own units and schedule; an item of one row keeps its 项目 cell as its name;
- a unit's name a narrow cell cut mid-word (`区新兴产业` / `服务中心`) is one name (near miss: a place, then a
  body, stays two);
- a year written over a schedule column's name (`2023年` / `目标进度`) is one header cell.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.clause_doubts import is_doubt, unread_rows
from policy_tasks.parsing.line_repairs import repaired_lines
from policy_tasks.parsing.outline_lines import Outline
from policy_tasks.parsing.wrapped_headers import wrapped_cell
from policy_tasks.parsing.wrapped_unit_lines import joined_wrapped_names


def _parse(text: str, year: int = 2022):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _units(task) -> tuple[list[str], list[str]]:
    return list(task.lead_units), list(task.co_units)


def _dates(task) -> list[str]:
    return [m.due_date.isoformat() for m in task.milestones if m.due_date]


# -- A closing unit cell written a unit a line -------------------------------------------------------------

_INDICATORS = """某区2022年上半年国民经济和社会发展计划执行情况
表1:上半年主要指标完成情况
类别
指标名称
年度目标
完成情况
责任部门
经济发展
1、地区生产总值增长率
6%
5.2%
区发改委
2、区级财政收入增长率
5%以上
12.5%
区财政局
区税务局、区统计局
3、新增市级专精特新企业
20家
年度指标
区经委
社会民生
4、新增就业岗位
1.2万个
0.7万个
区人社局
区经委
区商务委
"""


def test_a_unit_cell_a_unit_a_line_is_one_cell_and_the_table_goes_on():
    doc = _parse(_INDICATORS)
    assert [t.label for t in doc.tasks] == ["1", "2", "3", "4"]
    assert _units(doc.tasks[0]) == (["区发改委"], [])
    # A second line listing units with `、` goes on the cell too.
    assert _units(doc.tasks[1]) == (["区财政局"], ["区税务局", "区统计局"])
    assert _units(doc.tasks[2]) == (["区经委"], [])
    # The last row's cell, the text ending after it: every line its unit.
    assert _units(doc.tasks[3]) == (["区人社局"], ["区经委", "区商务委"])
    assert not any(is_doubt(w.message) for w in doc.warnings)


def test_an_office_signing_below_the_table_is_no_unit_of_the_last_row():
    text = _INDICATORS.split("社会民生")[0] + "\n某区发展和改革委员会\n2022年7月20日\n"
    doc = _parse(text)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    assert _units(doc.tasks[2]) == (["区经委"], [])


# -- Rows left unread raise a sign ---------------------------------------------------------------------------

_ROWS = """某区2022年重点指标责任分解
一、主要指标
1、地区生产总值增长6%(责任部门:区发改委)
2、区级财政收入增长5%(责任部门:区财政局)
3、外资实际到位2亿美元
区商务委
区投促办
4、说明:以上指标均为年度目标。
"""


def _nodes(text: str):
    lines, _, _ = repaired_lines([(line, True) for line in text.splitlines()])
    return [n for n in Outline.read(lines).root.walk() if n.style == "num"]


def test_a_numbered_row_naming_units_that_no_clause_holds_raises_a_sign():
    doc = _parse(_ROWS)
    nodes = _nodes(_ROWS)
    # As a reader that took only the rows with a field would leave them: rows 3 and 4 unread.
    doc.tasks = doc.tasks[:2]
    signs = unread_rows(nodes[:2], doc)
    assert len(signs) == 1  # row 3, its unit lines; row 4 names no unit: a note, no sign
    assert "3、外资实际到位2亿美元" in signs[0].message and is_doubt(signs[0].message)


def test_rows_read_raise_no_sign():
    doc = _parse(_ROWS)
    assert not unread_rows(_nodes(_ROWS)[:4], doc)


# -- A register's item merged over its parts' rows -----------------------------------------------------------

_REGISTER = """2023年区政府民生实事项目目标任务与责任分解表

序号

项目

责任单位

建设内容

总投资

(万元)

{year}

目标进度

1

改善出行条件

区城建

服务中心

实施滨河路提升改造工程。

12000

二季度开工,年内完成工程量的60%。

区交通局

实施环城北路大修工程。

800.5

5月开工,

年内完工。

2

加强防汛排涝

区水利局

实施城北排涝泵站建设。

6500

8月底

具备运行条件

区综合行政

执法局

区市政中心

实施老城区管网改造。

2100

9月完工

3

建设口袋公园

区园林

服务中心

新建口袋公园5个。

912.6

4月开工,10月底前建成。
"""


def test_an_items_parts_are_one_clause_each():
    doc = _parse(_REGISTER.format(year="2023年"), year=2023)
    assert len(doc.tasks) == 5
    first, second, third, fourth, fifth = doc.tasks
    assert "实施滨河路" in first.text[:20]
    assert _units(first) == (["区城建服务中心"], [])
    assert _dates(first) == ["2023-06-30", "2023-12-31"]
    assert "实施环城北路" in second.text and _units(second) == (["区交通局"], [])
    assert _dates(second) == ["2023-05-31", "2023-12-31"]  # a schedule cell wrapped over two lines
    assert _units(third) == (["区水利局"], []) and _dates(third) == ["2023-08-31"]
    # A unit cell of two units, the first cut in two by its narrow cell: the first leads.
    assert _units(fourth) == (["区综合行政执法局"], ["区市政中心"]) and _dates(fourth) == ["2023-09-30"]
    # An item of one row: its 项目 cell names it.
    assert fifth.title == "建设口袋公园" and _units(fifth) == (["区园林服务中心"], [])
    assert set(_dates(fifth)) == {"2023-04-30", "2023-10-31"}


def test_the_same_register_with_a_plain_schedule_header():
    doc = _parse(_REGISTER.format(year="2023年度").replace("目标进度", "进度安排"), year=2023)
    assert [(_units(t)[0], _dates(t)[-1]) for t in doc.tasks] == [
        (["区城建服务中心"], "2023-12-31"),
        (["区交通局"], "2023-12-31"),
        (["区水利局"], "2023-08-31"),
        (["区综合行政执法局"], "2023-09-30"),
        (["区园林服务中心"], "2023-10-31"),
    ]


def test_a_register_of_single_rows_is_not_split():
    text = """2023年民生实事项目责任分解表
序号
项目
责任单位
建设内容
完成时限
1
改善出行条件
区交通局
实施滨河路提升改造工程,由区城管局配合做好沿线整治。
年内完工
2
建设口袋公园
区园林服务中心
新建口袋公园5个。
10月底前
"""
    doc = _parse(text, year=2023)
    assert [(t.label, _units(t)[0]) for t in doc.tasks] == [("1", ["区交通局"]), ("2", ["区园林服务中心"])]


# -- A unit's name a narrow cell cut; a year over a column's name ---------------------------------------------


def test_a_name_cut_mid_word_is_one_name():
    assert joined_wrapped_names(["区新兴产业", "服务中心"]) == ["区新兴产业服务中心"]
    assert joined_wrapped_names(["区综合行政", "执法局", "区公建中心"]) == ["区综合行政执法局", "区公建中心"]


def test_a_place_then_a_body_and_two_bodies_stay_apart():
    assert joined_wrapped_names(["江北区", "住建局"]) == ["江北区", "住建局"]
    assert joined_wrapped_names(["县发改局", "财政局"]) == ["县发改局", "财政局"]
    assert joined_wrapped_names(["慈城镇", "执法中队"]) == ["慈城镇", "执法中队"]


def test_a_year_over_a_schedule_columns_name_is_one_cell():
    assert wrapped_cell("2023年", "目标进度") == "2023年目标进度"
    assert wrapped_cell("2024年度", "进度安排") == "2024年度进度安排"
    assert wrapped_cell("2023年", "区住建局") is None  # a year, then a row's unit: two cells
