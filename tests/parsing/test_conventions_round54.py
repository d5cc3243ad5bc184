"""Conventions met in blind round 54 (docs/parsing.md): a section heading whose bracket fills the lead
field leads the measures below that fill only their 责任单位 field; a floor or a hectare count on the
year's total (`全年…不低于2600万盆`, `全年绿地建设不少于200公顷`) is a year's quantity target, as any other
`全年` quantity (each on the corpus document that showed it and on a variant written from the convention).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from policy_tasks.parsing import parse_bytes

_CORPUS = Path(__file__).parent / "corpus"


def _kunming():
    path = _CORPUS / "yunnan-kunming-chunchengpinpai" / "source.txt"
    return parse_bytes(path.read_bytes(), filename=path.name, assume_year=2026)


def _parse(text: str):
    return parse_bytes(text.encode(), filename="plan.txt", year=2025)


def _units(text: str) -> list[tuple[list[str], list[str]]]:
    return [(t.lead_units, t.co_units) for t in _parse(text).tasks]


_SECTION = """某市2025年城市品质提升行动任务分工
(一)提升城市园林品质(牵头单位:市园林绿化局)
1.实施道路绿化提升。完成主干道绿化改造。[责任单位:市住房城乡建设局、市交通运输局,各县(市)区人民政府]
2.建设口袋公园。新建口袋公园30个。[责任单位:各县(市)区人民政府,市园林绿化局]
3.完善绿地管养机制。[牵头单位:市城管局;责任单位:市财政局]
(二)提升城市文化品牌(牵头单位:市文化和旅游局)
4.办好城市文化节。[责任单位:市委宣传部、市文化和旅游局]
"""


# 1. `(十)…(牵头单位:市园林绿化局)` over measures each closing with `[责任单位:…]`.


def test_kunming_heading_lead_leads_each_measure():
    tasks = _kunming().tasks
    assert [t.lead_units for t in tasks] == [["市园林绿化局"]] * 3
    assert tasks[0].co_units == ["市农业农村局", "市商务局", "市林草局", "各县(市)区人民政府"]
    # Named last among the measure's units, the lead is no co unit of its own measure.
    assert tasks[1].co_units == ["各县(市)区人民政府", "开发(度假)区管委会"]
    assert "市园林绿化局" not in tasks[2].co_units


def test_a_heading_lead_field_leads_the_measures_and_their_units_help():
    assert _units(_SECTION) == [
        (["市园林绿化局"], ["市住房城乡建设局", "市交通运输局", "各县(市)区人民政府"]),
        (["市园林绿化局"], ["各县(市)区人民政府"]),
        (["市城管局"], ["市财政局"]),  # a measure naming its own lead keeps it
        (["市文化和旅游局"], ["市委宣传部"]),  # each section's heading leads its own measures
    ]


def test_a_heading_naming_only_its_units_leaves_the_measures_lists_to_lead():
    text = _SECTION.replace("(牵头单位:市园林绿化局)", "(责任单位:市园林绿化局)")
    assert _units(text)[:2] == [
        (["市住房城乡建设局"], ["市交通运输局", "各县(市)区人民政府"]),
        (["各县(市)区人民政府"], ["市园林绿化局"]),
    ]


def test_a_heading_naming_its_areas_lead_in_words_leaves_the_measures_lists_to_lead():
    # `一、扩大有效投资政策(由区发改局牵头实施)` (the seed): the area's lead, the measures' units as written.
    text = _SECTION.replace("(牵头单位:市园林绿化局)", "(由市园林绿化局牵头实施)")
    assert _units(text)[0] == (["市住房城乡建设局"], ["市交通运输局", "各县(市)区人民政府"])


def test_a_measure_with_its_own_reading_rule_keeps_its_first_unit_leading():
    text = _SECTION.replace(
        "[责任单位:市住房城乡建设局、市交通运输局,各县(市)区人民政府]",
        "[责任单位:市住房城乡建设局、市交通运输局,列第一位的为牵头单位]",
    )
    assert _units(text)[0] == (["市住房城乡建设局"], ["市交通运输局"])


# 2. `全年绿地建设不少于200公顷`, `全年长效摆花不低于2600万盆`: the year's quantities, no deadline of work.


def test_kunming_year_quantities_are_targets_on_the_default_due():
    measure = _kunming().tasks[1]
    assert [(m.text, m.kind, m.due_date) for m in measure.milestones] == [
        ("全年绿地建设不少于200公顷", "target", date(2026, 12, 31)),
        ("全年长效摆花不低于2600万盆", "target", date(2026, 12, 31)),
        ("立体花坛不少于62组", "target", date(2026, 12, 31)),
    ]
    assert not any(m.kind == "deadline" for t in _kunming().tasks for m in t.milestones)


_YEAR = """某县2025年国土绿化工作任务分工
1.推进城乡绿化。全年完成造林不少于1500公顷,全年义务植树不低于50万株。(责任单位:县林业局)
2.落实造林补助。造林补助标准不低于500元。(责任单位:县财政局)
3.布置时令花卉。开展花卉布置,全年摆放时令花卉不低于30万盆、立体花坛不少于12组,6月底前完成主要节点布置。(责任单位:县城管局)
"""


def test_a_years_floor_and_hectares_are_targets_and_a_benefits_floor_is_none():
    tasks = _parse(_YEAR).tasks
    end = date(2025, 12, 31)
    assert [(m.kind, m.due_date) for m in tasks[0].milestones] == [("target", end), ("target", end)]
    assert tasks[1].milestones == []  # `补助标准不低于500元`: a benefit's level, no one's commitment
    assert [(m.kind, m.due_date) for m in tasks[2].milestones] == [
        ("target", end),
        ("target", end),
        ("deadline", date(2025, 6, 30)),
    ]
