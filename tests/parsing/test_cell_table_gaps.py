"""A table a web page flattened a cell a line survives a serial that skips a deleted row (docs/parsing.md,
after round 44).

Written from a review of the reader's failure mode, not from a document. A row starts at its 序号 cell,
the next serial; a number past it started a row only where the cell after it reads as a task's
sentence (`_skips_to`). Where the row's first cell is a 类别 or a short task, a serial skipping one
(1, 2, 4: a row deleted, its serials kept) started no row: every later row ran into the row before
the gap as its cells, and their tasks were lost. A cell left empty on the page was already read (the
cells go under the columns that can hold them); a serial going back still starts no row. Each
document here is invented.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_bytes

_HEADER = "某县2025年重点工作任务分解表\n序号\n类别\n重点任务\n牵头单位\n配合单位\n完成时限\n"
_CLOSING = "\n各单位要加强协调，确保各项任务按期完成。\n"
_ROWS = {
    1: ("1", "城市建设", "推进城区雨污分流改造。", "县住建局", "县财政局", "2025年10月底"),
    2: ("2", "社会事业", "开展全民健身示范活动。", "县文体中心", "县教育局", "2025年8月底"),
    3: ("3", "社会事业", "建成县域医共体信息平台。", "县卫健委", "县数据局", "2025年12月底"),
    4: ("4", "交通建设", "完成农村公路安防工程120公里。", "县交通运输局", "县公安局", "2025年11月底"),
    5: ("5", "生态环保", "实施河道清淤整治工程。", "县水利局", "县生态环境分局", "2025年9月底"),
}


def _doc(*rows: tuple[str, ...], header: str = _HEADER) -> str:
    return header + "".join(f"{cell}\n" for row in rows for cell in row if cell) + _CLOSING


def _read(text: str):
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2025)
    return [
        (t.title, t.lead_units, t.co_units, [str(m.due_date) for m in t.milestones if m.kind == "deadline"][:1])
        for t in doc.tasks
    ]


_READ = {
    1: ("推进城区雨污分流改造", ["县住建局"], ["县财政局"], ["2025-10-31"]),
    2: ("开展全民健身示范活动", ["县文体中心"], ["县教育局"], ["2025-08-31"]),
    3: ("建成县域医共体信息平台", ["县卫健委"], ["县数据局"], ["2025-12-31"]),
    4: ("完成农村公路安防工程120公里", ["县交通运输局"], ["县公安局"], ["2025-11-30"]),
    5: ("实施河道清淤整治工程", ["县水利局"], ["县生态环境分局"], ["2025-09-30"]),
}


def test_a_complete_table_reads_as_before():
    assert _read(_doc(*(_ROWS[n] for n in (1, 2, 3, 4)))) == [_READ[n] for n in (1, 2, 3, 4)]


def test_a_row_with_a_cell_left_empty_keeps_the_cells_it_has_and_the_rows_after_it_still_read():
    # Row 2's 类别 and 配合单位 cells are empty on the page, so the flattened text drops them.
    row_2 = ("2", "", "开展全民健身示范活动。", "县文体中心", "", "2025年8月底")
    assert _read(_doc(_ROWS[1], row_2, _ROWS[3], _ROWS[4])) == [
        _READ[1],
        ("开展全民健身示范活动", ["县文体中心"], [], ["2025-08-31"]),
        _READ[3],
        _READ[4],
    ]


def test_a_serial_skipping_one_before_a_category_cell_continues_the_table():
    # Row 3 was deleted and the serials kept: 1, 2, 4, 5. Row 4 opens with its 类别 cell, no task's
    # sentence, which used to keep it (and row 5) in row 2's cells.
    assert _read(_doc(_ROWS[1], _ROWS[2], _ROWS[4], _ROWS[5])) == [_READ[n] for n in (1, 2, 4, 5)]


def test_a_serial_skipping_two_before_a_short_task_continues_the_table():
    # No 类别 column; rows 3 and 4 were deleted (1, 2, 5, 6) and row 5's task is too short to read
    # as a task's sentence on its own.
    header = "某县2025年重点工作任务分解表\n序号\n重点任务\n牵头单位\n配合单位\n完成时限\n"
    row_5 = ("5", "修缮老街", "县住建局", "县文旅局", "2025年9月底")
    row_6 = ("6", *_ROWS[5][2:])
    rows = (_ROWS[1][:1] + _ROWS[1][2:], _ROWS[2][:1] + _ROWS[2][2:], row_5, row_6)
    assert _read(_doc(*rows, header=header)) == [
        _READ[1],
        _READ[2],
        ("修缮老街", ["县住建局"], ["县文旅局"], ["2025-09-30"]),
        _READ[5],
    ]


def test_a_serial_going_back_starts_no_row():
    # 1, 2, 3, 2: the fourth row's number goes back, and it is no row of its own, as before.
    back = ("2", *_ROWS[4][1:])
    read = _read(_doc(_ROWS[1], _ROWS[2], _ROWS[3], back))
    assert [r[0] for r in read] == [_READ[n][0] for n in (1, 2, 3)]
    assert read[:2] == [_READ[1], _READ[2]]


def test_a_count_one_past_the_next_serial_starts_no_row():
    # A 数量 column: row 1's count 3 and row 2's count 4 run one and two past the next serial.
    header = "序号\n重点任务\n数量\n牵头单位\n完成时限\n"
    text = (
        header
        + "1\n新建口袋公园。\n3\n县住建局\n2025年10月底\n"
        + "2\n改造老旧小区。\n4\n县住建局\n2025年12月底\n"
        + "3\n建设公共停车场。\n5\n县交通运输局\n2025年9月底\n"
    )
    assert [(t, lead) for t, lead, _, _ in _read(text)] == [
        ("新建口袋公园", ["县住建局"]),
        ("改造老旧小区", ["县住建局"]),
        ("建设公共停车场", ["县交通运输局"]),
    ]
