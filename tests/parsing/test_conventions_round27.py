"""Conventions met in blind round 27 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (青浦's 2008 区政府重点工作
责任单位表 and 双牌工业集中区's 部室 list of 2019). At the round's first look the parser found no row of
a task table flattened a cell a line whose 序号 cells are all empty, and read an office's heading with
the names it also acts under in brackets as a clause whose bracket lists its units.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.alias_headings import alias_heading


def _rows(text: str, year: int = 2024) -> list[tuple[str, list[str], list[str]]]:
    doc = parse_bytes(text.encode(), filename="doc.txt", year=year)
    return [(t.title, t.lead_units, t.co_units) for t in doc.tasks]


# Only the headings carry numbers; each row is its task, its 责任单位 and its 配合单位 (missing when empty).
_UNNUMBERED_ROWS = """某区人民政府办公室关于对2024年区政府重点工作进行督查的通知

  3、各责任单位在2025年1月底前上报年终报告。

  附件:
  2024年度区政府重点工作责任单位表

序号

重点工作内容

责任单位

配合单位

一、关于推进城市更新

(1)加快老旧小区改造。

完成老旧小区改造30个。

区住建委

各街道、区财政局

推进东湖片区环境整治。

东湖街道

区城管局

(2)提升公共服务水平。

新建社区食堂5家。

区民政局

<空>

推进区图书馆新馆建设。

区文旅局

区建管委、城投公司
""".replace("<空>", " ")  # the empty 配合单位 cell, stored as a line holding one space


def test_rows_of_a_table_whose_序号_cells_are_empty_are_the_clauses():
    assert _rows(_UNNUMBERED_ROWS) == [
        # The notice's point charging the table's role is a clause too (round 101's rule, settled in session 30).
        ("各责任单位在2025年1月底前上报年终报告", ["各责任单位"], []),
        ("完成老旧小区改造30个", ["区住建委"], ["各街道", "区财政局"]),
        ("推进东湖片区环境整治", ["东湖街道"], ["区城管局"]),
        ("新建社区食堂5家", ["区民政局"], []),
        ("推进区图书馆新馆建设", ["区文旅局"], ["区建管委", "城投公司"]),
    ]


def test_the_headings_are_no_clauses_and_the_notices_point_charging_the_role_is_one():
    """Round 27 read the notice's point as no clause; round 101's rule (session 30) makes a covering notice's
    requirement charging the breakdown's role a clause, dated by its report."""
    doc = parse_bytes(_UNNUMBERED_ROWS.encode(), filename="doc.txt", year=2024)
    titles = [t.title for t in doc.tasks]
    assert not any("城市更新" in t or "公共服务" in t for t in titles)
    point = doc.tasks[0]
    assert "年终报告" in point.title and list(point.lead_units) == ["各责任单位"]
    assert [m.due_date for m in point.milestones if m.time_expression] == [date(2025, 1, 31)]


def test_a_numbered_table_a_cell_a_line_is_still_read_by_its_serials():
    text = "\n".join(
        [
            "序号",
            "重点工作内容",
            "责任单位",
            "配合单位",
            "1",
            "完成老旧小区改造30个。",
            "区住建委",
            "区财政局",
            "2",
            "推进东湖片区环境整治。",
            "东湖街道",
            "区城管局",
        ]
    )
    assert _rows(text) == [
        ("完成老旧小区改造30个", ["区住建委"], ["区财政局"]),
        ("推进东湖片区环境整治", ["东湖街道"], ["区城管局"]),
    ]


# A park's offices, each heading its yearly tasks; an office that also acts as others names them in brackets.
_OFFICES = """某县工业园区部室工作职责
(一)综合办公室(党政办、财务室)
(1)年度主要任务与要求:
①做好园区宣传工作;②年底前完成园区绩效考核材料汇总;③完成领导交办的其他工作。
(二)规划建设局(安全生产监督局)
(1)年度主要任务与要求:
①6月底前完成标准厂房二期主体工程;②落实安全生产措施,防止安全事故发生。
"""


def test_an_office_heading_with_its_other_names_in_brackets_leads_every_item_below():
    doc = parse_bytes(_OFFICES.encode(), filename="doc.txt", year=2024)
    assert [(t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("做好园区宣传工作", ["综合办公室"], []),
        ("年底前完成园区绩效考核材料汇总", ["综合办公室"], []),
        ("完成领导交办的其他工作", ["综合办公室"], []),
        ("6月底前完成标准厂房二期主体工程", ["规划建设局"], []),
        ("落实安全生产措施,防止安全事故发生", ["规划建设局"], []),
    ]
    dates = [[m.due_date for m in t.milestones if m.due_date] for t in doc.tasks]
    assert dates[1] == [date(2024, 12, 31)]
    assert dates[3] == [date(2024, 6, 30)]


def test_only_a_bracket_of_office_names_makes_a_heading_a_name():
    assert alias_heading("综合办公室(党政办、财务室)")
    assert alias_heading("工程建设管理局(安全生产监督局)")
    assert not alias_heading("加强组织领导(牵头单位:区委办)")  # a label, not names
    assert not alias_heading("推进园区管理体制改革(管委会办公室)")  # a goal, an office after it
    assert not alias_heading("综合办公室")  # no bracket: a bare office is left as it was


def test_pieces_written_are_a_count_a_yearly_target_states():
    # `篇` counts pieces as `件` counts items: with its own 全年 the part is dated without a cue word.
    text = "某园区部室任务\n1.全年在市级以上媒体上稿2篇以上。(综合办公室)\n2.做好日常接待工作。(综合办公室)\n"
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2024)
    assert [[m.due_date for m in t.milestones if m.due_date] for t in doc.tasks] == [[date(2024, 12, 31)], []]
