"""Layouts with no numbers at all: label-led items (label_items) and a cell-a-line table whose rows
end at their persons (person_rows), with the column meanings they rest on."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.column_meanings import CONTENT, DUE, LEAD, LEADER, NOTE, meaning


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("责任单位主要领导", LEADER),  # the unit's head: a person
        ("牵头部门负责人", LEADER),
        ("牵头单位及主要负责人", LEAD),  # the unit and its head: a unit column
        ("形象进度", NOTE),  # how far the work has got
        ("进度状态", NOTE),
        ("进度安排", DUE),  # a schedule
        ("具体分解", CONTENT),
    ],
)
def test_header_meanings_of_person_and_progress_columns(header, kind):
    assert meaning(header) == kind


def test_a_pages_metadata_field_is_no_label_led_item():
    doc = parse_document(
        "文号: 公开日期: 2024-05-06\n"
        "发布单位: 某区政府办公室\n"
        "新建社区食堂10个\n"
        "牵头单位:区民政局\n"
        "配合单位:各街道\n"
        "改造老旧小区20个\n"
        "责任单位:区住建委\n"
        "完成时限:2024年10月底前\n"
    )
    assert [(t.title, t.lead_units, t.co_units) for t in doc.tasks] == [
        ("新建社区食堂10个", ["区民政局"], ["各街道"]),
        ("改造老旧小区20个", ["区住建委"], []),
    ]


def test_a_short_cell_run_into_the_one_before_still_ends_its_row_at_the_persons():
    # Row 1's 形象进度 `100%` ran into its progress cell: five cells for six columns.
    doc = parse_document(
        "2025年重点工作落实情况\n\n类别\n\n工作内容\n\n当前工作进展\n\n形象进度\n\n责任区领导\n\n责任单位主要领导\n\n"
        "绿色发展\n\n完成年度节能降耗目标\n\n已完成。100%\n\n张明远\n\n李正清\n\n"
        "绿色发展\n\n城区空气优良率稳中有升\n\n优良率88.6%。\n\n90%\n\n张明远\n\n李正清\n"
    )
    assert [(t.title, t.leaders) for t in doc.tasks] == [
        ("完成年度节能降耗目标", ["张明远", "李正清"]),
        ("城区空气优良率稳中有升", ["张明远", "李正清"]),
    ]


def test_rows_that_no_longer_end_at_persons_end_the_table():
    # The second row lost its persons: its cells and the page after it are not guessed into rows.
    doc = parse_document(
        "2025年重点工作落实情况\n\n类别\n\n工作内容\n\n当前工作进展\n\n责任区领导\n\n"
        "绿色发展\n\n完成年度节能降耗目标\n\n已完成。\n\n张明远\n\n"
        "绿色发展\n\n城区空气优良率稳中有升\n\n优良率88.6%。\n\n"
        "打印本页\n\n关闭窗口\n"
    )
    assert [(t.title, t.leaders) for t in doc.tasks] == [("完成年度节能降耗目标", ["张明远"])]
