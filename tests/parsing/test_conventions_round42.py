"""Conventions met in blind round 42 (docs/parsing.md), each stated in a document of its own.

Written from the convention, not copied from the documents that showed it (a development zone's
notices signing off single tasks of a city's 专项行动 problem list, `整改验收销号公示`). At the round's
first look the zone's `党工委、管委会` was split in two.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing.units import read_responsibility


@pytest.mark.parametrize(
    ("bracket", "units"),
    [
        ("(责任单位:宿某园区党工委、管委会)", ["宿某园区党工委、管委会"]),
        ("(责任单位:各乡镇党委、政府,县农业农村局)", ["各乡镇党委、政府", "县农业农村局"]),
        ("(责任单位:高新区党工委、管理委员会)", ["高新区党工委、管理委员会"]),
    ],
)
def test_a_party_committee_and_its_government_joined_by_a_list_comma_are_one_addressee(bracket, units):
    found = read_responsibility("开展河道清理整治。" + bracket)
    lead, co = found.lead_and_co()
    assert [*lead, *co] == units


def test_two_units_after_a_party_committee_stay_two():
    """Only the government half alone after a party committee joins it; another unit does not."""
    found = read_responsibility("开展河道清理整治。(责任单位:县委宣传部、县文旅局)")
    lead, co = found.lead_and_co()
    assert [*lead, *co] == ["县委宣传部", "县文旅局"]
