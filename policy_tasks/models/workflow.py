from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.db.models import Q

if TYPE_CHECKING:
    from policy_tasks.models.report_versions import ReportVersion

USER = settings.AUTH_USER_MODEL


class ProgressReport(models.Model):
    """A unit's report on a task for one period: the lead's report or a co-unit's contribution."""

    task = models.ForeignKey("policy_tasks.Task", on_delete=models.PROTECT, related_name="reports", verbose_name="任务")
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="reports", verbose_name="单位")
    period = models.ForeignKey(
        "policy_tasks.ReportPeriod", on_delete=models.PROTECT, related_name="reports", verbose_name="填报周期"
    )
    is_lead = models.BooleanField("牵头单位报告", default=True)
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name="填报人")
    progress = models.TextField("进展情况")
    problems = models.TextField("存在问题", blank=True)
    next_steps = models.TextField("下一步措施", blank=True)
    percent = models.PositiveSmallIntegerField("完成百分比", default=0)
    submitted_at = models.DateTimeField("填报时间")
    version = models.PositiveIntegerField(default=1, verbose_name="版本")

    # Set by the task page (web.queries): the versions this one superseded, newest first.
    earlier: list[ReportVersion]

    class Meta:
        verbose_name = "进度填报"
        verbose_name_plural = "进度填报"
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit", "period"], name="report_once_per_period"),
            models.CheckConstraint(condition=Q(percent__lte=100), name="report_percent_max"),
        ]
        indexes = [models.Index(fields=["task", "submitted_at"])]

    def __str__(self) -> str:
        return f"第{self.task.ref}条 {self.unit} {self.period} 进度填报"


class LeadReport(models.Model):
    """Each task's newest lead report (latest period, then last filed, then highest id), kept as
    the reports change: the task's current percent in one row, so the pages need not rank every
    report of every task (issue 18: a window over 64,000 reports per page). Rewritten by
    services.lead_reports.refresh_lead_reports on every save or delete of a report (signals, and
    the reports service after a revision); what writes reports without signals (`bulk_create`,
    `update`) calls it. A task with no lead report has no row."""

    task = models.OneToOneField(
        "policy_tasks.Task", on_delete=models.CASCADE, primary_key=True, related_name="+", verbose_name="任务"
    )
    report = models.OneToOneField(ProgressReport, on_delete=models.CASCADE, related_name="+", verbose_name="进度填报")
    percent = models.PositiveSmallIntegerField("完成百分比")

    class Meta:
        verbose_name = "最新牵头填报"
        verbose_name_plural = "最新牵头填报"

    def __str__(self) -> str:
        return f"任务{self.task_id} 最新牵头填报 {self.report_id}"


class MilestoneValue(models.Model):
    """The actual value a report states for a quantitative milestone (1200 of 2000 万元)."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="values", verbose_name="进度填报")
    milestone = models.ForeignKey(
        "policy_tasks.Milestone", on_delete=models.PROTECT, related_name="values", verbose_name="里程碑"
    )
    actual_value = models.DecimalField("完成值", max_digits=20, decimal_places=4)

    class Meta:
        verbose_name = "填报完成值"
        verbose_name_plural = "填报完成值"
        constraints = [models.UniqueConstraint(fields=["report", "milestone"], name="milestonevalue_unique")]

    def __str__(self) -> str:
        return f"{self.milestone}：{self.actual_value.normalize():f}"


class CompletionRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        VERIFIED = "verified", "已销号"
        RETURNED = "returned", "已退回"

    milestone = models.ForeignKey(
        "policy_tasks.Milestone",
        on_delete=models.PROTECT,
        related_name="completion_requests",
        verbose_name="里程碑",
    )
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="单位")
    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name="申请人")
    requested_at = models.DateTimeField("申请时间")
    note = models.TextField("办结说明", blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="审核人"
    )
    decided_at = models.DateTimeField("审核时间", null=True, blank=True)
    decision_reason = models.TextField("审核意见", blank=True)

    class Meta:
        verbose_name = "办结申请"
        verbose_name_plural = "办结申请"
        ordering = ["-requested_at"]
        constraints = [
            # At most one request waiting per milestone: a second one would race the first.
            models.UniqueConstraint(fields=["milestone"], condition=Q(status="pending"), name="one_pending_completion")
        ]

    def __str__(self) -> str:
        return f"{self.unit} 申请办结：{self.milestone}（{self.get_status_display()}）"


class ExtensionRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "待审批"
        GRANTED = "granted", "已批准"
        REFUSED = "refused", "不予批准"

    milestone = models.ForeignKey(
        "policy_tasks.Milestone", on_delete=models.PROTECT, related_name="extension_requests", verbose_name="里程碑"
    )
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="单位")
    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name="申请人")
    requested_at = models.DateTimeField("申请时间")
    reason = models.TextField("延期理由")
    current_due_date = models.DateField("申请时完成时限")
    proposed_date = models.DateField("申请延至")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="审核人"
    )
    decided_at = models.DateTimeField("审批时间", null=True, blank=True)
    decision_note = models.TextField("审批意见", blank=True)

    class Meta:
        verbose_name = "延期申请"
        verbose_name_plural = "延期申请"
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["milestone"], condition=Q(status="pending"), name="one_pending_extension"),
            models.CheckConstraint(
                condition=Q(proposed_date__gt=models.F("current_due_date")), name="extension_moves_later"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.unit} 申请延期至 {self.proposed_date:%Y-%m-%d}：{self.milestone}（{self.get_status_display()}）"


def evidence_path(instance: Evidence, filename: str) -> str:
    # Stored under the hash, never the uploaded name: names may collide or carry paths.
    return f"evidence/{instance.sha256[:2]}/{instance.sha256}"


class Evidence(models.Model):
    """佐证材料: a file attached to a report or a completion request."""

    task = models.ForeignKey(
        "policy_tasks.Task", on_delete=models.PROTECT, related_name="evidence", verbose_name="任务"
    )
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+", verbose_name="单位")
    report = models.ForeignKey(
        ProgressReport,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="evidence",
        verbose_name="进度填报",
    )
    completion_request = models.ForeignKey(
        CompletionRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="evidence"
    )
    file = models.FileField("文件", upload_to=evidence_path, max_length=255)
    original_name = models.CharField("文件名", max_length=255)
    size = models.PositiveBigIntegerField("大小")
    content_type = models.CharField("类型", max_length=128)
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name="上传人")
    uploaded_at = models.DateTimeField("上传时间")

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        ordering = ["-uploaded_at"]

    def __str__(self) -> str:
        return self.original_name


class UrgeNotice(models.Model):
    """催办/督办单 issued by a supervisor on a task or one of its milestones."""

    class Level(models.TextChoices):
        REMIND = "remind", "提醒(蓝色)"
        URGE = "urge", "催办(黄色)"
        SUPERVISE = "supervise", "督办(红色)"

    task = models.ForeignKey("policy_tasks.Task", on_delete=models.PROTECT, related_name="urges", verbose_name="任务")
    milestone = models.ForeignKey(
        "policy_tasks.Milestone",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="urges",
        verbose_name="里程碑",
    )
    level = models.CharField("等级", max_length=16, choices=Level.choices)
    message = models.TextField("督办事项")
    reply_due = models.DateField("要求回复日期")
    issued_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+", verbose_name="下发人")
    issued_at = models.DateTimeField("下发时间")
    # 督办单编号 (柯督〔2026〕第3号): one sequence per issuing office and year, given at issue by
    # services/urges_numbering.py; the text is kept as printed, whatever the pattern becomes later.
    number = models.CharField("编号", max_length=64)
    number_office = models.CharField("编号所属机关", max_length=100)
    number_year = models.PositiveSmallIntegerField("编号年度")
    number_seq = models.PositiveIntegerField("年度序号")
    # The notice this one raised a level because its reply date passed unanswered
    # (services/urge_escalation.py); one-to-one, so a notice is escalated once however often
    # the periodic task runs or races.
    escalated_from = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="escalation", verbose_name="升级自"
    )

    class Meta:
        verbose_name = "催办督办单"
        verbose_name_plural = "催办督办单"
        ordering = ["-issued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["number_office", "number_year", "number_seq"], name="urgenotice_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"第{self.task.ref}条 {self.get_level_display()}（{self.issued_at:%Y-%m-%d}）"


class UrgeRecipient(models.Model):
    notice = models.ForeignKey(UrgeNotice, on_delete=models.CASCADE, related_name="recipients", verbose_name="督办单")
    unit = models.ForeignKey(
        "accounts.Unit", on_delete=models.PROTECT, related_name="urges_received", verbose_name="单位"
    )
    acknowledged_at = models.DateTimeField("签收时间", null=True, blank=True)
    acknowledged_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="签收人"
    )
    reply = models.TextField("回复", blank=True)
    replied_at = models.DateTimeField("回复时间", null=True, blank=True)
    replied_by = models.ForeignKey(
        USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name="回复人"
    )

    class Meta:
        verbose_name = "督办单接收单位"
        verbose_name_plural = "督办单接收单位"
        constraints = [models.UniqueConstraint(fields=["notice", "unit"], name="urgerecipient_unique")]
        indexes = [models.Index(fields=["unit", "replied_at"])]

    def __str__(self) -> str:
        return f"{self.notice} → {self.unit}"
