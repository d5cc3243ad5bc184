"""With DUBAN_MFA_REQUIRED on, an API token is issued only after the whole sign-in: a privileged
account (admin, supervisor) never gets one with its password alone, with or without a device;
other accounts sign in with the password, or with their code once they enrolled. The token
then stands for that sign-in (the matrix and schemathesis run on such tokens)."""

from __future__ import annotations

import time

import pytest
from knox.models import AuthToken

from tests.accounts.conftest import code_for, wrong_code
from tests.api.conftest import client_for
from tests.api.signin import enrol, sign_in, token_by_sign_in

pytestmark = pytest.mark.django_db

PRIVILEGED = ["supervisor", "admin", "supervisor_out"]
OTHERS = ["lead_clerk", "lead_head", "co_clerk", "leader"]


@pytest.fixture
def mfa(settings, rich_world):
    settings.DUBAN_MFA_REQUIRED = True
    return rich_world


@pytest.mark.parametrize("actor", PRIVILEGED)
def test_a_privileged_user_gets_no_token_with_the_password_alone(mfa, actor):
    user = getattr(mfa, actor)
    before = AuthToken.objects.filter(user=user).count()

    without_device = sign_in(user)
    assert without_device.status_code == 403
    assert without_device.json()["error"]["code"] == "sign_in_incomplete"

    device = enrol(user)
    for otp in ("", wrong_code(device)):
        refused = sign_in(user, otp=otp)
        assert refused.status_code == 401, otp
        assert refused.json()["error"]["code"] in ("otp_required", "otp_invalid")
    assert AuthToken.objects.filter(user=user).count() == before


@pytest.mark.parametrize("actor", PRIVILEGED + OTHERS)
def test_a_token_from_the_full_sign_in_works(mfa, actor):
    user = getattr(mfa, actor)
    token = token_by_sign_in(user)
    client = client_for()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert client.get("/api/v1/me/").status_code == 200


@pytest.mark.parametrize("actor", OTHERS)
def test_others_sign_in_with_the_password_until_they_enrol(mfa, actor):
    user = getattr(mfa, actor)
    assert sign_in(user).status_code == 200
    device = enrol(user)
    assert sign_in(user).status_code == 401
    assert sign_in(user, otp=code_for(device, at=time.time() + device.step)).status_code == 200
