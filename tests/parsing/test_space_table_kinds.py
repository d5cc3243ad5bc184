"""A table a web page flattened a row a line with spaces between cells: a row's words fill the
header's columns by kind, an empty cell dropped or kept as a second space (docs/parsing.md, the
spaced tables after round 60; `spaced_row_cells.py`).

Written from the table swaps (`tests/sources/test_table_swaps.py`, layouts `spaced` and
`spaced-kept`), not from a document: each document here is invented.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes


def _read(text: str):
    doc = parse_bytes(text.encode(), filename="doc.txt", year=2025)
    return [
        (t.title, t.lead_units, t.co_units, [str(m.due_date) for m in t.milestones if m.kind == "deadline"])
        for t in doc.tasks
    ]


_HEADER = "某县2025年重点工作任务分解表\n序号 重点任务 牵头单位 配合单位 完成时限\n"


def test_a_first_row_whose_help_and_time_cells_are_empty_starts_the_table():
    # Dropped: the first row holds its task and its lead unit only.
    assert _read(
        _HEADER + "1 推进城区雨污分流改造。 县住建局\n2 建成县域医共体信息平台。 县卫健委 县数据局 2025年12月底\n"
    ) == [
        ("推进城区雨污分流改造", ["县住建局"], [], []),
        ("建成县域医共体信息平台", ["县卫健委"], ["县数据局"], ["2025-12-31"]),
    ]


def test_a_dropped_help_cell_leaves_the_date_in_its_column_under_a_task_with_spaces():
    # The task's own spaces would put its last words in the unit columns if read by position.
    assert _read(_HEADER + "1 推进 城区雨污分流改造。 县住建局 2025年10月底\n") == [
        ("推进 城区雨污分流改造", ["县住建局"], [], ["2025-10-31"]),
    ]


def test_an_empty_lead_cell_kept_as_a_second_space_holds_its_column():
    rows = "1 推进城区雨污分流改造。 县住建局 县财政局 2025年10月底\n2 开展全民健身示范活动。  县文体中心 2025年8月底\n"
    assert _read(_HEADER + rows)[1] == ("开展全民健身示范活动", [], ["县文体中心"], ["2025-08-31"])


def test_a_time_cell_that_reads_as_ongoing_is_the_time_column_s():
    assert _read(_HEADER + "1 推进城区雨污分流改造。 县住建局 长期坚持\n")[0][:3] == (
        "推进城区雨污分流改造",
        ["县住建局"],
        [],
    )


def test_a_leader_column_takes_the_persons():
    header = "某县2025年重点工作任务分解表\n序号 任务内容 责任领导 牵头单位 配合单位 时限要求\n"
    doc = parse_bytes(
        (header + "1 推进城区雨污分流改造。 张明、李华 县住建局 2025年10月底\n").encode(), filename="d.txt", year=2025
    )
    task = doc.tasks[0]
    assert (task.lead_units, task.co_units) == (["县住建局"], [])
    assert task.leaders == ["张明", "李华"]


def test_headings_closed_by_a_colon_and_short_numbered_headings_group_the_rows():
    text = (
        _HEADER
        + "一、优化政务服务\n"
        + "(一)提升线上服务。加强系统集成、资源共享和业务协同,提升用户体验。具体措施:\n"
        + "1 推进区级政务服务事项网上办理。 县政务中心 县数据局\n"
        + "1.专项整改问题\n"
        + "2 整改基层信访积案。 县信访局 各乡镇\n"
    )
    assert [r[:3] for r in _read(text)] == [
        ("推进区级政务服务事项网上办理", ["县政务中心"], ["县数据局"]),
        ("整改基层信访积案", ["县信访局"], ["各乡镇"]),
    ]


def test_a_unit_cell_that_says_the_roles_in_words_is_the_unit_column_s():
    header = "某县2025年重点工作任务分解表\n序号 重点任务 责任单位 完成时限\n"
    rows = "1 推进城区雨污分流改造。 县住建局牵头,县财政局配合 2025年10月底\n2 开展全民健身示范活动。 县文体中心负责\n"
    assert [r[:3] for r in _read(header + rows)] == [
        ("推进城区雨污分流改造", ["县住建局"], ["县财政局"]),
        ("开展全民健身示范活动", ["县文体中心"], []),
    ]


def test_an_extract_that_keeps_a_larger_list_s_serials_goes_on_past_a_bigger_skip():
    # A unit's rows of the county's list keep their numbers there (12, 26, 42).
    rows = (
        "12 推进城区雨污分流改造。 县住建局 县财政局 2025年10月底\n"
        "26 建成县域医共体信息平台。 县卫健委\n"
        "42 完成农村公路安防工程120公里。 县交通运输局 县公安局 2025年11月底\n"
    )
    assert [r[1:3] for r in _read(_HEADER + rows)] == [
        (["县住建局"], ["县财政局"]),
        (["县卫健委"], []),
        (["县交通运输局"], ["县公安局"]),
    ]


@pytest.mark.parametrize("serials", [("1.", "2."), ("一", "二"), ("(一)", "(二)")])
def test_a_serial_written_as_offices_write_it_opens_its_row(serials):
    rows = (
        f"{serials[0]} 推进城区雨污分流改造。 县住建局 县财政局 2025年10月底\n"
        f"{serials[1]} 建成县域医共体信息平台。 县卫健委\n"
    )
    assert [r[1:3] for r in _read(_HEADER + rows)] == [(["县住建局"], ["县财政局"]), (["县卫健委"], [])]


def test_rows_numbered_one_two_under_a_bracketed_heading_above_the_table_are_its_items():
    # As a .docx table under a `(十)…` paragraph (`tables.table_lines`, `above`): counted under it.
    text = (
        "某县2025年重点工作任务分解表\n(十)提升城市品质\n序号 重点任务 牵头单位 配合单位 完成时限\n"
        "一 推进城区雨污分流改造。 县住建局 县财政局 2025年10月底\n二 建成城区口袋公园12个。 县住建局\n"
    )
    assert [r[1:3] for r in _read(text)] == [(["县住建局"], ["县财政局"]), (["县住建局"], [])]


def test_one_unit_list_written_a_name_a_line_keeps_all_its_names():
    header = "某县2025年重点工作任务分解表\n序号 主要任务 责任单位 完成时限\n"
    rows = "1 推进城区雨污分流改造。 县住建局 县财政局 县水务局\n2 建成县域医共体信息平台。 县卫健委 县数据局 2025年12月底\n"
    assert [r[1:3] for r in _read(header + rows)] == [
        (["县住建局"], ["县财政局", "县水务局"]),
        (["县卫健委"], ["县数据局"]),
    ]
