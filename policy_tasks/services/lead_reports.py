"""Each task's newest lead report (models.LeadReport), kept in step with the reports.

The newest is the one selectors.reports.newest_lead_reports_sql ranks first: the latest period's,
then the last filed, then the highest id. It is rewritten from the reports themselves, never
patched, so calling it again is harmless; every write of a report ends with it (signals for
save and delete, the reports service after a revision by `update`).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction

from duban.lib.sql import rows_for_ids
from policy_tasks.models import LeadReport, Task
from policy_tasks.selectors.reports import newest_lead_reports_sql

_NEWEST_SQL = (
    "SELECT task_id, report_id, percent FROM ("
    + newest_lead_reports_sql("{ids}", with_id=True)
    + ") newest WHERE newest = 1"
)
_BATCH = 5000


def refresh_lead_reports(task_ids: Iterable[int]) -> None:
    """Rewrite the tasks' LeadReport rows from their lead reports. The tasks' rows are locked
    first, so two filings on one task at once rewrite it one after the other, the second seeing
    the first's report."""
    ids = sorted(set(task_ids))
    for start in range(0, len(ids), _BATCH):
        batch = ids[start : start + _BATCH]
        with transaction.atomic():
            # Ordered, so concurrent refreshes of overlapping tasks lock them in the same order.
            list(Task.objects.select_for_update().filter(pk__in=batch).order_by("pk").values_list("pk", flat=True))
            LeadReport.objects.filter(task_id__in=batch).delete()
            LeadReport.objects.bulk_create(
                LeadReport(task_id=task_id, report_id=report_id, percent=percent)
                for task_id, report_id, percent in rows_for_ids(_NEWEST_SQL, batch)
            )


def refresh_all_lead_reports() -> None:
    """Every task's row (after data written without signals: a bulk load, a bench)."""
    refresh_lead_reports(Task.objects.values_list("pk", flat=True))
