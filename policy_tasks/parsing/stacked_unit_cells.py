"""A unit cell written a unit a line, in a task table flattened a cell a line (round 99).

A table `主要工作任务 | 牵头单位 | 责任单位` flattened a cell a line puts a measure, then its lead's cell and its helpers'
cell on lines of their own (`outline_lines._bare_lead_line`: `县住建局` / `县财政局、各乡镇`). A cell that lists several
units may keep its own line breaks, a unit a line, so a row writes more unit lines than it has unit cells:

    2.大力发展新兴数字…等战略性新兴产业。
    发改局
    区工信局
    各街道办事处

Every line is a unit of the row; none is dropped (the third line used to be, with no mark). Which cell stacks them is
told by how the table writes a helpers' cell: where it joins a helpers' cell's units with `、` on one line (this row's
last line, or another row's, `区发改局` / `区工信局、区商务局、…`), a cell written a unit a line is the lead's, so the
last line is the helpers' cell and the lines before it lead together (co-leads). Where no row joins them so, the
helpers' cell is the stacked one: the lines after the lead's join it, as `pipe_tables.align` joins units beyond the
unit columns to the last one. The issuer's name over the date of writing after the last row (`某区人民政府` /
`2024年3月1日`, `notice_closes.signed`) is the 落款, no cell. A page that sets each line in a paragraph of its own,
copied with the blank lines kept (`copy_spacing`: a portal's furniture around a short copy), still writes a row's cells
on the lines after its measure: a blank line between them ends no row (`cell_after_blank`).
"""

from __future__ import annotations

import re

from .outline_node import Node
from .textutil import normalise
from .unit_labels import LABEL_RE
from .unit_names import looks_like_units
from .units import peek_responsibility

LEAD, HELPERS = "牵头单位:", "配合单位:"
_DAY_RE = re.compile(r"^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日$")


def _one_unit(norm: str) -> bool:
    name = norm.strip()
    return 0 < len(name) <= 20 and not re.search(r"[、,;:。 ]", name) and looks_like_units(name)


def _joined_units(norm: str) -> bool:
    line = norm.strip()
    return "、" in line and len(line) <= 120 and not re.search(r"[。;:]", line) and looks_like_units(line)


def helpers_joined(norms: list[str]) -> bool:
    """Whether a row of the document writes its helpers' cell as units joined by `、` on one line, after its lead's
    cell of one unit, after the measure's sentence (`1.…。` / `区发改局` / `区工信局、区商务局`)."""
    lines = [n.strip() for n in norms if n.strip()]
    for i in range(2, len(lines)):
        if lines[i - 2][-1:] == "。" and _joined_units(lines[i]) and _one_unit(lines[i - 1]):
            return True
    return False


def stacked_line(norm: str, next_norm: str) -> bool:
    """A further unit line of a row whose lead's and helpers' cells were read from lines of their own: units alone,
    no label, not the 落款 over the date of writing (`next_norm`, the next line with text)."""
    line = norm.strip()
    if not line or LABEL_RE.match(line) or _DAY_RE.match(next_norm.strip()):
        return False
    return _one_unit(line) or _joined_units(line)


def restacked(lead: str, helpers: str, line: str, joined: bool) -> tuple[str, str]:
    """The row's `牵头单位:` and `配合单位:` lines with one more unit line `line` read into them. `joined`: the table
    writes a helpers' cell joined by `、` on one line (`helpers_joined`)."""
    lead_units, helper_units = lead.removeprefix(LEAD), helpers.removeprefix(HELPERS)
    if (joined or "、" in line) and "、" not in helper_units:
        return f"{LEAD}{lead_units}、{helper_units}", f"{HELPERS}{line}"
    return lead, f"{HELPERS}{helper_units}、{line}"


def bare_lead_line(norm: str, node: Node) -> bool:
    """`1.完成老旧小区改造30个。` / `县住建局` / `县财政局、各乡镇`: a table flattened a cell a line
    puts a measure's 牵头单位 cell and then its 配合单位 cell on lines of their own, with no label. A
    line that is nothing but one unit's name, right after the measure's sentence end, under an item
    that has named no unit, is its lead when the next line is units again (its co units); alone
    it is left as it was (an issuer's name under the last item is its 落款)."""
    if not _one_unit(norm):
        return False
    own = normalise(node.own_text).rstrip()
    return own[-1:] in ("。", ";", "!", "?") and not peek_responsibility(own).found


def cell_after_blank(norm: str, following: str, node: Node, lead_above: bool, stacked_above: bool) -> bool:
    """After a blank line, whether `norm` is still a cell of `node`'s row: its helpers' cell after its lead's
    (`lead_above`), a further stacked line (`stacked_above`), or its lead's cell where the next line (`following`) is
    units again."""
    if lead_above:
        return "。" not in norm and looks_like_units(norm)
    if stacked_above:
        return stacked_line(norm, following)
    return bare_lead_line(norm, node) and (_one_unit(following) or _joined_units(following))
