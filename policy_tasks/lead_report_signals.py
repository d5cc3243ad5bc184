"""models.LeadReport follows every save and delete of a report, whichever path made it (the
reports service, the admin, a test's `objects.create`), and a period whose dates change (the
order of a task's reports follows its periods' start dates). Writes that send no signal
(`bulk_create`, `QuerySet.update`) call services.lead_reports themselves."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from policy_tasks.models import ProgressReport, ReportPeriod
from policy_tasks.services.lead_reports import refresh_lead_reports


@receiver(post_save, sender=ProgressReport)
@receiver(post_delete, sender=ProgressReport)
def _report_changed(sender, instance: ProgressReport, **kwargs) -> None:
    refresh_lead_reports([instance.task_id])


@receiver(post_save, sender=ReportPeriod)
def _period_changed(sender, instance: ReportPeriod, created: bool, **kwargs) -> None:
    if not created:  # a new period has no reports yet
        refresh_lead_reports(ProgressReport.objects.filter(period=instance).values_list("task_id", flat=True))
