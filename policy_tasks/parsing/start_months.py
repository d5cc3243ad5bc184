"""A month a duty starts from, `从2020年4月开始对…进行督查`: no deadline.

The README dates nothing by a time a duty starts from (`从2023年第一季度开始`, round 101; `从3月起`, round 132): the
quarter and year patterns pass `…开始` over (`time_patterns`), and a month `起` too. A month written between `从` (`自`)
and `开始` is the same start: a higher level announcing when its checks begin (`县里将从2020年3月开始对…进行检查`) sets
no day the work is due (round 181). A month with `开始` and no `从` stays a schedule's step (`3月上旬开始施工`, a
construction plan's start, read as the milestone of that step).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

_START_MONTH_RE = lazy_compile(
    r"(?<=从|自)(?:(?:19|20)\d{2}\s*年\s*)?\d{1,2}\s*月份?(?:初|上旬|中旬|下旬|中|底|末)?(?=开始)", needs="开始"
)


def start_month_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm`'s months a duty starts from (`从2020年4月开始`)."""
    return [m.span() for m in _START_MONTH_RE.finditer(norm)]
