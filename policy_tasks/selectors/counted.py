"""时限节点, the milestones the figures count (selectors/figures.py states the definitions), and
when one counts as closed, still open or overdue as of a day: the conditions that the figures,
the scoreboard's sums (milestone_sums.py), the ledger, the charts, the API's filters and the
exports' snapshot share.

Closed by a day means its status is closed and it was not closed after that day: a closed
milestone with no closing time recorded is closed from the start (the office closed it; its
timestamp is missing, not its closing). Overdue as of a day D: due before D and not closed by
the end of D (a milestone closed only after D was overdue on D; one reopened is open again).
Each condition has a Python twin here for rows already read.
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from django.db.models import Case, CharField, F, Q, QuerySet, Value, When

from accounts.models import User
from duban.lib import clock
from duban.lib.local_date import LocalDate
from duban.lib.sql import SQLParam, column
from policy_tasks.models import Milestone, PolicyDocument, TaskUnit, in_force_q
from policy_tasks.permissions import sees_every_task, visible_tasks

_CLOSED = Milestone.Status.CLOSED


def closed_by(day: date) -> Q:
    """Milestones closed by the end of `day` (one closed with no time recorded: from the start)."""
    return Q(status=_CLOSED) & (Q(closed_at__isnull=True) | Q(closed_at__lt=clock.end_of(day)))


def is_closed_by(status: str, closed_at: datetime | None, cutoff: datetime) -> bool:
    """closed_by in Python, `cutoff` being the end of the day (clock.end_of)."""
    return status == _CLOSED and (closed_at is None or closed_at < cutoff)


def status_at(status: str, closed_at: datetime | None, cutoff: datetime) -> str:
    """A milestone's or a task's status as it stood at `cutoff` (the end of a day, clock.end_of),
    for a page or a light that shows a past day: one closed only after it was open then
    (is_closed_by; that a completion request was pending then is not kept, the lights read both
    alike; a task's statuses have the same values)."""
    if status == _CLOSED and not is_closed_by(status, closed_at, cutoff):
        return Milestone.Status.OPEN.value
    return status


def status_then(day: date) -> Case | F:
    """status_at in SQL, for a milestone's or a task's row (both have status and closed_at; a
    task's statuses have the same values): its status at the end of `day`. For today and later
    nothing has closed after it: the status itself, today's statement unchanged."""
    cutoff = clock.end_of(day)
    if cutoff > clock.now():
        return F("status")
    reopened = When(status=_CLOSED, closed_at__gte=cutoff, then=Value(Milestone.Status.OPEN.value))
    return Case(reopened, default=F("status"), output_field=CharField())


def closed_day_of(status: str, closed_day: date | None) -> date | None:
    """closed_by in Python, for rows read with their closing day (closing_day): the day closed,
    closed by D when it is on or before D; date.min for one closed with no time recorded; None
    while not closed. A task's status has the same value for closed and reads the same way."""
    if status != _CLOSED:
        return None
    return closed_day or date.min


def closing_day() -> LocalDate:
    """A milestone's closing day (closed_at in the project's time zone), for closed_on_time and
    closed_late: annotate it as `closed_day`."""
    return LocalDate("closed_at")


def closed_on_time(day: date) -> Q:
    """Closed by the end of `day`, on or before the due date (one with no time: on time). Needs the
    `closed_day` annotation (closing_day)."""
    return closed_by(day) & (Q(closed_at__isnull=True) | Q(closed_day__lte=F("due_date")))


def closed_late(day: date) -> Q:
    """Closed by the end of `day`, after the due date: the closed ones not closed_on_time."""
    return closed_by(day) & Q(closed_day__gt=F("due_date"))


def open_at(day: date) -> Q:
    """Milestones still to do at the end of `day`: live now, or closed after that day."""
    branches = open_branches(day)
    return branches[0] if len(branches) == 1 else branches[0] | branches[1]


def is_open_at(status: str, closed_at: datetime | None, cutoff: datetime) -> bool:
    """open_at in Python, `cutoff` being the end of the day (clock.end_of)."""
    if status in Milestone.LIVE_STATUSES:
        return True
    return status == _CLOSED and closed_at is not None and closed_at >= cutoff and cutoff <= clock.now()


def overdue_on(day: date, *, through: date | None = None) -> Q:
    """Milestones overdue as of `day` (the module): due before it and still to do at its end, or
    at the end of `through` when what happened is counted to another day (a bulletin judges on
    the 1st of the next month what was done by the end of the month: selectors.figures)."""
    return open_at(through or day) & Q(due_date__lt=day)


def open_sql(alias: str, day: date) -> list[tuple[str, list[SQLParam]]]:
    """open_branches in SQL, for a statement over the milestone table aliased `alias`: a
    condition and its parameters per branch. The statuses are literals, so a prepared
    statement's generic plan can still use the partial index on live milestones."""
    status = column(Milestone, "status", alias)
    live = ", ".join(repr(s) for s in Milestone.LIVE_STATUSES)
    branches: list[tuple[str, list[SQLParam]]] = [(f"{status} IN ({live})", [])]
    cutoff = clock.end_of(day)
    if cutoff <= clock.now():
        closed_after = f"{status} = '{_CLOSED.value}' AND {column(Milestone, 'closed_at', alias)} >= %s"
        branches.append((closed_after, [cutoff]))
    return branches


def overdue_sql(alias: str, day: date) -> list[tuple[str, list[SQLParam]]]:
    """overdue_on in SQL, by the branches of open_sql: each one a statement can read on its own
    index (live milestones by due date; those closed after the day, by closing time)."""
    due = f"{column(Milestone, 'due_date', alias)} < %s"
    return [(f"{due} AND {sql}", [day, *params]) for sql, params in open_sql(alias, day)]


def either(branches: list[tuple[str, list[SQLParam]]]) -> tuple[str, list[SQLParam]]:
    """Branches of open_sql or overdue_sql as one condition, where no index is to be chosen (an
    aggregate over a task's few milestones)."""
    sql = " OR ".join(f"({branch})" for branch, _ in branches)
    return f"({sql})", [p for _, params in branches for p in params]


def is_overdue_on(
    status: str, closed_at: datetime | None, due: date | None, day: date, *, cutoff: datetime | None = None
) -> bool:
    """overdue_on in Python. `cutoff`, when the state is read at another instant than the end of
    `day` (a bulletin: the end of the month, judged on the day after), replaces it."""
    return due is not None and due < day and is_open_at(status, closed_at, cutoff or clock.end_of(day))


def open_branches(day: date) -> list[Q]:
    """open_at as branches each on its own partial index: live ones (by due date), and, for a past
    day, those closed after it (milestone_closed_at_idx); an OR of both reads neither. For today
    and later nothing has closed after it: one branch."""
    live = Q(status__in=Milestone.LIVE_STATUSES)
    cutoff = clock.end_of(day)
    if cutoff > clock.now():
        return [live]
    return [live, Q(status=_CLOSED, closed_at__gte=cutoff)]


def counted_milestones(
    *,
    document: PolicyDocument | None = None,
    user: User | None = None,
    unit_ids: Collection[int] | None = None,
    lead_only: bool = False,
    withdrawn_clauses: bool = False,
) -> QuerySet[Milestone]:
    """时限节点: the milestones the figures count (see the module), in the scope asked for.
    `withdrawn_clauses` keeps those of withdrawn clauses, for a caller that leaves them out by
    its own join to the clauses (selectors.milestone_sums: 10,000 clauses, not 100,000 milestones)."""
    qs = Milestone.objects.in_force().filter(task__isnull=False, due_date__isnull=False)
    if not withdrawn_clauses:
        qs = qs.filter(in_force_q("task__"))
    if document is not None:
        qs = qs.filter(document=document)
    if unit_ids is not None:
        links = TaskUnit.objects.filter(unit_id__in=unit_ids)
        if lead_only:
            links = links.filter(role=TaskUnit.Role.LEAD)
        qs = qs.filter(task__in=links.values("task_id"))
    if user is not None and not sees_every_task(user):
        # For one who sees every task the condition is a join of every task to every milestone
        # that keeps them all (the milestones counted have a task): left out.
        qs = qs.filter(task__in=visible_tasks(user).values("pk"))
    return qs
