"""Why a milestone has its light (issue 15): the reason the pages show beside it and the API serves.

Pure values and arithmetic; selectors.lights judges (its `_reason`) and reads in bulk
(`milestone_light_reasons`). The module docstring there states the rules.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple


class LightReason(NamedTuple):
    """Why a milestone has its light: the pages show `label` beside it, the API every field."""

    light: str
    code: str  # overdue, due_soon, behind, on_track, no_date, closed, withdrawn
    expected_percent: int | None = None  # 序时进度: the share of time elapsed, rounded up
    reported_percent: int | None = None  # the milestone's own value against its target, else the task's
    days: int | None = None  # overdue: calendar days late; due_soon: working days left
    reached: bool = False  # its reported value has reached its target

    @property
    def label(self) -> str:
        progress = f"序时进度 {self.expected_percent}%，已完成 {self.reported_percent}%"
        if self.code == "overdue":
            return f"逾期{self.days}天"
        if self.code == "due_soon":
            return f"临期：{self.days}个工作日内到期" if self.days else "临期：到期前已无工作日"
        if self.code == "behind":
            return f"滞后：{progress}"
        if self.code == "on_track":
            if self.reached:
                return "正常：达到目标值，待申请办结"
            return f"正常：{progress}" if self.reported_percent is not None else "正常"
        return {"no_date": "持续推进，无固定时限", "closed": "已销号", "withdrawn": "已作废"}[self.code]


def value_percent(target: Decimal, actual: Decimal) -> tuple[int, bool]:
    """A reported value as a percent of its target (rounded down, 0..100) and whether it reached it."""
    if actual >= target:
        return 100, True
    if target <= 0 or actual <= 0:
        return 0, False
    return int(actual * 100 / target), False
