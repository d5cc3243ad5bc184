from __future__ import annotations

from django.db import models


class ScanMark(models.Model):
    """What the last complete milestone scan looked at, so a tick with nothing new can stop early.

    `fingerprint` digests the scan's inputs that are not rows (the day, the rules and the
    dates each rule's query asks for). `is_clean` is true when every candidate of that scan
    got at least one ledger row, so none of them is a candidate again. One row per scan kind.

    `through` is the watermark: that scan's day, by which every reminder firing on or before
    it had its ledger rows (when `clean`), under the rules and calendar digested in `rules`.
    The next day's tick then only asks for due dates whose reminder fires after it.
    """

    key = models.CharField("扫描", max_length=32, unique=True)
    fingerprint = models.CharField("输入摘要", max_length=64)
    # Not `clean`: a field of that name hid Model.clean(), so full_clean() called a bool.
    is_clean = models.BooleanField("候选已全部写入", default=False, db_column="clean")
    through = models.DateField("已扫描至", null=True, blank=True)
    rules = models.CharField("规则与日历摘要", max_length=64, blank=True, default="")
    updated_at = models.DateTimeField("更新时间")

    class Meta:
        verbose_name = "提醒扫描标记"
        verbose_name_plural = "提醒扫描标记"

    def __str__(self) -> str:
        return self.key


class ScanChange(models.Model):
    """A statement changed milestones or removed ledger rows since the last complete scan.

    Written by PostgreSQL statement triggers (migrations 0007 and 0008), in the writer's own
    transaction, so a scan sees the row exactly when it sees the change. The scan deletes
    the rows it has read once its own work is committed.

    `due_date` names the due date a statement made (again) a candidate: a milestone
    inserted open, reopened or moved there, or a ledger row of it deleted. Empty: anything
    may have changed (a ledger key rewritten, a table truncated), so the next tick looks at
    every due date.
    """

    table = models.CharField("表", max_length=64)
    due_date = models.DateField("到期日", null=True, blank=True)
    at = models.DateTimeField("时间")

    class Meta:
        verbose_name = "提醒扫描变更"
        verbose_name_plural = "提醒扫描变更"

    def __str__(self) -> str:
        return f"{self.table} {self.at:%Y-%m-%d %H:%M:%S}"
