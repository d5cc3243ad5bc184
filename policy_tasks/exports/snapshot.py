"""The state of a document's milestones as it stood at an instant, rebuilt from history.

Ledgers "as of" a date and bulletins for a past period must show what was true
then, not today's state. The rules (docs/exports.md):

- The cutoff of a day D is the first instant of D+1 in Asia/Shanghai: everything
  that happened on D has happened, nothing later has.
- A milestone (or a task) counts as closed by the cutoff as the pages count it
  (selectors.counted.closed_by): its status is closed and `closed_at` is before the
  cutoff or not recorded. One withdrawn only after the cutoff stood as it was before
  the withdrawal, which keeps `closed_at`: closed if that is before the cutoff.
- Its status at the cutoff is otherwise 申请办结 when a completion request was made
  before the cutoff and not decided before it, else 办理中.
- Its due date at the cutoff is the due date before any extension granted after the
  cutoff: `current_due_date` of the earliest GRANTED request decided at or after the
  cutoff, else today's `due_date`. Each grant records the date it replaced, so the
  earliest later grant knows the date in force at the cutoff.
- Reports and reported values count by `submitted_at` < cutoff; the latest report
  is the lead's report of the latest period (then the latest submission).

Everything here is bulk: a fixed number of queries whatever the number of milestones.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import NamedTuple, Protocol

from django.db.models import F, OuterRef, Subquery
from django.utils import timezone

from duban.lib import clock
from duban.lib.any_of import AnyOf
from duban.lib.sql import as_decimal, column, rows_for_ids
from policy_tasks.models import (
    CompletionRequest,
    ExtensionRequest,
    Milestone,
    MilestoneValue,
    PolicyDocument,
    ProgressReport,
    Task,
)
from policy_tasks.selectors.counted import is_closed_by, is_overdue_on
from policy_tasks.selectors.figures import yellow_bounds
from policy_tasks.selectors.light_rows import DueRow
from policy_tasks.selectors.lights import GREY, reason_for
from policy_tasks.selectors.reports import NEWEST_FIRST, newest_lead_values_sql

CHUNK = 5000  # ids per IN (...): PostgreSQL takes at most 65,535 parameters per query


def _chunks(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), CHUNK):
        yield ids[start : start + CHUNK]


class MilestoneFacts(Protocol):
    """What the snapshot reads of a milestone: a model instance, or the ledger's plain row."""

    @property
    def pk(self) -> int: ...

    @property
    def document_id(self) -> int: ...

    @property
    def task_id(self) -> int | None: ...

    @property
    def due_date(self) -> date | None: ...

    @property
    def target_value(self) -> Decimal | None: ...

    @property
    def status(self) -> str: ...

    @property
    def closed_at(self) -> datetime | None: ...


class MilestoneState(NamedTuple):
    """One milestone at the cutoff. `on` is the day lights and lateness are judged for.
    (A named tuple, not a frozen dataclass: the ledger builds one per row, 100,000 for a big one.)"""

    milestone: MilestoneFacts
    due: date | None
    status: str
    closed_on: date | None
    light: str
    days_late: int | None  # open and past due: days since due; closed late: days it was late by
    actual: Decimal | None = None  # its target's reported value as of the cutoff, when it has a target

    @property
    def is_closed(self) -> bool:
        return self.status == Milestone.Status.CLOSED

    @property
    def is_overdue(self) -> bool:
        """Open (not closed) at the cutoff with its due date passed."""
        return not self.is_closed and self.days_late is not None

    @property
    def closed_late(self) -> bool:
        return self.is_closed and self.days_late is not None


@dataclass(frozen=True)
class LatestReport:
    period_start: date
    period_end: date
    progress: str
    percent: int
    submitted_at: datetime


def status_before_withdrawal(status: str, closed_at: datetime | None) -> str:
    """A milestone's or a task's status, or for one withdrawn (perhaps after the cutoff) the one
    it had before: closed if it had been (the withdrawal keeps closed_at), else open."""
    if status != Milestone.Status.WITHDRAWN:  # a task's is the same value
        return status
    return Milestone.Status.CLOSED if closed_at is not None else Milestone.Status.OPEN


def closed_then(status: str, closed_at: datetime | None, cutoff: datetime) -> bool:
    """Whether a milestone or a task was closed at the cutoff, as the pages count it
    (selectors.counted.closed_by; the module rules)."""
    return is_closed_by(status_before_withdrawal(status, closed_at), closed_at, cutoff)


def due_dates_at(milestones: Sequence[MilestoneFacts], *, cutoff: datetime) -> dict[int, date | None]:
    """Each milestone's due date in force at the cutoff (see the module rules). One query."""
    earliest_later: dict[int, date] = {}
    for ids in _chunks([m.pk for m in milestones]):
        later = (
            ExtensionRequest.objects.filter(
                AnyOf(F("milestone_id"), ids), status=ExtensionRequest.Status.GRANTED, decided_at__gte=cutoff
            )
            .order_by("milestone_id", "decided_at", "id")
            .values_list("milestone_id", "current_due_date")
        )
        for milestone_id, due in later:
            earliest_later.setdefault(milestone_id, due)
    return {m.pk: earliest_later.get(m.pk, m.due_date) for m in milestones}


def _requested_at(ids: list[int], cutoff: datetime) -> set[int]:
    """Milestones with a completion request made before the cutoff and still undecided then."""
    pending: set[int] = set()
    for chunk in _chunks(ids):
        rows = CompletionRequest.objects.filter(AnyOf(F("milestone_id"), chunk), requested_at__lt=cutoff).values_list(
            "milestone_id", "decided_at"
        )
        pending |= {mid for mid, decided_at in rows if decided_at is None or decided_at >= cutoff}
    return pending


def latest_reports(task_ids, *, cutoff: datetime) -> dict[int, LatestReport]:
    """The lead's latest report per task among those submitted before the cutoff. One query."""
    newest = (
        ProgressReport.objects.filter(task=OuterRef("pk"), is_lead=True, submitted_at__lt=cutoff)
        .order_by(*NEWEST_FIRST)
        .values("pk")[:1]
    )
    latest: dict[int, LatestReport] = {}
    for ids in _chunks(list(task_ids)):
        report_ids = (
            Task.objects.filter(AnyOf(F("pk"), ids))
            .annotate(latest=Subquery(newest))
            .exclude(latest=None)
            .values_list("latest", flat=True)
        )
        rows = ProgressReport.objects.filter(pk__in=Subquery(report_ids)).values_list(
            "task_id", "period__starts_on", "period__ends_on", "progress", "percent", "submitted_at"
        )
        latest.update((row[0], LatestReport(*row[1:])) for row in rows)
    return latest


# The lead's latest stated value as the pages read it (selectors.reports.newest_lead_values_sql,
# the one rule), from the reports filed before the cutoff.
_VALUES_BEFORE_SQL = (
    "SELECT milestone_id, actual FROM ("
    + newest_lead_values_sql(
        f"{column(MilestoneValue, 'milestone', 'v')} {{ids}} AND {column(ProgressReport, 'submitted_at', 'r')} < %s"
    )
    + ") latest WHERE newest = 1"
)


def latest_values(milestone_ids: Iterable[int], *, cutoff: datetime) -> dict[int, Decimal]:
    """`selectors.reports.latest_milestone_values` (its actual values) as of the cutoff: the lead's
    latest report stating a value, among those filed before it. One query per CHUNK ids."""
    values: dict[int, Decimal] = {}
    for ids in _chunks(list(milestone_ids)):
        values.update((pk, as_decimal(actual)) for pk, actual in rows_for_ids(_VALUES_BEFORE_SQL, ids, [cutoff]))
    return values


def milestone_states(
    milestones: Sequence[MilestoneFacts],
    *,
    on: date,
    cutoff: datetime | None = None,
    document: PolicyDocument | None = None,
    percents: dict[int, int] | None = None,
) -> dict[int, MilestoneState]:
    """The state of each milestone at `cutoff` (default: the end of `on`), lights judged on `on`.

    `percents` (task id → percent of the latest report before the cutoff) feeds the
    behind-schedule yellow; tasks absent from it count as 0%, as in the lights selector.
    """
    cutoff = cutoff or clock.end_of(on)
    ids = [m.pk for m in milestones]
    dues = due_dates_at(milestones, cutoff=cutoff)
    requested = _requested_at(ids, cutoff)
    documents: dict[int, PolicyDocument] = {}
    if document is not None:
        documents[document.pk] = document
    missing = {m.document_id for m in milestones} - set(documents)
    if missing:
        documents.update(PolicyDocument.objects.in_bulk(missing))
    percents = percents or {}
    # A milestone with a target is judged on its own value as of the cutoff, as the pages judge it now.
    targets = {m.pk: m.target_value for m in milestones if m.target_value is not None}
    actuals = latest_values(targets, cutoff=cutoff) if targets else {}
    states: dict[int, MilestoneState] = {}
    zone = timezone.get_current_timezone()  # once: timezone.localdate looks it up per call
    # Due on or after a document's bound is not 临期: no working days counted per milestone.
    soon = yellow_bounds(on, documents)
    for m in milestones:
        before = status_before_withdrawal(m.status, m.closed_at)
        closed = is_closed_by(before, m.closed_at, cutoff)
        closed_on = m.closed_at.astimezone(zone).date() if closed and m.closed_at is not None else None
        if closed:
            status = Milestone.Status.CLOSED
        elif m.pk in requested:
            status = Milestone.Status.REQUESTED
        else:
            status = Milestone.Status.OPEN
        due = dues[m.pk]
        actual = actuals.get(m.pk)
        if closed:
            light = GREY
        else:
            # The lights rule reads the past status and due date off a plain row, as the task lights do
            # (it reads no task_id, which a document's own milestone has none of).
            past = DueRow(m.pk, m.task_id, m.document_id, status, due)  # type: ignore[arg-type]
            percent = percents.get(m.task_id, 0) if m.task_id is not None else None
            value = (Decimal(targets[m.pk]), Decimal(actual)) if actual is not None else None
            doc = documents[m.document_id]
            light = reason_for(past, on, percent, doc, value, soon_before=soon[m.document_id]).light
        days_late = None
        if due is not None:
            if closed_on is not None and closed_on > due:  # set exactly when closed
                days_late = (closed_on - due).days
            elif is_overdue_on(before, m.closed_at, due, on, cutoff=cutoff):
                days_late = (on - due).days
        states[m.pk] = MilestoneState(m, due, status, closed_on, light, days_late, actual)
    return states
