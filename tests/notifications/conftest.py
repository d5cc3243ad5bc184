"""Fixtures for reminder tests: default rules, local providers, a day runner."""

from __future__ import annotations

import importlib
from datetime import date

import pytest
import time_machine
from django.apps import apps

from notifications.models import ReminderRule
from notifications.services.scan import scan
from notifications.services.sender import send_due
from notifications.services.timing import as_of
from tests.notifications.providers import ProviderServer


def ensure_default_rules() -> dict[str, ReminderRule]:
    """The data migrations' rules (a transactional test's flush removes them)."""
    for name in ("0002_default_rules", "0006_urge_reply_overdue_rule"):
        importlib.import_module(f"notifications.migrations.{name}").create(apps, None)
    return {r.code: r for r in ReminderRule.objects.all()}


@pytest.fixture
def rules(db) -> dict[str, ReminderRule]:
    return ensure_default_rules()


@pytest.fixture
def providers(settings):
    with ProviderServer() as server:
        for key, value in server.settings_env().items():
            setattr(settings, key, value)
        yield server


def run_day(day: date, *, send: bool = True, hour: int | None = None):
    """Scan (and send) as the beat would on `day` at 09:00 Asia/Shanghai."""
    moment = as_of(day) if hour is None else as_of(day).replace(hour=hour)
    with time_machine.travel(moment, tick=False):
        result = scan(now=moment)
        sent = send_due(now=moment) if send else None
    return result, sent
