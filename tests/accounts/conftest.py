"""Sign-in helpers: the codes a phone would show, at the instant the test stands in."""

from __future__ import annotations

import time

import pytest
import time_machine
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts.models import RoleGrant
from tests import factories as f

PASSWORD = "pass-duban-123"


def code_for(device: TOTPDevice, *, at: float | None = None) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() if at is None else at
    return f"{totp.token():0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    right = int(code_for(device))
    return f"{(right + 500_000) % 1_000_000:06d}"


@pytest.fixture
def mfa_on(settings):
    settings.DUBAN_MFA_REQUIRED = True
    return settings


@pytest.fixture
def clock_stand():
    """A fixed instant that the test moves on by hand (codes and throttling depend on it)."""
    with time_machine.travel("2026-06-01 09:00:00+08:00", tick=False) as traveller:
        yield traveller


@pytest.fixture
def staff_admin(db):
    user = f.UserFactory(username="root_admin", is_staff=True)
    f.RoleGrantFactory(user=user, role=RoleGrant.Role.ADMIN)
    return user


def sign_in(client: Client, username: str, password: str = PASSWORD, next_url: str = ""):
    data = {"username": username, "password": password}
    if next_url:
        data["next"] = next_url
    return client.post("/login/", data)
