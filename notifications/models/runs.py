from __future__ import annotations

from django.db import models


class TaskRun(models.Model):
    """The last run of a periodic task (the reminder scan) and running totals.

    Kept in the database, not in the worker's memory, so /metrics on any web node can show
    how the worker's last tick went: one row per task, updated in place each tick.
    """

    name = models.CharField("任务", max_length=64, unique=True)
    last_started_at = models.DateTimeField("最近开始")
    last_finished_at = models.DateTimeField("最近结束")
    last_duration_seconds = models.FloatField("最近耗时(秒)")
    last_rows = models.PositiveIntegerField("最近写入行数")
    last_subjects = models.PositiveIntegerField("最近对象数")
    runs_total = models.PositiveBigIntegerField("累计次数", default=0)
    rows_total = models.PositiveBigIntegerField("累计写入行数", default=0)
    duration_seconds_total = models.FloatField("累计耗时(秒)", default=0)

    class Meta:
        verbose_name = "定时任务运行"
        verbose_name_plural = "定时任务运行"

    def __str__(self) -> str:
        return self.name
