"""The scan's first stage: which subjects a rule fires for today and has not fired for yet.

Finding is a stage of its own because it decides the volume: a million open milestones come
down, by index ranges, to the few thousand due today before anyone asks who hears of them
(scan_plan.py). "Not yet" is an anti-join on the ledger (NOT EXISTS on the unique key's
prefix), so a repeated tick reads the candidates' index range and finds nothing to do. Each
hit's occurrence and fire date (firing.py) are found here: the anti-join of a repeating
rule, and whether a report or urge is due at all, depend on them. Two forms, one per path:
`Candidate` objects with the units each concerns (the portable path, the reference), and
for PostgreSQL's milestones `milestone_batches`: the same queries' rows as columns
(`Found`) in bounded pages of (due date, id) order, which the database fans out.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from django.db.models import Exists, Max, OuterRef, QuerySet
from django.db.models.expressions import Combinable, NegatedExpression
from django.db.models.functions import Coalesce

from duban.lib import workdays
from notifications.models import Delivery, ReminderRule, Subject
from notifications.services.firing import before_due_plan, current_before_due, firing, last_anchor_fired, occurrence
from notifications.services.remindable import open_milestones
from notifications.services.timing import local_tz
from policy_tasks.models import (
    AreaUnit,
    Milestone,
    ProgressReport,
    ReportPeriod,
    Task,
    TaskUnit,
    UrgeNotice,
    in_force_q,
)

if TYPE_CHECKING:
    from notifications.services.scan_window import Window

# Urge notices older than this are not caught up (their reply dates are long gone).
URGE_LOOKBACK_DAYS = 60
_CHUNK = 2000


@dataclass
class Candidate:
    subject_type: str
    subject_id: int
    rule: ReminderRule
    due_date: date
    occurrence: int
    fire_date: date
    subject_ref: int = 0
    task_id: int | None = None
    document_id: int | None = None
    area_id: int | None = None
    units: list[tuple[int, str]] = field(default_factory=list)


def not_in_ledger(
    subject_type: str,
    rule: ReminderRule,
    today: date,
    *,
    ref: int = 0,
    due_field: str = "due_date",
    recipient_field: str | None = None,
) -> NegatedExpression[Combinable]:
    """No row of the ledger for the current occurrence of `rule` on the outer row (for the
    user in `recipient_field` when given: the leaders' rung owes each leader their own)."""
    sent = Delivery.objects.filter(
        subject_type=subject_type,
        subject_id=OuterRef("pk"),
        subject_ref=ref,
        rule=rule,
        due_date=OuterRef(due_field),
    )
    if recipient_field is not None:
        sent = sent.filter(recipient_id=OuterRef(recipient_field))
    if rule.repeat_every_workdays:
        # Exactly one occurrence fires in any window of `repeat` working days, so a row in
        # the window means the current occurrence is done, whatever the due date.
        sent = sent.filter(fire_date__gt=workdays.add_workdays(today, -rule.repeat_every_workdays))
    return ~Exists(sent)


# The area a supervisor's scope is matched against: an area milestone's own, else its task's.
# (The area lead-unit audience still keys on area_id alone, for milestones with no task.)
SCOPE_AREA = Coalesce("area_id", "task__area_id")


def milestone_queries(
    rules: list[ReminderRule], today: date, window: Window | None = None
) -> list[tuple[ReminderRule, QuerySet[Milestone]]]:
    """(rule, queryset of milestone rows) pairs; the scan query the benchmark explains.

    With a `window` (scan_window.py) each rule reads only the due dates it names: those
    whose reminder fires after the last complete tick, or that changed since.
    """
    by_id = {r.pk: r for r in rules}
    queries: list[tuple[ReminderRule, QuerySet[Milestone]]] = []
    before = [r for r in rules if r.offset_workdays <= 0]
    for rule_id, dates in before_due_plan(before, today).items():
        rule = by_id[rule_id]
        # One query per due date: each reads one range of the index in (due_date, id) order,
        # which the SQL path pages through in bounded batches.
        for day in dates:
            if window is not None and not window.wants(rule, day, today):
                continue
            qs = open_milestones().filter(due_date=day).filter(not_in_ledger(Subject.MILESTONE, rule, today))
            queries.append((rule, qs))
    for rule in (r for r in rules if r.offset_workdays > 0):
        limit = last_anchor_fired(rule.offset_workdays, today)
        qs = open_milestones().filter(due_date__lte=limit)
        if window is not None:
            wanted = window.due_dates(rule, today, limit)
            if not wanted:
                continue
            qs = qs.filter(due_date__in=wanted)
        queries.append((rule, qs.filter(not_in_ledger(Subject.MILESTONE, rule, today))))
    return queries


# (rule, milestone id, due, task id, scope area id, document id, occurrence, fire date)
MilestoneHit = tuple[ReminderRule, int, date, int | None, int | None, int, int, date]
MILESTONE_COLUMNS = ("pk", "due_date", "task_id", SCOPE_AREA, "document_id")


def milestone_hits(rules: list[ReminderRule], today: date) -> Iterator[MilestoneHit]:
    """(rule, milestone id, due, task id, scope area id, document id, occurrence, fire date) firing today."""
    fired: dict[tuple[int, date], tuple[int, date] | None] = {}
    for rule, qs in milestone_queries(rules, today):
        rows = qs.values_list(*MILESTONE_COLUMNS)
        # A plain fetch, not iterator(): a server-side cursor plans for the first 10% of rows.
        for pk, due, task_id, area_id, document_id in list(rows):
            key = (rule.pk, due)
            if key not in fired:
                fired[key] = firing(rule, due, today)
            hit = fired[key]
            if hit is not None:
                yield rule, pk, due, task_id, area_id, document_id, hit[0], hit[1]


def milestone_candidates(rules: list[ReminderRule], today: date) -> list[Candidate]:
    found = [
        Candidate(Subject.MILESTONE, pk, rule, due, occ, fire, task_id=task_id, document_id=doc_id, area_id=area_id)
        for rule, pk, due, task_id, area_id, doc_id, occ, fire in milestone_hits(rules, today)
    ]
    _attach_units(found)
    return found


def _attach_units(found: list[Candidate]) -> None:
    task_ids = sorted({c.task_id for c in found if c.task_id})
    area_ids = sorted({c.area_id for c in found if not c.task_id and c.area_id})
    task_units: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for start in range(0, len(task_ids), _CHUNK):
        rows = TaskUnit.objects.filter(task_id__in=task_ids[start : start + _CHUNK], unit__is_active=True)
        for task_id, unit_id, role in rows.values_list("task_id", "unit_id", "role"):
            task_units[task_id].append((unit_id, role))
    area_units: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for area_id, unit_id in AreaUnit.objects.filter(area_id__in=area_ids).values_list("area_id", "unit_id"):
        area_units[area_id].append((unit_id, "lead"))
    for c in found:
        if c.task_id:
            c.units = task_units.get(c.task_id, [])
        else:
            c.units = area_units.get(c.area_id, []) if c.area_id is not None else []


@dataclass
class Found:
    """A page of one milestone rule's candidates, as columns ready to be sent as arrays."""

    rule: ReminderRule
    ids: list[int] = field(default_factory=list)
    task_ids: list[int | None] = field(default_factory=list)
    area_ids: list[int | None] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)
    due_dates: list[date] = field(default_factory=list)
    occurrences: list[int] = field(default_factory=list)
    fire_dates: list[date] = field(default_factory=list)


PAGE_COLUMNS = ("pk", "due_date", "task_id", "area_id", "document_id")

# Where a page of one query starts: after the last (due date, id) of the previous page. A row
# comparison, so PostgreSQL starts the index range there instead of filtering from the start.
_AFTER = '("policy_tasks_milestone"."due_date", "policy_tasks_milestone"."id") > (%s, %s)'


def milestone_batches(
    rules: list[ReminderRule], today: date, size: int, window: Window | None = None
) -> Iterator[Found]:
    """The hits of `milestone_hits` as columns, one rule's page of at most `size` at a time.

    Each page is a fresh query in (due date, id) order from where the last one stopped, so
    memory and each insert's transaction stay bounded however large the backlog. With a
    `window` (scan_window.py), only the due dates new since the last complete tick are read.
    """
    fired: dict[tuple[int, date], tuple[int, date] | None] = {}
    for rule, qs in milestone_queries(rules, today, window):
        # The milestone's own area (not SCOPE_AREA, which joins every candidate's task): all
        # four columns come from milestone_scan_idx; the fan-out looks up a task's area only
        # where a scoped supervisor needs it.
        rows = qs.order_by("due_date", "pk").values_list(*PAGE_COLUMNS)
        after = None
        while True:
            page = rows if after is None else rows.extra(where=[_AFTER], params=list(after))
            chunk = list(page[:size])
            found = Found(rule)
            for pk, due, task_id, area_id, document_id in chunk:
                key = (rule.pk, due)
                if key not in fired:
                    fired[key] = firing(rule, due, today)
                hit = fired[key]
                if hit is None:
                    continue
                found.ids.append(pk)
                found.task_ids.append(task_id)
                found.area_ids.append(area_id)
                found.document_ids.append(document_id)
                found.due_dates.append(due)
                found.occurrences.append(hit[0])
                found.fire_dates.append(hit[1])
            if found.ids:
                yield found
            if len(chunk) < size:
                break
            after = (chunk[-1][1], chunk[-1][0])


def report_candidates(rules: list[ReminderRule], today: date) -> list[Candidate]:
    """Missing lead reports: no ProgressReport for (task, lead unit, period) after the period's due date."""
    if not rules:
        return []
    latest_due = dict(
        ReportPeriod.objects.filter(due_on__lt=today)
        .values("document_id")
        .annotate(m=Max("due_on"))
        .values_list("document_id", "m")
    )
    before = [r for r in rules if r.offset_workdays <= 0]
    plan = before_due_plan(before, today)
    found: list[Candidate] = []
    for rule in rules:
        periods: Iterable[ReportPeriod]
        if rule.offset_workdays <= 0:
            periods = ReportPeriod.objects.filter(due_on__in=plan.get(rule.pk, []))
        else:
            # Only each document's latest overdue period nags: an older missing report
            # is superseded by the next one rather than nagging forever.
            periods = [
                p
                for p in ReportPeriod.objects.filter(
                    due_on__lte=last_anchor_fired(rule.offset_workdays, today), due_on__in=set(latest_due.values())
                )
                if latest_due.get(p.document_id) == p.due_on
            ]
        for period in periods:
            hit = occurrence(rule, period.due_on, today)
            if hit is None:
                continue
            done = set(
                Delivery.objects.filter(
                    subject_type=Subject.REPORT,
                    subject_id=period.pk,
                    rule=rule,
                    due_date=period.due_on,
                    occurrence=hit[0],
                ).values_list("subject_ref", flat=True)
            )
            reported = ProgressReport.objects.filter(task=OuterRef("task_id"), unit=OuterRef("unit_id"), period=period)
            missing = (
                TaskUnit.objects.filter(
                    task__document_id=period.document_id, task__status=Task.Status.OPEN, role=TaskUnit.Role.LEAD
                )
                .filter(~Exists(reported))
                .values_list("task_id", "task__area_id")
                .distinct()
            )
            for task_id, area_id in missing:
                if task_id in done:
                    continue
                found.append(
                    Candidate(
                        Subject.REPORT,
                        period.pk,
                        rule,
                        period.due_on,
                        hit[0],
                        hit[1],
                        subject_ref=task_id,
                        task_id=task_id,
                        document_id=period.document_id,
                        area_id=area_id,
                    )
                )
    _attach_units(found)
    return found


def urge_candidates(rules: list[ReminderRule], today: date) -> list[Candidate]:
    """Urge notices (催办/督办单): on issue, and before their reply date to units yet to reply."""
    if not rules:
        return []
    since = today - timedelta(days=URGE_LOOKBACK_DAYS)
    notices = list(
        UrgeNotice.objects.filter(issued_at__date__gte=since)
        # An urge on a clause a new version withdrew (已撤销) asks for nothing any more.
        .filter(in_force_q("task__"))
        .select_related("task")
        .prefetch_related("recipients")
    )
    before = [r for r in rules if r.anchor == ReminderRule.Anchor.DUE and r.offset_workdays <= 0]
    found: list[Candidate] = []
    for notice in notices:
        issued = notice.issued_at.astimezone(local_tz()).date()
        current = current_before_due(before, notice.reply_due, today)
        for rule in rules:
            if rule.anchor == ReminderRule.Anchor.ISSUED:
                hit = occurrence(rule, issued, today, forward=True)
                units = [(r.unit_id, "recipient") for r in notice.recipients.all()]
            else:
                if rule.offset_workdays <= 0 and rule is not current:
                    continue
                hit = occurrence(rule, notice.reply_due, today)
                units = [(r.unit_id, "recipient") for r in notice.recipients.all() if r.replied_at is None]
            if hit is None or not units:
                continue
            found.append(
                Candidate(
                    Subject.URGE,
                    notice.pk,
                    rule,
                    notice.reply_due,
                    hit[0],
                    hit[1],
                    task_id=notice.task_id,
                    document_id=notice.task.document_id,
                    area_id=notice.task.area_id,
                    units=units,
                )
            )
    if found:
        done = set(
            Delivery.objects.filter(
                subject_type=Subject.URGE, subject_id__in={c.subject_id for c in found}
            ).values_list("subject_id", "rule_id", "due_date", "occurrence")
        )
        found = [c for c in found if (c.subject_id, c.rule.pk, c.due_date, c.occurrence) not in done]
    return found
