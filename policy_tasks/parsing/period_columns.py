"""A schedule column that names a period dates its cells to the period's end.

A progress report on a 责任清单 reports a period's work and plans the next one's, each in a
column named for its period: `2023年10-12月份进展情况` (what was done), `2024年1-3月份进度安排`
(what is due next). A plan's month cell dates its row; so does this column's name: each cell is
what is due by the period's end, written `2024年1-3月:<cell>` for the clause reader. The year is
the column's own; a column without one (or with a miswritten one, `20224年`, no year of four
digits) takes the year of the period column before it, the next year where its months come
round again (`1-3月` after `10-12月`: the next quarter, in January of the next year).
"""

from __future__ import annotations

from .column_meanings import DUE, meaning
from .lazy_patterns import lazy_compile
from .textutil import normalise

_MONTHS_RE = lazy_compile(r"(\d{1,2})(?:月份?)?(?:[-—–~至到](\d{1,2}))?月")
_YEAR_RE = lazy_compile(r"(?<!\d)(\d{4})年")


def period_cells(cells: list[str], headers: list[str]) -> list[str]:
    """The cells of a row's columns (`headers`), each schedule column's cell written under its
    period (`2024年1-3月:…`) where its header names one."""
    out = list(cells)
    year: int | None = None
    last_month = 0
    for i, (cell, head) in enumerate(zip(cells, headers, strict=False)):
        text = "".join(normalise(head).split())
        months = _MONTHS_RE.search(text)
        if months is None:
            continue
        first, last = int(months[1]), int(months[2] or months[1])
        if not 1 <= first <= last <= 12:
            continue
        own = _YEAR_RE.search(text[: months.start()])
        if own:
            year = int(own[1])
        elif year is not None and first <= last_month:
            year += 1  # the months come round again: the next year's
        last_month = last
        if meaning(head) == DUE and cell and not _MONTHS_RE.match(normalise(cell)):
            period = f"{first}-{last}月" if first != last else f"{first}月"
            out[i] = f"{year}年{period}:{cell}" if year else f"{period}:{cell}"
    return out
