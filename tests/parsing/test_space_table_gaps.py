"""A table a web page flattened a row a line with single spaces between cells survives a row it
cannot complete (docs/parsing.md, after round 44).

Written from a review of the reader's failure mode, not from a document: a row whose unit cell the
page left empty, or whose serial skips one because a row was deleted, used to end the table, and
every row after it was lost. So did a cell broken across lines (a `<br>` in the web cell), whose
rest stood on a line that is no row; and a table with a column of notes last still stopped at a
row it could not read or a skipped serial. Each document here is invented.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes


def _parse(text: str, year: int = 2025):
    return parse_bytes(text.encode(), filename="doc.txt", year=year)


_HEADER = "某县2025年重点工作任务分解表\n序号 重点任务 牵头单位 配合单位 完成时限\n"
_ROW_1 = "1 推进城区雨污分流改造。 县住建局 县财政局 2025年10月底\n"
_ROW_3 = "3 建成县域医共体信息平台。 县卫健委 县数据局 2025年12月底\n"
_ROW_4 = "4 完成农村公路安防工程120公里。 县交通运输局 县公安局 2025年11月底\n"


def _read(doc):
    return [
        (t.title, t.lead_units, t.co_units, [str(m.due_date) for m in t.milestones if m.kind == "deadline"])
        for t in doc.tasks
    ]


def test_a_row_with_its_unit_cells_empty_is_kept_and_the_rows_after_it_still_read():
    doc = _parse(_HEADER + _ROW_1 + "2 开展全民健身示范活动。 2025年8月底\n" + _ROW_3 + _ROW_4)
    assert _read(doc) == [
        ("推进城区雨污分流改造", ["县住建局"], ["县财政局"], ["2025-10-31"]),
        # No unit on the page: a clause with no units (the review page flags it), its date kept.
        ("开展全民健身示范活动", [], [], ["2025-08-31"]),
        ("建成县域医共体信息平台", ["县卫健委"], ["县数据局"], ["2025-12-31"]),
        ("完成农村公路安防工程120公里", ["县交通运输局"], ["县公安局"], ["2025-11-30"]),
    ]


def test_a_row_with_its_lead_cell_alone_keeps_it_as_the_lead():
    doc = _parse(_HEADER + _ROW_1 + "2 开展全民健身示范活动。 县文体中心\n" + _ROW_3)
    assert [(t.lead_units, t.co_units) for t in doc.tasks] == [
        (["县住建局"], ["县财政局"]),
        (["县文体中心"], []),
        (["县卫健委"], ["县数据局"]),
    ]


def test_a_short_row_fills_no_unit_column_with_the_task_s_own_words():
    # Three words after the serial, as many as the short columns, none naming a unit or a date: all
    # the task's.
    doc = _parse(_HEADER + _ROW_1 + "2 开展 全民健身 示范活动\n" + _ROW_3)
    tasks = doc.tasks
    assert len(tasks) == 3
    assert (tasks[1].lead_units, tasks[1].co_units) == ([], [])
    assert "示范活动" in tasks[1].title and "全民健身" in tasks[1].title
    assert (tasks[2].lead_units, tasks[2].co_units) == (["县卫健委"], ["县数据局"])


def test_a_serial_that_skips_one_before_a_well_formed_row_continues_the_table():
    doc = _parse(_HEADER + _ROW_1 + "2 开展全民健身示范活动。 县文体中心 县教育局 2025年8月底\n" + _ROW_4)
    assert _read(doc) == [
        ("推进城区雨污分流改造", ["县住建局"], ["县财政局"], ["2025-10-31"]),
        ("开展全民健身示范活动", ["县文体中心"], ["县教育局"], ["2025-08-31"]),
        ("完成农村公路安防工程120公里", ["县交通运输局"], ["县公安局"], ["2025-11-30"]),
    ]


def test_a_serial_going_back_still_ends_the_table():
    doc = _parse(
        _HEADER
        + _ROW_1
        + "2 开展全民健身示范活动。 县文体中心 县教育局 2025年8月底\n"
        + "1 建成县域医共体信息平台。 县卫健委 县数据局 2025年12月底\n"
    )
    assert [(t.title, t.lead_units) for t in doc.tasks] == [
        ("推进城区雨污分流改造", ["县住建局"]),
        ("开展全民健身示范活动", ["县文体中心"]),
    ]


def test_a_complete_table_reads_as_before():
    doc = _parse(_HEADER + _ROW_1 + "2 开展全民健身示范活动。 县文体中心 县教育局 2025年8月底\n" + _ROW_3)
    assert _read(doc) == [
        ("推进城区雨污分流改造", ["县住建局"], ["县财政局"], ["2025-10-31"]),
        ("开展全民健身示范活动", ["县文体中心"], ["县教育局"], ["2025-08-31"]),
        ("建成县域医共体信息平台", ["县卫健委"], ["县数据局"], ["2025-12-31"]),
    ]


# A break in a cell (a `<br>` in the web cell) carries the rest of the cell below the row's line.


def test_a_task_cell_broken_across_lines_mid_table_is_joined_and_the_rows_after_it_still_read():
    doc = _parse(_HEADER + _ROW_1 + "2 开展全民健身\n示范活动。 县文体中心 县教育局 2025年8月底\n" + _ROW_3 + _ROW_4)
    assert _read(doc) == [
        ("推进城区雨污分流改造", ["县住建局"], ["县财政局"], ["2025-10-31"]),
        ("开展全民健身示范活动", ["县文体中心"], ["县教育局"], ["2025-08-31"]),
        ("建成县域医共体信息平台", ["县卫健委"], ["县数据局"], ["2025-12-31"]),
        ("完成农村公路安防工程120公里", ["县交通运输局"], ["县公安局"], ["2025-11-30"]),
    ]


def test_the_rest_of_a_task_cell_below_a_full_row_is_the_task_s_text():
    doc = _parse(_HEADER + _ROW_1 + "2 开展全民健身 县文体中心 县教育局 2025年8月底\n示范活动。\n" + _ROW_3)
    assert _read(doc) == [
        ("推进城区雨污分流改造", ["县住建局"], ["县财政局"], ["2025-10-31"]),
        ("开展全民健身示范活动", ["县文体中心"], ["县教育局"], ["2025-08-31"]),
        ("建成县域医共体信息平台", ["县卫健委"], ["县数据局"], ["2025-12-31"]),
    ]


def test_a_broken_row_before_a_heading_row_keeps_the_group_under_it():
    doc = _parse(
        _HEADER
        + _ROW_1
        + "2 开展全民健身 县文体中心 县教育局 2025年8月底\n示范活动。\n二、民生保障\n"
        + "1 建成县域医共体信息平台。 县卫健委 县数据局 2025年12月底\n"
    )
    assert [(t.title, t.lead_units) for t in doc.tasks] == [
        ("推进城区雨污分流改造", ["县住建局"]),
        ("开展全民健身示范活动", ["县文体中心"]),
        ("建成县域医共体信息平台", ["县卫健委"]),
    ]


_UNITS_LAST = "某县重点工作任务分解表\n序号 重点任务 牵头单位 配合单位\n"


def test_a_unit_cell_broken_across_lines_keeps_its_units():
    doc = _parse(
        _UNITS_LAST
        + "1 推进城区雨污分流改造。 县住建局 县财政局\n"
        + "2 开展全民健身示范活动。 县文体中心 县教育局\n县卫健委\n"
        + "3 建成县域医共体信息平台。 县卫健委 县数据局\n"
    )
    assert [(t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("推进城区雨污分流改造", ["县住建局"], ["县财政局"]),
        ("开展全民健身示范活动", ["县文体中心"], ["县教育局", "县卫健委"]),
        ("建成县域医共体信息平台", ["县卫健委"], ["县数据局"]),
    ]


def test_a_line_after_the_last_row_with_prose_after_it_ends_the_table():
    doc = _parse(
        _HEADER
        + _ROW_1
        + "2 开展全民健身示范活动。 县文体中心 县教育局 2025年8月底\n"
        + "各单位要高度重视,确保按期完成。\n"
        + "请于每月底前报送工作进展情况。\n"
    )
    assert _read(doc) == [
        ("推进城区雨污分流改造", ["县住建局"], ["县财政局"], ["2025-10-31"]),
        ("开展全民健身示范活动", ["县文体中心"], ["县教育局"], ["2025-08-31"]),
    ]
    assert all("高度重视" not in t.text for t in doc.tasks)


# A table with a column of notes last (noted_space_tables) survives the same rows.

_NOTED = "某区2025年政府工作报告目标任务上半年推进情况\n序号 目标任务 牵头单位 配合单位 上半年推进情况\n"
_NOTED_1 = "1 地区生产总值增长6%以上。 区发展改革委 区统计局 地区生产总值同比增长2.9%。\n"
_NOTED_3 = "3 城镇新增就业1.2万人。 区人力社保局 区财政局 城镇新增就业0.7万人。\n"
_NOTED_4 = "4 城乡居民收入增长6%。 区统计局 区财政局 城乡居民收入同比增长5.1%。\n"


def _units(doc):
    return [(t.title, t.lead_units, t.co_units) for t in doc.tasks]


def test_a_noted_table_keeps_a_row_whose_unit_cells_it_cannot_find_and_the_rows_after_it():
    doc = _parse(_NOTED + _NOTED_1 + "2 第一产业增加值增长5%。 区农业农村委 第一产业增加值同比增长3.4%。\n" + _NOTED_3)
    assert _units(doc) == [
        ("地区生产总值增长6%以上", ["区发展改革委"], ["区统计局"]),
        ("第一产业增加值增长5%", ["区农业农村委"], []),
        ("城镇新增就业1.2万人", ["区人力社保局"], ["区财政局"]),
    ]


def test_a_noted_row_with_no_unit_keeps_its_note_out_of_the_task():
    doc = _parse(_NOTED + _NOTED_1 + "2 第一产业增加值增长5%。 第一产业增加值同比增长3.4%。\n" + _NOTED_3)
    assert _units(doc)[1:] == [
        ("第一产业增加值增长5%", [], []),
        ("城镇新增就业1.2万人", ["区人力社保局"], ["区财政局"]),
    ]
    assert "3.4" not in doc.tasks[1].text


def test_a_noted_table_goes_on_past_a_serial_that_skips_one():
    doc = _parse(_NOTED + _NOTED_1 + _NOTED_3 + _NOTED_4)
    assert _units(doc) == [
        ("地区生产总值增长6%以上", ["区发展改革委"], ["区统计局"]),
        ("城镇新增就业1.2万人", ["区人力社保局"], ["区财政局"]),
        ("城乡居民收入增长6%", ["区统计局"], ["区财政局"]),
    ]
