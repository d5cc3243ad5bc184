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
