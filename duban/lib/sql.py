"""Small fixed reads, sent as SQL written once instead of compiled per request.

Django compiles a queryset's SQL anew every time it runs. For the few fixed reads that
complete a list page (the units, milestones and documents of 50 rows) compiling costs
more than the database takes to answer (docs/performance.md, "API"). Statements name
tables and columns through `table` and `column`, from the models' _meta, so a renamed
field fails at import or in the tests rather than drifting.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import TYPE_CHECKING, Any, TypeAlias

import orjson
from django.core.exceptions import EmptyResultSet
from django.db import connection, transaction
from django.db.models import Field, Model, QuerySet

if TYPE_CHECKING:
    from django.db.backends.utils import _SQLType

# A value a statement takes as a parameter (what the cursor accepts).
SQLParam: TypeAlias = "_SQLType"
# A row of a raw statement, as the DB API types it: its columns are whatever the SQL selects.
Row: TypeAlias = tuple[Any, ...]


def as_date(value: date | str | None) -> date | None:
    """A date column read by plain SQL (SQLite hands an aggregated date back as text)."""
    return date.fromisoformat(value) if isinstance(value, str) else value


def as_decimal(value: Decimal | float | str) -> Decimal:
    """A decimal column read by plain SQL (SQLite may hand back a float)."""
    return value if isinstance(value, Decimal) else Decimal(str(value))


def aware(value: datetime | None) -> datetime | None:
    """A datetime column read by plain SQL: SQLite gives it naive, in UTC (USE_TZ)."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value


def table(model: type[Model]) -> str:
    return f'"{model._meta.db_table}"'


def column(model: type[Model], field: str, alias: str | None = None) -> str:
    found = model._meta.get_field(field)
    if not isinstance(found, Field):
        raise ValueError(f"{model.__name__}.{field} is a relation, not a column")
    name = f'"{found.column}"'
    return f"{alias}.{name}" if alias else name


def subquery(queryset: QuerySet[Model]) -> tuple[str, list[SQLParam]] | None:
    """The queryset's ids as SQL and parameters to embed (`… IN (sql)`): ("", []) when it
    is the whole table (no condition needed), None when it can match nothing (`none()`)."""
    if not queryset.query.has_filters():
        return "", []
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return None
    return sql, list(params)


def condition(queryset: QuerySet[Model]) -> tuple[str, list[SQLParam]] | None:
    """The queryset's filter as a condition on its model's table, named by the table itself
    (`"policy_tasks_task"."id" …`), to put in a statement that reads that table unaliased:
    ("", []) when it is the whole table, None when it can match nothing (`none()`).

    A filter that joins other tables (rather than testing them in EXISTS or IN) cannot stand
    alone: it is then `"table"."id" IN (the queryset's ids)`, which the planner must join back
    to the table. A condition on the table's own rows needs no such join; for a page of a
    list this is the difference between reading the first rows in order and sorting every
    row the reader may see (docs/performance.md, "API")."""
    found = subquery(queryset)
    if not found or not found[0]:
        return found
    sql, params = found
    name = table(queryset.model)
    pk = f"{name}.{column(queryset.model, queryset.model._meta.pk.name)}"
    alone = f'SELECT {pk} AS "pk" FROM {name} WHERE '
    if sql.startswith(alone):
        return f"({sql.removeprefix(alone)})", params
    return f"{pk} IN ({sql})", params


def fetch(sql: str, params: Iterable[SQLParam] = ()) -> list[Row]:
    """Run a statement and fetch every row. A datetime parameter is written as the database
    stores the column it is compared with (SQLite: naive UTC text, as Django's ORM writes it;
    an aware value would compare as text with its offset and miss by the offset's hours)."""
    adapt = connection.ops.adapt_datetimefield_value
    values = [adapt(p) if isinstance(p, datetime) else p for p in params]
    with connection.cursor() as cursor:
        cursor.execute(sql, values)
        return cursor.fetchall()


def rows_for_ids(
    sql: str, ids: Iterable[int], after: Sequence[SQLParam] = (), *, before: Sequence[SQLParam] = ()
) -> list[Row]:
    """Run `sql`, whose `{ids}` (after a column) becomes "is one of these ids", and fetch every row;
    `before` are the parameters of placeholders ahead of `{ids}` in the text, `after` those that
    follow it. A second `{ids}` (a subquery's) may follow `after`'s placeholders.

    On PostgreSQL that is `= ANY(%s)` with one array parameter: one statement text whatever the
    number of ids, so it is prepared once and psycopg caches its parsing (not done for more than
    50 parameters). SQLite has no arrays: `IN (%s, …)`, one placeholder per id.
    """
    ids = list(ids)
    if not ids:
        return []
    id_params: list[SQLParam]
    if connection.vendor == "postgresql":
        condition, id_params = "= ANY(%s)", [ids]
    else:
        condition, id_params = f"IN ({', '.join(['%s'] * len(ids))})", list(ids)
    again = id_params if sql.count("{ids}") == 2 else []
    return fetch(sql.format(ids=condition), [*before, *id_params, *after, *again])


@contextmanager
def custom_plans() -> Iterator[None]:
    """Within the block (a transaction), PostgreSQL plans every statement for its parameters.

    With prepared statements (duban.env), a statement run ten times on a connection may be
    given PostgreSQL's generic plan, made without the parameters' values; for the pages'
    aggregates over a document (the figures, the scoreboard, the board, the charts) it was
    1.5–2× slower than the plan for the date and document asked about, so a connection's
    pages slowed down after their first requests (issue 18: the console's third role in the
    bench, the dashboard after its ninth request). Parsing is still saved. `SET LOCAL`: the
    setting ends with the transaction. Usable as a decorator."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        yield


def _json_loads(data: str | bytes) -> Any:
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:  # an integer beyond 64 bits: the standard library reads it
        return json.loads(data)


def use_fast_json() -> None:
    """psycopg decodes `json` values (the units a page's statement aggregates with json_agg,
    51 a page) with orjson, about four times faster than the standard library, which took
    half a millisecond of each task-list request (docs/performance.md, "API"). Django's
    JSONField columns (jsonb) are decoded by Django itself and are not affected."""
    try:
        from psycopg.types.json import set_json_loads
    except ImportError:  # no PostgreSQL driver: SQLite only
        return
    set_json_loads(_json_loads)
