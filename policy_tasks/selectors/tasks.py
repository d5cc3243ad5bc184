"""Reads of tasks and the overdue ledger (逾期台账), always scoped the way permissions see them."""

from __future__ import annotations

from datetime import date

from django.db.models import Prefetch, QuerySet

from accounts.models import Unit, User
from policy_tasks import permissions
from policy_tasks.models import Milestone, PolicyDocument, Task, TaskUnit
from policy_tasks.selectors.counted import overdue_on


def tasks_for_user(*, user: User) -> QuerySet[Task]:
    """The tasks the user may see, with what a list shows (document, area, units, milestones)."""
    return (
        permissions.visible_tasks(user)
        .select_related("document", "area")
        .prefetch_related(
            Prefetch("task_units", queryset=TaskUnit.objects.select_related("unit").order_by("position")),
            Prefetch("milestones", queryset=Milestone.objects.order_by("position")),
        )
    )


def milestones_overdue(
    *, on: date, document: PolicyDocument | None = None, unit: Unit | None = None, user: User | None = None
) -> QuerySet[Milestone]:
    """Task milestones past due and still to do at the end of `on` (live now, or closed only
    later: selectors.counted.overdue_on), earliest deadline first; the figure 逾期 counts them.

    `unit` keeps tasks the unit leads or co-owns; `user` keeps tasks the user may see.
    Area-wide targets are left out: no unit can request their completion yet, so
    listing them would only accumulate entries nobody can clear. Closed and withdrawn
    (已作废) milestones are not overdue.
    """
    qs = Milestone.objects.filter(overdue_on(on), task__isnull=False)
    if document is not None:
        qs = qs.filter(document=document)
    if unit is not None:
        # A subquery, not a join: a task with the unit listed once must yield each milestone once.
        qs = qs.filter(task__in=TaskUnit.objects.filter(unit=unit).values("task_id"))
    if user is not None and not permissions.sees_every_task(user):
        # For one who sees every task the condition is `task IN (every task)`: a join of every
        # task that keeps them all (the rows have a task), left out as the figures leave it out.
        qs = qs.filter(task__in=permissions.visible_tasks(user).values("pk"))
    return (
        qs.select_related("task", "task__area", "document")
        .prefetch_related(
            Prefetch("task__task_units", queryset=TaskUnit.objects.select_related("unit").order_by("position"))
        )
        .order_by("due_date", "document_id", "task__number", "position", "pk")
    )
