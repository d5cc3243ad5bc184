"""`role_groups.ROLE_WORD`: the one list of role words the breakdowns, the proposal notices and the unit fields read."""

from __future__ import annotations

from policy_tasks.parsing.outline_node import Node
from policy_tasks.parsing.proposal_roles import PROPOSALS, proposal_charge
from policy_tasks.parsing.role_groups import role_group
from policy_tasks.parsing.section_fields import only_names_section_units
from policy_tasks.parsing.textutil import normalise


def test_role_groups_read_every_role_word() -> None:
    for group in ("各责任单位", "牵头部门", "各会办单位", "参与单位", "各协作部门", "协同单位"):
        assert role_group(group), group
    # Near cases: a vague group names no role.
    for group in ("各单位", "有关部门", "成员单位", "参加单位"):
        assert not role_group(group), group


def test_a_proposal_notice_charges_any_role_word() -> None:
    kinds = frozenset({PROPOSALS})
    text = "主办单位要主动作为;各会办单位要密切配合;参与单位要及时反馈。"
    found = proposal_charge(text, normalise(text), kinds)
    assert found is not None
    assert [n for names in found.roles.values() for n in names] == ["主办单位", "各会办单位", "参与单位"]


def test_a_unit_field_by_any_role_word() -> None:
    for text in ("协办单位:县农业局、卫生局", "会办单位。县经贸局。", "协作单位:县交通局"):
        assert only_names_section_units(Node("pcn", 2, "(二)", 5, pieces=[(5, text)])), text
    # Near case: a role charged with work is no field.
    assert not only_names_section_units(Node("pcn", 2, "(二)", 5, pieces=[(5, "协办单位要配合做好宣传")]))
