from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

USER = settings.AUTH_USER_MODEL


class ExportJob(models.Model):
    """A ledger or bulletin generated in the background; the file is kept for download."""

    class Kind(models.TextChoices):
        LEDGER_XLSX = "ledger_xlsx", "台账 (Excel)"
        LEDGER_CSV = "ledger_csv", "台账 (CSV)"
        BULLETIN_PDF = "bulletin_pdf", "督查通报 (PDF)"
        BULLETIN_DOCX = "bulletin_docx", "督查通报 (Word)"
        BULLETIN_HTML = "bulletin_html", "督查通报 (网页)"

    class Status(models.TextChoices):
        PENDING = "pending", "排队中"
        RUNNING = "running", "生成中"
        DONE = "done", "已完成"
        FAILED = "failed", "失败"

    kind = models.CharField("类型", max_length=32, choices=Kind.choices)
    document = models.ForeignKey("policy_tasks.PolicyDocument", on_delete=models.CASCADE, related_name="+")
    params = models.JSONField("参数", default=dict, blank=True)
    requested_by = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="export_jobs")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    progress = models.PositiveSmallIntegerField("进度(%)", default=0)
    file = models.FileField("文件", upload_to="exports/", max_length=255, blank=True)
    file_name = models.CharField("下载文件名", max_length=255, blank=True)
    error = models.TextField("错误", blank=True)
    created_at = models.DateTimeField("创建时间")
    started_at = models.DateTimeField("开始时间", null=True, blank=True)
    finished_at = models.DateTimeField("完成时间", null=True, blank=True)

    class Meta:
        verbose_name = "导出任务"
        verbose_name_plural = "导出任务"
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["requested_by", "created_at"])]
        constraints = [models.CheckConstraint(condition=Q(progress__lte=100), name="exportjob_progress_max")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} #{self.pk} ({self.get_status_display()})"


class CalendarToken(models.Model):
    """A secret calendar-subscription URL. Only the SHA-256 of the token is stored.

    With `unit` set the feed is that unit's milestones; without it, every milestone
    the owner may see. The owner's access is checked again on every fetch, so a
    person who leaves a unit loses the feed without anyone revoking it.
    """

    owner = models.ForeignKey(USER, on_delete=models.CASCADE, related_name="calendar_tokens")
    unit = models.ForeignKey("accounts.Unit", null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    label = models.CharField("名称", max_length=64, blank=True)
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField("创建时间")
    revoked_at = models.DateTimeField("撤销时间", null=True, blank=True)
    last_used_at = models.DateTimeField("最近访问", null=True, blank=True)

    # Set on a token just made (api.views.exports): its secret URL, shown that once.
    feed_url: str

    class Meta:
        verbose_name = "日历订阅"
        verbose_name_plural = "日历订阅"
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.label or f"日历订阅 #{self.pk}"
