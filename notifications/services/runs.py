"""Record how a periodic task's tick went (TaskRun), for /metrics on any node."""

from __future__ import annotations

from datetime import datetime

from django.db import IntegrityError, transaction
from django.db.models import F

from notifications.models import TaskRun


def task_run_record(*, name: str, started_at: datetime, finished_at: datetime, rows: int, subjects: int) -> None:
    duration = max(0.0, (finished_at - started_at).total_seconds())
    last = {
        "last_started_at": started_at,
        "last_finished_at": finished_at,
        "last_duration_seconds": duration,
        "last_rows": rows,
        "last_subjects": subjects,
    }
    totals = {
        "runs_total": F("runs_total") + 1,
        "rows_total": F("rows_total") + rows,
        "duration_seconds_total": F("duration_seconds_total") + duration,
    }
    # One UPDATE with F() increments: two workers ticking at once both count.
    if TaskRun.objects.filter(name=name).update(**last, **totals):
        return
    try:
        with transaction.atomic():
            TaskRun.objects.create(name=name, **last, runs_total=1, rows_total=rows, duration_seconds_total=duration)
    except IntegrityError:  # the other worker created it first
        TaskRun.objects.filter(name=name).update(**last, **totals)
