"""Round 143's day and year forms: a span of days in one month, a day written about, a year span that lost its dash.

- `5月7-13日`, `5月7日至13日`: an activity week, dated at the span's end as any range is; a span into another month
  (`3月1日-5月31日`) is the ranges' reading.
- `5月8日左右`: about that day, the day the plan fixes for the event (`左右` after a figure, `6%左右`, is no day).
- `20242025年`: two years run together, the second later, where a copy lost the span's dash (`2024—2025年`); read as
  the span only where the second is within ten years after the first (`20252025年`, `20202045年` are no plan's span).
- `1.2023—2025年,…`: a point's number at a line's start before its years is no decimal (`1.2023`).
"""

from __future__ import annotations

import re

from .time_phrase import BEFORE, CLOCK, NOT_AFTER_NUMBER, YEAR_PREFIX, N

DAY_SPAN_RE = re.compile(
    rf"{NOT_AFTER_NUMBER}{YEAR_PREFIX}(?P<m>{N})月(?:{N})[日号]?\s*(?:-|—|~|至|到)\s*(?P<d>{N})[日号]{CLOCK}{BEFORE}"
)
# A day, also written about (`5月8日左右`).
DAY_RE = re.compile(rf"{NOT_AFTER_NUMBER}{YEAR_PREFIX}(?P<m>{N})月(?P<d>{N})[日号]{CLOCK}(?:左右)?{BEFORE}")
# Where a year may start: not after a figure or a decimal point, except a point's number opening a line.
YEAR_START = r"(?:(?<![\d.])|(?<=^\d\.)|(?<=\n\d\.))"
# The first year of a span whose dash was lost: a named group `y0x`, only before another year and 年.
DASHLESS_FIRST = r"(?P<y0x>20\d{2})(?=20\d{2}年)"


def dashless_span_ok(m: re.Match[str], first: int, last: int) -> bool:
    """A run-together pair of years is a span only where the second follows within ten years."""
    return not m["y0x"] or first < last <= first + 10
