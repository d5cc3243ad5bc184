"""Test databases copied from one migrated template on xdist's workers (PostgreSQL only).

Migrating an empty database costs ~10 CPU-seconds (rendering the model states of every
migration); four workers each migrating their own costs four times that, on the same two cores.
So the first worker of a run migrates `test_<NAME>_template` once and every worker, itself
included, copies it with `CREATE DATABASE … TEMPLATE` (a file copy on the server) into the
database pytest-django names for it (`test_<NAME>_gw0` …). A PostgreSQL advisory lock makes the
others wait for the first; the run's id in the template's comment tells a template of this run
from one a crashed run left behind, which is rebuilt. The controller drops the template when
the run ends (`drop_template`), so a run leaves no more databases behind than before.

On SQLite (the suite's default, an in-memory database per worker) the same holds: the first
worker to take a file lock migrates a database file in the run's base temporary folder (the parent
of every worker's own, which pytest's retention of old runs removes), and each worker copies it
into its in-memory database with SQLite's backup API. A pytest that a test starts in a subprocess
(test_bulletin_font.py runs its own file again) finds the template in its environment and copies it
too.

Without xdist, or with --reuse-db, pytest-django sets up as it always did: a single process would
only add a copy to its one migration.
"""

from __future__ import annotations

import fcntl
import os
import re
import sqlite3
import warnings
import zlib
from pathlib import Path
from typing import Any

import pytest

# Advisory lock keys of this module's own (two int4s), so no test's advisory lock waits on it,
# nor a run against another database name on the same server.
LOCK_NAMESPACE = zlib.crc32(b"duban test template") & 0x7FFFFFFF


# The SQLite template's path, for a pytest started by a test of the run.
SQLITE_TEMPLATE_ENV = "DUBAN_TEST_SQLITE_TEMPLATE"


def _lock_key(template: str) -> int:
    return zlib.crc32(template.encode()) & 0x7FFFFFFF


def template_name(settings_dict: dict[str, Any]) -> str:
    """The same in the controller (no worker suffix) and in every worker (which has one)."""
    return f"test_{settings_dict['NAME']}_template"


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, request):
    """Runs just before pytest-django creates the databases (after pytest-django's own, which
    gives the _gwN suffix): send the default database's creation through the template."""
    from django.db import connections

    workerinput = getattr(request.config, "workerinput", None)
    creation = connections["default"].creation
    vendor = creation.connection.vendor
    in_memory = vendor == "sqlite" and creation.is_in_memory_db(creation._get_test_db_name())
    basetemp = request.config.option.basetemp  # on xdist's workers popen-gwN, in the run's own folder
    sqlite_template: Path | None = None
    if in_memory and workerinput is not None and basetemp is not None:
        sqlite_template = Path(basetemp).parent / f"test-template-{creation.connection.alias}.sqlite3"
    elif in_memory and workerinput is None and Path(os.environ.get(SQLITE_TEMPLATE_ENV) or "/nonexistent").is_file():
        # A pytest that a test of the run starts (test_bulletin_font.py runs its file again).
        sqlite_template = Path(os.environ[SQLITE_TEMPLATE_ENV])
    if sqlite_template is None and (workerinput is None or vendor != "postgresql"):
        yield
        return
    original = creation.create_test_db

    def create_test_db(verbosity=1, autoclobber=False, serialize=True, keepdb=False):
        if keepdb:
            return original(verbosity, autoclobber, serialize, keepdb)
        if sqlite_template is not None:
            return _copy_of_sqlite_template(creation, original, sqlite_template, verbosity, serialize)
        return _copy_of_template(creation, original, workerinput["testrunuid"], verbosity, serialize)

    creation.create_test_db = create_test_db
    yield
    del creation.create_test_db


def _copy_of_template(creation, original, run_id: str, verbosity: int, serialize: bool) -> str:
    from django.conf import settings

    connection = creation.connection
    alias = connection.alias
    test = connection.settings_dict["TEST"]
    target = creation._get_test_db_name()
    template = template_name(connection.settings_dict)
    quote = connection.ops.quote_name
    # The template's comment; xdist's run id is hexadecimal, so it is safe inside quotes.
    stamp = f"{int(run_id, 16):x}"
    with creation._nodb_cursor() as cursor:
        # Held until the copy is made: the first worker builds, the others wait for it.
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", [LOCK_NAMESPACE, _lock_key(template)])
        try:
            cursor.execute(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s", [template]
            )
            row = cursor.fetchone()
            if row is None or row[0] != stamp:
                own_name, test["NAME"] = test.get("NAME"), template
                try:
                    # Migrates (and creates the cache table) exactly as a worker's own would.
                    original(verbosity, autoclobber=True, serialize=False, keepdb=False)
                finally:
                    test["NAME"] = own_name
                # CREATE DATABASE … TEMPLATE refuses while anyone is connected to the template.
                connection.close()
                connection.close_pool()
                # A utility statement takes no parameters.
                cursor.execute(f"COMMENT ON DATABASE {quote(template)} IS '{stamp}'")
            if verbosity >= 1:
                creation.log(f"Copying test database {template} to {target} for alias '{alias}'...")
            cursor.execute(f"DROP DATABASE IF EXISTS {quote(target)} WITH (FORCE)")
            cursor.execute(f"CREATE DATABASE {quote(target)} TEMPLATE {quote(template)}")
        finally:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [LOCK_NAMESPACE, _lock_key(template)])
    # What create_test_db leaves behind: the connection pointed at the test database.
    connection.close()
    settings.DATABASES[alias]["NAME"] = target
    connection.settings_dict["NAME"] = target
    if serialize:
        connection._test_serialized_contents = creation.serialize_db_to_string()
    connection.ensure_connection()
    return target


def _copy_of_sqlite_template(creation, original, template: Path, verbosity: int, serialize: bool) -> str:
    from django.conf import settings

    connection = creation.connection
    alias = connection.alias
    test = connection.settings_dict["TEST"]
    target = creation._get_test_db_name()
    with open(template.with_suffix(".lock"), "w") as lock:
        # Held until the template is whole: the first worker builds, the others wait for it.
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not template.exists():
            partial = template.with_suffix(".partial")
            own_name, test["NAME"] = test.get("NAME"), str(partial)
            try:
                # Migrates (and creates the cache table) exactly as a worker's own would.
                original(verbosity, autoclobber=True, serialize=False, keepdb=False)
            finally:
                test["NAME"] = own_name
            connection.close()
            partial.rename(template)
    # The pytest a test starts in a subprocess copies it too (the subprocess's environment).
    os.environ[SQLITE_TEMPLATE_ENV] = str(template)
    if verbosity >= 1:
        creation.log(f"Copying test database {template} to {target} for alias '{alias}'...")
    # What create_test_db leaves behind: the connection pointed at the (in-memory) test database.
    connection.close()
    settings.DATABASES[alias]["NAME"] = target
    connection.settings_dict["NAME"] = target
    connection.ensure_connection()
    source = sqlite3.connect(template)
    try:
        source.backup(connection.connection)
    finally:
        source.close()
    if serialize:
        connection._test_serialized_contents = creation.serialize_db_to_string()
    return target


def drop_template(session: pytest.Session) -> None:
    """On xdist's controller, once every worker has finished: the template goes, and so does a
    worker's database its own teardown could not drop (a live server's thread still connected:
    "being accessed by other users"), unless --reuse-db keeps them."""
    if getattr(session.config, "workerinput", None) is not None:
        return
    if session.config.pluginmanager.getplugin("dsession") is None:
        return
    from django.db import connections
    from pytest_django.plugin import blocking_manager_key

    connection = connections["default"]
    if connection.vendor != "postgresql":
        return
    template = template_name(connection.settings_dict)
    workers = re.compile(re.escape(f"test_{connection.settings_dict['NAME']}_gw") + r"\d+")
    keep_workers = bool(session.config.getvalue("reuse_db"))
    with session.config.stash[blocking_manager_key].unblock():
        try:
            with connection.creation._nodb_cursor() as cursor:
                cursor.execute("SELECT datname FROM pg_database")
                names = [name for (name,) in cursor.fetchall()]
                for name in names:
                    if name == template or (not keep_workers and workers.fullmatch(name)):
                        cursor.execute(f"DROP DATABASE IF EXISTS {connection.ops.quote_name(name)} WITH (FORCE)")
        except Exception as exc:  # a server gone by now: say so, and fail no run over it
            warnings.warn(f"could not drop the test databases: {exc!r}", pytest.PytestWarning, stacklevel=1)
