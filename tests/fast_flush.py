"""The flush after a transactional test (transactional_db, live_server), made cheap on PostgreSQL.

Django empties the database after such a test with `flush`: one TRUNCATE of every table (about
0.4 s here for ~60 tables, since each truncated table gets new files), then the post_migrate
signal, which puts back the content types and permissions the TRUNCATE removed (another few
hundred milliseconds of queries). About a hundred tests pay both.

Here the same tables are emptied with DELETE instead, foreign keys not checked on the way
(`session_replication_role = replica`, which needs a superuser: CI's `postgres`), and the content
types and permissions are kept instead of removed and made again, so the post_migrate signal has
nothing to do. What a test sees afterwards is the same: every model's table empty but those two,
which hold what migrate made. Sequences are not reset, as Django's flush does not reset them.

Anything else (SQLite, another role, `reset_sequences`, `serialized_rollback`, `available_apps`)
goes through Django's own flush.
"""

from __future__ import annotations

from django.db import connections, transaction
from django.test import TransactionTestCase

# Filled by migrate and its post_migrate signal, never by a test; the flush leaves them.
_KEPT = {"django_content_type", "auth_permission", "django_migrations"}
_django_teardown = TransactionTestCase._fixture_teardown
_superuser: dict[str, bool] = {}


def _can_delete_unchecked(alias: str) -> bool:
    if alias not in _superuser:
        with connections[alias].cursor() as cursor:
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            row = cursor.fetchone()
        _superuser[alias] = bool(row and row[0])
    return _superuser[alias]


def _delete_all(alias: str) -> None:
    connection = connections[alias]
    tables = sorted(set(connection.introspection.django_table_names(only_existing=True)) - _KEPT)
    quote = connection.ops.quote_name
    with transaction.atomic(using=alias), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        cursor.execute("; ".join(f"DELETE FROM {quote(table)}" for table in tables))


def _fixture_teardown(self: TransactionTestCase) -> None:
    aliases = list(self._databases_names(include_mirrors=False))
    plain = not (self.reset_sequences or self.serialized_rollback or self.available_apps is not None)
    if plain and all(connections[alias].vendor == "postgresql" and _can_delete_unchecked(alias) for alias in aliases):
        for alias in aliases:
            _delete_all(alias)
        return
    _django_teardown(self)


def install() -> None:
    TransactionTestCase._fixture_teardown = _fixture_teardown  # type: ignore[method-assign]
