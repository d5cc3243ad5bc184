"""Fixtures for the decomposition tests: the reminder rules the data migration made."""

from __future__ import annotations

import pytest

from tests.notifications.conftest import ensure_default_rules


@pytest.fixture
def rules(db):
    return ensure_default_rules()
