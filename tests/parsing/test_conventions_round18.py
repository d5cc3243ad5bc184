"""Conventions met in blind round 18 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it. Six of them failed at
the round's first look (淮南, 通州, 上虞, 天津 2021); the parser's fixes of the same session read them all.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document


def test_items_numbered_afresh_under_group_headings_each_with_a_progress_line_are_the_clauses():
    # A progress report: `(一)已完成…` / `(二)已开工…` group the items, numbering restarts
    # under each; each item closes with its unit bracket and is followed by a `推进情况:` line.
    # The items are the clauses, the group headings none; the progress line names no unit.
    doc = parse_document(
        "某州2024年度十件民生实事1-6月推进情况\n"
        "(一)已完成任务共2项\n"
        "1.新增城镇就业8000人。(责任单位:州人社局)\n"
        "推进情况:目前累计新增城镇就业8210人,完成年度任务的102.6%。\n"
        "2.改造农村危房300户。(责任单位:州住建局)\n"
        "推进情况:已完成改造300户,州民政局配合开展核查。\n"
        "(二)已开工建设任务共3项\n"
        "1.新建公办幼儿园5所。(责任单位:州教育局)\n"
        "推进情况:5所幼儿园均已进场施工。\n"
        "2.改造供水管网40公里。(责任单位:州水务局)\n"
        "推进情况:目前已完成18公里。\n"
    )
    assert [(t.title[:6], t.lead_units, t.co_units) for t in doc.tasks] == [
        ("新增城镇就业", ["州人社局"], []),
        ("改造农村危房", ["州住建局"], []),
        ("新建公办幼儿", ["州教育局"], []),
        ("改造供水管网", ["州水务局"], []),
    ]


def test_units_a_cell_separates_by_single_spaces_are_each_a_unit_of_that_column():
    # A 牵头单位 cell of a web table flattened a cell a line (` |` after each cell) may separate
    # its names by `、` and by single spaces alike: each name is a lead unit.
    doc = parse_document(
        "某局2024年重点任务上半年落实情况\n"
        "序号 |\n主要任务 |\n牵头单位 |\n落实情况 |\n"
        "1 |\n推进公共机构节能降碳。 |\n市发改委、市住建局 市机关事务局 |\n已完成年度节能目标的60%。 |\n"
        "2 |\n做好公务用车保障。 |\n市机关事务局 市公安局 |\n出车1200批次。 |\n"
    )
    assert [(t.number, t.lead_units, t.co_units) for t in doc.tasks] == [
        (1, ["市发改委", "市住建局", "市机关事务局"], []),
        (2, ["市机关事务局", "市公安局"], []),
    ]


def test_serials_a_report_keeps_from_its_larger_list_each_start_a_row():
    # A bureau's report lists the rows of the city's whole task list it shares in, under their
    # numbers in that list (37, 112): each 序号 cell starts a row even when it skips numbers.
    doc = parse_document(
        "某局2024年《政府工作报告》主要任务上半年落实情况\n"
        "序号 |\n主要任务 |\n牵头单位 |\n落实情况 |\n"
        "37 |\n推进公共机构节能降碳。 |\n市发改委、市机关事务局 |\n已完成年度节能目标的60%。 |\n"
        "112 |\n做好公务用车保障。 |\n市机关事务局 市公安局 |\n出车1200批次。 |\n"
    )
    assert [(t.number, t.lead_units) for t in doc.tasks] == [
        (37, ["市发改委", "市机关事务局"]),
        (112, ["市机关事务局", "市公安局"]),
    ]


def test_a_count_cell_in_a_row_that_skips_serials_starts_no_row():
    # The same skipping serials beside a 数量 column: a count, bigger than the serial as it may be,
    # comes before its row's cells are all there, so it is no 序号; a row with an empty cell dropped
    # still ends where the next serial comes.
    doc = parse_document(
        "某局2024年民生实事项目推进情况\n"
        "序号 |\n项目名称 |\n数量(个) |\n牵头单位 |\n推进情况 |\n"
        "5 |\n新建公办幼儿园。 |\n12 |\n市教育局 |\n已开工8所。 |\n"
        "9 |\n新建口袋公园。 |\n30 |\n市城管局 |\n已建成20个,另有15个在建。 |\n"
        "14 |\n改造老旧小区。 |\n市住建局 |\n已完成40个。 |\n"
    )
    assert [(t.number, t.title[:6], t.lead_units) for t in doc.tasks] == [
        (5, "新建公办幼儿", ["市教育局"]),
        (9, "新建口袋公园", ["市城管局"]),
        (14, "改造老旧小区", ["市住建局"]),
    ]


def test_unnumbered_items_each_followed_by_label_lines_are_one_clause_each():
    # Items with no number, each a line of its own followed by `责任单位:…` and `完成期限:…`:
    # one clause per item, with its unit and its deadline; the page's other lines are none.
    doc = parse_document(
        "《2024年某区重要民生实事项目》中的养老项目如下:\n"
        "新建社区养老服务驿站6家,提升居家养老服务水平\n"
        "责任单位:区民政局\n"
        "完成期限:2024年11月底前\n"
        "为500户困难老年人家庭实施适老化改造\n"
        "责任单位:区民政局\n"
        "完成期限:2024年12月底前\n"
        "相关阅读:\n"
        "点击查看>>某区养老服务补贴申领指南\n"
    )
    assert [(t.lead_units, [m.due_date for m in t.milestones if m.kind == "deadline"]) for t in doc.tasks] == [
        (["区民政局"], [date(2024, 11, 30)]),
        (["区民政局"], [date(2024, 12, 31)]),
    ]


def test_a_cell_a_line_table_naming_only_persons_gives_clauses_with_leaders_and_no_unit():
    # A bureau's progress table, a cell a line with blank lines between: 类别 / 工作内容 /
    # 具体分解 / 当前工作进展 / 责任区领导 / 责任单位主要领导, no 序号. Each row is a clause (its
    # 工作内容); the two person columns are its leaders (the unit's head is a person); no unit.
    doc = parse_document(
        "2025年度重点工作目标任务落实情况\n\n"
        "类别\n\n工作内容\n\n具体分解\n\n当前工作进展\n\n责任区领导\n\n责任单位主要领导\n\n"
        "推进绿色低碳发展\n\n完成年度节能降耗目标\n\n完成年度节能降耗目标\n\n已完成全年目标的80%。\n\n张明远\n\n李正清\n\n"
        "守护蓝天碧水\n\n城区空气优良率稳中有升\n\n城区空气优良率稳中有升\n\n截至11月底优良率88.6%。\n\n张明远\n\n李正清\n"
    )
    assert [(t.title[:8], t.lead_units, t.co_units, t.leaders) for t in doc.tasks] == [
        ("完成年度节能降耗", [], [], ["张明远", "李正清"]),
        ("城区空气优良率稳", [], [], ["张明远", "李正清"]),
    ]


@pytest.mark.parametrize("role", ["分别负责", "按职责分工负责"])
def test_a_time_phrase_after_a_role_word_in_a_unit_bracket_is_the_deadline(role):
    # `(A、B分别负责,年内持续推进)`: as after a plain `负责`, the time phrase closing the bracket is
    # the clause's 完成时限 (年内 → the year's end).
    doc = parse_document(
        "某市2024年重点工作任务分工\n(一)总体要求\n"
        f"1.推动经济持续回升向好。(市发展改革委、市财政局{role},年内持续推进)\n"
        "2.稳定外贸基本盘。(市商务局负责)\n"
    )
    task = doc.tasks[0]
    assert (task.lead_units, task.co_units) == (["市发展改革委"], ["市财政局"])
    assert [m.due_date for m in task.milestones if m.kind == "deadline"] == [date(2024, 12, 31)]


def test_a_good_start_of_a_plan_period_is_no_deadline():
    # `确保“十五五”开好局起好步` wishes the period a good start; it commits nothing by its end.
    doc = parse_document(
        "某市2026年重点工作任务分工\n(一)总体要求\n"
        "1.坚持稳中求进,确保“十五五”开好局起好步。(市发展改革委负责)\n"
        "2.稳定外贸基本盘。(市商务局负责)\n"
    )
    assert [m.due_date for m in doc.tasks[0].milestones if m.kind == "deadline"] == []


def test_serials_from_a_larger_list_start_rows_in_a_table_flattened_a_cell_a_line_without_markers():
    # The same report as a stored page holds a table with no `|` at all, a cell a line and the
    # empty cells gone: each number past the last that is followed by a task starts a row; a year
    # under its own column, followed by the row's unit, starts none.
    doc = parse_document(
        "某局2024年民生实事项目推进情况\n"
        "序号\n项目名称\n完成年限\n牵头单位\n配合单位\n"
        "12\n新建公办幼儿园,扩大普惠性学前教育资源。\n2024\n市教育局\n"
        "26\n新建城市口袋公园。\n市城管局\n市住建局\n"
        "42\n改造老旧小区供水管网。\n2025\n市住建局\n"
    )
    assert [(t.number, t.title[:6], t.lead_units, t.co_units) for t in doc.tasks] == [
        (12, "新建公办幼儿", ["市教育局"], []),
        (26, "新建城市口袋", ["市城管局"], ["市住建局"]),
        (42, "改造老旧小区", ["市住建局"], []),
    ]
