"""Rows built once for a whole test module, as Django's TestCase.setUpTestData builds them once
for a class: in a transaction opened before the module's first test and rolled back after its
last. Each test still runs in its own savepoint (pytest-django's `db`), rolled back when it ends,
so what one test writes, wrongly or not, no other test sees.

Only for modules whose database tests all ask for the rows: a test that did not would find them
there all the same (`refuse_unasked`, autouse in tests/conftest.py, fails it), and a transactional
test (transactional_db, live_server) commits and flushes, which a transaction around it would
defeat (`module_rows` refuses those).
"""

from __future__ import annotations

import copy
import shutil
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from tests.conftest import suite_settings


@contextmanager
def _unblocked(django_db_blocker):
    with django_db_blocker.unblock():
        yield


# The module fixtures whose rows are in the database now.
LIVE: set[str] = set()
DATABASE_FIXTURES = {
    "db",
    "transactional_db",
    "live_server",
    "django_db_reset_sequences",
    "django_db_serialized_rollback",
}


def refuse_unasked(request: pytest.FixtureRequest) -> None:
    """A database test while a module's rows are there must have asked for them."""
    unasked = LIVE - set(request.fixturenames)
    if unasked and (DATABASE_FIXTURES & set(request.fixturenames) or request.node.get_closest_marker("django_db")):
        pytest.fail(f"{request.node.nodeid} would see the rows of {sorted(unasked)}, which it does not ask for")


def build_for_module(
    request: pytest.FixtureRequest, django_db_blocker, folder: Path, build: Callable[[], Any]
) -> Iterator[Any]:
    """A module fixture's body (`yield from`): yields what `build` returned, built under the
    settings every test has (suite_settings, its files under `folder`) with an empty cache and
    holiday table, as a test's own rows would be."""
    from duban.lib import workdays
    from policy_tasks.services.calendar import calendar_version

    with _unblocked(django_db_blocker):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(**suite_settings(folder)):
                cache.clear()
                workdays.install({}, calendar_version())
                rows = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    LIVE.add(request.fixturename)
    try:
        yield rows
    finally:
        LIVE.discard(request.fixturename)
        with _unblocked(django_db_blocker):
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def module_rows(request: pytest.FixtureRequest, rows: Any, folder: Path, settings) -> Any:
    """A test's view of the module's rows: its own savepoint (`db`), its own copy of the model
    instances (a service may change the one it is given, in memory, before its savepoint is
    rolled back) and of the files built with them, in the MEDIA_ROOT the test was given."""
    clashing = {"transactional_db", "live_server"} & set(request.fixturenames)
    assert not clashing, f"module rows live in a transaction that {clashing} would flush or commit"
    request.getfixturevalue("db")
    media = folder / "media"
    if media.exists():
        shutil.copytree(media, settings.MEDIA_ROOT, dirs_exist_ok=True)
    return copy.deepcopy(rows)
