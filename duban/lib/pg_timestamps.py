"""Read PostgreSQL `timestamptz` values with psycopg's C loader.

Django registers its own loader for timestamptz, a Python subclass of psycopg's pure-Python
one, so that every value comes back in the connection's zone (UTC here). psycopg's C loader
(psycopg[binary]) cannot be subclassed, so Django's replaces it, and each value then costs
about 10 µs where the C loader takes under 1 µs: 0.5 ms of a 50-row API page, more in the
ledger export (docs/performance.md, "Session 25"). Where the connection's zone is UTC, the
C loader already answers in `datetime.timezone.utc`, the very value Django's sets, so the
C loader's `load` is installed as the loader's own: the same datetimes, read in C.
"""

from __future__ import annotations

from datetime import UTC
from typing import Any

from django.db.backends.signals import connection_created


def _fast_loader_class() -> type | None:
    try:
        import psycopg
        from psycopg import pq
        from psycopg.postgres import types
        from psycopg.types.datetime import TimestamptzLoader
    except ImportError:  # no PostgreSQL driver: SQLite only
        return None
    oid = types["timestamptz"].oid
    found = psycopg.adapters.get_loader(oid, pq.Format.TEXT)
    if found is None or found.__module__.startswith("psycopg.types"):
        return None  # the pure-Python build: nothing faster to install
    c_loader: Any = found

    class UtcTimestamptzLoader(TimestamptzLoader):
        # Django compares this with its connection's zone before every cursor, and registers
        # its own loader again when they differ.
        timezone = UTC

        def __init__(self, oid: int, context: Any = None):
            super().__init__(oid, context)
            # psycopg's C row loader looks `load` up once per column: the C loader's, no frame between.
            self.load = c_loader(oid, context).load  # type: ignore[method-assign]

    return UtcTimestamptzLoader


_LOADER = _fast_loader_class()


def _install(sender: Any, connection: Any, **kwargs: Any) -> None:
    if _LOADER is None or connection.vendor != "postgresql" or connection.timezone_name != "UTC":
        return
    # Django has set the session's TimeZone to its own by now (init_connection_state).
    if connection.connection.info.parameter_status("TimeZone") != "UTC":
        return
    connection.connection.adapters.register_loader("timestamptz", _LOADER)


def use_c_timestamps() -> None:
    connection_created.connect(_install, dispatch_uid="duban.lib.pg_timestamps")
