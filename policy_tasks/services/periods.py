"""Reporting periods (填报周期) of a document: months, 旬 or weeks, each with its deadline.

Periods run from the first day of the month the document was issued in (1 January
of its year when the date is unknown) to its default deadline, or the year end.
Every period is clipped to that span, so a weekly cycle starting on a Wednesday
has a short first week. A report is due `report_grace_workdays` working days
(China's official calendar, make-up days included) after its period ends.

Generating is idempotent: existing rows are kept untouched, so a report already
filed against a period never loses it. Changing a document's cycle after periods
exist adds the new cycle's periods beside the old ones; pruning those is an
admin decision, not something to do silently here.

Audit: periods decide when a report is "missing", which counts against a unit,
so creating them is recorded: one event per call that creates at least one row,
by the system actor unless a caller passes its own. A call that creates nothing
changes nothing and records nothing.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import date, timedelta

from django.db import transaction

from duban.lib.workdays import add_workdays
from policy_tasks.models import AuditAction, PolicyDocument, ReportPeriod
from policy_tasks.services.audit import SYSTEM, Actor, AuditEntry, audit_record_many


def document_period_span(document: PolicyDocument) -> tuple[date, date]:
    """First and last day reports are owed for."""
    first = document.issued_on.replace(day=1) if document.issued_on else date(document.year, 1, 1)
    last = document.default_due or date(document.year, 12, 31)
    return first, last


def _month_end(day: date) -> date:
    return day.replace(day=calendar.monthrange(day.year, day.month)[1])


def _raw_periods(cycle: str, first: date) -> Iterator[tuple[date, date]]:
    """Unclipped periods from the one containing `first`, forever; the caller stops."""
    if cycle == PolicyDocument.ReportCycle.WEEKLY:
        start = first - timedelta(days=first.weekday())
        while True:
            yield start, start + timedelta(days=6)
            start += timedelta(days=7)
    elif cycle == PolicyDocument.ReportCycle.TEN_DAY:
        month = first.replace(day=1)
        while True:
            # 上旬 1-10, 中旬 11-20, 下旬 21 to the month's end (8 to 11 days).
            yield month, month.replace(day=10)
            yield month.replace(day=11), month.replace(day=20)
            end = _month_end(month)
            yield month.replace(day=21), end
            month = end + timedelta(days=1)
    else:
        month = first.replace(day=1)
        while True:
            end = _month_end(month)
            yield month, end
            month = end + timedelta(days=1)


def period_bounds(cycle: str, first: date, last: date) -> list[tuple[date, date]]:
    """The (starts_on, ends_on) of every period of `cycle` between `first` and `last`, clipped to them."""
    bounds: list[tuple[date, date]] = []
    if last < first:
        return bounds
    for start, end in _raw_periods(cycle, first):
        if start > last:
            break
        if end < first:
            continue
        bounds.append((max(start, first), min(end, last)))
    return bounds


def missing_periods(
    document: PolicyDocument, actor: Actor | None = None, *, new_document: bool = False
) -> tuple[list[ReportPeriod], AuditEntry | None]:
    """The document's periods not yet written, unsaved, and the event recording their creation
    (None when there are none). `new_document`: created in this transaction, so it has no periods
    yet and none are read (the import of a new document)."""
    first, last = document_period_span(document)
    grace = document.report_grace_workdays
    existing = (
        set()
        if new_document
        else set(ReportPeriod.objects.filter(document=document).values_list("starts_on", flat=True))
    )
    new = [
        ReportPeriod(document=document, starts_on=start, ends_on=end, due_on=add_workdays(end, grace))
        for start, end in period_bounds(document.report_cycle, first, last)
        if start not in existing
    ]
    if not new:
        return new, None
    entry = AuditEntry(
        actor=actor or SYSTEM,
        action=AuditAction.DOCUMENT_GENERATE_PERIODS,
        obj=document,
        before=None,
        after={
            "cycle": document.report_cycle,
            "grace_workdays": grace,
            "created": len(new),
            "first": new[0].starts_on,
            "last": new[-1].ends_on,
        },
        document=document,
    )
    return new, entry


def write_periods(periods: list[ReportPeriod]) -> None:
    # ignore_conflicts: a concurrent generator may have inserted the same period first;
    # the unique (document, starts_on) keeps one row and neither call fails.
    ReportPeriod.objects.bulk_create(periods, ignore_conflicts=True)


@transaction.atomic
def document_generate_periods(*, document: PolicyDocument, actor: Actor | None = None) -> int:
    """Create the document's missing reporting periods; return how many were created."""
    new, entry = missing_periods(document, actor)
    if entry is None:
        return 0
    write_periods(new)
    audit_record_many([entry])
    return len(new)
