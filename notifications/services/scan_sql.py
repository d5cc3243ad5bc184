"""The milestone part of a scan tick, fanned out and inserted in set-based SQL on PostgreSQL.

Milestones are the scan's volume: a working day's first tick adds tens of thousands
of ledger rows with a million milestones. Building those rows in Python (a Candidate
per subject, a Planned per recipient and channel) and shipping them back as arrays
cost more than the insert itself. Here the candidates are found by the very queries
of the portable path (`candidates.milestone_queries`, an anti-join on the ledger probed
by index), fetched as plain columns in pages of (due date, id) order, and each page goes
back as arrays into one `INSERT … SELECT … ON CONFLICT DO NOTHING` that joins it to its
units, the units' people and the people's channels in the database, in its own
transaction (`scan._scan_postgresql`), so a catch-up's backlog never sits in one.

Python still decides what needs the working-day calendar or the recipients'
preferences, as small arrays: each candidate's occurrence and fire date (computed once
per due date), who a unit role or a supervisor scope reaches (`RecipientIndex`), and
each reachable person's usable channels with the first send time.

The portable path (`milestone_candidates` + `scan.plan`) stays the reference: dry
runs and SQLite use it, and a test runs both on PostgreSQL and compares the rows.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime

import psycopg
from django.db import connection
from django.db.models import Field, UniqueConstraint

from accounts.models import Membership
from notifications.models import Delivery, ReminderRule, Subject
from notifications.services.candidates import firing, milestone_hits, milestone_queries
from notifications.services.recipients import RecipientIndex
from notifications.services.scan_window import Window
from policy_tasks.models import AreaUnit, Task, TaskUnit

# The ledger's unique key, as the arbiter of ON CONFLICT: the primary key (an identity)
# cannot conflict, so letting PostgreSQL check it for every row is wasted work. Named by its
# columns: with INCLUDE it is a unique index, which ON CONFLICT ON CONSTRAINT cannot name.
_KEY = next(c for c in Delivery._meta.constraints if isinstance(c, UniqueConstraint) and c.condition is None)


def _column(name: str) -> str:
    found = Delivery._meta.get_field(name)
    if not isinstance(found, Field) or found.column is None:
        raise ValueError(f"Delivery.{name} is not a column")
    return found.column


UNIQUE_COLUMNS = ", ".join(_column(name) for name in _KEY.fields)


@dataclass
class Found:
    """One milestone rule's candidates, as columns ready to be sent as arrays."""

    rule: ReminderRule
    ids: list[int] = field(default_factory=list)
    task_ids: list[int | None] = field(default_factory=list)
    area_ids: list[int | None] = field(default_factory=list)
    document_ids: list[int] = field(default_factory=list)
    due_dates: list[date] = field(default_factory=list)
    occurrences: list[int] = field(default_factory=list)
    fire_dates: list[date] = field(default_factory=list)


@dataclass(frozen=True)
class Audience:
    """The people side of the fan-out, as columns ready to be sent as arrays."""

    reach: tuple[list[int], list[str], list[datetime]]  # (user, channel, first send time)
    members: dict[frozenset[str], tuple[list[int], list[int]]]  # wanted roles -> (unit, user)
    scopes: tuple[list[int], list[bool], list[int | None], list[int | None]]  # (user, everything, doc, area)


def milestones_found(rules: list[ReminderRule], today: date) -> list[Found]:
    """Each rule's candidates today: `milestone_candidates` without building objects."""
    by_rule: dict[int, Found] = {}
    for rule, pk, due, task_id, area_id, document_id, occ, fire in milestone_hits(rules, today):
        columns = by_rule.get(rule.pk)
        if columns is None:
            columns = by_rule[rule.pk] = Found(rule)
        columns.ids.append(pk)
        columns.task_ids.append(task_id)
        columns.area_ids.append(area_id)
        columns.document_ids.append(document_id)
        columns.due_dates.append(due)
        columns.occurrences.append(occ)
        columns.fire_dates.append(fire)
    return list(by_rule.values())


PAGE_COLUMNS = ("pk", "due_date", "task_id", "area_id", "document_id")

# Where a page of one query starts: after the last (due date, id) of the previous page. A row
# comparison, so PostgreSQL starts the index range there instead of filtering from the start.
_AFTER = '("policy_tasks_milestone"."due_date", "policy_tasks_milestone"."id") > (%s, %s)'


def milestone_batches(
    rules: list[ReminderRule], today: date, size: int, window: Window | None = None
) -> Iterator[Found]:
    """The same candidates as `milestones_found`, one rule's page of at most `size` at a time.

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


def audience(index: RecipientIndex, first_attempt: dict[tuple[int, str], datetime]) -> Audience:
    """`first_attempt` maps (user, channel) to its first send time, for every usable pair."""
    pairs = sorted(first_attempt.items())
    reach = ([u for (u, _), _ in pairs], [c for (_, c), _ in pairs], [at for _, at in pairs])
    members: dict[frozenset[str], tuple[list[int], list[int]]] = {}
    for roles in _role_sets():
        units, users = [], []
        for unit_id, rows in sorted(index.members.items()):
            for user_id, role in rows:
                if role in roles:
                    units.append(unit_id)
                    users.append(user_id)
        members[roles] = (units, users)
    # One row per supervisor grant scope; a grant without scopes covers everything.
    scope_rows: list[tuple[int, bool, int | None, int | None]] = []
    for user_id, grant_scopes in index.supervisors:
        if not grant_scopes:
            scope_rows.append((user_id, True, None, None))
        scope_rows.extend((user_id, False, document_id, area_id) for document_id, area_id in grant_scopes)
    scopes = (
        [r[0] for r in scope_rows],
        [r[1] for r in scope_rows],
        [r[2] for r in scope_rows],
        [r[3] for r in scope_rows],
    )
    return Audience(reach, members, scopes)


def _role_sets() -> list[frozenset[str]]:
    clerk, head = Membership.Role.CLERK.value, Membership.Role.HEAD.value
    return [frozenset(), frozenset({clerk}), frozenset({head}), frozenset({clerk, head})]


def _wanted_roles(rule: ReminderRule) -> frozenset[str]:
    if rule.units == ReminderRule.Units.NONE:
        return frozenset()
    roles = set()
    if rule.notify_clerks:
        roles.add(Membership.Role.CLERK.value)
    if rule.notify_heads:
        roles.add(Membership.Role.HEAD.value)
    return frozenset(roles)


_SQL = """
WITH candidate (id, task_id, area_id, document_id, due_date, occurrence, fire_date) AS (
    SELECT * FROM unnest(%(ids)s::bigint[], %(task_ids)s::bigint[], %(area_ids)s::bigint[],
        %(document_ids)s::bigint[], %(due_dates)s::date[], %(occurrences)s::smallint[], %(fire_dates)s::date[])
), member (unit_id, user_id) AS (
    SELECT * FROM unnest(%(member_units)s::bigint[], %(member_users)s::bigint[])
), supervisor (user_id, everything, document_id, area_id) AS (
    SELECT * FROM unnest(%(sup_users)s::bigint[], %(sup_all)s::boolean[], %(sup_docs)s::bigint[],
        %(sup_areas)s::bigint[])
), reach (user_id, channel, next_attempt_at) AS (
    SELECT * FROM unnest(%(reach_users)s::bigint[], %(reach_channels)s::varchar[], %(reach_at)s::timestamptz[])
), concerned AS MATERIALIZED (
    -- Each candidate's units. Its own task units, by index: OFFSET 0 keeps the planner from
    -- flattening the lateral subquery into a hash join over every task's units (a sequential
    -- scan); MATERIALIZED keeps the people's join out of that per-candidate loop (one hash).
    SELECT c.id, c.task_id, c.due_date, c.occurrence, c.fire_date, tu.unit_id
    FROM candidate c
    CROSS JOIN LATERAL (
        SELECT tu.unit_id FROM {taskunit} tu WHERE tu.task_id = c.task_id {lead_only} OFFSET 0
    ) tu
    UNION ALL
    -- An area's milestone (no task) concerns the area's lead units.
    SELECT c.id, c.task_id, c.due_date, c.occurrence, c.fire_date, au.unit_id
    FROM candidate c
    CROSS JOIN LATERAL (SELECT au.unit_id FROM {areaunit} au WHERE au.area_id = c.area_id OFFSET 0) au
    WHERE c.task_id IS NULL
), person AS (
    -- A subject's people, each once: clerks or heads of its units, supervisors in scope.
    SELECT cu.id, cu.task_id, cu.due_date, cu.occurrence, cu.fire_date, mb.user_id
    FROM concerned cu JOIN member mb ON mb.unit_id = cu.unit_id
    UNION
    SELECT c.id, c.task_id, c.due_date, c.occurrence, c.fire_date, s.user_id
    FROM candidate c JOIN supervisor s
        ON s.everything OR (s.document_id = c.document_id AND (s.area_id IS NULL
            -- The scope area (candidates.SCOPE_AREA): the milestone's own, else its task's.
            OR s.area_id = COALESCE(c.area_id, (SELECT t.area_id FROM {task} t WHERE t.id = c.task_id))))
), inserted AS (
INSERT INTO {delivery} (subject_type, subject_id, subject_ref, task_id, rule_id, due_date, occurrence, fire_date,
    recipient_id, channel, next_attempt_at, status, attempts, claim_token, provider_message_id, last_error, created_at)
SELECT %(subject)s, p.id, 0, p.task_id, %(rule)s, p.due_date, p.occurrence, p.fire_date, r.user_id, r.channel,
    r.next_attempt_at, %(pending)s, 0, '', '', '', %(created)s
FROM person p JOIN reach r ON r.user_id = p.user_id
-- A fixed order: two scans racing insert the same keys in the same order, so the later
-- one waits on the first conflicting row and never holds a row the first one needs.
ORDER BY p.id, r.user_id, r.channel
ON CONFLICT ({key}) DO NOTHING
RETURNING subject_id
)
-- Rows, and candidates that got at least one (the others are candidates again next tick).
SELECT count(*), count(DISTINCT subject_id) FROM inserted
"""


def _statement(rule: ReminderRule) -> str:
    return _SQL.format(
        delivery=Delivery._meta.db_table,
        taskunit=TaskUnit._meta.db_table,
        areaunit=AreaUnit._meta.db_table,
        task=Task._meta.db_table,
        key=UNIQUE_COLUMNS,
        lead_only="AND tu.role = 'lead'" if rule.units == ReminderRule.Units.LEAD else "",
    )


def statements(
    found: list[Found], people: Audience, created: datetime
) -> list[tuple[ReminderRule, str, dict[str, object]]]:
    """(rule, SQL, parameters) per rule with candidates: `insert_milestones` runs them, the bench explains them."""
    result: list[tuple[ReminderRule, str, dict[str, object]]] = []
    no_one: tuple[list[int], list[bool], list[int | None], list[int | None]] = ([], [], [], [])
    for f in found:
        rule = f.rule
        units, users = people.members[_wanted_roles(rule)]
        sup = people.scopes if rule.notify_supervisors else no_one
        params = {
            "ids": f.ids,
            "task_ids": f.task_ids,
            "area_ids": f.area_ids,
            "document_ids": f.document_ids,
            "due_dates": f.due_dates,
            "occurrences": f.occurrences,
            "fire_dates": f.fire_dates,
            "member_units": units,
            "member_users": users,
            "sup_users": sup[0],
            "sup_all": sup[1],
            "sup_docs": sup[2],
            "sup_areas": sup[3],
            "reach_users": people.reach[0],
            "reach_channels": people.reach[1],
            "reach_at": people.reach[2],
            "subject": Subject.MILESTONE.value,
            "rule": rule.pk,
            "pending": Delivery.Status.PENDING.value,
            "created": created,
        }
        result.append((rule, _statement(rule), params))
    return result


def raw_cursor() -> psycopg.Cursor:
    """A server-binding psycopg cursor on Django's connection (same transaction): the
    arrays travel as parameters and the planner sees their real sizes."""
    connection.ensure_connection()
    return psycopg.Cursor(connection.connection)


def insert_milestones(found: list[Found], people: Audience, created: datetime) -> tuple[int, bool]:
    """Fan out and insert every rule's candidates: (rows really inserted, every candidate got one).

    Runs inside the caller's transaction, on Django's connection.
    """
    inserted, reached_all = 0, True
    with raw_cursor() as cursor:
        # The rows are sorted before the insert (lock order); a page's fan-out sorts in memory.
        cursor.execute("SET LOCAL work_mem = '64MB'")
        # The supervisors' branch is estimated above jit_above_cost, so every page paid ~80 ms
        # compiling expressions for a few thousand rows (measured at 10 M milestones: ~8% of a
        # day's first tick); the statement is an index-driven fan-out that JIT cannot speed up.
        cursor.execute("SET LOCAL jit = off")
        for (_rule, sql, params), f in zip(statements(found, people, created), found, strict=True):
            cursor.execute(sql, params)
            row = cursor.fetchone()
            if row is None:  # the statement ends in one aggregate row, whatever it inserted
                raise RuntimeError("the fan-out statement returned no row")
            rows, reached = row
            inserted += rows
            reached_all &= reached == len(f.ids)
    return inserted, reached_all
