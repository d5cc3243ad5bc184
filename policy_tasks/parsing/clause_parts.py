"""A clause's text with the source line of each piece, and the clauses (`clause.Clause`) one item
holds.

An item's text is its own lines and its sub-items' that are no clauses (`clause_text`). A paragraph
that assigns each of its sentences in a bracket of its own holds one clause per bracket (`12-1`,
`12-2`); measures each followed by their own unit line, or sentences each naming who does them, are
split likewise (`split_by_brackets`, with `unit_lines` and `opening_roles`), and so are lines or targets each
closed by their own role-noun part, `…,责任单位为X;` (`closing_roles`), and a 督办 list of projects each named
after its unit, `A负责的…项目;B负责的…工程` (`charged_projects`), and a section's project paragraphs in groups, each
group closed by the line naming its lead, `上述项目由A牵头负责。` (`group_leads`), and a division of work run into one
paragraph, `县环保局。负责…。县农委。负责…` (`duty_passages`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from .charged_projects import split_at_charged_projects
from .clause import Clause
from .closing_roles import split_at_closing_roles
from .division_items import split_at_division_paragraphs
from .duty_passages import split_at_duty_passages
from .group_leads import split_at_group_leads
from .opening_roles import split_at_charging_sentences
from .outline_node import Node
from .principle_headings import principle_heading
from .textutil import normalise
from .unit_colon_items import split_at_colon_duties
from .unit_labels import LABEL_RE
from .unit_lines import split_at_unit_lines
from .unit_work_headings import body_pieces
from .units import peek_responsibility


def clause_text(node: Node, clauses: set[int]) -> tuple[str, list[tuple[int, int]]]:
    """The clause's own lines and its sub-items', but not those of sub-items that are clauses (nor a
    heading that only names the unit whose work its paragraph is, `unit_work_headings`)."""
    parts: list[tuple[int, str]] = body_pieces(node)

    def add(parent: Node) -> None:
        for child in parent.children:
            if id(child) in clauses:
                continue
            parts.append((child.line, child.raw_first))
            parts.extend(child.pieces[1:])
            add(child)

    add(node)
    text, offsets, pos = [], [], 0
    for line, piece in parts:
        offsets.append((pos, line))
        text.append(piece)
        pos += len(piece) + 1
    return "\n".join(text), offsets


# A line introducing the list below it, ending in a colon, no sentence and no bracket (`…主要经济指标如下:`).
_LEAD_IN_RE = re.compile(r"[ \t]*[^\n。;!?()]{2,60}:[ \t]*\n")


def split_by_brackets(clause: Clause) -> list[Clause]:
    """`…县域经济(省经委、发改委、财政厅)。加大对老区…(省民宗委)。`: a paragraph that assigns
    each of its sentences in a bracket of its own holds as many clauses (labelled `12-1`, `12-2`)."""
    if len(projects := split_at_group_leads(clause)) > 1:
        return projects  # `…进度为:第一季度…` paragraphs, then `上述项目由A牵头负责。`: a clause a project
    if len(divided := split_at_division_paragraphs(clause)) > 1:
        return divided  # `2、职责分工` over paragraphs each opening with its department (`division_items`)
    if len(passages := split_at_duty_passages(clause)) > 1:
        return passages  # `…如下:县环保局。负责…。县农委。负责…`: a clause a unit's passage (`duty_passages`)
    if len(duties := split_at_colon_duties(clause)) > 1:
        return duties  # `具体职责如下:` over `政治处:负责…` lines: a clause a unit's line (`unit_colon_items`)
    norm = normalise(clause.text)
    resp = peek_responsibility(clause.text)
    if resp.origin != "括号" and resp.origin != "无标注括号":
        measures = split_at_unit_lines(clause)  # measures each followed by its own unit line
        if len(measures) == 1 and not resp.found:
            charged = split_at_charging_sentences(clause)  # `由A负责,…。B负责…`: a clause per sentence
            # `…:A负责的…项目;B负责的…工程`: a 督办 list of projects by their units, a clause per part
            return charged if len(charged) > 1 else split_at_charged_projects(clause)
        if len(measures) == 1:
            return split_at_closing_roles(clause)  # `…,责任单位为A;` `…,责任单位为B;`: a clause per target
        return measures
    ends = []
    for _, end in resp.spans:
        stop = end
        while stop < len(norm) and norm[stop] in "。;. ":
            stop += 1
        ends.append(stop)
    body_after = [len(norm[e:].strip(" \n。")) for e in ends]
    if len(ends) < 2 or all(n == 0 for n in body_after[:-1]):
        return [clause]
    parts: list[Clause] = []
    start = 0
    # `(一)约束性指标` over lines that each carry their bracket: the heading line is no clause's text.
    first, _, rest = clause.text.partition("\n")
    bare = not re.search(r"[。;!?]", normalise(first)) and not peek_responsibility(first).found
    if rest and (bare or principle_heading(first)):
        if norm.find("\n") < ends[0]:
            start = len(first) + 1
    # `到2018年底,全市主要经济指标如下:` over `——` targets each closed by their lead's bracket: the line leading in to
    # the run is its heading too, no target's text; its date is the horizon the targets are measured at (round 117).
    while (lead_in := _LEAD_IN_RE.match(norm, start)) and lead_in.end() < ends[0]:
        if LABEL_RE.match(lead_in.group().strip()):
            break  # `牵头单位:` over its value's line is a field, no lead-in
        start = lead_in.end()
    part_start = 0
    for i, end in enumerate(ends):
        last = i == len(ends) - 1
        stop = len(clause.text) if last else end
        piece = clause.text[start:stop].strip()
        if len(normalise(piece).strip()) < 8 and parts:
            continue
        if parts and LABEL_RE.match(normalise(piece)):
            # `…建议。(主办单位:A)` / `领衔督办:张三副市长`: field lines after a sentence's bracket are
            # that sentence's (its leader, its deadline), no sentence of their own.
            offsets = [(max(0, o - part_start), line) for o, line in clause.offsets if o >= part_start or o == 0]
            parts[-1] = replace(
                parts[-1], text=clause.text[part_start:stop].strip(), offsets=offsets or parts[-1].offsets
            )
            start = stop
            continue
        part_start = start
        offsets = [(max(0, o - start), line) for o, line in clause.offsets if o >= start or o == 0]
        parts.append(
            Clause(
                clause.node, piece, offsets or [(0, clause.node.line)], f"{clause.label}-{len(parts) + 1}", clause.area
            )
        )
        start = stop
    return parts if len(parts) >= 2 else [clause]
