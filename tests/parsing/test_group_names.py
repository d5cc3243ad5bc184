"""A group whose bracket names the other levels it takes in is one group under its whole name.

`各县(市、区)`, `各镇(街道)`, `各村(社区)`: the bracket widens the group, it is
not another name for it as `区经信局(商务局)`'s is. Read as an alias, `各县(市、区)` became the unit
`各县` with the aliases `市、区` and `区`, so the review page showed a group narrower than the
document's and an import could map a later `区` to it.
"""

from __future__ import annotations

import pytest

from policy_tasks.parsing import parse_bytes
from policy_tasks.parsing.unit_names import unit_form


@pytest.mark.parametrize(
    "written, canonical",
    [
        ("各县(市、区)", "各县(市、区)"),
        ("各县（市、区）", "各县(市、区)"),
        ("各镇(街道)", "各镇(街道)"),
        ("各村(社区)", "各村(社区)"),
        ("各市(州)", "各市(州)"),
    ],
)
def test_a_group_keeps_the_levels_its_bracket_adds(written, canonical):
    form = unit_form(written)
    assert form is not None
    assert (form.canonical, form.kind) == (canonical, "group")
    assert all(alias == written for alias in form.aliases)


def test_a_bureau_with_its_other_name_in_brackets_is_still_one_bureau_with_an_alias():
    form = unit_form("区经信局(商务局)")
    assert form is not None
    assert form.canonical == "区经信局"
    assert "商务局" in form.aliases


def test_every_spelling_of_the_townships_is_still_one_group():
    form = unit_form("各乡镇(街道)")
    assert form is not None
    assert form.canonical == "各乡镇街道"


def test_a_clause_names_the_whole_group():
    doc = parse_bytes(
        "某市2024年就业工作方案\n1.促进高校毕业生就业。(牵头单位:市人社局;配合单位:各县(市、区)、各镇(街道))\n".encode(),
        filename="doc.txt",
        year=2024,
    )
    (task,) = doc.tasks
    assert (task.lead_units, task.co_units) == (["市人社局"], ["各县(市、区)", "各镇(街道)"])
    assert {u.name: u.aliases for u in doc.units}["各县(市、区)"] == []
