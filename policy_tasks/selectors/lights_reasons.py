"""The lights' names, and why a milestone has its light (issue 15): the reason the pages show
beside it and the API serves.

Pure values and arithmetic; selectors.lights judges (its `_reason`) and reads in bulk
(`milestone_light_reasons`). The module docstring there states the rules. The names live here,
not in lights, because a reason's badge needs them and lights imports this module.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from django.db import models


class Light(models.TextChoices):
    """A light and the one name every page, filter, export and API description gives it."""

    RED = "red", "红灯·逾期"
    YELLOW = "yellow", "黄灯·临期/滞后"
    GREEN = "green", "绿灯·正常"
    GREY = "grey", "已销号"


class Reason(models.TextChoices):
    """Why a milestone has its light; the label is the kind, `LightReason.label` the instance."""

    OVERDUE = "overdue", "逾期"
    DUE_SOON = "due_soon", "临期：N个工作日内到期"
    BEHIND = "behind", "滞后：完成进度落后序时进度超过文件设定的幅度"
    ON_TRACK = "on_track", "正常"
    NO_DATE = "no_date", "持续推进，无固定时限"
    CLOSED = "closed", Light.GREY.label
    WITHDRAWN = "withdrawn", "已作废"


# A milestone's badge names the half of its light its reason says (黄灯·临期, not 黄灯·临期/滞后),
# and a withdrawn one is grey without having been 销号.
_NARROWED: dict[str, str] = {
    Reason.DUE_SOON: "黄灯·临期",
    Reason.BEHIND: "黄灯·滞后",
    Reason.WITHDRAWN: Reason.WITHDRAWN.label,
}


def light_badge(light: str, reason: LightReason | None = None) -> str:
    """What the badge of `light` says; narrowed by the milestone's reason when there is one."""
    narrowed = _NARROWED.get(reason.code) if reason is not None else None
    return narrowed or Light(light).label


def reason_shown(light: str, reason: LightReason | None) -> bool:
    """Whether a badge is followed by its reason: a grey badge already says it (已销号, 已作废)."""
    return reason is not None and light != Light.GREY


class LightReason(NamedTuple):
    """Why a milestone has its light: the pages show `label` beside it, the API every field."""

    light: str
    code: str  # a Reason
    expected_percent: int | None = None  # 序时进度: the share of time elapsed, rounded up
    reported_percent: int | None = None  # the milestone's own value against its target, else the task's
    days: int | None = None  # overdue: calendar days late; due_soon: working days left
    reached: bool = False  # its reported value has reached its target

    @property
    def label(self) -> str:
        progress = f"序时进度 {self.expected_percent}%，已完成 {self.reported_percent}%"
        if self.code == Reason.OVERDUE:
            return f"逾期{self.days}天"
        if self.code == Reason.DUE_SOON:
            return f"临期：{self.days}个工作日内到期" if self.days else "临期：到期前已无工作日"
        if self.code == Reason.BEHIND:
            return f"滞后：{progress}"
        if self.code == Reason.ON_TRACK:
            if self.reached:
                return "正常：达到目标值，待申请办结"
            return f"正常：{progress}" if self.reported_percent is not None else "正常"
        return Reason(self.code).label  # no_date, closed, withdrawn: nothing to count


def value_percent(target: Decimal, actual: Decimal) -> tuple[int, bool]:
    """A reported value as a percent of its target (rounded down, 0..100) and whether it reached it."""
    if actual >= target:
        return 100, True
    if target <= 0 or actual <= 0:
        return 0, False
    return int(actual * 100 / target), False
