"""Two-row headers of tables a web page flattened a row a line.

A header cell merged over several sub-columns (`资金来源` over `中央资金 | 省级资金 | 县级资金`,
`责任单位` over `牵头单位 | 配合单位`) is written once on the header line, and the cells it spans
are made up as empty cells at the line's end; the next line names the sub-columns and nothing
else. Read as it stands, every column after the merged one is off by the sub-columns it spans (a
deadline read as a unit, a person's column holding a target). `spread_header` writes the header
out in full: the merged cell replaced by its sub-columns.

The merged cell is the header column the sub-columns belong to: the one whose meaning they share
(a unit column over 牵头/配合, a time column over quarters), else the last one whose name shares a
word with every sub-column (`资金来源` over `…资金`).
"""

from __future__ import annotations

from collections.abc import Callable

from .column_meanings import UNIT_KINDS
from .lazy_patterns import lazy_compile
from .textutil import normalise

_FIGURE_RE = lazy_compile(r"^[\d.,%万亿元\s-]+$")


def _trailing_empty(row: list[str]) -> int:
    n = 0
    while n < len(row) and not row[len(row) - 1 - n]:
        n += 1
    return n


def _family(kind: str | None) -> str | None:
    return "units" if kind in UNIT_KINDS else kind


def _shares_word(head: str, subs: list[str]) -> bool:
    words = {head[i : i + 2] for i in range(len(head) - 1)}
    return all(any(w in s for w in words) for s in subs)


def spread_header(header: list[str], below: list[str], meaning: Callable[[str], str | None]) -> list[str] | None:
    """The header written out in full when `below` is the line of sub-columns a merged header cell
    spans (see the module's note), else None."""
    named = len(header) - _trailing_empty(header)
    subs = [c for c in below if c]
    if len(subs) < 2 or any(below[: len(subs)][i] != subs[i] for i in range(len(subs))):
        return None  # sub-column names come first on their line, the spanned cells after them
    if _trailing_empty(header) < len(subs) - 1 or named < 3:
        return None  # the header line made up no empty cells for a merged one
    norm = ["".join(normalise(c).split()) for c in subs]
    if any(_FIGURE_RE.match(c) or len(c) > 16 for c in norm) or norm[0] in ("合计", "总计", "小计"):
        return None  # a row of figures or a total, not a line of column names
    heads = ["".join(normalise(c).split()) for c in header[:named]]
    if any(h in norm for h in heads):
        return None  # the header repeated (a new page), not its sub-columns
    families = {_family(meaning(c)) for c in norm}
    telling = len(families) == 1 and families <= {"units", "due"}  # 牵头/配合 under 责任单位, quarters
    same = [i for i, h in enumerate(heads) if telling and families == {_family(meaning(h))}]
    shared = [i for i, h in enumerate(heads) if h and _shares_word(h, norm)]
    spans = same or shared
    if not spans:
        return None
    at = spans[-1]
    return [*header[:at], *subs, *header[at + 1 : named]]
