"""A delivery window written as two periods joined by `或`: the work is due by the later one's end.

A schedule that cannot fix the day a piece of work lands names the window it may land in as two periods side by
side, `发稿时间:7月底或8月上旬`, `6月底或7月初完成`: either is allowed, so the commitment holds until the later
one has passed. The corpus README dates a span at its end (`3月至6月`, `5月7-13日`, a stage's `(5月下旬-8月)`,
rounds 77 and 143) and a period at its last day; a window of alternatives is read the same way, at the later
period's end (round 161), as `至` joins a range (`deadlines._join_ranges`).

Only two dated periods with nothing but `或` (`或者`) between them are a window. Two commitments each with words of
their own (`6月底前完成初稿或8月底前完成`) are not joined: each phrase keeps its reading.
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

WINDOW_JOIN = lazy_compile(r"\s*或者?\s*")


def joins_window(norm: str, prev_end: int, next_start: int) -> bool:
    """Whether only `或` stands between a period ending at `prev_end` and the next starting at `next_start`."""
    return WINDOW_JOIN.fullmatch(norm, prev_end, next_start) is not None
