"""A section set out as fields: who undertakes it, who helps, its target, its measures.

A county's 治理 plan gives each area of work as numbered fields (`一、治理畜牧业产品污染` / `(一)承办单位。县经贸局。`
/ `(二)协办单位:县农业局、卫生局…` / `(三)治理目标。…` / `(四)主要措施:` / `1.…(县经贸局负责,县农业局配合)`, round 138).
A field that only names the section's units is no work: where a sibling holds the measures, each naming its own
units, the field frames the section, as a table's header names no row. It stays a clause where no sibling's
sub-items are charged (the field's units are then the only ones the section names), and an item that does work
beside its units (`(二)协办单位要配合做好…`) is no field.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .role_groups import ROLE_WORD
from .textutil import normalise

# `承办单位。县经贸局。`, `协办单位:县农业局、卫生局、质监局`: a unit role's label, then names listed and nothing else
# (no verb, no sentence after the list).
_UNIT_FIELD_RE = lazy_compile(
    rf"^{ROLE_WORD}单位\s*[。::]\s*"
    r"[^。;;,,:\s]{2,20}(?:[、,,]\s*[^。;;,,:\s]{2,20}){0,15}\s*。?$"
)


def only_names_section_units(node: Node) -> bool:
    """Whether an item (no sub-items) is a field naming its section's units and nothing else."""
    return not node.children and bool(_UNIT_FIELD_RE.match(normalise(node.own_text).strip()))
