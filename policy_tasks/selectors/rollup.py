"""The roll-up (分解汇总) of a task's sub-tasks: how many reported, how many are overdue, and
the sum of the numbers reported against the target.

Definitions, as of `on`:
- `reported`: sub-tasks whose unit has filed at least one progress report on them.
- `late_reports`: sub-tasks with a report not filed by its deadline (still missing, or filed
  late): selectors.reports.reports_missing, the figure the scoreboard counts.
- `overdue`: sub-tasks whose milestone is overdue as of `on` (selectors.counted.overdue_on, the
  overdue ledger's rule).
- `actual_total`: for each sub-task's numeric milestone, the value of its lead unit's most
  recent report that states one (selectors.reports.latest_milestone_values, the task page's
  rule), summed; `target_total` the sum of the sub-tasks' own targets, and
  `parent_target` the parent milestone's, when the split named one with a number.

Figures cover every sub-task; `rows` only those the reader may see (a township's clerk sees
its own; supervisors, leaders and admins all), so no one learns another unit's detail.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from accounts.models import Unit, User
from policy_tasks.models import Milestone, ProgressReport, Task, TaskUnit
from policy_tasks.permissions import visible_tasks
from policy_tasks.selectors.counted import is_overdue_on
from policy_tasks.selectors.reports import latest_milestone_values, reports_missing


@dataclass
class SubTaskRow:
    task: Task
    unit: Unit | None
    milestone: Milestone | None
    reported: bool = False
    report_late: bool = False
    overdue: bool = False
    days_overdue: int = 0
    actual: Decimal | None = None


@dataclass
class Rollup:
    task: Task
    total: int = 0
    reported: int = 0
    late_reports: int = 0
    overdue: int = 0
    closed: int = 0
    actual_total: Decimal = Decimal("0")
    target_total: Decimal | None = None
    parent_target: Decimal | None = None
    target_unit: str = ""
    rows: list[SubTaskRow] = field(default_factory=list)

    @property
    def percent(self) -> int | None:
        """Sum of reported values against the target (the parent's, else the sub-tasks')."""
        target = self.parent_target or self.target_total
        if not target:
            return None
        return int(min(self.actual_total / target * 100, Decimal(100)))


def task_rollup(*, task: Task, on: date, user: User | None = None) -> Rollup | None:
    """None when the task has no sub-tasks; `user=None` lists every row (commands, tests)."""
    subs = list(task.sub_tasks.in_force().order_by("pk"))
    if not subs:
        return None
    ids = [s.pk for s in subs]
    leads = {
        tu.task_id: tu.unit
        for tu in TaskUnit.objects.filter(task_id__in=ids, role=TaskUnit.Role.LEAD).select_related("unit")
    }
    milestones: dict[int, Milestone] = {}
    for first in Milestone.objects.in_force().filter(task_id__in=ids).order_by("-position", "-pk"):
        if first.task_id is not None:
            milestones[first.task_id] = first  # the first (lowest position) wins
    # Each sub-task's value is its lead's newest, as the task page and the lights read it.
    values = {pk: actual for pk, (_, actual) in latest_milestone_values(m.pk for m in milestones.values()).items()}
    reported = set(ProgressReport.objects.filter(task_id__in=ids).values_list("task_id", flat=True))
    # Only the sub-tasks' reports: the whole document's list took most of a task page.
    late = {
        r.task.pk
        for r in reports_missing(on=on, tasks=task.sub_tasks.filter(document_id=task.document_id), include_late=True)
    }
    seen = set(visible_tasks(user, Task.objects.filter(pk__in=ids)).values_list("pk", flat=True)) if user else None

    rollup = Rollup(task=task, total=len(subs))
    parent_milestone = subs[0].parent_milestone
    if parent_milestone is not None and parent_milestone.target_value is not None:
        rollup.parent_target = parent_milestone.target_value
        rollup.target_unit = parent_milestone.target_unit
    for sub in subs:
        m = milestones.get(sub.pk)
        row = SubTaskRow(task=sub, unit=leads.get(sub.pk), milestone=m)
        row.reported = sub.pk in reported
        row.report_late = sub.pk in late
        if m is not None and m.due_date is not None and is_overdue_on(m.status, m.closed_at, m.due_date, on):
            row.overdue, row.days_overdue = True, (on - m.due_date).days
        if m is not None and m.target_value is not None:
            rollup.target_total = (rollup.target_total or Decimal("0")) + m.target_value
            rollup.target_unit = rollup.target_unit or m.target_unit
            row.actual = values.get(m.pk)
            rollup.actual_total += row.actual or Decimal("0")
        rollup.reported += row.reported
        rollup.late_reports += row.report_late
        rollup.overdue += row.overdue
        rollup.closed += sub.status == Task.Status.CLOSED
        if seen is None or sub.pk in seen:
            rollup.rows.append(row)
    return rollup
