"""`…完成县道改造30公里。——县交通局`: the units after a dash closing an item.

Some offices sign each item with its units after a dash at the item's end, as a quotation is signed
(`——县交通局`, `—县民政局、县财政局`, `--县交通局牵头,县财政局配合`): what follows the dash names who answers
for the item, read as a bracket closing it is. Only a dash that ends the item's line with nothing but
units (or units and their roles) after it counts; a dash inside a sentence (`2024—2026年`, `——以…为重点`)
names no one.
"""

from __future__ import annotations

import re

from .unit_labels import FREE_RE
from .unit_names import looks_like_units

_DASHED_RE = re.compile(r"(?:——|—|--|──|-)\s*(?P<units>[^—\-\n。()]{2,80}?)\s*[。.;]?\s*$", re.M)


def dashed_unit_span(norm: str) -> tuple[int, int, int] | None:
    """(dash start, units start, units end) of the units signing the item's last line, or None."""
    m = next(reversed(list(_DASHED_RE.finditer(norm))), None)
    if m is None or m.end() < len(norm.rstrip()):
        return None
    units = m["units"]
    parts = re.split(r"[,;]", units)
    if not all(looks_like_units(p) or FREE_RE.match(p) for p in parts if p.strip()):
        return None
    return m.start(), m.start("units"), m.end("units")
