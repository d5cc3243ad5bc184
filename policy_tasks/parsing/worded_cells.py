"""A unit cell that words its assignment as a sentence: `请市文明办协调解决`, `由区城管局负责`.

An inspection summary's 整改责任单位 column (创文 / 创卫 督查情况汇总表) mostly names the unit that must fix each
problem, but where the inspecting office cannot give the problem to one of its own units it writes a request to
the office above it (`请市文明办协调解决`, `请市住建局督促整改`), and a cell may put its unit in a charge
(`由区城管局负责`, `各乡镇负责落实`). Such a cell names the unit inside the frame, in the column's role: `请` / `由`
before it and the verb after it (`协调解决`, `负责`, `督促整改`, `处理`) are no part of its name. A cell that is a
unit's name alone, or whose words are not such a frame around units, is read as it was. A label's value is read
so too (`责任单位:请市文明办协调解决`, as a flattened row writes the cell).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .unit_names import looks_like_units

# `请X协调解决`, `由X负责`, `X协调处理`, `请X督促整改`: the request or charge around the units.
_WORDED_RE = lazy_compile(
    r"^(?P<by>请|由)?(?P<names>.+?)(?P<verb>(?:牵头)?(?:协调|研究|督促|组织|负责)?"
    r"(?:解决|处理|落实|整改|办理|负责|实施))[。.]?$",
    needs="解决|处理|落实|整改|办理|负责|实施",
)


def worded_names(cell: str) -> tuple[int, int] | None:
    """The span of the units inside a cell worded as a request or a charge (offsets in `cell`), or None."""
    m = _WORDED_RE.match(cell.strip())
    if m is None or not looks_like_units(m["names"]):
        return None
    offset = len(cell) - len(cell.lstrip())
    return offset + m.start("names"), offset + m.end("names")
