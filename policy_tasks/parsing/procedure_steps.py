"""A procedure's steps, each opening with the body that carries it out.

A fund's application and allocation procedure (申报和分配程序), as an approval's, lists its steps as numbered items, each
opening with the body that does the step as its sentence's subject: no bracket, no label and no `要`, for a procedure
says what each body does, not what it must (海南 2024, round 129):

    (一)市县财政部门按照预算编制有关规定及时间要求,会同生态环境部门将…报送省财政厅及省生态环境厅,…
    (二)省生态环境厅对市县申报的项目进行审查,将…建议报送省财政厅审核。
    (三)省财政厅根据专项资金额度及项目轻重缓急情况对市县项目进行审核,…
    (四)省财政厅按照预算管理有关规定及时下达项目资金。

Each step is a clause its opening body leads; the body it works with (`会同生态环境部门`, the same level's department
written by its sector) helps. The bodies it sends its work to (`报送省财政厅审核`) only receive it in that step: their
own part (the review) is a step of its own, so they are no unit of this one (corpus README, round 129; round 77's
office that receives and then checks is co where that check is written in the same stage only).

The body is a unit's name with its place (`省财政厅`, `市县财政部门`, `role_sentences.reads_as_units`), right before the
basis it works by (`根据`, `按照`, `依据`, `依照`) or the object of its act (`对…进行审查`, `将…报送`), or before `会同`.
Read so only where every item of a list of three or more opens so (`procedure_kind`): a lone `市财政局按照…` in a plan's
prose is its background as often as its charge, and stays unread there. Near cases: a list whose items open with a
vague subject (`有关部门根据…`), with persons, or with a step's name (`材料审核。`, round 119's `stage_subjects`); a list
one item of which opens with no body.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .outline_node import Node
from .responsibility import Responsibility
from .role_sentences import opening_starts, reads_as_units
from .textutil import normalise
from .unit_labels import CO, LISTED
from .unit_lists import split_names
from .unit_names import looks_like_units
from .units import peek_responsibility

# The kind `notice_kinds` gives a document whose list is such a procedure.
PROCEDURE = "procedure"
_STEPS_AT_LEAST = 3
# The step's body, then the basis it works by or the object of its act: `省财政厅根据…`, `省生态环境厅对…进行审查`.
_STEP_RE = lazy_compile(
    r"(?P<names>[\u4e00-\u9fff()、]{2,30}?)(?=根据|按照|依据|依照|对(?!于|照|接|外)|将(?!要|会|来)|会同)"
)
# The body the step's doer works with: `会同生态环境部门将…`, up to the act.
_WITH_RE = lazy_compile(r"会同(?P<names>[\u4e00-\u9fff、]{2,24}?)(?=将|对|共同|联合|开展|做好|进行|,)")


def step_subject(norm: str) -> tuple[int, int] | None:
    """The span of the body a step opens with (`省财政厅根据…`), or None."""
    for start in opening_starts(norm):
        m = _STEP_RE.match(norm, start)
        if m is not None and reads_as_units(m["names"]):
            return m.span("names")
    return None


def procedure_kind(root: Node) -> frozenset[str]:
    """`{PROCEDURE}` where a list of three items or more, with no sub-items and no unit bracket or label, has every
    item open with the body that does it (`step_subject`); else empty."""
    for node in [root, *root.walk()]:
        kids = node.children
        if len(kids) < _STEPS_AT_LEAST or any(k.children for k in kids):
            continue
        texts = [k.own_text for k in kids]
        if all(not peek_responsibility(t).found and step_subject(normalise(t)) is not None for t in texts):
            return frozenset({PROCEDURE})
    return frozenset()


def step_charge(text: str, norm: str, groups: frozenset[str]) -> Responsibility | None:
    """In a procedure (`PROCEDURE` in `groups`), the body a step opens with leads, and the one it works with
    (`会同B`) helps; None elsewhere or where the step opens with no body."""
    if PROCEDURE not in groups or (span := step_subject(norm)) is None:
        return None
    found = Responsibility(origin="正文开头")
    found.roles[LISTED] = split_names(text, norm, *span)
    end = next((i for i in range(span[1], len(norm)) if norm[i] in "。;\n"), len(norm))
    for m in _WITH_RE.finditer(norm, span[1], end):
        if looks_like_units(m["names"]):
            found.roles[CO] += [n for n in split_names(text, norm, *m.span("names")) if n not in found.roles[CO]]
    return found
