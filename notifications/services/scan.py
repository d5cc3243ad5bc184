"""The scan: turn what is due up to now into ledger rows, each exactly once.

Runs on Celery beat every few minutes and from `run_reminders`, as three stages:

    find   candidates.py   which subjects a rule fires for today and has not fired for yet
    plan   scan_plan.py    who hears of each, over which channel, from when
    write  scan_write.py   the rows into the ledger, ON CONFLICT DO NOTHING on its unique key

and, once the candidates are read, the leaders' rung (leader_rung.py: the leader who instructed a
task hears with the last escalation), whose rows go in through the same scan_write.

This module only runs them: in what order, in which transactions, in pages of what size,
what the watermark (scan_marks.py) lets a tick skip, and nothing written on a dry run. Two
ways through, which a test holds equal row for row:

- in pages (PostgreSQL): milestones, the bulk of a busy day, are found as columns a page at
  a time, and each page is planned and written by the database in its own transaction;
- in one pass (every dry run, and other databases): every subject is found and planned in
  Python and written in one transaction. It is the reference.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import connection, transaction

from duban.lib import clock, workdays
from notifications.models import ReminderRule, Subject
from notifications.services import scan_marks
from notifications.services.candidates import (
    milestone_batches,
    milestone_candidates,
    report_candidates,
    urge_candidates,
)
from notifications.services.leader_rung import leader_rows
from notifications.services.recipients import RecipientIndex
from notifications.services.scan_plan import Audience, Planned, audience, first_attempts, plan

# Taken from here by decisions.py and bench/reminder_bench_plans.py: explicit re-exports
# until they import scan_plan.py itself.
from notifications.services.scan_write import FanOut, LedgerStats, write, write_rows
from notifications.services.timing import local_date

log = logging.getLogger(__name__)


@dataclass
class ScanResult:
    today: date
    subjects: int = 0
    # The rows planned in Python: all of them on a dry run and on SQLite; on PostgreSQL
    # milestone rows are planned and written by the database (scan_write), only counted in `inserted`.
    planned: list[Planned] = field(default_factory=list)
    inserted: int = 0  # rows INSERT … ON CONFLICT DO NOTHING added (offered, on SQLite); 0 on a dry run
    skipped_non_workday: bool = False
    leaders: int = 0  # rows of the leader rung offered (leader_rung.py); not in `inserted`
    batches: int = 0  # milestone pages inserted, each in its own transaction (PostgreSQL)
    largest_batch: int = 0  # the most ledger rows one of those transactions inserted
    unchanged: bool = False  # nothing changed since the last complete tick: milestone queries skipped
    # The watermark the milestone queries read after (scan_window): None when they ran in full.
    since: date | None = None


def active_rules() -> dict[str, list[ReminderRule]]:
    by_subject: dict[str, list[ReminderRule]] = {s: [] for s in Subject.values}
    for rule in ReminderRule.objects.filter(is_active=True):
        by_subject[rule.subject_type].append(rule)
    return by_subject


def scan(*, now: datetime | None = None, dry_run: bool = False, batch_size: int = 5000) -> ScanResult:
    """Insert the deliveries due up to `now` (local date) that the ledger does not have yet.

    Nothing is inserted on a non-working day: the reminders of a weekend are the
    catch-up of the next working day's first tick.
    """
    now = now or clock.now()
    result = ScanResult(today=local_date(now))
    if not workdays.is_workday(result.today):
        result.skipped_non_workday = True
    elif connection.vendor == "postgresql" and not dry_run:
        _in_pages(result, now, batch_size)
    else:
        _in_one_pass(result, now, dry_run, batch_size)
    return result


def _in_one_pass(result: ScanResult, now: datetime, dry_run: bool, batch_size: int) -> None:
    """Every subject found and planned in Python, then written in one transaction."""
    rules, today = active_rules(), result.today
    found = (
        milestone_candidates(rules[Subject.MILESTONE], today)
        + report_candidates(rules[Subject.REPORT], today)
        + urge_candidates(rules[Subject.URGE], today)
    )
    result.subjects = len(found)
    result.planned = plan(found, now)
    if dry_run:
        return
    # The leader rung (issue 16) after the candidates are read: its rows would otherwise
    # hide the supervisors' rows of the same rule from their anti-join.
    result.leaders = _leaders(today, now, batch_size)
    if result.planned:
        with transaction.atomic():
            result.inserted = write(result.planned, clock.now(), batch_size).inserted
        _log(result)


def _in_pages(result: ScanResult, now: datetime, batch_size: int) -> None:
    """Milestones a page at a time, each page in its own transaction; reports and urges in one pass.

    A page holds at most `batch_size` milestone candidates: a catch-up of a long backlog
    holds no more rows in memory, and no transaction more, than an ordinary tick. A tick
    with nothing changed since the last complete one skips the milestone queries
    altogether (scan_marks); one that follows a complete tick reads only the due dates new
    since (scan_window). The last transaction records the tick as complete.
    """
    rules, today = active_rules(), result.today
    mark = scan_marks.begin(rules[Subject.MILESTONE], today)
    others = report_candidates(rules[Subject.REPORT], today) + urge_candidates(rules[Subject.URGE], today)
    result.subjects = len(others)
    index: RecipientIndex | None = None
    people: Audience | None = None
    created = clock.now()
    stats = LedgerStats()
    clean = True  # every milestone candidate reached someone
    result.unchanged = mark.unchanged
    result.since = mark.window.since if mark.window and not mark.unchanged else None
    if not mark.unchanged:
        for page in milestone_batches(rules[Subject.MILESTONE], today, batch_size, mark.window):
            if people is None:
                index = RecipientIndex.load()
                people = audience(index, first_attempts(index, now))
            with transaction.atomic():
                written = write(FanOut([page], people), created, batch_size)
            result.subjects += len(page.ids)
            result.inserted += written.inserted
            result.batches += 1
            result.largest_batch = max(result.largest_batch, written.inserted)
            stats.after_page(result.inserted)
            clean &= written.reached_all
    if others:
        result.planned = plan(others, now, index)
    with transaction.atomic():
        if result.planned:
            result.inserted += write(result.planned, created, batch_size).inserted
        if not mark.unchanged:
            scan_marks.finish(mark, clean=clean, today=today)
    stats.after_rows(len(result.planned))
    result.leaders = _leaders(today, now, batch_size)
    _log(result)


def _leaders(today: date, now: datetime, batch_size: int) -> int:
    """The leaders' rung's rows; how many were offered. No transaction of its own: bulk_create
    opens one when there is something to write, and a tick with nothing pays no round trip."""
    return write_rows(leader_rows(today, now, clock.now()), batch_size).inserted


def _log(result: ScanResult) -> None:
    if result.subjects:
        log.info(
            "reminder scan %s: %d subjects, %d deliveries inserted", result.today, result.subjects, result.inserted
        )
