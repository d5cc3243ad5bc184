"""A notice to one group of offices whose measures name no unit: the group answers for each.

A bureau, a brigade or a township sends its own offices a notice of what they are to do, addressed
to them alone on the salutation line (`各派出所:`, `各中队:`, `各村(社区):`, `局机关各科室:`), and
lists the measures without naming anyone: the addressee is who does them (`现结合…职责,明确如下:`),
as the sentence before a 责任清单 names its owner (`list_owners`). The group is one addressee, as
`各乡镇(街道)` is. Only a salutation of one group of offices counts: `各单位:` or `各有关部门:`
charges no office in particular, and a notice to several (`各乡镇人民政府,县政府各部门:`) divides
its work item by item or not at all.

Such a notice frames its measures with sections that are no measures: its targets
(`一、工作目标`) and the area or the objects it covers (`二、整治范围`): `plan_frames.frames_a_section`. Where
no item names a unit, the measures are the lowest items outside those sections, and each is the addressee's.
"""

from __future__ import annotations

import re

from .responsibility import Responsibility
from .textutil import normalise
from .unit_labels import LISTED
from .unit_lists import split_names
from .unit_names import looks_like_units

# `各派出所:` alone on its line: `各` and a kind of office, a bracket of the kind it also covers.
_SALUTATION_RE = re.compile(
    r"^\s*(?P<name>(?:[\u4e00-\u9fff]{1,4}?)?各[\u4e00-\u9fff]{0,4}?"
    r"(?:派出所|所|中队|大队|站|科室|股室|科|股|处室|村委会|居委会|村|社区|乡镇|镇|街道)"
    r"(?:\([\u4e00-\u9fff、]{1,6}\))?)\s*:\s*$"
)


def sole_addressee(header: list[tuple[int, str]]) -> tuple[Responsibility, str] | None:
    """The one group of offices the notice's salutation names (`各派出所:`), or None."""
    found: list[tuple[str, str, re.Match[str]]] = []
    for _, text in header:
        norm = normalise(text)
        m = _SALUTATION_RE.match(norm)
        if m is not None and looks_like_units(m["name"]):
            found.append((text, norm, m))
    if len(found) != 1:
        return None
    text, norm, m = found[0]
    resp = Responsibility(origin="主送")
    resp.roles[LISTED] = split_names(text, norm, m.start("name"), m.end("name"))
    return (resp, "主送") if resp.found else None
