"""Items ending in `;` that name no one are one enumeration with the sibling that closes it.

`2.…6月30日前完工;` `3.…10月30日前完成;4.…封顶。责任单位:A`: the last item's units are theirs
(moved out of `document` unchanged, to keep that module small). A sibling charged by the subject it opens with
(`一是各单位会后…报县发改局汇总;二是县发改局要…`, a leader's inline points, round 136) closes no run: its subject
charges its own sentence, as a minute's point's does, not the points before it.
"""

from __future__ import annotations

from dataclasses import replace

from .clause import Clause
from .meeting_demands import demand_charge
from .responsibility import Responsibility
from .speaker_demands import carried_demands, speaker_demand
from .speech_subjects import addressed_to_all, speech_charge
from .textutil import normalise

# Where a sibling's units are its opening subject's (`X要…`, a minute's `X负责…`): they close no enumeration.
_OPENING_SUBJECTS = ("正文开头", "纪要正文")


def semicolon_runs(clauses: list[Clause], found: list[tuple[Responsibility, str]]) -> list[tuple[Responsibility, str]]:
    """`found` (each clause's responsibility and where it came from), with the units of the sibling that
    closes a `;` enumeration given to the silent items before it."""
    # A meeting frame's demand is charged by its own subject alone, or by the one it goes on with, or names no one
    # (`meeting_demands`): what else its sentences name (`向市委审计委员会…报送`) is no unit of it.
    for i, clause in enumerate(clauses):
        if (framed := demand_charge(clause.text, node=clause.node)) is not None:
            # A demand charging persons by post (`镇村干部、护林员要…`, `post_subjects`) names them as its leaders.
            leaders = framed.leaders + [x for x in found[i][0].leaders if x not in framed.leaders]
            found[i] = (replace(framed, leaders=leaders), framed.origin)
        # A speaker's demand charging bodies later in its sentence (`要…,县、乡两级兵役机关要…`, `speech_subjects`).
        elif speaker_demand(clause.node) and (spoken := speech_charge(clause.text)) is not None:
            found[i] = (replace(spoken, leaders=found[i][0].leaders), spoken.origin)
    for i in range(len(found) - 2, -1, -1):
        resp, origin = found[i]
        clause, after = clauses[i], clauses[i + 1]
        if resp.found or origin or not normalise(clause.text).rstrip().endswith(";") or speaker_demand(clause.node):
            continue
        if after.node.parent is not clause.node.parent or after.node.style != clause.node.style:
            continue
        if found[i + 1][0].found and found[i + 1][1] not in _OPENING_SUBJECTS:
            found[i] = (found[i + 1][0].without_due(), f"分号续:第{after.label}条")
    # `…要压实责任,…。要强化领导,…`: a leader's demand with no subject goes on with the one before (`speaker_demands`),
    # unless every sentence of the speech opens with a charge: then `要…` alone is addressed to all (`speech_subjects`).
    general = _addressed_to_all(clauses)
    before = list(found)
    found = carried_demands(clauses, found)
    return [before[i] if i in general else f for i, f in enumerate(found)]


def _addressed_to_all(clauses: list[Clause]) -> set[int]:
    """The speaker's demands opening with `要` alone in a speech whose every sentence opens with a charge."""
    lines: dict[int, list[int]] = {}
    for i, clause in enumerate(clauses):
        if speaker_demand(clause.node):
            lines.setdefault(clause.node.line, []).append(i)
    general: set[int] = set()
    for ids in lines.values():
        flags = addressed_to_all([clauses[i].text for i in ids])
        general |= {i for i, flag in zip(ids, flags, strict=True) if flag}
    return general
