"""A covering notice's numbered requirements charging its breakdown's roles, beside the breakdown printed after it.

A notice issuing a 任务分解 (`…目标任务责任分解方案的通知`) numbers its own requirements (`一、各责任单位要…并于2023年1月15日前
将工作方案报区人民政府办公室`, `三、从2023年第一季度开始,各责任单位要在每季度最后一个月的30日前…报…`) and then, on the same
page or as its annex, prints the breakdown numbered again from 一. The requirements that charge the breakdown's roles taken
together (round 95, `role_groups`) carry dated obligations a supervisor tracks (a report date, a quarterly report): they
are clauses beside the breakdown's (settled in round 101, corpus README). Once the notice charges the roles so, a
requirement charging another named unit (`二、区绩效考评机构要将…纳入绩效管理考核范围`) is one too; a requirement that
charges no one (`各单位要…`, `实行…动态监管`) stays no clause, even beside them. A notice whose requirements charge no role
keeps round 19's reading: its offices asked in prose (`县政府督查室要加强督查`) are no clauses before the plan. Where
the page stops before the breakdown (the notice still issuing it, round 114), a requirement addressed to everyone vaguely
(`各单位要高度重视…`) is no clause beside those charging the roles; one naming a body no reader takes
(`县政府将定期组织检查`) stays a clause naming no unit, for the reviewer.
"""

from __future__ import annotations

import re

from .opening_charges import opening_charge
from .outline_node import Node
from .role_groups import role_group
from .textutil import normalise


def charges_roles(text: str, groups: frozenset[str]) -> bool:
    """Whether the requirement `text` opens by charging only the breakdown's roles (`各牵头单位要…`,
    `请各牵头单位和责任单位于…前…`, `各责任单位在…前上报…`)."""
    charge = opening_charge(text, groups)
    if charge is None:
        return False
    named = [n for names in charge.roles.values() for n in names]
    return bool(named) and all(role_group(n) for n in named)


def notice_charges_roles(root: Node, groups: frozenset[str]) -> bool:
    """Whether one of the covering notice's own requirements (part 0, no sub-items) charges the breakdown's roles."""
    return any(
        not n.children and n.part == 0 and charges_roles(n.own_text, groups) for n in root.walk() if n is not root
    )


# `各单位要…`, `各有关部门要…`: everyone addressed at once, naming no one (rounds 95, 101).
_VAGUE_SUBJECT_RE = re.compile(
    r"(?:^|[。;!?])\s*(?:各(?:有关|相关)?|有关|相关)(?:单位|部门)(?:要(?![求点])|应当|必须|务必)"
)


def vaguely_addressed(text: str) -> bool:
    """Whether a requirement's sentence is addressed to everyone vaguely as its subject (`各单位要…`)."""
    return bool(_VAGUE_SUBJECT_RE.search(normalise(text)))
