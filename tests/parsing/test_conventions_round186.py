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


_BARE_CELLS = """序号
工作任务(为民办实事)
牵头单位
负责科室
负责人
计划完成时间
进展情况(上半年)
1
新增社区助餐点8个
区商务局
市场科
张某
9月底前
已建成助餐点5个。
2
建成启用区级康复服务中心
目前正在进行内部装修。
3
新增家庭养老床位200张
已完成家庭养老床位120张。
"""


def test_a_bare_cell_register_keeps_its_merged_cells_and_its_progress_apart() -> None:
    doc = _parse(_BARE_CELLS)
    assert [(t.label, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("1", ["区商务局"], ["市场科"]),
        ("2", ["区商务局"], ["市场科"]),  # `建成启用…中心`: a task, no unit's name
        ("3", ["区商务局"], ["市场科"]),
    ]
    # The merged 计划完成时间 governs the rows below; the progress sentence is no deadline cell.
    assert [{str(m.due_date) for m in t.milestones if m.due_date} for t in doc.tasks] == [{"2024-09-30"}] * 3
    assert not any("装修" in m.text for m in doc.tasks[1].milestones)


def test_a_header_cell_keeps_its_name_before_a_bracketed_qualifier() -> None:
    from policy_tasks.parsing.column_meanings import bare_header

    assert bare_header("重点工作任务(民生实事项目)") == "重点工作任务"
    assert bare_header("进展情况(一季度)") == "进展情况"
    assert bare_header("牵头单位") == "牵头单位"


def test_a_unit_name_never_opens_with_a_finishing_verb() -> None:
    from policy_tasks.parsing.unit_names import looks_like_units

    assert not looks_like_units("建成启用区级康复服务中心")
    assert not looks_like_units("完成县应急广播指挥中心")
    # Near cases: a remit or a place opening with the same characters still names a unit.
    assert looks_like_units("建设局")
    assert looks_like_units("区残疾人服务中心")
