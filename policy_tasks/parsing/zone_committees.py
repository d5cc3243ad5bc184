"""A development zone's committee named after the places of the zones it stands for.

A city's plan assigns work to the committees of several development zones at once by writing the
places bare, one after another, before one zone's full name: `临汾、侯马、洪洞经济开发区管委会` is the
committees of the 临汾, 侯马 and 洪洞 economic development zones, one addressee, as
`海东市、兰州市、临夏州发展改革部门` is (`unit_lists`). The last name is a place's name (two to four
characters) followed by the kind of zone (`经济开发区`, `经济技术开发区`, `高新技术产业开发区`, `工业园区`…)
and its committee (`管委会`, `管理委员会`); a zone named without a place (`高新区管委会`) shares nothing.
`unit_lists` keeps such a run one name, and `unit_names` counts its bare places as units where it
judges whether a table's cell lists units.
"""

from __future__ import annotations

import re

_ZONE_COMMITTEE_RE = re.compile(
    r"^[\u4e00-\u9fff]{2,4}?"
    r"(?:经济技术开发区|经济开发区|高新技术产业开发区|高新技术开发区|高新区|开发区|工业园区|产业园区|产业集聚区|工业集中区)"
    r"(?:管委会|管理委员会)$"
)


def is_place_zone_committee(name: str) -> bool:
    """`洪洞经济开发区管委会`: a place's zone and its committee, which bare places before it share."""
    return bool(_ZONE_COMMITTEE_RE.match(name.strip()))
