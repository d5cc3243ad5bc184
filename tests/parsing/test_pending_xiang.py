"""Conventions the 乡 plan of blind round 145 (a township's 农业产业化 plan) showed in the one-line probe, each stated in
made-up text of its own.

- A unit label closed by a full stop (`责任单位。A、B。`, `stopped_labels`) that a run-together copy left inside the
  line, right after the stop of the item's last sentence (`…落实到田间地头。责任单位。乡农办、各村委会。`), is the
  label still: its value up to its own stop names units. Prose that speaks of a label (`落实责任单位。`), a label
  followed by words that name no unit, and a deadline's label stay as written.
- Once the item's units are read, the plan's silent framing sections (`一、指导思想…`, `二、目标任务…`) beside it are no
  clauses, whether the copy kept a space after their headings or none.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_document
from policy_tasks.parsing.stopped_labels import colon_stopped_label


def _read(text: str) -> list[tuple[str, str, list[str], list[str]]]:
    doc = parse_document(text, assume_year=2026)
    return [(t.label, t.text.splitlines()[0][:6], t.lead_units, t.co_units) for t in doc.tasks]


_PLAN = [
    "关于推进蔬菜产业发展的实施方案",
    "为加快全镇蔬菜产业发展,结合实际,制定本方案。",
    "一、指导思想",
    "以促进农民增收为重点,做大做强蔬菜产业,推动全镇农村经济平稳发展。",
    "二、目标任务",
    "全年发展蔬菜3000亩,新建蔬菜合作社2家。",
    "三、工作措施",
    "1、建设蔬菜基地。各村选定1至2个示范点,把任务落实到田间地头。",
    "责任单位。镇农办、农技站、各村委会。",
    "2、培育经营主体。扶持蔬菜合作社,引导农户入社。",
    "牵头单位。镇经管站",
]


@pytest.mark.parametrize("joiner", ["", " ", "\n"], ids=["nothing", "space", "lines"])
def test_a_stopped_label_after_the_items_last_sentence_gives_its_units(joiner: str) -> None:
    assert _read(joiner.join(_PLAN) + "\n") == [
        ("1", "建设蔬菜基地", ["镇农办"], ["农技站", "各村委会"]),
        ("2", "培育经营主体", ["镇经管站"], []),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("做好春耕备耕。责任单位。镇农办、各村委会。", "做好春耕备耕。责任单位:镇农办、各村委会。"),
        ("清理河道垃圾！牵头部门．县水利局;县住建局", "清理河道垃圾！牵头部门:县水利局;县住建局"),
        ("抓好秋收。配合单位。林业站、植保站。2、建设园区。", "抓好秋收。配合单位:林业站、植保站。2、建设园区。"),
    ],
)
def test_a_stopped_label_inside_the_line_takes_its_colon(line: str, expected: str) -> None:
    assert colon_stopped_label(line) == expected


@pytest.mark.parametrize(
    "line",
    [
        "建立工作台账,落实责任单位。镇农办、各村委会要按月报送。",  # a word before the label: prose
        "做好春耕备耕。责任单位。要加强调度,确保按时完成。",  # words that name no unit after the label
        "做好春耕备耕。责任单位。",  # no value inside the line
        "做好春耕备耕。完成时限。2009年6月底前。",  # a deadline's label: its value is no unit
        "做好春耕备耕,责任单位。镇农办、各村委会。",  # after a comma the label is no field of its own
        "做好春耕备耕。责任单位:镇农办、各村委会。",  # already a field
        "版本 v1.2 责任单位. 县水利局",  # no sentence's stop before the label (an ASCII dot may be a number's)
    ],
)
def test_near_cases_inside_the_line_stay_as_written(line: str) -> None:
    assert colon_stopped_label(line) == line


def test_prose_naming_a_label_mid_line_gives_no_units() -> None:
    text = "1、建立工作台账。要落实责任单位。各村要按月报送进度。\n2、做好春耕备耕。责任单位。要加强调度。\n"
    # `各村要…` charges the villages as the sentence's subject (round 139); no label gives a unit.
    assert [(lead, co) for _, _, lead, co in _read(text)] == [(["各村"], []), ([], [])]
