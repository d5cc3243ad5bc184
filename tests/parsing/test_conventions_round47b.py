"""Conventions met in blind round 47 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the document that showed it (a county office's
quarterly progress report on its county's 责任清单, a web table flattened a row a line). Its header's
cells were broken by runs of spaces inside a cell (`牵头  领导`); its person and unit columns stand in
the table's middle, long-text columns after them (工作评价, the quarter's 进展情况, the next quarter's
进度安排, 备注); a leader cell holds padded two-character names (`汪  峰   吴蓓蓓`); the extract keeps
the county list's serials (81, 85); a unit cell is written a unit a line; the next quarter's
schedule column dates its cells to that quarter's end. At the round's first look it was refused.
"""

from __future__ import annotations

import datetime as dt

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.broken_header_cells import rejoined_cells
from policy_tasks.parsing.column_meanings import NOTE, TITLE, meaning
from policy_tasks.parsing.period_columns import period_cells
from policy_tasks.parsing.person_cells import person_cell
from policy_tasks.parsing.progress_space_tables import progress_space_table
from policy_tasks.parsing.space_rows import space_header

_HEADER = (
    "序号 2022年重点工作任务 牵头  领导 牵头      责任单位 主体       责任单位 配合      责任单位 "
    "工作评价 2022年10-12月份进展情况 2023年1-3月份进度安排 备注"
)
_REPORT = (
    "某县2022年重点工作责任清单进展情况汇总表(第四季度)\n"
    + _HEADER
    + "\n"
    + "12 完善公共文化服务体系,新建农家书屋10个。 王  明   李华强 县文旅局 各乡镇\n"
    + "县经开区\n"
    + "县直有关单位 达到时序进度 新建农家书屋8个 完成剩余农家书屋建设\n"
    + "\n"
    + "30 举办群众文化活动50场以上。 李华强 县文旅局 有关乡镇 县直有关单位 已完成 举办活动56场 制定2023年群众文化活动计划并组织实施\n"
    + "以上为本单位第四季度工作进展情况。\n"
)


def _tasks(text: str = _REPORT):
    return parse_bytes(text.encode(), filename="report.txt", year=2022).tasks


def test_a_header_cell_broken_by_a_run_of_spaces_is_one_cell():
    assert rejoined_cells("序号 重点任务 牵头  领导 主体    责任单位") == [
        "序号",
        "重点任务",
        "牵头领导",
        "主体责任单位",
    ]
    words, _ = space_header(_HEADER)
    assert words[2:6] == ["牵头领导", "牵头责任单位", "主体责任单位", "配合责任单位"]


def test_pieces_that_make_no_header_word_together_stay_apart():
    assert rejoined_cells("序号 重点任务 甲  乙 责任单位") is None
    assert rejoined_cells("序号 重点任务 牵头单位 配合单位") is None  # no run inside a cell
    # Cells apart by runs throughout, each known: the header as it stands, nothing joined.
    assert space_header("序号  重点任务  牵头单位  配合单位")[0] == ["序号", "重点任务", "牵头单位", "配合单位"]


def test_the_work_evaluation_column_is_a_note():
    assert meaning("工作评价") == NOTE
    assert meaning("评价指标") == TITLE


def test_short_columns_in_the_middle_before_progress_columns():
    first, second = _tasks()
    assert first.title.startswith("完善公共文化服务体系")
    assert (first.lead_units, first.co_units) == (["县文旅局"], ["各乡镇", "县经开区", "县直有关单位"])
    assert (second.lead_units, second.co_units) == (["县文旅局"], ["有关乡镇", "县直有关单位"])
    # The evaluation and the quarter's progress are no task's words.
    assert "达到时序进度" not in first.title and "已完成" not in second.title


def test_a_long_column_of_task_words_after_the_units_is_no_progress_report():
    lines = [("序号 工作任务 牵头单位 具体措施 进展情况", True), ("1 建设书屋 县文旅局 新建10个 已完成", True)]
    assert progress_space_table(lines, 0) is None


def test_a_leader_cell_of_padded_names():
    assert person_cell("汪  峰   吴蓓蓓") == "汪峰、吴蓓蓓"
    assert person_cell("王  明   李  华") == "王明、李华"
    assert _tasks()[0].leaders == ["王明", "李华强"]


def test_a_lone_character_or_a_unit_is_no_leader():
    assert person_cell("县  文旅局") is None
    assert person_cell("县文旅局") is None


def test_an_extracts_serials_may_skip_the_rows_of_other_offices():
    assert [t.number for t in _tasks()] == [12, 30]


def test_a_whole_lists_serials_skip_a_few_rows_at_most():
    head = "序号 工作任务 牵头  领导 牵头  单位 工作评价 进展情况"
    rows = [
        "1 建设书屋。 王明 县文旅局 已完成 建成",
        "2 举办活动。 王明 县文旅局 已完成 举办",
        "9 修缮场馆。 王明 县文旅局 已完成 修缮",
    ]
    found = progress_space_table([(head, True), *((r, True) for r in rows)], 0)
    assert found is not None
    assert [r[0] for r in found[1].rows[1:]] == ["1", "2"]


def test_the_text_after_the_table_is_no_rows():
    second = _tasks()[1]
    assert "以上为本单位" not in second.title
    assert all("以上为本单位" not in m.text for m in second.milestones)


def test_the_next_quarters_schedule_dates_its_cells_to_the_quarters_end():
    first, second = _tasks()
    dated = [m for m in first.milestones if m.due_date == dt.date(2023, 3, 31)]
    assert len(dated) == 1 and "完成剩余农家书屋建设" in dated[0].text
    assert dt.date(2023, 3, 31) in [m.due_date for m in second.milestones]


def test_a_schedules_year_missing_or_miswritten_follows_the_period_before():
    headers = ["2022年10-12月份进展情况", "20223年1-3月份进度安排"]
    assert period_cells(["做了", "要做"], headers) == ["做了", "2023年1-3月:要做"]
    headers = ["2022年7-9月份进展情况", "10-12月份进度安排"]
    assert period_cells(["做了", "要做"], headers) == ["做了", "2022年10-12月:要做"]


def test_a_progress_column_and_a_schedule_naming_no_period_date_nothing():
    assert period_cells(["做了", "要做"], ["2022年10-12月份进展情况", "下步工作安排"]) == ["做了", "要做"]
