"""A meeting report's requirements as a page stores them with their stops lost (round 156).

A 街道's news report of a work meeting closes its account with the meeting's verb and numbers the requirements below
it, each opening with its short heading:

    会上,主管领导对…进行了通报,…并对专项整治工作再安排再部署。会议要求
    一要靠实工作责任管理区区长、包村干部要亲自抓、亲自督,…
    二要广泛宣传动员各村要持续做好宣传引导工作,…

The page lost the colon after `会议要求` and the stop after each heading. `会议要求` closing the line above the first
point after a sentence end is the meeting's head over its decisions as `会议要求:` is (`minute_points.decisions_line`),
so the report is a minute. A heading of four to six characters run straight into a group as its subject (`广泛宣传
动员各村要…`) ends where the group starts: the subject is the point's first sentence's, as after `广泛宣传动员,`.
Near cases: `会议要求` inside a sentence (`按照会议要求,…`) or opening the line; a heading followed by no group, or by
a group with no `要` (`加强各村联系`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_BARE_TAIL_RE = lazy_compile(r"[。;!?]\s*会议(?:强调|要求|决定|明确|议定|确定|商定)\s*$", needs="会议")
# `要广泛宣传动员各村要`: the heading after the point's 要 (or `是`), the group, its own 要.
_RUN_ON_RE = lazy_compile(
    r"^\s*(?:要|是)?(?P<h>[\u4e00-\u9fff]{4,6}?)(?=各[\u4e00-\u9fff]{1,6}?要(?![求点]))", needs="各"
)


def bare_decisions_tail(text: str) -> bool:
    """`…再安排再部署。会议要求` over the first point: the meeting's head that lost its colon."""
    return bool(_BARE_TAIL_RE.search(normalise(text).strip()))


def run_on_subject(norm: str) -> int | None:
    """Where a group opens right after a point's heading with no stop (`要广泛宣传动员|各村要…`); None otherwise."""
    m = _RUN_ON_RE.match(norm)
    return None if m is None else m.end("h")
