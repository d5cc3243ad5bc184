"""The unit ranking of a bulletin: the scoreboard as it stood at a past cutoff.

selectors.scoreboard.unit_scoreboard reads today's due dates and statuses; a bulletin
for a past month needs the ones in force then (snapshot.py), so this applies the same
definitions (assessed = due before `on`; reports owed, missing and late as the bulletin
counts them, selectors.reports.report_counts by the end of the month; the same score,
unassessed units and rank: scores_ranked) to the historical states. Extensions and
returned completions count when decided before the cutoff.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from django.db.models import Count, QuerySet

from policy_tasks.exports.snapshot import MilestoneState
from policy_tasks.models import CompletionRequest, ExtensionRequest, Milestone, PolicyDocument, Task, TaskUnit
from policy_tasks.selectors.reports import ReportCounts
from policy_tasks.selectors.scoreboard import UnitScore, add_report_counts, scores_ranked


def historical_scoreboard(
    *,
    document: PolicyDocument,
    milestones: list[Milestone],
    states: dict[int, MilestoneState],
    units_of: dict[int, list[TaskUnit]],
    tasks: QuerySet[Task],
    on: date,
    cutoff: datetime,
    reports: Mapping[int, ReportCounts],
    scoped: bool = False,
) -> list[UnitScore]:
    """unit_scoreboard's figures on the states at the cutoff; `units_of` maps task id → its TaskUnits,
    `tasks` are the same clauses as a queryset (`scoped`: only the tasks a reader sees, so extensions
    count on those alone), `reports` their lead units' report_counts (the bulletin's totals too)."""
    scores: dict[int, UnitScore] = {}
    days_late: dict[int, list[int]] = {}
    for links in units_of.values():
        for tu in links:
            score = scores.setdefault(tu.unit_id, UnitScore(unit=tu.unit))
            if tu.role == TaskUnit.Role.LEAD:
                score.tasks_led += 1
    for m in milestones:
        state = states[m.pk]
        assert state.due is not None and m.task_id is not None, "dated task milestones only (bulletin_build)"
        if state.due >= on:
            continue
        for tu in units_of[m.task_id]:
            score = scores[tu.unit_id]
            if tu.role == TaskUnit.Role.LEAD:
                score.milestones_due += 1
                if state.is_overdue:
                    score.overdue_count += 1
                elif state.closed_late:
                    pass
                else:
                    score.closed_on_time += 1
                if state.days_late is not None:
                    days_late.setdefault(tu.unit_id, []).append(state.days_late)
            else:
                score.milestones_due_as_co += 1
                if state.is_overdue:
                    score.overdue_as_co += 1
    granted = ExtensionRequest.objects.filter(
        milestone__document=document, status=ExtensionRequest.Status.GRANTED, decided_at__lt=cutoff
    )
    if scoped:  # only the reader's tasks (units_of holds them)
        granted = granted.filter(milestone__task_id__in=list(units_of))
    for unit_id in granted.values_list("unit_id", flat=True):
        if unit_id in scores:
            scores[unit_id].extensions += 1
    # Returned by a supervisor before the cutoff, on a milestone still in force then (as unit_scoreboard).
    returned = (
        CompletionRequest.objects.filter(
            milestone__task__in=tasks.values("pk"),
            status=CompletionRequest.Status.RETURNED,
            decided_by__isnull=False,
            decided_at__lt=cutoff,
        )
        .exclude(milestone__withdrawn_at__lt=cutoff)
        .values_list("milestone__task_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for task_id, n in returned:
        for tu in units_of.get(task_id, []):
            if tu.role == TaskUnit.Role.LEAD:
                scores[tu.unit_id].returned_completions += n
    add_report_counts(scores, reports)
    return scores_ranked(scores, days_late, document)
