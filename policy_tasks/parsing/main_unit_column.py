"""A table's only unit column headed `主要责任单位`: a list of responsible units, the first leading.

`主要责任单位` (`主要责任部门`) sets the units mainly responsible against those that help, so beside a
配合 / 协同 column it is the 牵头 column and every unit in it leads (`column_meanings`). A table with
no such column uses the same header for its one unit column (`序号 | 名称 | 工作任务 | 主要责任单位`):
there 主要 only says these are the units that answer, and the cell lists them as a 责任单位 cell
does, the first leading and the others co-responsible (`市财政局、国税局、地税局`).
A column that says 牵头 / 主办 / 主责 / 第一责任 in words leads whatever stands beside it.

A 目标任务分解表 of the 目标考核 system (`项目 | 分值 | 目标任务 | 监考单位`, a district handing its departments the
year's targets) may have no 责任单位 column at all: its only unit column is `监考单位` (`考核单位`, `责任考核单位`),
the line department of each target's field (区发改局 for GDP, 区人社局 for jobs), which answers for the target and
examines it at the year's end. Standing alone against the targets, it names those the table holds to them: a
责任单位 column, the first unit leading and the others (区统计局, which counts the figure) co-responsible
(`settle_examiner_column`). Beside a column of units responsible it stays what it was (an examiner, or units
that help).
"""

from __future__ import annotations

from .column_meanings import CO, EXAMINER_RE, LEAD, LISTED, OTHER, TARGET_TABLE_RE, UNIT_KINDS
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


def settle_examiner_column(kinds: list[str | None], header: list[str], *, held: bool = False) -> list[str | None]:
    """The kinds with a target table's sole `监考单位` column read as a 责任单位 column (see the module); where the
    table's title names the parties held (`held`, `held_parties`), as a column of units that help."""
    texts = ["".join(normalise(h).split()) if h else "" for h in header]
    examiners = [i for i, k in enumerate(kinds) if k in (CO, OTHER) and i < len(texts) and EXAMINER_RE.match(texts[i])]
    others = [i for i, k in enumerate(kinds) if k in UNIT_KINDS and i not in examiners]
    if len(examiners) != 1 or others:
        return kinds
    if not any(TARGET_TABLE_RE.search(t) for j, t in enumerate(texts) if j != examiners[0]):
        return kinds
    return [(CO if held else LISTED) if j == examiners[0] else k for j, k in enumerate(kinds)]
