"""A line of a flattened task table that names a part of the list and counts its items is a heading.

Offices split a long 分解表 into parts with a row merged across the table that says what the part
holds and how many rows it has: `经济社会发展主要预期目标分解(15项)`, `重点工作任务(共35项)`. A page that
flattens the table a cell a line leaves that row as a line with no 序号 before the part's first row;
it is a heading over the rows that follow, not a merged group cell of the first row (a group cell,
`考核项目`, counts nothing). A task's own cell does not end in a bracketed count of 项.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_COUNTED_RE = lazy_compile(r"^[^。;,:]{2,40}?\((?:共|计)?\d{1,3}项\)$")


def counts_its_items(text: str) -> bool:
    """`经济社会发展主要预期目标分解(15项)`: a part of the list with its count of items."""
    return bool(_COUNTED_RE.match("".join(normalise(text).split())))
