"""A carry bracket's own sentence charging the places with their local duty.

A county 安委会's work points close each measure with a bracket whose fields name the departments and whose next
sentence charges the towns before carrying them forward: `(牵头责任单位:A、B,协同责任单位:C。各镇(园区)落实属地管理责任,
以下均需各乡镇(园区)落实属地管理责任,不再重复列出)`. The sentence before the carry charges the towns on this measure too
(co, written as that sentence writes them); the carry sentence adds its own wording to the measures after it (round 125).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .unit_lists import split_names
from .unit_names import looks_like_units

# `各镇(园区)落实属地管理责任,`: a unit list, a verb of owning, and the duty, right before the carry sentence.
_DUTY_RE = lazy_compile(
    r"(?P<names>[^。,;:]{2,30}?)(?:要|需|均需)?(?:落实|负责|承担|履行)(?:好)?(?:属地|监管|主体|行业)?(?:管理)?责任[,;]?\s*$",
    needs="责任",
)


def local_duty_names(text: str, norm: str, start: int, end: int) -> list[str]:
    """The units the sentence ending at `end` (where the carry sentence opens) charges with a duty, when that
    sentence follows the bracket's fields after a `。`; none otherwise."""
    stop = norm.rfind("。", start, end)
    if stop < 0:
        return []
    duty = _DUTY_RE.match(norm, stop + 1, end)
    if duty is None or not looks_like_units(norm[duty.start("names") : duty.end("names")], 1):
        return []
    return split_names(text, norm, duty.start("names"), duty.end("names"))
