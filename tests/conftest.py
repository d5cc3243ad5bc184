"""Shared fixtures: a small world of named actors (healthchecks' Alice/Bob/Charlie).

`world` has one document with one task led by `lead_unit` with `co_unit`
co-responsible, and people in every role: lead clerk and head, co clerk and head,
a clerk of an unrelated unit, a supervisor, a leader and an admin.
"""

from __future__ import annotations

import gc
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.db import connection

from accounts.models import Membership, RoleGrant
from tests import factories as f
from tests import fast_flush, parse_memo
from tests.template_db import django_db_modify_db_settings, drop_template  # noqa: F401 (a fixture)

REQUIRE_SERVICES = os.environ.get("DUBAN_REQUIRE_SERVICES") == "1"
fast_flush.install()
parse_memo.install()


def pytest_collection_modifyitems(items):
    """The longest files first (tests/slow_first.py); the rest keep their order (a stable sort)."""
    from tests.slow_first import rank

    items.sort(key=lambda item: rank(item.nodeid.split("::", 1)[0]))


def pytest_collection_finish(session):
    """What collection built (the modules, Django, some 500,000 objects a worker) lives to the end:
    frozen out of the collector's passes, so each full collection in a worker no longer walks it
    again (some forty a worker in a full run, each 0.5-0.8 CPU-s with the heap at a million objects)."""
    gc.collect()
    gc.freeze()


def pytest_sessionfinish(session):
    drop_template(session)


def pytest_report_header(config):
    from django.conf import settings

    db = settings.DATABASES["default"]
    return [
        f"duban database: {db['ENGINE'].rsplit('.', 1)[-1]} {db.get('HOST') or ''} {db.get('NAME')}",
        f"duban broker: {settings.CELERY_BROKER_URL}",
    ]


def suite_settings(folder: Path) -> dict[str, Any]:
    """What every test runs with (also what a module's shared rows are built with)."""
    return {
        # The default PBKDF2 costs ~0.25 s per hash; the world fixture hashes eight passwords.
        "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
        # Uploaded evidence and exports land in the test's own folder, never in var/.
        "MEDIA_ROOT": folder / "media",
        # Audit checkpoints too: verify_audit must not read a developer's var/audit-checkpoints.
        "AUDIT_CHECKPOINT_DIR": folder / "audit-checkpoints",
        # The sign-in rules that pytest's DEBUG=False would turn on (docs/security.md) are off for
        # the suite's actors, who sign in with force_login and travel in time; tests/accounts turns
        # each on.
        "DUBAN_MFA_REQUIRED": False,
        "DUBAN_PASSWORD_MAX_AGE_DAYS": 0,
        "DUBAN_SESSION_IDLE_MINUTES": 0,
        "DUBAN_SESSION_MAX_HOURS": 0,
    }


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    for name, value in suite_settings(tmp_path).items():
        setattr(settings, name, value)


@pytest.fixture(autouse=True)
def _no_stray_module_rows(request):
    from tests.module_rows import refuse_unasked

    refuse_unasked(request)


@pytest.fixture(autouse=True)
def _empty_holiday_table():
    """Each test starts with no office holiday entries loaded (its database has none), and
    leaves none behind for the next: a rolled-back row fires no reload."""
    from duban.lib import workdays
    from policy_tasks.services.calendar import calendar_version

    workdays.install({}, calendar_version())
    yield
    workdays.install({}, calendar_version())


def services_unavailable(reason: str):
    """A service a test needs is missing: a skip on a bare machine, a failure in CI
    (DUBAN_REQUIRE_SERVICES=1), where every test must run."""
    if REQUIRE_SERVICES:
        pytest.fail(f"DUBAN_REQUIRE_SERVICES=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture
def require_postgres(db):
    """For tests that need PostgreSQL itself (triggers, SKIP LOCKED, real row locks)."""
    if connection.vendor != "postgresql":
        services_unavailable("needs PostgreSQL (set DATABASE_URL)")


@dataclass
class World:
    document: Any
    task: Any
    milestone: Any
    lead_unit: Any
    co_unit: Any
    other_unit: Any
    lead_clerk: Any
    lead_head: Any
    co_clerk: Any
    co_head: Any
    other_clerk: Any
    supervisor: Any
    leader: Any
    admin: Any


def _member(username: str, unit, role=Membership.Role.CLERK):
    user = f.UserFactory(username=username)
    f.MembershipFactory(user=user, unit=unit, role=role)
    return user


def _granted(username: str, role: str):
    user = f.UserFactory(username=username)
    f.RoleGrantFactory(user=user, role=role)
    return user


@pytest.fixture
def world(db) -> World:
    return build_world()


def build_world() -> World:
    """The world's rows, in the database the caller has opened (a test's, or a module's)."""
    lead_unit = f.UnitFactory(name="区发改局")
    co_unit = f.UnitFactory(name="区财政局")
    other_unit = f.UnitFactory(name="区教育局")
    document = f.DocumentFactory()
    task = f.TaskFactory(document=document, number=1, title="重点推进工程")
    f.TaskUnitFactory(task=task, unit=lead_unit, role="lead", position=0)
    f.TaskUnitFactory(task=task, unit=co_unit, role="co", position=1)
    milestone = f.MilestoneFactory(task=task, text="抽蓄项目10月底前开工")
    return World(
        document=document,
        task=task,
        milestone=milestone,
        lead_unit=lead_unit,
        co_unit=co_unit,
        other_unit=other_unit,
        lead_clerk=_member("lead_clerk", lead_unit),
        lead_head=_member("lead_head", lead_unit, Membership.Role.HEAD),
        co_clerk=_member("co_clerk", co_unit),
        co_head=_member("co_head", co_unit, Membership.Role.HEAD),
        other_clerk=_member("other_clerk", other_unit),
        supervisor=_granted("supervisor", RoleGrant.Role.SUPERVISOR),
        leader=_granted("leader", RoleGrant.Role.LEADER),
        admin=_granted("admin", RoleGrant.Role.ADMIN),
    )
