"""The scan's last stage: a batch of ledger rows into the database, each key at most once.

`write` is the one way in. Every batch goes in with INSERT … ON CONFLICT DO NOTHING on the
ledger's unique key, so two scans racing (two beats, a retried task, an operator running
the command) can only ever produce one row per key. It runs inside the caller's
transaction (scan.py decides their size) and picks the database's way:

- a `FanOut` (PostgreSQL: a page of milestones and the people to join it to) is planned
  and inserted by one `INSERT … SELECT … ON CONFLICT DO NOTHING` per rule, which joins the
  page to its units, the units' people and the people's channels in the database: building
  those rows in Python and shipping them back cost more than the insert itself;
- planned rows (`Planned`) go in as columns, `INSERT … SELECT FROM unnest(arrays)`, on
  PostgreSQL, and through `bulk_create(ignore_conflicts=True)` elsewhere.

`LedgerStats` keeps PostgreSQL's belief of the ledger's size in step after a catch-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import psycopg
from django.db import connection
from django.db.models import Field, UniqueConstraint

from notifications.models import Delivery, ReminderRule, Subject
from notifications.services.candidates import Found
from notifications.services.scan_plan import Audience, Planned
from policy_tasks.models import AreaUnit, Task, TaskUnit
from policy_tasks.scopes import covers_sql

ANALYZE_AFTER_ROWS = 5000


@dataclass(frozen=True)
class FanOut:
    """Pages of milestone candidates and the audience the statement joins them to."""

    pages: list[Found]
    people: Audience


@dataclass(frozen=True)
class Written:
    inserted: int  # rows really inserted (PostgreSQL); rows offered to bulk_create elsewhere
    reached_all: bool = True  # every candidate of a fan-out got a row (the others come back next tick)


def write(batch: FanOut | list[Planned], created: datetime, batch_size: int) -> Written:
    """Insert one batch ON CONFLICT DO NOTHING, in the caller's transaction, on Django's connection."""
    if isinstance(batch, FanOut):
        return _fan_out(batch, created)
    if connection.vendor == "postgresql":
        return Written(_insert_arrays(batch, created, batch_size))
    return Written(_bulk_create(batch, created, batch_size))


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

_SQL = """
WITH candidate (id, task_id, area_id, document_id, due_date, occurrence, fire_date) AS (
    SELECT * FROM unnest(%(ids)b::bigint[], %(task_ids)b::bigint[], %(area_ids)b::bigint[],
        %(document_ids)b::bigint[], %(due_dates)b::date[], %(occurrences)b::smallint[], %(fire_dates)b::date[])
), member (unit_id, user_id) AS (
    SELECT * FROM unnest(%(member_units)b::bigint[], %(member_users)b::bigint[])
), supervisor (user_id, everything, document_id, area_id) AS (
    -- policy_tasks.scopes.rows: one per scope, or one with everything set for an unlimited grant.
    SELECT * FROM unnest(%(sup_users)b::bigint[], %(sup_all)b::boolean[], %(sup_docs)b::bigint[],
        %(sup_areas)b::bigint[])
), reach (user_id, channel, next_attempt_at) AS (
    SELECT * FROM unnest(%(reach_users)b::bigint[], %(reach_channels)b::varchar[], %(reach_at)b::timestamptz[])
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
    FROM candidate c JOIN supervisor s ON {in_scope}
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


# A supervisor in scope (policy_tasks.scopes, the one rule). The scope area is
# candidates.SCOPE_AREA: the milestone's own, else its task's.
_IN_SCOPE = covers_sql(
    "s",
    document="c.document_id",
    area=f"COALESCE(c.area_id, (SELECT t.area_id FROM {Task._meta.db_table} t WHERE t.id = c.task_id))",
)


def _statement(rule: ReminderRule) -> str:
    return _SQL.format(
        delivery=Delivery._meta.db_table,
        taskunit=TaskUnit._meta.db_table,
        areaunit=AreaUnit._meta.db_table,
        in_scope=_IN_SCOPE,
        key=UNIQUE_COLUMNS,
        lead_only=f"AND tu.role = '{TaskUnit.Role.LEAD.value}'" if rule.units == ReminderRule.Units.LEAD else "",
    )


def statements(
    found: list[Found], people: Audience, created: datetime
) -> list[tuple[ReminderRule, str, dict[str, object]]]:
    """(rule, SQL, parameters) per page: `write` runs them, the bench explains them."""
    result: list[tuple[ReminderRule, str, dict[str, object]]] = []
    for f in found:
        rule = f.rule
        units, users = people.members_for(rule)
        sup = people.scopes_for(rule)
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
    arrays travel as binary parameters instead of being quoted into the SQL text, and the
    planner sees their real sizes."""
    connection.ensure_connection()
    return psycopg.Cursor(connection.connection)


def _fan_out(batch: FanOut, created: datetime) -> Written:
    inserted, reached_all = 0, True
    with raw_cursor() as cursor:
        # The rows are sorted before the insert (lock order); a page's fan-out sorts in memory.
        cursor.execute("SET LOCAL work_mem = '64MB'")
        # The supervisors' branch is estimated above jit_above_cost, so every page paid ~80 ms
        # compiling expressions for a few thousand rows (measured at 10 M milestones: ~8% of a
        # day's first tick); the statement is an index-driven fan-out that JIT cannot speed up.
        cursor.execute("SET LOCAL jit = off")
        for (_rule, sql, params), f in zip(statements(batch.pages, batch.people, created), batch.pages, strict=True):
            cursor.execute(sql, params)
            row = cursor.fetchone()
            if row is None:  # the statement ends in one aggregate row, whatever it inserted
                raise RuntimeError("the fan-out statement returned no row")
            rows, reached = row
            inserted += rows
            reached_all &= reached == len(f.ids)
    return Written(inserted, reached_all)


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
# The ledger row's columns by name: the portable insert, and the bench that compares both paths.
ROW_COLUMNS = tuple(name for name, _ in _COLUMNS)

# One ledger row's values, in _COLUMNS order.
_Row = tuple[str, int, int, int | None, int, date, int, date, int, str, datetime]


def row_values(p: Planned) -> _Row:
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


def _insert_arrays(planned: list[Planned], created: datetime, batch_size: int) -> int:
    """INSERT … SELECT FROM unnest(arrays) ON CONFLICT DO NOTHING: one statement per batch,
    no model instances; rowcount is what was really inserted (conflicts excluded)."""
    names = ", ".join(ROW_COLUMNS)
    arrays = ", ".join(f"%s::{kind}[]" for _, kind in _COLUMNS)
    sql = (
        f"INSERT INTO {Delivery._meta.db_table} ({names}, status, attempts, claim_token, provider_message_id, "
        f"last_error, created_at) SELECT *, '{Delivery.Status.PENDING.value}', 0, '', '', '', %s FROM unnest({arrays}) "
        "ON CONFLICT DO NOTHING"
    )
    inserted = 0
    with raw_cursor() as cursor:
        for start in range(0, len(planned), batch_size):
            columns = list(zip(*(row_values(p) for p in planned[start : start + batch_size]), strict=True))
            cursor.execute(sql, [created, *map(list, columns)], binary=True)
            inserted += cursor.rowcount
    return inserted


def _bulk_create(planned: list[Planned], created: datetime, batch_size: int) -> int:
    rows = [Delivery(**dict(zip(ROW_COLUMNS, row_values(p), strict=True)), created_at=created) for p in planned]
    return write_rows(rows, batch_size).inserted


def write_rows(rows: list[Delivery], batch_size: int) -> Written:
    """Rows their caller built whole (the leaders' rung: leader_rung.leader_rows) ON CONFLICT DO
    NOTHING on the ledger's key, in the caller's transaction or, outside one, in bulk_create's
    own. bulk_create cannot tell conflicts apart, so the count is of the rows offered."""
    Delivery.objects.bulk_create(rows, batch_size=batch_size, ignore_conflicts=True)
    return Written(len(rows))


class LedgerStats:
    """What PostgreSQL's planner believes the ledger holds, kept up with a catch-up.

    A catch-up can add more rows than the planner believes the ledger has (an empty
    ledger's statistics say zero): it would pick a nested loop with a sequential scan
    inside for the anti-join (minutes instead of milliseconds). Smaller additions are left
    to autovacuum's analyze. Call outside the write's transaction, after it committed.
    """

    def __init__(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [Delivery._meta.db_table])
            row = cursor.fetchone()
            believed: float = row[0] if row is not None else 0.0  # pg_class has a row for every table
            self.believed = max(0.0, believed)

    def after_page(self, inserted: int) -> None:
        """`inserted` rows so far this tick: a catch-up's pages double the ledger, and the next
        page's anti-join would probe what the planner believes is an empty table."""
        if inserted >= ANALYZE_AFTER_ROWS and inserted > 2 * self.believed:
            _analyze()
            self.believed = inserted + self.believed

    def after_rows(self, offered: int) -> None:
        if offered >= ANALYZE_AFTER_ROWS and offered > self.believed:
            _analyze()


def _analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Delivery._meta.db_table}")
