from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class Subject(models.TextChoices):
    """What a reminder is about; also the first part of a delivery's subject key."""

    MILESTONE = "milestone", "里程碑时限"
    REPORT = "report", "进度填报"
    URGE = "urge", "催办督办单"


class ReminderRule(models.Model):
    """When, relative to a date, who hears about what.

    `offset_workdays` counts China's working days from the anchor date: negative
    before it, 0 on it, positive after it. A rule with `repeat_every_workdays`
    fires again every so many working days after its first firing (overdue nags).
    Before-due rules (offset <= 0) of one subject type compete: after downtime only
    the most recent one is sent, so nobody gets a burst of stale "7 days left".
    """

    class Anchor(models.TextChoices):
        DUE = "due", "完成/报送/回复时限"
        ISSUED = "issued", "下发日期(仅催办单)"

    class Units(models.TextChoices):
        LEAD = "lead", "牵头单位"
        LEAD_AND_CO = "lead_and_co", "牵头及配合单位"
        RECIPIENTS = "recipients", "催办对象单位"
        NONE = "none", "不发单位"

    code = models.SlugField("代码", max_length=64, unique=True)
    name = models.CharField("名称", max_length=128)
    subject_type = models.CharField("提醒对象", max_length=16, choices=Subject.choices)
    anchor = models.CharField("基准日期", max_length=16, choices=Anchor.choices, default=Anchor.DUE)
    offset_workdays = models.SmallIntegerField("相对工作日", help_text="负数为到期前, 0为当天, 正数为逾期后")
    repeat_every_workdays = models.PositiveSmallIntegerField(
        "重复间隔(工作日)", null=True, blank=True, help_text="仅用于逾期提醒; 留空为不重复"
    )
    units = models.CharField("发送单位", max_length=16, choices=Units.choices, default=Units.LEAD)
    notify_clerks = models.BooleanField("发给经办人", default=True)
    notify_heads = models.BooleanField("发给单位负责人", default=False)
    notify_supervisors = models.BooleanField("发给范围内督查员", default=False)
    is_active = models.BooleanField("启用", default=True)

    class Meta:
        verbose_name = "提醒规则"
        verbose_name_plural = "提醒规则"
        ordering = ["subject_type", "anchor", "offset_workdays"]
        constraints = [
            models.CheckConstraint(
                condition=Q(repeat_every_workdays__isnull=True) | Q(repeat_every_workdays__gt=0, offset_workdays__gt=0),
                name="reminderrule_repeat_only_overdue",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.repeat_every_workdays and self.offset_workdays <= 0:
            raise ValidationError({"repeat_every_workdays": "只有逾期后的提醒可以重复"})
        if self.anchor == self.Anchor.ISSUED and self.subject_type != Subject.URGE:
            raise ValidationError({"anchor": "只有催办督办单可以按下发日期提醒"})
        if self.units == self.Units.RECIPIENTS and self.subject_type != Subject.URGE:
            raise ValidationError({"units": "只有催办督办单有催办对象单位"})
        if self.subject_type == Subject.URGE and self.units not in (self.Units.RECIPIENTS, self.Units.NONE):
            raise ValidationError({"units": "催办督办单请选择催办对象单位"})
