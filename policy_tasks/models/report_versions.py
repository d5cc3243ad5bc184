"""Every filing of a progress report, kept as it was filed (issue 15).

The ProgressReport row is the current version, the one the ledger, the bulletin, the
scoreboard and the lights read; it is rewritten by each revision. A ReportVersion is
written for every filing and never changed, so an earlier version stays readable after
the unit revises its report for the period.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from policy_tasks.models.tasks import Milestone


class ReportVersion(models.Model):
    report = models.ForeignKey("policy_tasks.ProgressReport", on_delete=models.PROTECT, related_name="versions")
    version = models.PositiveIntegerField("版本")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    filed_at = models.DateTimeField("提交时间")
    is_lead = models.BooleanField("牵头单位报告")
    progress = models.TextField("进展情况")
    problems = models.TextField("存在问题", blank=True)
    next_steps = models.TextField("下一步措施", blank=True)
    percent = models.PositiveSmallIntegerField("完成百分比")
    # {milestone id: actual value as a decimal string}: the values as this version stated them.
    values = models.JSONField("完成值", default=dict, blank=True)

    # Set by the task page (web.queries): `values` with each milestone read, in milestone order.
    named_values: list[tuple[Milestone, Decimal]]

    class Meta:
        verbose_name = "进度填报版本"
        verbose_name_plural = "进度填报版本"
        ordering = ["report", "-version"]
        constraints = [
            # One row per (task, unit, period, version): the report is unique per (task, unit, period),
            # so two concurrent revisions can never both become version 2.
            models.UniqueConstraint(fields=["report", "version"], name="reportversion_once"),
            models.CheckConstraint(condition=Q(version__gte=1), name="reportversion_positive"),
            models.CheckConstraint(condition=Q(percent__lte=100), name="reportversion_percent_max"),
        ]

    @property
    def is_revision(self) -> bool:
        return self.version > 1
