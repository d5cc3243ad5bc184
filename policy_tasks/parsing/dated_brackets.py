"""A clause's units and its time side by side: in two brackets, or as two parts of one.

`(县交通局)(2026年6月底前)`: a clause closing in two brackets, one of its units and one of its time.

An office may give the units and the deadline each a bracket of its own, in either order, at the end of
an item (`…改造30公里。(县交通局、县财政局)(2026年6月底前)` or `…。(6月底前)(县交通局)`). The bracket of
the time is read for its date as any time phrase is; for the units' bracket it neither breaks the line's
end nor stands between the units and the sentence they close. A bare list of units whose last part is the
time (`(县交通局、县财政局,6月底前完成)`, `(县交通局;2026年6月底前)`) is a list of units as plain as one
without it; the time is the clause's 完成时限, as after a label's list.
"""

from __future__ import annotations

import re

from .deadlines import is_time_part
from .textutil import split_top

_LAST_BRACKET_RE = re.compile(r"\(([^()]{1,30})\)\s*$")
_FIRST_BRACKET_RE = re.compile(r"^\s*\(([^()]{1,30})\)")


def after_time_brackets(after: str) -> str:
    """What follows a bracket once the brackets of a time right after it are passed (`(6月底前)。`)."""
    while (m := _FIRST_BRACKET_RE.match(after)) and is_time_part(m[1]):
        after = after[m.end() :]
    return after


def before_time_brackets(before: str) -> str:
    """What precedes a bracket once the brackets of a time right before it are passed."""
    while (m := _LAST_BRACKET_RE.search(before)) and is_time_part(m[1]):
        before = before[: m.start()].rstrip(" ")
    return before


def before_time_parts(norm: str, start: int, end: int) -> int:
    """Where a bracket's list ends once the time parts closing it (`,6月底前完成`) are left out."""
    parts = split_top(norm, ",;", start, end)
    while len(parts) > 1 and is_time_part(norm[parts[-1][0] : parts[-1][1]].strip(" ")):
        parts.pop()
    return parts[-1][1] if parts else end
