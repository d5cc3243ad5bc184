"""Sessions end after DUBAN_SESSION_IDLE_MINUTES without a request and DUBAN_SESSION_MAX_HOURS after sign-in."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.accounts.conftest import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def timeouts(settings):
    settings.DUBAN_SESSION_IDLE_MINUTES = 30
    settings.DUBAN_SESSION_MAX_HOURS = 12
    return settings


def test_an_idle_session_expires(world, timeouts, clock_stand):
    client = Client()
    assert sign_in(client, "lead_clerk").status_code == 302
    clock_stand.shift(29 * 60)
    assert client.get("/workbench/").status_code == 200
    # That request counted as activity: another 29 minutes are still within the limit.
    clock_stand.shift(29 * 60)
    assert client.get("/workbench/").status_code == 200
    clock_stand.shift(31 * 60)
    response = client.get("/workbench/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/?")
    assert "expired=1" in response["Location"]
    assert "您的登录已过期" in client.get(response["Location"]).content.decode()
    # Signed out for good, not just for the one request.
    assert client.get("/workbench/").status_code == 302


def test_an_idle_session_no_longer_authenticates_the_api(world, timeouts, clock_stand):
    client = Client()
    client.force_login(world.lead_clerk)
    assert client.get("/api/v1/tasks/").status_code == 200
    clock_stand.shift(31 * 60)
    assert client.get("/api/v1/tasks/").status_code == 401


def test_an_active_session_ends_at_the_absolute_limit(world, timeouts, clock_stand):
    client = Client()
    client.force_login(world.supervisor)
    for _ in range(12 * 3):  # a request every 20 minutes for 12 hours
        assert client.get("/supervision/").status_code == 200
        clock_stand.shift(20 * 60)
    clock_stand.shift(60)
    assert client.get("/supervision/").status_code == 302


def test_the_idle_limit_can_be_turned_off(world, settings, clock_stand):
    settings.DUBAN_SESSION_IDLE_MINUTES = 0
    settings.DUBAN_SESSION_MAX_HOURS = 12
    client = Client()
    client.force_login(world.lead_clerk)
    clock_stand.shift(11 * 3600)
    assert client.get("/workbench/").status_code == 200
