from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models

if TYPE_CHECKING:
    from accounts.models import Unit
NOT_NEGATIVE = MinValueValidator(Decimal("0"))


class PolicyDocument(models.Model):
    """An implementation plan (实施方案) as imported, with the settings supervision applies to it."""

    class ReportCycle(models.TextChoices):
        MONTHLY = "monthly", "月报"
        TEN_DAY = "ten_day", "旬报"
        WEEKLY = "weekly", "周报"

    class Kind(models.TextChoices):
        # A plan is imported; the others are containers of hand-entered tasks, one per kind
        # and year (models/task_sources.py).
        PLAN = "plan", "政策文件"
        INSTRUCTION = "instruction", "批示件"
        MEETING = "meeting", "会议议定事项"
        PROPOSAL = "proposal", "建议提案"
        ASSIGNMENT = "assignment", "交办事项"

    kind = models.CharField("类别", max_length=16, choices=Kind.choices, default=Kind.PLAN)
    title = models.CharField("标题", max_length=255)
    doc_number = models.CharField("发文字号", max_length=64, unique=True)
    issued_on = models.DateField("成文日期", null=True, blank=True)
    year = models.PositiveSmallIntegerField("年度")
    default_due = models.DateField("默认完成时限", null=True, blank=True)
    source_text = models.TextField("原文")
    sha256 = models.CharField("原文SHA-256", max_length=64, db_index=True)
    report_cycle = models.CharField("填报周期", max_length=16, choices=ReportCycle.choices, default=ReportCycle.MONTHLY)
    report_grace_workdays = models.PositiveSmallIntegerField("报送宽限(工作日)", default=5)
    yellow_workdays = models.PositiveSmallIntegerField("黄灯提前(工作日)", default=5)
    behind_schedule_points = models.PositiveSmallIntegerField("滞后序时进度(百分点)", default=20)
    # The scoring weights (selectors/scoreboard.py; the formula text: selectors/scoring_formula.py).
    # Every weight is a number of points per counted item, never negative: a negative deduction
    # would turn a failure into a reward. The new weights carry a database default too, so rows
    # written by plain SQL (bench/) get them.
    score_base = models.DecimalField(
        "考核基础分",
        max_digits=6,
        decimal_places=2,
        default=Decimal("100"),
        validators=[NOT_NEGATIVE],
        help_text="有考核事项的单位的起算分",
    )
    bonus_on_time = models.DecimalField(
        "按期办结加分",
        max_digits=6,
        decimal_places=2,
        default=Decimal("0"),
        db_default=Decimal("0"),
        validators=[NOT_NEGATIVE],
        help_text="牵头单位每个到期前销号的节点加的分；0 为不加分",
    )
    deduction_lead = models.DecimalField(
        "牵头单位逾期扣分",
        max_digits=6,
        decimal_places=2,
        default=Decimal("5"),
        validators=[NOT_NEGATIVE],
        help_text="牵头任务每个已过完成时限仍未销号的节点扣的分",
    )
    deduction_co = models.DecimalField(
        "配合单位逾期扣分",
        max_digits=6,
        decimal_places=2,
        default=Decimal("3"),
        validators=[NOT_NEGATIVE],
        help_text="配合任务每个已过完成时限仍未销号的节点扣的分",
    )
    deduction_missing_report = models.DecimalField(
        "缺报扣分",
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        db_default=Decimal("1"),
        validators=[NOT_NEGATIVE],
        help_text="牵头单位每期截至统计日期仍未报送的进度扣的分",
    )
    deduction_late_report = models.DecimalField(
        "迟报扣分",
        max_digits=6,
        decimal_places=2,
        default=Decimal("0.5"),
        db_default=Decimal("0.5"),
        validators=[NOT_NEGATIVE],
        help_text="牵头单位每期已报送但晚于报送截止日的进度扣的分",
    )
    deduction_returned = models.DecimalField(
        "办结退回扣分",
        max_digits=6,
        decimal_places=2,
        default=Decimal("1"),
        db_default=Decimal("1"),
        validators=[NOT_NEGATIVE],
        help_text="牵头任务每次被督查室退回的办结申请扣的分",
    )
    version = models.PositiveIntegerField(default=1, verbose_name="版本")
    created_at = models.DateTimeField(auto_now_add=True, verbose_name="创建时间")
    updated_at = models.DateTimeField(auto_now=True, verbose_name="更新时间")

    class Meta:
        verbose_name = "政策文件"
        verbose_name_plural = "政策文件"
        ordering = ["-year", "doc_number"]

    def __str__(self) -> str:
        return f"{self.doc_number} {self.title}"


class Area(models.Model):
    """A 领域 (一、… 八、) with its lead departments and its area-wide targets."""

    document = models.ForeignKey(
        PolicyDocument, on_delete=models.CASCADE, related_name="areas", verbose_name="政策文件"
    )
    number = models.PositiveSmallIntegerField("序号")
    title = models.CharField("领域", max_length=255)
    intro = models.TextField("领域目标", blank=True)
    lead_units: models.ManyToManyField[Unit, AreaUnit] = models.ManyToManyField(
        "accounts.Unit", through="AreaUnit", related_name="led_areas", verbose_name="牵头单位"
    )

    class Meta:
        verbose_name = "领域"
        verbose_name_plural = "领域"
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="area_number_unique")]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class AreaUnit(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="area_units", verbose_name="领域")
    unit = models.ForeignKey("accounts.Unit", on_delete=models.PROTECT, related_name="area_units", verbose_name="单位")
    position = models.PositiveSmallIntegerField("顺序", default=0)

    class Meta:
        verbose_name = "领域牵头单位"
        verbose_name_plural = "领域牵头单位"
        ordering = ["area", "position"]
        constraints = [models.UniqueConstraint(fields=["area", "unit"], name="areaunit_unique")]

    def __str__(self) -> str:
        return f"{self.area} {self.unit}"


class ReportPeriod(models.Model):
    """One reporting period of a document (a month, a 旬 or a week) and when its report is due."""

    document = models.ForeignKey(
        PolicyDocument, on_delete=models.CASCADE, related_name="report_periods", verbose_name="政策文件"
    )
    starts_on = models.DateField("开始")
    ends_on = models.DateField("结束")
    due_on = models.DateField("报送截止")

    class Meta:
        verbose_name = "填报周期"
        verbose_name_plural = "填报周期"
        ordering = ["document", "starts_on"]
        constraints = [
            models.UniqueConstraint(fields=["document", "starts_on"], name="reportperiod_unique"),
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")), name="reportperiod_order"),
        ]
        indexes = [models.Index(fields=["due_on"])]

    def __str__(self) -> str:
        return f"{self.starts_on:%Y-%m-%d}~{self.ends_on:%Y-%m-%d}"


class SupervisionScope(models.Model):
    """Limits a supervisor's grant to a document (and optionally one area); none means all."""

    grant = models.ForeignKey("accounts.RoleGrant", on_delete=models.CASCADE, related_name="scopes")
    document = models.ForeignKey(PolicyDocument, on_delete=models.CASCADE, related_name="+", verbose_name="政策文件")
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.CASCADE, related_name="+", verbose_name="领域"
    )

    class Meta:
        verbose_name = "督查范围"
        verbose_name_plural = "督查范围"

    def __str__(self) -> str:
        return f"{self.grant}：{self.area or self.document}"

    def clean(self) -> None:
        if self.area is not None and self.document_id and self.area.document_id != self.document_id:
            raise ValidationError({"area": "所选领域不属于该政策文件"})
