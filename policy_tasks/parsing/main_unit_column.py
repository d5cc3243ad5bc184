"""A table's only unit column headed `主要责任单位`: a list of responsible units, the first leading.

`主要责任单位` (`主要责任部门`) sets the units mainly responsible against those that help, so beside a
配合 / 协同 column it is the 牵头 column and every unit in it leads (`column_meanings`). A table with
no such column uses the same header for its one unit column (`序号 | 名称 | 工作任务 | 主要责任单位`):
there 主要 only says these are the units that answer, and the cell lists them as a 责任单位 cell
does, the first leading and the others co-responsible (`市财政局、国税局、地税局`).
A column that says 牵头 / 主办 / 主责 / 第一责任 in words leads whatever stands beside it.
"""

from __future__ import annotations

from .column_meanings import CO, LEAD, LISTED, UNIT_KINDS
from .lazy_patterns import lazy_compile
from .textutil import normalise

_MAIN_ONLY_RE = lazy_compile(r"主要责任")
_LEADS_IN_WORDS_RE = lazy_compile(r"牵头|主办|主责|第一责任")


def settle_main_column(kinds: list[str | None], header: list[str]) -> list[str | None]:
    """The kinds with a sole `主要责任单位` column read as a 责任单位 column (see the module)."""
    units = [i for i, k in enumerate(kinds) if k in UNIT_KINDS]
    if len(units) != 1 or CO in kinds:
        return kinds
    i = units[0]
    text = "".join(normalise(header[i]).split()) if i < len(header) else ""
    if kinds[i] != LEAD or not _MAIN_ONLY_RE.search(text) or _LEADS_IN_WORDS_RE.search(text):
        return kinds
    return [LISTED if j == i else k for j, k in enumerate(kinds)]
