"""A plan's overall targets, a paragraph a copy left under an action, date none of that action's work.

A 行动方案 states its targets once, for all the fields its actions then take one by one: the 设备更新 plans copy the
national plan's `到2027年,工业、农业、建筑、交通、教育、文旅、医疗等领域设备投资规模较2023年增长25%以上` (国发〔2024〕7号),
each for its place (`到2027年,全市工业、农业、建筑…等领域设备投资规模较2023年增长25%以上;…`). A copy that lost the
plan's headings and shuffled its parts can leave that paragraph under an action (成都's 两新 plan, round 153), where it
would date the action's own words by the plan's horizon and make the plan's figure the action's target. The paragraph
is the plan's frame (`plan_frames`, `(二)主要目标。到2025年,…`), no part of the action: its time and figures are masked
from the clause's milestones.

Only a paragraph of its own opening with the horizon, then the whole place (`全市`, `全省`, `全区`, `全县`) and a run of
three fields or more closed by `等领域` / `等行业`, is read so: after a line break, or run onto the action's last words
with no punctuation between (a copy that lost the break; the paragraph then runs to the clause's end). Near cases that stay dated: an action's
own target for its field (`到2027年,全市建筑领域设备更新…`, one field), a horizon opening an item's first line, and a
paragraph with two fields (`到2025年,全市工业、农业领域…`).
"""

from __future__ import annotations

from .lazy_patterns import lazy_compile
from .textutil import normalise

_TARGETS_RE = lazy_compile(
    r"(?:(?<=\n)[^\S\n]*|(?<=[\u4e00-\u9fff]) ?)到(?:19|20)\d{2}年(?:底|末)?,全(?:市|省|区|县|州|旗)"
    r"[\u4e00-\u9fff]{1,6}(?:、[\u4e00-\u9fff]{1,6}){2,}等(?:领域|行业)[^\n]*",
    needs="等领域|等行业",
)


def plan_target_spans(text: str) -> list[tuple[int, int]]:
    """The spans of `text` holding the plan's overall targets as a paragraph of their own (see the docstring)."""
    return [m.span() for m in _TARGETS_RE.finditer(normalise(text))]
