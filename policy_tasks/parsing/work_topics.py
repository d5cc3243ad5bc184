"""A plan's work named before the body that leads it: `专项行动由镇平安办牵头,…` (round 154).

The work (`专项行动`, `此项工作`, `整治工作`) is no part of the leading body's name: the item's subject opens at `由`, as
a meeting's `<task>由王某某牵头` does (`task_first_orders`); `work_lead_frames` reads the bodies the next part charges.
Near case: a unit whose name ends in a work word is read whole where no `由` follows it (`县扶贫工作领导小组要…`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile

# The work a plan's item names before `由`: a few words closing with the work's kind.
_TOPIC_RE = lazy_compile(
    r"(?:本次|此次|该项|此项|这项|本项)?[\u4e00-\u9fff]{0,10}?(?:行动|工作|活动|整治|排查|任务)(?=由[\u4e00-\u9fff])",
    needs="由",
)


def after_work_topic(norm: str, start: int) -> int:
    """Where an item's subject opens when the text at `start` names its work before `由` (`专项行动由镇平安办牵头`):
    at the `由`; else `start`."""
    m = _TOPIC_RE.match(norm, start)
    return m.end() if m is not None else start
