"""Round 145's convention: a unit label closed by a full stop where its colon belongs (`责任单位。A、B、各村委会。`
on a line of its own under the item), still the label (README round 75: a label without its colon is the label)."""

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.stopped_labels import colon_stopped_label


def _parse(text: str, year: int | None = 2009):
    return parse_bytes(text.encode(), filename="doc.txt", year=year, assume_year=2026)


@pytest.mark.parametrize("stop", ["。", ".", "．"])
def test_a_label_line_closed_by_a_stop_gives_the_items_units(stop: str) -> None:
    text = (
        "三、工作重点及责任分解\n"
        "1、抓好特色产业。做强山药产业,逐级分解任务。\n"
        f"责任单位{stop}乡农办、植保站、兽医站、各村委会。\n"
        "2、建设示范园区。按标准建设示范园区。\n"
        f"牵头单位{stop}乡农办\n"
        f"配合单位{stop}林业站、各村委会\n"
    )
    tasks = _parse(text).tasks
    assert [(t.label, t.lead_units, t.co_units) for t in tasks] == [
        ("1", ["乡农办"], ["植保站", "兽医站", "各村委会"]),
        ("2", ["乡农办"], ["林业站", "各村委会"]),
    ]


def test_a_stopped_label_alone_on_its_line_heads_the_units_below() -> None:
    tasks = _parse("1、开展环境整治。清理河道垃圾。\n责任单位。\n县住建局、县财政局\n").tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [(["县住建局"], ["县财政局"])]


@pytest.mark.parametrize(
    "line",
    [
        "责任单位。要加强调度,确保按时完成。",  # prose after the stop: no unit list
        "落实责任单位。县住建局、县财政局。",  # the label does not open the line
        "各责任单位。",  # a salutation's words, no label
        "完成时限。2009年6月底前",  # a deadline's label: its value is no unit
        "责任单位:县住建局、县财政局。",  # already a field: as written
    ],
)
def test_near_cases_stay_as_written(line: str) -> None:
    assert colon_stopped_label(line) == line


def test_prose_after_a_stopped_label_names_no_unit() -> None:
    tasks = _parse("1、开展环境整治。\n责任单位。要加强调度,确保按时完成。\n").tasks
    assert [(t.lead_units, t.co_units) for t in tasks] == [([], [])]
