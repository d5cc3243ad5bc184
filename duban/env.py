"""Small helpers that read settings from the environment and fail loudly.

Modelled on healthchecks' envbool/envint: a typo in production must stop the
process at start-up with a message naming the variable, not run with a default.
"""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name}={raw!r} is not a boolean (use true/false, 1/0, yes/no, on/off)")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not an integer") from None


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default or [])
    return [item.strip() for item in raw.split(",") if item.strip()]


def env_networks(name: str, default: list[str] | None = None) -> list[str]:
    """`env_list` of addresses or networks (10.0.0.1, 10.0.0.0/8, ::1); any other entry is refused."""
    entries = env_list(name, default)
    for entry in entries:
        try:
            ipaddress.ip_network(entry, strict=False)
        except ValueError as exc:
            raise ImproperlyConfigured(f"{name}: {entry!r} is not an address or network") from exc
    return entries


_DB_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql", "postgis"}


def parse_database_url(url: str, *, base_dir: Path, prepared_statements: bool = True) -> dict[str, Any]:
    """Turn DATABASE_URL into a DATABASES entry, naming what is wrong if it cannot.

    On PostgreSQL, `prepared_statements` has psycopg bind parameters on the server and
    prepare a statement once it has run five times on a connection: a page's statements
    repeat on every request, and planning them anew was a large share of their time
    (docs/performance.md, "API"). Turn it off behind a pooler in transaction mode that
    cannot keep prepared statements (PgBouncer before 1.21).
    """
    scheme = urlsplit(url).scheme
    if not scheme:
        raise ImproperlyConfigured(
            f"DATABASE_URL={url!r} has no scheme; expected e.g. "
            "postgres://user@host:5432/name or sqlite:///var/duban.sqlite3"
        )
    if scheme not in _DB_SCHEMES:
        raise ImproperlyConfigured(f"DATABASE_URL scheme {scheme!r} is not supported; use postgres:// or sqlite://")
    try:
        # A DATABASES entry, typed as Django types its settings.
        config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60))
    except Exception as exc:  # the library raises several types for bad URLs
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} cannot be parsed: {exc}") from exc
    if config["ENGINE"].endswith("sqlite3"):
        name = config.get("NAME") or ""
        if name and name != ":memory:" and not Path(name).is_absolute():
            config["NAME"] = str(base_dir / name)
        config["CONN_MAX_AGE"] = 0
        # `make run` writes from three processes at once (web, worker, embedded beat). A deferred
        # transaction that read first and then writes gets "database is locked" at once when
        # another holds the write lock (SQLite will not wait, to avoid a deadlock): beat lost a
        # schedule entry so on start-up. IMMEDIATE takes the write lock at BEGIN, where the busy
        # timeout applies.
        config.setdefault("OPTIONS", {}).update(transaction_mode="IMMEDIATE", timeout=20)
    elif not config.get("NAME"):
        raise ImproperlyConfigured(f"DATABASE_URL={url!r} names no database (…/dbname)")
    elif prepared_statements:
        config.setdefault("OPTIONS", {}).update(server_side_binding=True, prepare_threshold=5)
    return config
