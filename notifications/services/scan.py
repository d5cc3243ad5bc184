"""The scan: turn what is due up to now into ledger rows, each exactly once.

Runs on Celery beat every few minutes and from `run_reminders`. It inserts with
INSERT … ON CONFLICT DO NOTHING (bulk_create(ignore_conflicts=True)) against the
ledger's unique key, so two scans racing (two beats, a retried task, an operator
running the command) can only ever produce one row per key.

On PostgreSQL the milestone rows, the bulk of a busy day, are fanned out to people and
channels and inserted in SQL (scan_sql); everything else, and every dry run, is planned
here in Python, which is also the reference the SQL route is tested against.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime

import psycopg
from django.db import connection, transaction

from duban.lib import clock, workdays
from notifications.models import DIGEST_CHANNELS, Delivery, ReminderRule, Subject
from notifications.services import scan_marks
from notifications.services.candidates import (
    Candidate,
    milestone_candidates,
    report_candidates,
    urge_candidates,
)
from notifications.services.leader_rung import escalate_to_leaders
from notifications.services.recipients import Prefs, RecipientIndex
from notifications.services.scan_sql import audience, insert_milestones, milestone_batches
from notifications.services.timing import deliverable_at, local_date, next_digest_at

log = logging.getLogger(__name__)

ANALYZE_AFTER_ROWS = 5000


@dataclass(frozen=True)
class Planned:
    """One ledger row the scan wants (or, in a dry run, would want)."""

    candidate: Candidate
    recipient_id: int
    channel: str
    next_attempt_at: datetime


@dataclass
class ScanResult:
    today: date
    subjects: int = 0
    # The rows planned in Python: all of them on a dry run and on SQLite; on PostgreSQL
    # milestone rows are fanned out and inserted in SQL (scan_sql), only counted in `inserted`.
    planned: list[Planned] = field(default_factory=list)
    inserted: int = 0  # rows INSERT … ON CONFLICT DO NOTHING added (offered, on SQLite); 0 on a dry run
    skipped_non_workday: bool = False
    leaders: int = 0  # rows of the leader rung offered (leader_rung.py); not in `inserted`
    batches: int = 0  # milestone pages inserted, each in its own transaction (PostgreSQL)
    largest_batch: int = 0  # the most ledger rows one of those transactions inserted
    unchanged: bool = False  # nothing changed since the last complete tick: milestone queries skipped
    # The watermark the milestone queries read after (scan_window): None when they ran in full.
    since: date | None = None


def first_attempt_at(now: datetime, channel: str, prefs: Prefs) -> datetime:
    if prefs.digest and channel in DIGEST_CHANNELS:
        return deliverable_at(next_digest_at(now), channel=channel, quiet=prefs.quiet)
    return deliverable_at(now, channel=channel, quiet=prefs.quiet)


def active_rules() -> dict[str, list[ReminderRule]]:
    by_subject: dict[str, list[ReminderRule]] = {s: [] for s in Subject.values}
    for rule in ReminderRule.objects.filter(is_active=True):
        by_subject[rule.subject_type].append(rule)
    return by_subject


def find_candidates(today: date) -> list[Candidate]:
    by_subject = active_rules()
    return (
        milestone_candidates(by_subject[Subject.MILESTONE], today)
        + report_candidates(by_subject[Subject.REPORT], today)
        + urge_candidates(by_subject[Subject.URGE], today)
    )


def first_attempts(index: RecipientIndex, now: datetime) -> dict[tuple[int, str], datetime]:
    """(user, usable channel) -> first send time, for everyone the index can reach."""
    first: dict[tuple[str, Prefs], datetime] = {}  # `now` is fixed: one answer per (channel, prefs)
    result = {}
    users = {user_id for rows in index.members.values() for user_id, _ in rows}
    users |= {user_id for user_id, _ in index.supervisors}
    for user_id in users:
        prefs = index.prefs_of(user_id)
        for channel in index.channels(user_id):
            key = (channel, prefs)
            if key not in first:
                first[key] = first_attempt_at(now, channel, prefs)
            result[(user_id, channel)] = first[key]
    return result


def plan(candidates: list[Candidate], now: datetime, index: RecipientIndex | None = None) -> list[Planned]:
    if not candidates:
        return []
    index = index or RecipientIndex.load()
    planned: list[Planned] = []
    first: dict[tuple[str, Prefs], datetime] = {}  # `now` is fixed: one answer per (channel, prefs)
    for c in candidates:
        users = index.users(c.rule, units=c.units, document_id=c.document_id, area_id=c.area_id)
        for user_id in sorted(users):
            prefs = index.prefs_of(user_id)
            for channel in index.channels(user_id):
                key = (channel, prefs)
                if key not in first:
                    first[key] = first_attempt_at(now, channel, prefs)
                planned.append(Planned(c, user_id, channel, first[key]))
    return planned


_COLUMNS = [
    # (column, PostgreSQL array type)
    ("subject_type", "varchar"),
    ("subject_id", "bigint"),
    ("subject_ref", "bigint"),
    ("task_id", "bigint"),
    ("rule_id", "bigint"),
    ("due_date", "date"),
    ("occurrence", "smallint"),
    ("fire_date", "date"),
    ("recipient_id", "bigint"),
    ("channel", "varchar"),
    ("next_attempt_at", "timestamptz"),
]


# One ledger row's values, in _COLUMNS order.
_Row = tuple[str, int, int, int | None, int, date, int, date, int, str, datetime]


def _values(p: Planned) -> _Row:
    c = p.candidate
    return (
        c.subject_type,
        c.subject_id,
        c.subject_ref,
        c.task_id,
        c.rule.pk,
        c.due_date,
        c.occurrence,
        c.fire_date,
        p.recipient_id,
        p.channel,
        p.next_attempt_at,
    )


def _insert_postgresql(planned: list[Planned], created: datetime, batch_size: int) -> int:
    """INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING: one statement per batch,
    no model instances; rowcount is what was really inserted (conflicts excluded)."""
    names = ", ".join(name for name, _ in _COLUMNS)
    arrays = ", ".join(f"%s::{kind}[]" for _, kind in _COLUMNS)
    sql = (
        f"INSERT INTO {Delivery._meta.db_table} ({names}, status, attempts, claim_token, provider_message_id, "
        f"last_error, created_at) SELECT *, 'pending', 0, '', '', '', %s FROM unnest({arrays}) "
        "ON CONFLICT DO NOTHING"
    )
    inserted = 0
    connection.ensure_connection()
    # A server-binding psycopg cursor on Django's connection (same transaction): the
    # arrays travel as binary parameters instead of being quoted into the SQL text.
    with psycopg.Cursor(connection.connection) as cursor:
        for start in range(0, len(planned), batch_size):
            columns = list(zip(*(_values(p) for p in planned[start : start + batch_size]), strict=True))
            cursor.execute(sql, [created, *map(list, columns)], binary=True)
            inserted += cursor.rowcount
    return inserted


def _insert_generic(planned: list[Planned], created: datetime, batch_size: int) -> int:
    rows = [
        Delivery(**dict(zip((name for name, _ in _COLUMNS), _values(p), strict=True)), created_at=created)
        for p in planned
    ]
    Delivery.objects.bulk_create(rows, batch_size=batch_size, ignore_conflicts=True)
    return len(rows)  # bulk_create cannot tell conflicts apart; the count is of rows offered


def scan(*, now: datetime | None = None, dry_run: bool = False, batch_size: int = 5000) -> ScanResult:
    """Insert the deliveries due up to `now` (local date) that the ledger does not have yet.

    Nothing is inserted on a non-working day: the reminders of a weekend are the
    catch-up of the next working day's first tick.
    """
    now = now or clock.now()
    today = local_date(now)
    result = ScanResult(today=today)
    if not workdays.is_workday(today):
        result.skipped_non_workday = True
        return result
    if connection.vendor == "postgresql" and not dry_run:
        _scan_postgresql(result, now, batch_size)
        result.leaders = escalate_to_leaders(today, now, clock.now())
    else:
        candidates = find_candidates(today)
        result.subjects = len(candidates)
        result.planned = plan(candidates, now)
        # The leader rung (issue 16) after the candidates are read: its rows would otherwise
        # hide the supervisors' rows of the same rule from their anti-join.
        if not dry_run:
            result.leaders = escalate_to_leaders(today, now, clock.now())
        if dry_run or not result.planned:
            return result
        # ON CONFLICT DO NOTHING on the ledger's unique key: a concurrent scan that got
        # there first wins silently.
        with transaction.atomic():
            result.inserted = _insert_generic(result.planned, clock.now(), batch_size)
    if result.subjects:
        log.info("reminder scan %s: %d subjects, %d deliveries inserted", today, result.subjects, result.inserted)
    return result


def _scan_postgresql(result: ScanResult, now: datetime, batch_size: int) -> None:
    """Milestones fanned out and inserted in SQL (scan_sql), reports and urges planned in Python.

    Milestone candidates come in pages of at most `batch_size`, each fanned out and
    inserted in its own transaction: a catch-up of a long backlog holds no more rows in
    memory, and no transaction more, than an ordinary tick. A tick with nothing changed
    since the last complete one skips the milestone queries altogether (scan_marks); one
    that follows a complete tick reads only the due dates new since (scan_window).
    """
    rules = active_rules()
    mark = scan_marks.begin(rules[Subject.MILESTONE], result.today)
    others = report_candidates(rules[Subject.REPORT], result.today) + urge_candidates(rules[Subject.URGE], result.today)
    result.subjects = len(others)
    index: RecipientIndex | None = None
    people = None
    created = clock.now()
    believed = _believed_rows()
    clean = True
    result.unchanged = mark.unchanged
    result.since = mark.window.since if mark.window and not mark.unchanged else None
    if not mark.unchanged:
        for found in milestone_batches(rules[Subject.MILESTONE], result.today, batch_size, mark.window):
            if people is None:
                index = RecipientIndex.load()
                people = audience(index, first_attempts(index, now))
            with transaction.atomic():
                inserted, reached_all = insert_milestones([found], people, created)
            result.subjects += len(found.ids)
            result.inserted += inserted
            result.batches += 1
            result.largest_batch = max(result.largest_batch, inserted)
            if result.inserted >= ANALYZE_AFTER_ROWS and result.inserted > 2 * believed:
                # A catch-up's pages double the ledger: the planner's statistics must keep up,
                # or the next page's anti-join probes what it believes is an empty table with a
                # sequential scan per candidate.
                _analyze_ledger()
                believed = result.inserted + believed
            clean &= reached_all
    if others:
        result.planned = plan(others, now, index)
    with transaction.atomic():
        if result.planned:
            result.inserted += _insert_postgresql(result.planned, created, batch_size)
        if not mark.unchanged:
            scan_marks.finish(mark, clean=clean, today=result.today)
    if result.planned and len(result.planned) >= ANALYZE_AFTER_ROWS and len(result.planned) > believed:
        _analyze_ledger()


def _analyze_ledger() -> None:
    # A catch-up can add more rows than the planner believes the ledger has (an empty
    # ledger's statistics say zero): it would pick a nested loop with a sequential scan
    # inside for the anti-join (minutes instead of milliseconds). Smaller additions are left
    # to autovacuum's analyze.
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Delivery._meta.db_table}")


def _believed_rows() -> float:
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [Delivery._meta.db_table])
        row = cursor.fetchone()
        believed: float = row[0] if row is not None else 0.0  # pg_class has a row for every table
        return max(0.0, believed)
