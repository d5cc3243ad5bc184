"""Numbering styles Chinese offices use that the corpus swaps (tests/parsing/numbering_swaps.py) found
read wrong, each stated in a made-up document of its own.

At first look: a part `第四部分` or `Ⅳ、` after a page that opened at item `7.` nested under item 9; a
plan's `一是…` `二是…` paragraphs were no items at all; a serial carrying its place (`Ⅲ-1-①`) was
read as unnumbered lines, labelled 1, 2, 3 or swallowed by the heading above."""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes


def _parse(text: str):
    return parse_bytes(text.encode(), filename="doc.txt", year=2026)


def _read(text: str) -> list[tuple[str, int | None, list[str]]]:
    return [(t.label, t.area, t.lead_units) for t in _parse(text).tasks]


@pytest.mark.parametrize("heading", ["第四部分 其他工作", "第四章 其他工作", "Ⅳ、其他工作"])
def test_a_part_after_a_page_opening_mid_list_is_the_next_section(heading):
    """GB/T 9704's first level, written as a part (`第四部分`, `第四章`) or in Roman (`Ⅳ、`), never
    nests under a lower item: a page that opens at `8.` and goes on at the part holds the part beside
    the run, as it does `四、`."""
    got = _read(
        "某县2026年工作方案(节选)\n8.县发改局负责,做好甲。\n9.县财政局负责,做好乙。\n"
        f"{heading}\n(一)县人社局负责,做好丙。\n(二)县民政局负责,做好丁。\n"
    )
    assert [lead for _, _, lead in got] == [["县发改局"], ["县财政局"], ["县人社局"], ["县民政局"]]
    assert [area for _, area, _ in got][2:] == [4, 4]


def test_a_plans_yishi_paragraphs_are_its_items():
    """`一是…` `二是…`, a paragraph each, enumerate a section's measures as `(一)` `(二)` do; an item
    may open with a year or a quote (`二是2024年重点任务`, `二是“证照分离”改革`)."""
    got = _read(
        "某镇2026年工作方案\n一、重点任务\n一是健全责任体系。(责任单位:镇党政办)\n"
        "二是“证照分离”改革。(责任单位:镇市场监管所)\n二、年度安排\n一是2026年完成普查。(责任单位:镇水利站)\n"
        "二是2027年完成整治。(责任单位:镇环保站)\n"
    )
    assert got == [
        ("一.一是", 1, ["镇党政办"]),
        ("一.二是", 1, ["镇市场监管所"]),
        ("二.一是", 2, ["镇水利站"]),
        ("二.二是", 2, ["镇环保站"]),
    ]


def test_a_lone_yishi_is_its_paragraphs_prose():
    """A paragraph opening `一是…` with no `二是` after it is no list: the items below stay where they are."""
    got = _read(
        "某镇2026年工作计划\n一是扎实推进产业强镇。乡村振兴,产业先行。\n"
        "(一)甲项目:由镇农业站负责。\n(二)乙项目:由镇林业站负责。\n"
    )
    assert [(label, area) for label, area, _ in got] == [("(一)", None), ("(二)", None)]


def test_yishi_points_closed_by_one_assignment_are_the_measures_text():
    """`一是…;` `二是…。` then the measure's bracket: the points of one measure, as `(1)…;(2)…` are."""
    got = _read(
        "某县2026年工作方案\n一、重点任务\n(一)推进厕所革命。\n一是改造户厕500户;\n二是建设公厕10座。(责任单位:县农业农村局)\n"
        "(二)整治村容村貌。(责任单位:县住建局)\n"
    )
    assert got == [("(一)", 1, ["县农业农村局"]), ("(二)", 1, ["县住建局"])]


def test_a_serial_carrying_its_place_is_the_items_number():
    """A task-splitting list numbers each item by its whole place, the area in Roman (`Ⅲ-1-①`: area Ⅲ,
    point 1, item ①); the serial is the item's number and its label, under a heading or with none."""
    plain = "某县2026年任务分解\nⅢ-1-① 做好甲。(责任单位:县发改局)\nⅢ-1-② 做好乙。(责任单位:县财政局)\nⅢ-2-① 做好丙。(责任单位:县人社局)\n"
    assert [label for label, _, _ in _read(plain)] == ["Ⅲ-1-①", "Ⅲ-1-②", "Ⅲ-2-①"]
    headed = (
        "某县2026年任务分解\nⅢ、重点任务\n(一)产业\nⅢ-1-① 做好甲。(责任单位:县发改局)\n"
        "Ⅲ-1-② 做好乙。(责任单位:县财政局)\n(二)其他\nⅢ-2-① 做好丙。(责任单位:县人社局)\n"
    )
    assert _read(headed) == [
        ("Ⅲ-1-①", 3, ["县发改局"]),
        ("Ⅲ-1-②", 3, ["县财政局"]),
        ("Ⅲ-2-①", 3, ["县人社局"]),
    ]
    two = "某县2026年任务分解\nⅠ、工作分工\nⅠ-1 做好甲。(责任单位:县发改局)\nⅠ-2 做好乙。(责任单位:县财政局)\n"
    assert _read(two) == [("Ⅰ-1", 1, ["县发改局"]), ("Ⅰ-2", 1, ["县财政局"])]
