"""Round 186's 民生实事 progress-register conventions (fixer g186): a `最新进度` column reports how the work stands
(its dates are no deadlines, as a 完成情况 cell's are), and a `|` stream with no 序号 column has rows as wide as
its header. Written in wordings the round's documents do not use, with near cases that must read otherwise."""

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.column_meanings import DUE, NOTE, meaning
from policy_tasks.parsing.width_rows import rows_by_width


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2024, assume_year=2026)


def test_a_latest_progress_column_is_a_report_not_a_due_column() -> None:
    assert meaning("最新进度(6月30日)") == NOTE
    assert meaning("最新进度") == NOTE
    assert meaning("进度安排") == DUE  # near case: a schedule is when the work is due
    assert meaning("计划进度") == DUE


_LATEST = """序号 |
实施内容 |
牵头单位 |
最新进度(6月30日) |
3 |
新建社区食堂6家。 |
商务局 |
已建成4家,其余2家10月底前完成。 |
"""


def test_a_date_in_the_latest_progress_cell_is_no_milestone() -> None:
    doc = _parse(_LATEST)
    assert [(t.label, t.lead_units) for t in doc.tasks] == [("3", ["商务局"])]
    assert not [m for m in doc.tasks[0].milestones if m.due_date and m.due_date.month == 10]


_PLANNED = _LATEST.replace("最新进度(6月30日)", "计划进度")


def test_a_planned_schedule_column_still_dates_the_row() -> None:
    doc = _parse(_PLANNED)
    assert any(m.due_date and m.due_date.month == 10 for m in doc.tasks[0].milestones)


_UNNUMBERED = """项目名称 |
建设内容 |
牵头单位 |
进展情况(6月) |
老旧小区加装电梯项目 |
完成加装电梯40台。 |
区住建局、区市场监管局 |
已完成加装电梯25台。 |
"""


def test_an_unnumbered_register_row_keeps_its_lead_cell() -> None:
    doc = _parse(_UNNUMBERED)
    assert [(t.label, t.lead_units) for t in doc.tasks] == [("1", ["区住建局", "区市场监管局"])]


def test_rows_by_width_needs_a_unit_cell_under_the_unit_column() -> None:
    header = ["项目名称", "建设内容", "牵头单位", "进展情况"]
    assert rows_by_width([*header, "加装电梯", "完成40台。", "区住建局", "已完成25台。"]) is not None
    # Near cases: cells left over, or a task where the unit cell belongs.
    assert rows_by_width([*header, "加装电梯", "完成40台。", "区住建局"]) is None
    assert rows_by_width([*header, "加装电梯", "完成40台。", "已完成25台。", "区住建局"]) is None
    # A header with a 序号 column is read by its serials (`pipe_tables._by_numbers`), never by width.
    assert rows_by_width(["序号", *header[1:], "1", "完成40台。", "区住建局", "已完成25台。"]) is None
