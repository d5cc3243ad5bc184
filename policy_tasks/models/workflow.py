from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

USER = settings.AUTH_USER_MODEL


class ProgressReport(models.Model):
    """A unit's report on a task for one period: the lead's report or a co-unit's contribution."""

    task = models.ForeignKey("policy_tasks.Task", on_delete=models.PROTECT, related_name="reports")
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="reports")
    period = models.ForeignKey("policy_tasks.ReportPeriod", on_delete=models.PROTECT, related_name="reports")
    is_lead = models.BooleanField("牵头单位报告", default=True)
    author = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    progress = models.TextField("进展情况")
    problems = models.TextField("存在问题", blank=True)
    next_steps = models.TextField("下一步措施", blank=True)
    percent = models.PositiveSmallIntegerField("完成百分比", default=0)
    submitted_at = models.DateTimeField("填报时间")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = "进度填报"
        verbose_name_plural = "进度填报"
        ordering = ["-submitted_at"]
        constraints = [
            models.UniqueConstraint(fields=["task", "unit", "period"], name="report_once_per_period"),
            models.CheckConstraint(condition=Q(percent__lte=100), name="report_percent_max"),
        ]
        indexes = [models.Index(fields=["task", "submitted_at"])]


class MilestoneValue(models.Model):
    """The actual value a report states for a quantitative milestone (1200 of 2000 万元)."""

    report = models.ForeignKey(ProgressReport, on_delete=models.CASCADE, related_name="values")
    milestone = models.ForeignKey("policy_tasks.Milestone", on_delete=models.PROTECT, related_name="values")
    actual_value = models.DecimalField("完成值", max_digits=20, decimal_places=4)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "milestone"], name="milestonevalue_unique")]


class CompletionRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "待审核"
        VERIFIED = "verified", "已销号"
        RETURNED = "returned", "已退回"

    milestone = models.ForeignKey(
        "policy_tasks.Milestone", on_delete=models.PROTECT, related_name="completion_requests"
    )
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField("申请时间")
    note = models.TextField("办结说明", blank=True)
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
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


class ExtensionRequest(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "待审批"
        GRANTED = "granted", "已批准"
        REFUSED = "refused", "不予批准"

    milestone = models.ForeignKey("policy_tasks.Milestone", on_delete=models.PROTECT, related_name="extension_requests")
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+")
    requested_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField("申请时间")
    reason = models.TextField("延期理由")
    current_due_date = models.DateField("申请时完成时限")
    proposed_date = models.DateField("申请延至")
    status = models.CharField("状态", max_length=16, choices=Status.choices, default=Status.PENDING)
    decided_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
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


def evidence_path(instance: Evidence, filename: str) -> str:
    # Stored under the hash, never the uploaded name: names may collide or carry paths.
    return f"evidence/{instance.sha256[:2]}/{instance.sha256}"


class Evidence(models.Model):
    """佐证材料: a file attached to a report or a completion request."""

    task = models.ForeignKey("policy_tasks.Task", on_delete=models.PROTECT, related_name="evidence")
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="+")
    report = models.ForeignKey(ProgressReport, null=True, blank=True, on_delete=models.PROTECT, related_name="evidence")
    completion_request = models.ForeignKey(
        CompletionRequest, null=True, blank=True, on_delete=models.PROTECT, related_name="evidence"
    )
    file = models.FileField("文件", upload_to=evidence_path, max_length=255)
    original_name = models.CharField("文件名", max_length=255)
    size = models.PositiveBigIntegerField("大小")
    content_type = models.CharField("类型", max_length=128)
    sha256 = models.CharField("SHA-256", max_length=64)
    uploaded_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    uploaded_at = models.DateTimeField("上传时间")

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        ordering = ["-uploaded_at"]


class UrgeNotice(models.Model):
    """催办/督办单 issued by a supervisor on a task or one of its milestones."""

    class Level(models.TextChoices):
        REMIND = "remind", "提醒(蓝色)"
        URGE = "urge", "催办(黄色)"
        SUPERVISE = "supervise", "督办(红色)"

    task = models.ForeignKey("policy_tasks.Task", on_delete=models.PROTECT, related_name="urges")
    milestone = models.ForeignKey(
        "policy_tasks.Milestone", null=True, blank=True, on_delete=models.PROTECT, related_name="urges"
    )
    level = models.CharField("等级", max_length=16, choices=Level.choices)
    message = models.TextField("督办事项")
    reply_due = models.DateField("要求回复日期")
    issued_by = models.ForeignKey(USER, on_delete=models.PROTECT, related_name="+")
    issued_at = models.DateTimeField("下发时间")

    class Meta:
        verbose_name = "催办督办单"
        verbose_name_plural = "催办督办单"
        ordering = ["-issued_at"]


class UrgeRecipient(models.Model):
    notice = models.ForeignKey(UrgeNotice, on_delete=models.CASCADE, related_name="recipients")
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="urges_received")
    acknowledged_at = models.DateTimeField("签收时间", null=True, blank=True)
    acknowledged_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    reply = models.TextField("回复", blank=True)
    replied_at = models.DateTimeField("回复时间", null=True, blank=True)
    replied_by = models.ForeignKey(USER, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["notice", "unit"], name="urgerecipient_unique")]
        indexes = [models.Index(fields=["unit", "replied_at"])]
