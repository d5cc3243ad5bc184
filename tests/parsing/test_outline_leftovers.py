"""Left-over forms of the outline and its assignments, each a convention of the genre.

Found by trying invented county-office variants (2026-12-05): a bracket whose `下同` is followed by a
carry sentence after a comma or a semicolon (`(A、B,下同;以下各项均需各乡镇落实,不再单独列出)`); an item whose title sentence is followed by the
sentence charging its unit (`加快农村公路建设。由县交通局负责组织实施,要做好资金保障。`), split in two before; a
`牵头领导:张三` line right under a section's heading, read for none of its items; a line or an item opening
with a day typed as month.day (`6.30前完成…`, `1.6.30前完成…`), read as clause number 6.30.
The near-misses beside each form stay as they were.
"""

from __future__ import annotations

from datetime import date

import pytest

from policy_tasks.parsing import parse_document

_TITLE = "某县2026年城乡建设工作实施方案\n"


def _tasks(body: str) -> list[tuple[list[str], list[str], list[str]]]:
    parsed = parse_document(_TITLE + body, assume_year=2026)
    return [(t.lead_units, t.co_units, t.leaders) for t in parsed.tasks]


@pytest.mark.parametrize("stop", ["。", ",", ";", "；"])
@pytest.mark.parametrize("units", ["县交通局、县财政局", "责任单位:县交通局、县财政局", "县交通局牵头,县财政局配合"])
def test_a_carry_sentence_after_下同_keeps_the_bracket(stop: str, units: str) -> None:
    body = (
        f"1.推进道路建设。({units},下同{stop}以下各项均需各乡镇落实,不再单独列出)\n"
        "2.完善公交站点。\n3.整治农村道路环境。(县住建局)\n"
    )
    assert _tasks(body) == [
        (["县交通局"], ["县财政局"], []),
        (["县交通局"], ["县财政局", "各乡镇"], []),
        (["县住建局"], ["各乡镇"], []),
    ]


def test_下同_alone_carries_its_units_only() -> None:
    body = "1.推进道路建设。(县交通局、县财政局,下同)\n2.完善公交站点。\n"
    assert _tasks(body) == [(["县交通局"], ["县财政局"], [])] * 2


@pytest.mark.parametrize(
    "sentences",
    [
        "由县交通局负责组织实施,要做好资金保障。",
        "由县交通局负责组织实施。要做好资金保障。",
        "县交通局负责组织实施,要加强质量监管。",
        "由县交通局负责,务必于6月底前完成。",
        "由县交通局负责组织实施,必须确保工程质量。",
    ],
)
def test_a_title_sentence_then_its_charge_is_one_clause(sentences: str) -> None:
    parsed = parse_document(_TITLE + f"1.完善交通规划。(县发改局)\n2.加快农村公路建设。{sentences}\n", assume_year=2026)
    assert [(t.label, t.lead_units) for t in parsed.tasks] == [("1", ["县发改局"]), ("2", ["县交通局"])]


def test_a_later_sentence_charging_another_unit_is_still_a_clause_of_its_own() -> None:
    body = "1.完善交通规划。(县发改局)\n2.加快农村公路建设。由县交通局负责组织实施,完成改造30公里。县财政局负责做好资金保障。\n"
    parsed = parse_document(_TITLE + body, assume_year=2026)
    assert [(t.label, t.lead_units) for t in parsed.tasks] == [
        ("1", ["县发改局"]),
        ("2-1", ["县交通局"]),
        ("2-2", ["县财政局"]),
    ]


_SECTIONS = "一、工业经济\n{label}\n1.推进园区建设。(县发改局)\n2.培育规上企业。({own}县工信局)\n二、农业农村\n3.建设高标准农田。(县农业农村局)\n"


@pytest.mark.parametrize(
    ("label", "leaders"),
    [
        ("牵头领导:张三", ["张三"]),
        ("责任领导:张三副县长", ["张三副县长"]),
        ("分管领导:张三、李四", ["张三", "李四"]),
        ("牵头领导：张三", ["张三"]),
    ],
)
def test_a_leaders_label_line_under_a_heading_leads_its_section(label: str, leaders: list[str]) -> None:
    tasks = _tasks(_SECTIONS.format(label=label, own="责任领导:王五;责任单位:"))
    assert tasks == [
        (["县发改局"], [], leaders),
        (["县工信局"], [], ["王五"]),  # an item's own leader stays its own
        (["县农业农村局"], [], []),  # the next section has none
    ]


def test_the_label_line_reads_as_the_headings_bracket_does() -> None:
    line = _tasks(_SECTIONS.format(label="牵头领导:张三副县长", own=""))
    bracket = _tasks(_SECTIONS.replace("一、工业经济\n{label}", "一、工业经济(牵头领导:张三副县长)").format(own=""))
    assert line == bracket


@pytest.mark.parametrize(
    "body",
    [
        # Under an item the label is that item's own.
        "一、工业经济\n1.推进园区建设。(县发改局)\n牵头领导:张三\n2.培育规上企业。(县工信局)\n",
        # After the section's prose it is no label line of the heading.
        "一、工业经济\n围绕主导产业抓招商。\n牵头领导:张三\n1.推进园区建设。(县发改局)\n2.培育规上企业。(县工信局)\n",
    ],
)
def test_a_leaders_label_elsewhere_leads_no_section(body: str) -> None:
    assert [leaders for _, _, leaders in _tasks(body)][1] == []


def _dues(body: str) -> list[tuple[str, list[str], list[date | None]]]:
    parsed = parse_document(_TITLE + body, assume_year=2026)
    return [(t.label, t.lead_units, [m.due_date for m in t.milestones]) for t in parsed.tasks]


@pytest.mark.parametrize(
    ("day", "due"),
    [("6.30前", date(2026, 6, 30)), ("9.15日前", date(2026, 9, 15)), ("12.31之前", date(2026, 12, 31))],
)
def test_a_line_opening_with_a_dotted_day_goes_on_with_its_item(day: str, due: date) -> None:
    body = f"1.推进园区建设,完成土地平整\n{day}完成主体工程。(县发改局)\n2.培育规上企业。(县工信局)\n"
    assert _dues(body) == [("1", ["县发改局"], [due]), ("2", ["县工信局"], [])]


@pytest.mark.parametrize(
    ("day", "due"),
    [("6.30前", date(2026, 6, 30)), ("9.15日前", date(2026, 9, 15)), ("10.1号前", date(2026, 10, 1))],
)
def test_an_item_opening_with_a_dotted_day_keeps_its_number(day: str, due: date) -> None:
    body = f"1.推进园区建设。(县发改局)\n2.培育规上企业。(县工信局)\n3.{day}完成标准厂房建设。(县住建局)\n"
    assert _dues(body)[2] == ("3", ["县住建局"], [due])


@pytest.mark.parametrize(
    "items",
    [
        "1.1推进园区建设。(县发改局)\n1.2培育规上企业。(县工信局)\n",
        "1.1前期准备。(县发改局)\n1.2前置审批。(县工信局)\n",  # 前 opening a word, no deadline
        "1.1 推进园区建设。(县发改局)\n1.2、培育规上企业。(县工信局)\n",
    ],
)
def test_a_decimal_clause_number_followed_by_text_stays_a_number(items: str) -> None:
    assert [(label, units) for label, units, _ in _dues("一、工业经济\n" + items)] == [
        ("1.1", ["县发改局"]),
        ("1.2", ["县工信局"]),
    ]


def test_a_list_whose_items_open_with_dotted_days() -> None:
    body = "1.6.30前完成园区道路建设。(县发改局)\n2.9.15日前完成企业培育。(县工信局)\n"
    assert _dues(body) == [("1", ["县发改局"], [date(2026, 6, 30)]), ("2", ["县工信局"], [date(2026, 9, 15)])]
