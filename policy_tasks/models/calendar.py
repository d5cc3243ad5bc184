from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

# The years an entry may fall in: a notice is for next year at most, and a typo such as
# 9027 would make every count walk seven thousand years one day at a time (docs/security.md).
FIRST_YEAR, LAST_YEAR = 2000, 2100


class CalendarDay(models.Model):
    """One day of the State Council's yearly holiday notice, as the office entered it.

    It overrides chinesecalendar for that day (duban.lib.workdays): a 节假日 is not a
    working day whatever its weekday, a 调休 day is one even on a weekend. A year with at
    least one 节假日 here counts as covered for the readiness probe and the console."""

    class Kind(models.TextChoices):
        HOLIDAY = "holiday", "节假日(放假)"
        WORKDAY = "workday", "调休上班"

    date = models.DateField("日期", unique=True)
    kind = models.CharField("类型", max_length=16, choices=Kind.choices)
    name = models.CharField("名称", max_length=40, blank=True, help_text="如 春节、国庆节")

    class Meta:
        ordering = ["date"]
        verbose_name = "节假日与调休"
        verbose_name_plural = "节假日与调休"

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.get_kind_display()} {self.name}".rstrip()

    def clean(self) -> None:
        if self.date and not FIRST_YEAR <= self.date.year <= LAST_YEAR:
            raise ValidationError({"date": f"只能录入 {FIRST_YEAR} 至 {LAST_YEAR} 年的日期"})
