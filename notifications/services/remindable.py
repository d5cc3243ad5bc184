"""The milestones reminders are about: open, not awaiting verification, not closed or withdrawn.
One definition for the scan's candidates, its watermark's window (scan_window.py) and the
leaders' rung (leader_rung.py)."""

from __future__ import annotations

from django.db.models import QuerySet

from policy_tasks.models import Milestone


def open_milestones() -> QuerySet[Milestone]:
    # Both filters: `live()` (status IN ('open', 'requested')) is the condition of the partial
    # index milestone_open_due_idx, so PostgreSQL uses it; `status = 'open'` skips milestones
    # awaiting verification. Closed and withdrawn (已作废) milestones are never reminded of.
    # order_by(): Milestone's default ordering would join task, document and area for nothing.
    return Milestone.objects.live().filter(status=Milestone.Status.OPEN).order_by()
