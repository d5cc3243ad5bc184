"""A bracket of bare unit names closing an item: its units, the first leading.

A city's breakdown of its government work report closes each target with the units that answer for it, no label
and no role word, the city's departments joined by `、` and the counties and its zone after `,`
(`财政一般预算收入增长13%(市财政局、市国税局、市地税局,各县市区政府,荆州开发区)。`, round 90). The parts cut at
`,` / `;` are one list: a zone or a place (`荆州开发区`, `沙市区`) is no unit alone, but beside a unit of the same
list it stands for its administration, as `宜昌市` does after a `、`.

A bracket listing the places an item takes in is its subject matter, not its units, even where the places are towns
(`镇` ends a town's government's name too): one that opens with `包括` / `包含` / `含` / `涵盖`
(`(包括观音垱镇、岑河镇、郝穴镇)`), or whose last name runs into the count of the places listed
(`(观音垱镇、岑河镇、郝穴镇三个乡镇)`).
"""

from __future__ import annotations

import re

from .unit_names import TRIM, looks_like_units

# `包括A、B`, `含A、B`: the places the item takes in.
_TAKES_IN_RE = re.compile(r"^(?:包括|包含|含|涵盖)")
# `…郝穴镇三个乡镇`, `…C村共5个村`: a count of the places just listed, run into the last name.
_COUNTED_RE = re.compile(
    r"[\u4e00-\u9fff](?:共|等)?(?:\d{1,3}|[一二三四五六七八九十两]{1,3})个"
    r"(?:乡镇|镇|乡|村|社区|街道|县|区|市|县市区|县区|片区|园区)$"
)


def listed_places(inner: str) -> bool:
    """The bracket's words list the places the item takes in (`包括A、B`, `A、B、C三个乡镇`), no units."""
    inner = inner.strip(TRIM)
    return bool(_TAKES_IN_RE.match(inner) or _COUNTED_RE.search(inner))


def bare_unit_list(parts: list[str]) -> bool:
    """The parts of a bracket naming no role, cut at `,` / `;`, are one list of units: every name a unit, or a
    place standing for its administration beside a unit of the same list."""
    return all(parts) and not listed_places(",".join(parts)) and looks_like_units(",".join(parts))
