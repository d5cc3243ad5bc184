"""A plan's work named before the body that leads it, and the bodies the next part charges (round 154).

A plan's mechanism item often names the work first and then who leads it, the others charged in the next part:

    (一)建立完善专班推进机制。专项行动由镇平安办牵头,重点任务责任部门和各村居要坚持党委领导、…组建工作专班,…

The work (`专项行动`, `此项工作`, `整治工作`) is no part of the leading body's name: the subject opens at `由`
(`work_topics`). The part right after `牵头,` charging its subjects with `要` names the bodies that work under the
lead: they help, in order. Such a subject is a unit, the role a plan's task list
gives the departments answering for its tasks (`重点任务责任部门`, `任务责任部门`: one addressee, as round 95 reads
`各责任单位`), or a town's villages (`各村居`, `village_subjects`). Near cases: a unit whose own name ends in a work word
(`县扶贫工作领导小组要…`, no `由` after it), a `由X牵头` with no part after it charging anyone, and a later part with no
`要` (`…牵头,各村居积极配合`), which this does not read.

A lead that forms a joint body for the work names its members in the same part (`乡食品安全办公室牵头,组成由各相关成员单位
参加的联合检查组,…`, round 180): the units taking part (`参加` / `参与`) help, in order; the group's members as such
(`各相关成员单位`, `各成员单位`) are one addressee, as `各相关单位` is. Near cases: a body formed with no members named
(`牵头,组成联合检查组`), members that are persons (`由分管领导参加的`).
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile
from .role_groups import role_group
from .role_sentences import reads_as_units
from .unit_colon_items import office_names
from .village_subjects import village_group

# The next part after `由X牵头,`: its subjects joined by `和` / `、` / `及`, then `要`.
_NEXT_PART_RE = lazy_compile(r",(?P<names>[\u4e00-\u9fff()、]{2,40}?)要(?![求点])", needs="要")
_JOIN_RE = re.compile(r"和|、|及|与")
# The next part forming a joint body of the units that take part: `,组成由A、B参加的联合检查组`.
_FORMED_RE = lazy_compile(
    r",(?:组成|成立|组建)由(?P<names>[\u4e00-\u9fff()、]{2,40}?)(?:共同)?(?:参加|参与)的[\u4e00-\u9fff]{0,8}?(?:组|队|专班)",
    needs="参加|参与",
)
# A working group's members as one addressee (`各相关成员单位`).
_MEMBERS_RE = re.compile(r"各?(?:相关|有关)?成员单位")


def lead_frame_helpers(norm: str, subject_end: int) -> list[tuple[int, int]]:
    """The spans of the bodies the part after `由X牵头,` charges with `要` (`重点任务责任部门和各村居要…`), when every
    one of them is a body; empty otherwise."""
    if not norm.startswith("牵头", subject_end):
        return []
    m = _NEXT_PART_RE.match(norm, subject_end + 2)
    formed = _FORMED_RE.match(norm, subject_end + 2) if m is None else None
    m = m or formed
    if m is None:
        return []
    spans, at = [], m.start("names")
    for piece in _JOIN_RE.split(m["names"]):
        spans.append((at, at + len(piece)))
        at += len(piece) + 1
    if not all((_member if formed else _helper)(norm[s:e]) for s, e in spans):
        return []
    return spans


def _helper(name: str) -> bool:
    """A body a lead frame's next part may charge: a unit, a breakdown's role, or a town's villages."""
    role = name.removeprefix("重点")  # `重点任务责任部门`: the role of the plan's key tasks
    return bool(name) and (
        reads_as_units(name) or role_group(role) or village_group(name) or bool(_MEMBERS_RE.fullmatch(name))
    )


def _member(name: str) -> bool:
    """A unit taking part in the joint body a lead forms: any `_helper`, or a town's own office named bare (`派出所`,
    `unit_colon_items.office_names`), as a township's plan names its members."""
    return _helper(name) or office_names(name)
