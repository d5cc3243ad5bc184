"""A meeting frame's counted targets before its demands (round 184).

A town's meeting report may open the meeting's frame with the year's overall target, counted inline, and only then
charge its bodies, unnumbered:

    会议要求,今年防汛工作的总体目标是实现“五个确保”:一是坚持民生至上,确保人民群众生命安全;二是确保河道不决堤、
    村屯不受淹;…五是确保发生超标洪水时全力抢险,…。同时,各成员单位要认真做好…,网通公司、农电所…及各企业要服从大局,…

The counted points announced as the target (`目标是…:`, `目标任务是…:`) state results, no one's work: no clauses (corpus
README: targets are no clauses). The frame's demands are the sentences after the last point's sentence, read as any
frame's (`meeting_demands`). Near cases: points announced as work (`会议要求,一是…`: `minute_points`' decisions), and
points with no announced target before them.
"""

from __future__ import annotations

import re

from .lazy_patterns import lazy_compile

# The target announced right before the first point: `…总体目标是实现“五个确保”:`, `目标任务是:`.
_TARGETS_RE = lazy_compile(r"目标(?:任务)?(?:是|为)[^。;:!?]{0,20}[:]\s*(?=一是)", needs="目标")
_ANNOUNCED_RE = lazy_compile(r"目标(?:任务)?(?:是|为)[^。;:!?]{0,20}:\s*$", needs="目标")
_LATER_POINT_RE = re.compile(r"[;。]\s*[二三四五六七八九十]是")


def after_targets(norm: str, start: int, stop: int) -> int | None:
    """Where a frame's demands resume after its counted targets (the sentence end after the last point), or None where
    the frame counts no announced targets or nothing follows them."""
    m = _TARGETS_RE.search(norm, start, stop)
    if m is None:
        return None
    last = m.end()
    for point in _LATER_POINT_RE.finditer(norm, m.end(), stop):
        last = point.end()
    end = norm.find("。", last, stop)
    if end < 0 or not norm[end + 1 : stop].strip():
        return None
    return end + 1


def announces_targets(norm: str, at: int) -> bool:
    """Whether the text before the first point at `at` announces them as the target (`…总体目标是实现“五个确保”:`): the
    points are no decisions for `minute_points` to cut, in a one-line copy too."""
    return _ANNOUNCED_RE.search(norm[max(0, at - 40) : at]) is not None
