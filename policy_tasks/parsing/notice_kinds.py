"""The kinds of addressee a notice's items are read by, from its header and its close.

Three readers charge a notice's items by their sentences' subjects, each for a kind of notice: the groups its
salutation names (`各部门:`, `addressee_groups.notice_groups`), a breakdown's roles in the notice issuing it
(`notice_roles.BREAKDOWN`) and a township's own offices and groups named short in its own notice
(`township_subjects.TOWNSHIP`, round 107); a procedure's steps are read by the bodies opening them
(`procedure_steps.PROCEDURE`, round 129), and a notice handing out proposals by their handling roles
(`proposal_roles.PROPOSALS`, round 142). `document` gives the set to the clause chooser and the assembler.
"""

from __future__ import annotations

from .addressee_groups import notice_groups
from .concerned_units import concerned_kinds
from .measure_reports import measure_report_kind
from .notice_roles import breakdown_kind
from .outline_lines import Outline
from .procedure_steps import procedure_kind
from .project_roles import project_list_kind
from .proposal_roles import proposal_kind
from .township_subjects import township_kind


def notice_kinds(outline: Outline) -> frozenset[str]:
    """The salutation's groups, a breakdown's kind and a township's kind of `outline`'s notice."""
    header = outline.header
    # A notice handing out the year's key projects charges their roles (`project_roles`, round 127).
    kinds = notice_groups(header) | breakdown_kind(header) | project_list_kind(header)
    items = [n.own_text for n in outline.root.walk() if n is not outline.root]
    kinds |= concerned_kinds(
        kinds, items
    )  # `各有关单位要…` among the salutation's groups (`concerned_units`, round 160)
    # A procedure whose steps each open with the body doing it (`procedure_steps`, round 129).
    kinds |= procedure_kind(outline.root)
    kinds |= measure_report_kind(header)  # `某镇三举措…`: a town's measures charged by subjects (round 152)
    # A notice handing out proposals charges their handling roles (`proposal_roles`, round 142).
    return kinds | township_kind([*header, *outline.loose]) | proposal_kind(outline) | outline.kinds
