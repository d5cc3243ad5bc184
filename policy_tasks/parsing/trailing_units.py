"""Units a bracket names after its roles with no role of their own: `(A、B、C分工负责;各乡镇)`.

A province's style of bracket (晋政发, and the counties that copy it) closes a measure with the departments that share
the work, then after a `;` the governments that carry it out locally, written bare: `(县委宣传部、县委组织部、县应急局分工
负责;各乡镇)`, and a unit may stand between them after a comma (`…分工负责,县安委办;各乡镇`). The role word governs the run
before it; the units after it have no role word of their own and help, in the bracket's order (round 117), as the
level named after a remit phrase with `结合实际落实` does (`local_parts`). A part that is a time (`年内持续推进`), a
person or anything but a list of units is no such part, and a bracket naming no role keeps its bare-list reading
(the first unit leading).
"""

from __future__ import annotations

from .person_names import is_person
from .unit_labels import FREE_RE
from .unit_names import looks_like_units


def trailing_units(part: str) -> bool:
    """Whether a bracket's part after its roles only names units (see above)."""
    part = part.strip()
    return bool(part) and not FREE_RE.match(part) and not is_person(part) and looks_like_units(part)
