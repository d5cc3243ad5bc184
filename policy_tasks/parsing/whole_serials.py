"""A 序号 typed `1.0`, `2.0`, `3.0`: items 1, 2, 3.

A spreadsheet formatted to one decimal place, or a typist copying one, writes every serial of a
task table with a zero fraction. Where each serial of the 序号 column is a whole number so written,
the `.0` says nothing and the rows are items 1, 2, 3. A column with any other fraction (`1.1`, or
`2.0` over `2.1`) numbers a decimal outline and keeps its numbers as written.
"""

from __future__ import annotations

import re

from .textutil import normalise

_ZERO_FRACTION_RE = re.compile(r"(?P<n>\d{1,3})\.0{1,2}")


def whole_serials(rows: list[list[str]], column: int) -> list[list[str]]:
    """`rows` (the header's rows below it) with the column's `N.0` serials written `N`, when every
    filled cell of the column is one."""
    cells = [normalise(r[column]).strip() for r in rows if column < len(r) and r[column].strip()]
    if not cells or not all(_ZERO_FRACTION_RE.fullmatch(c) for c in cells):
        return rows
    out = []
    for row in rows:
        m = _ZERO_FRACTION_RE.fullmatch(normalise(row[column]).strip()) if column < len(row) else None
        out.append([*row[:column], m["n"], *row[column + 1 :]] if m else row)
    return out
