"""A sub-heading that names a unit's work, over its work written as a paragraph.

A government's 目标责任分解 groups its items by the unit that leads them, each group under a heading
that is nothing but `<unit>牵头的工作` (`<unit>负责的工作`, `<unit>牵头工作(3项)`): the work that unit
leads. Over numbered items the heading leads each item (`carried_units`). But a unit with a single
task of its own has it written as a paragraph right under its heading, with no number, and the
units that help on a line after it:

    (一)省监察厅牵头的工作
    加强行政监察工作,全面落实政府系统党风廉政建设责任制。
    (二)省审计厅牵头的工作
    全面加强审计工作。
    协同单位:省直各部门和各市人民政府。

Then the heading is the clause: its unit leads (every unit it names, where it says 牵头; the first,
the others helping, where it says only 负责 or 承担), its paragraph is the clause's text, and the
paragraph's own label line (`协同单位:`, `配合单位:`) names the units that help. An inspection notice's
heading naming only a unit's remit (`三、属工商局职责范围:`, `remit_headings`) over one paragraph of
problems is such a clause too, the unit answering for it. A heading naming a
person's portfolio (`孟学农省长负责的工作`, `leader_headings`) names a leader, never a unit, and an
item with numbered items under it is a heading over them, not such a clause.
"""

from __future__ import annotations

from dataclasses import replace

from .carried_units import named_unit_heading
from .lazy_patterns import lazy_compile
from .leader_headings import heading_leader
from .outline_node import Node
from .remit_headings import remit_heading
from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import CO, LEAD, LISTED
from .unit_lists import split_names
from .unit_names import looks_like_units

# `省监察厅牵头的工作`, `县发改局、县财政局负责的工作`, `市住建局牵头工作(3项)`: units, the role, the work.
_UNIT_WORK_RE = lazy_compile(
    r"^\s*(?P<names>[^。,;:\s]{2,40}?)(?P<role>牵头|负责|承担)(?:的|落实的)?(?:工作|任务|事项)"
    r"(?:\((?:共|计)?\d{1,3}项\))?\s*[。:]?\s*$"
)

ORIGIN = "本条标题"


def _heading_units(node: Node) -> Responsibility | None:
    """The units the item's heading line names as its work's (`省监察厅牵头的工作`), or None."""
    if not node.pieces:
        return None
    text = node.pieces[0][1]
    norm = normalise(text)
    m = _UNIT_WORK_RE.match(norm)
    if m is None:
        # `三、属工商局职责范围:` over its one paragraph: the problem within the unit's remit.
        # `一、木垒县东城镇党委` over its `反馈问题:` / `整改情况:` paragraphs: the party that must fix the problem
        # (a unit-name heading, round 111).
        remit = remit_heading(text) or named_unit_heading(text)
        return None if remit is None else replace(remit, origin=ORIGIN, whole_section=False)
    if heading_leader(text) is not None or not looks_like_units(m["names"]):
        return None
    found = Responsibility(origin=ORIGIN)
    names = split_names(text, norm, m.start("names"), m.end("names"))
    found.roles[LEAD if m["role"] == "牵头" else LISTED] = names
    return found if found.found else None


def unit_work_clause(node: Node) -> Responsibility | None:
    """The units leading an item whose heading is `<unit>牵头的工作` and whose body is a paragraph
    with no numbered item under it; None for any other item."""
    if node.children or not any(text.strip() for _, text in node.pieces[1:]):
        return None
    return _heading_units(node)


def body_pieces(node: Node) -> list[tuple[int, str]]:
    """The item's own lines as its clause text: the paragraph alone where the heading only names
    the unit whose work it is (`unit_work_clause`), else every line."""
    if unit_work_clause(node) is not None:
        return list(node.pieces[1:])
    return list(node.pieces)


def with_heading_units(own: Responsibility, heading: Responsibility) -> Responsibility:
    """The paragraph's own responsibility (its `协同单位:` line) under its heading's units: the
    heading's lead, the line's help. A paragraph that names its own lead or listed units keeps them."""
    if own.roles[LEAD] or own.roles[LISTED]:
        return own
    named = [n for names in heading.roles.values() for n in names]
    roles = {k: list(v) for k, v in heading.roles.items()}
    roles[CO] = roles[CO] + [n for n in own.roles[CO] if n not in named]
    return replace(own, roles=roles, origin=ORIGIN)
