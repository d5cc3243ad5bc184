"""Conventions met in blind round 109 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it. A page's own date on a line of
its own after its table or its last item (the day of the inspection it reports, of the notice), with no
deadline word, is the document's date, not the last row's deadline; a table flattened a cell a line whose
rows each fill a deadline cell, and a day with `前`, keep their reading. A 曝光 / 督查 page giving each
problem under a bracket heading holding its number (`【1月21日 问题一】`) over bracket fields: the heading
is the item, its `【点位名称】` its name, its `【主管单位】` / `【责任单位】` its units, its `【整改期限】` its
deadline, and the chat mention closing its request (`@市城管局 何凡`) the person addressed, a leader. Near
cases: 【】 as a plain title or a heading that numbers no problem, a field label alone, `@所有人`.
"""

from __future__ import annotations

from datetime import date

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.document import parse_source
from policy_tasks.parsing.problem_brackets import problem_brackets
from policy_tasks.parsing.sources import Source, Table


def _parse(text: str, year: int | None = None):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


def _dates(task) -> list[date | None]:
    return [m.due_date for m in task.milestones if m.kind != "ongoing"]


# --- a date line after the table or the last item ----------------------------------------------------

_ROWS = (
    ("序号", "点位名称", "存在问题", "责任单位", "备注"),
    ("1", "人民路", "沿街商户占道经营", "城管执法大队", ""),
    ("2", "人民路", "绿化带内垃圾未清理", "市环卫处", ""),
    ("3", "建设路", "路面破损积水", "市政工程处", ""),
)


def test_a_date_paragraph_after_a_table_is_the_documents_date():
    source = Source(
        kind="docx",
        filename="list.docx",
        blocks=["某市创卫检查点位问题汇总表", "督查时间:2024年 5 月 8日", Table(_ROWS), "2024年5月8日"],
    )
    doc = parse_source(source, assume_year=2026)
    assert [t.label for t in doc.tasks] == ["1", "2", "3"]
    assert [list(t.lead_units) for t in doc.tasks] == [["城管执法大队"], ["市环卫处"], ["市政工程处"]]
    assert all(_dates(t) == [] for t in doc.tasks)  # the table has no deadline column
    assert "2024年5月8日" not in doc.tasks[-1].text
    assert doc.issued_on == date(2024, 5, 8)


_NUMBERED = """某街道环境卫生问题交办单
现将检查发现的问题交办如下:
1.幸福小区内垃圾清理不及时。责任单位:东城社区。
2.和平路沿线乱贴小广告。责任单位:西城社区。
{gap}2024年6月3日
"""


def test_a_date_line_after_the_last_item_dates_the_notice():
    for gap in ("", "\n"):
        doc = _parse(_NUMBERED.format(gap=gap))
        assert [list(t.lead_units) for t in doc.tasks] == [["东城社区"], ["西城社区"]]
        assert [_dates(t) for t in doc.tasks] == [[], []]
        assert doc.issued_on == date(2024, 6, 3)


def test_a_day_with_a_deadline_word_after_the_list_stays_a_deadline():
    doc = _parse(_NUMBERED.format(gap="").replace("2024年6月3日", "2024年6月30日前"))
    assert _dates(doc.tasks[-1]) == [date(2024, 6, 30)]


_CELLS = """某街道问题整改清单
1.幸福小区内无防鼠设施
东城社区、西城社区
2024年5月30日
2.和平路沿线乱贴小广告
西城社区、南城社区
2024年6月30日
"""


def test_a_flattened_tables_deadline_cells_keep_their_reading():
    # Every row fills its deadline cell: the last row's day is its cell too, as before.
    doc = _parse(_CELLS)
    assert [_dates(t) for t in doc.tasks] == [[date(2024, 5, 30)], [date(2024, 6, 30)]]


def test_an_item_with_a_deadline_field_keeps_the_last_days_reading():
    text = _NUMBERED.format(gap="").replace("东城社区。", "东城社区。完成时限:2024年5月30日")
    doc = _parse(text)
    assert [_dates(t) for t in doc.tasks] == [[date(2024, 5, 30)], [date(2024, 6, 3)]]


# --- problems under bracket headings -------------------------------------------------------------------

_EXPOSED = """我局对突出生态环境问题进行公开曝光,希望被曝光单位确保整改到位。
【3月5日 问题一】
【点位名称】滨河路沿线道路积尘
【所属区域】东湖区
【位置】滨河路至建设路路段
【主管单位】市城管局
【存在问题】
此路段道路积尘严重,车过尘起。
【整改要求】
加大冲洗频次,保持路面干净清洁。
【整改期限】立行立改
请市城管局开展现场调查,并将处理情况在群里报告。@市城管局 李明
"""


def test_a_bracketed_problem_is_one_item_with_its_fields():
    doc = _parse(_EXPOSED)
    [task] = doc.tasks
    assert task.label == "一" and task.title.startswith("滨河路沿线道路积尘")
    assert (list(task.lead_units), list(task.co_units)) == (["市城管局"], [])  # the district only places it
    assert list(task.leaders) == ["李明"]  # the person the request is addressed to
    assert _dates(task) == []  # `立行立改` and the day of exposure date nothing
    assert "车过尘起" in task.text and "@" not in task.text


_TWO = """突出环境问题曝光台
【问题1】
【点位名称】某工地扬尘
【主管单位】市住建局
【责任单位】东湖区政府
【存在问题】工地裸土未覆盖。
【整改要求】
1.立即覆盖裸土;
2.加强洒水降尘。
【整改期限】2024年3月16日前整改完毕
【问题2】
【点位名称】某河段岸边垃圾
【责任单位】市城管局
【存在问题】河岸堆放生活垃圾。
【整改期限】2024年3月20日前
请各单位按期整改。@所有人
"""


def test_several_problems_with_their_units_and_deadlines():
    doc = _parse(_TWO)
    assert [t.label for t in doc.tasks] == ["1", "2"]  # a requirement numbered inside a field opens no item
    first, second = doc.tasks
    # Beside a 责任单位 the office in charge helps, as a 主管部门 column does.
    assert (list(first.lead_units), list(first.co_units)) == (["东湖区政府"], ["市住建局"])
    assert _dates(first) == [date(2024, 3, 16)] and _dates(second) == [date(2024, 3, 20)]
    assert list(second.leaders) == []  # `@所有人` is the whole group


def test_brackets_that_number_no_problem_are_left_as_they_are():
    lines = [
        ("【工作动态】", True),
        ("【公共设施】", True),
        ("【问题描述】道路积尘。", True),
        ("【典型案例一】", True),
        ("1.市城管局开展道路清扫专项行动。", True),
    ]
    assert problem_brackets(lines) == lines
    doc = _parse("某市环境整治简报\n【工作动态】\n1.市城管局开展道路清扫专项行动。\n责任单位:市城管局\n")
    assert [(t.label, list(t.lead_units)) for t in doc.tasks] == [("1", ["市城管局"])]
