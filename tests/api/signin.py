"""API tokens obtained the way a client obtains them: the token endpoint, with the password and,
for an account with a second factor, the code its authenticator shows (django-otp TOTP).

The IDOR matrix, schemathesis and the concurrency tests use these with DUBAN_MFA_REQUIRED on,
so their actors hold tokens that passed the real sign-in, second factor included.
"""

from __future__ import annotations

import time

from django.conf import settings
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from accounts.signin import is_privileged
from policy_tasks.services.audit import RequestMeta
from policy_tasks.services.signin import enrolment_device, second_factor_enrol
from tests.accounts.conftest import PASSWORD, code_for

TOKEN_URL = "/api/v1/auth/token/"


def enrol(user) -> TOTPDevice:
    """The user's confirmed TOTP device, enrolled through the service with the code shown now."""
    device = enrolment_device(user)
    done = second_factor_enrol(user=user, code=code_for(device), meta=RequestMeta())
    assert done is not None, f"enrolment of {user.username} refused"
    return done[0]


def sign_in(user, *, otp: str = "") -> APIClient:
    """The raw answer of the token endpoint for the user's password (and `otp`)."""
    body = {"username": user.username, "password": PASSWORD}
    if otp:
        body["otp"] = otp
    return APIClient().post(TOKEN_URL, body, format="json")


def token_by_sign_in(user) -> str:
    """A token from the endpoint; a privileged user (admin, supervisor) enrols first and sends the code."""
    otp = ""
    if settings.DUBAN_MFA_REQUIRED and is_privileged(user):
        # The next time step's code: the one shown now was spent on enrolment (no replay), and the
        # verifier accepts one step of clock difference (the test's clock stands still).
        device = enrol(user)
        otp = code_for(device, at=time.time() + device.step)
    response = sign_in(user, otp=otp)
    assert response.status_code == 200, (user.username, response.content)
    return response.json()["token"]


def tokens_by_sign_in(users: dict) -> dict[str, str]:
    return {name: token_by_sign_in(user) for name, user in users.items()}
