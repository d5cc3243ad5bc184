"""The season a recurring duty runs in is no deadline (round 147).

A patrol or an inspection rule may hold a duty to part of every year, the months written as a span before the period
that recurs in it: `乡(镇)级河湖长每年的3月至12月每月巡查不少于1次`, `每年4-10月每周开展一次巡查`.
The span names the months the duty is kept in, each year; its end is no date the work is due by, and the duty is read
by its own period (`每月`, `每周`). Before, the span's last month was read as a deadline of the document's year.

Only a span of months after `每年` (`的` between or not), a recurring period (`每天`, `每周`, `每月`, `每旬`) right after
it. Near cases kept: a span with no `每年` before it (`3月至12月完成…`, a deadline), and a span after `每年` with no
recurring period after it (`每年3月至5月开展专项整治`, left to the usual reading).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .time_phrase import N

_SEASON_RE = lazy_compile(
    rf"每年(?:度)?的?\s*(?P<span>{N}(?:月(?:份)?(?:上旬|中旬|下旬|初|底)?)?\s*[-—~至到]\s*{N}月(?:份)?(?:上旬|中旬|下旬|初|底)?)"
    r"(?:期间|之间|内)?[,,]?\s*(?=每(?:天|日|周|星期|月|旬|个月)|逐(?:日|月))",
    needs="每年",
)


def season_spans(norm: str) -> list[tuple[int, int]]:
    """The spans of `norm` (normalised text) holding a season a recurring duty runs in."""
    return [m.span("span") for m in _SEASON_RE.finditer(norm)]
