"""Conventions met in blind round 155 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it: a city's 特区 (a county-level place of
its own kind) is a level in a group under one 各, and one zone before another zone's committee stays two units.
"""

from __future__ import annotations

from policy_tasks.parsing import parse_document


def _units(field: str) -> list[tuple[list[str], list[str]]]:
    doc = parse_document(
        "某市2016年关于进一步做好就业创业工作的实施意见\n一、政策措施\n"
        f"1.鼓励创业。加强创业扶持。(牵头单位:市人力资源社会保障局;责任单位:{field})\n"
    )
    return [(t.lead_units, t.co_units) for t in doc.tasks]


def test_a_special_district_is_a_level_in_a_group_under_one_ge():
    # `各县、特区、区人民政府`: every county, special district and district, one addressee (round 140's levels).
    assert _units("各县、特区、区人民政府,各经济开发区管委会") == [
        (["市人力资源社会保障局"], ["各县、特区、区人民政府", "各经济开发区管委会"])
    ]


def test_a_second_ge_before_the_special_district_parts_two_groups():
    assert _units("各县、各特区、区人民政府") == [(["市人力资源社会保障局"], ["各县", "各特区、区人民政府"])]


def test_an_economic_special_zone_is_no_level():
    # `经济特区` names a zone, not the level: no group, its committee is a body of its own.
    assert _units("各县、经济特区管委会") == [(["市人力资源社会保障局"], ["各县", "经济特区管委会"])]
    assert _units("深圳经济特区、市发展改革委") == [(["市人力资源社会保障局"], ["深圳经济特区", "市发展改革委"])]


def test_one_zone_before_a_zones_committee_is_two_units():
    # A suffix written once needs two or more places before it (round 143); one zone alone stands for its
    # administration (round 17), so `甲经开区、乙园区管委会` is two units as written.
    assert _units("甲经开区、乙园区管委会") == [(["市人力资源社会保障局"], ["甲经开区", "乙园区管委会"])]


def test_two_places_before_a_zones_committee_stay_one_addressee():
    assert _units("东城、西城、南城经济开发区管委会") == [
        (["市人力资源社会保障局"], ["东城、西城、南城经济开发区管委会"])
    ]
