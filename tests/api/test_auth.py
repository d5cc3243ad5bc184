"""Tokens for scripts: issued for a password, sent as Token or Bearer, hashed, expiring,
revocable; failed logins throttled and locked out; sessions keep CSRF."""

from __future__ import annotations

from datetime import timedelta

import pytest
import time_machine
from django.utils import timezone
from knox.models import AuthToken
from rest_framework.test import APIClient
from rest_framework.throttling import ScopedRateThrottle

TOKEN_URL = "/api/v1/auth/token/"
PASSWORD = "pass-duban-123"  # tests/factories.py

pytestmark = pytest.mark.django_db


def _login(client, username, password=PASSWORD, **extra):
    return client.post(TOKEN_URL, {"username": username, "password": password}, format="json", **extra)


def test_a_script_gets_a_token_and_uses_it_as_token_or_bearer(world):
    response = _login(APIClient(), "lead_clerk")
    assert response.status_code == 200
    token = response.json()["token"]
    assert response.json()["expiry"]
    for prefix in ("Token", "Bearer", "bearer"):
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"{prefix} {token}")
        me = client.get("/api/v1/me/")
        assert me.status_code == 200, prefix
        assert me.json()["username"] == "lead_clerk"
        assert me.json()["units"] == [
            {"unit": {"id": world.lead_unit.pk, "name": "区发改局", "short_name": ""}, "role": "clerk"}
        ]


def test_tokens_are_stored_only_as_hashes(world):
    token = _login(APIClient(), "lead_clerk").json()["token"]
    stored = AuthToken.objects.get(user=world.lead_clerk)
    assert token not in (stored.digest, stored.token_key)
    assert not AuthToken.objects.filter(digest=token).exists()


def test_a_wrong_password_is_a_401_in_chinese(world):
    response = _login(APIClient(), "lead_clerk", "wrong")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_credentials"
    assert response.json()["error"]["message"] == "用户名或密码错误"
    assert response["WWW-Authenticate"]


def test_a_missing_field_is_named(world):
    response = APIClient().post(TOKEN_URL, {"username": "lead_clerk"}, format="json")
    assert response.status_code == 400
    assert list(response.json()["error"]["fields"]) == ["password"]
    assert response.json()["error"]["message"].startswith("password：")


def test_an_expired_token_is_refused(world):
    token = _login(APIClient(), "lead_clerk").json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    with time_machine.travel(timezone.now() + timedelta(days=8)):
        response = client.get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


def test_logout_revokes_the_token(world):
    token = _login(APIClient(), "lead_clerk").json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    assert client.post("/api/v1/auth/logout/").status_code == 204
    assert client.get("/api/v1/me/").status_code == 401


def test_logout_all_revokes_every_token_of_the_user(world):
    first = _login(APIClient(), "lead_clerk").json()["token"]
    second = _login(APIClient(), "lead_clerk").json()["token"]
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {first}")
    assert client.post("/api/v1/auth/logout-all/").status_code == 204
    client.credentials(HTTP_AUTHORIZATION=f"Token {second}")
    assert client.get("/api/v1/me/").status_code == 401


@pytest.mark.parametrize("header", ["Bearer", "Bearer a b", "Token not-a-token", "Bearer 令牌"])
def test_a_malformed_authorization_header_is_a_401(world, header):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=header.encode().decode("latin-1"))
    response = client.get("/api/v1/me/")
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "authentication_failed"


def test_anonymous_callers_are_told_to_sign_in(world):
    response = APIClient().get("/api/v1/tasks/")
    assert response.status_code == 401
    assert response.json() == {
        "error": {"code": "not_authenticated", "message": "未登录或未提供身份凭证", "fields": {}}
    }
    assert response["WWW-Authenticate"].startswith("Token")


def test_repeated_failures_lock_the_username_out_even_with_the_right_password(world, settings):
    client = APIClient()
    answers = [_login(client, "lead_clerk", "guess").status_code for _ in range(settings.AXES_FAILURE_LIMIT)]
    # The failure that reaches the limit is already answered as a lockout.
    assert answers == [401] * (settings.AXES_FAILURE_LIMIT - 1) + [429]
    locked = _login(client, "lead_clerk")
    assert locked.status_code == 429
    assert locked.json()["error"]["code"] == "locked_out"
    # Another account from the same address is not punished for it.
    assert _login(client, "co_clerk").status_code == 200


def test_the_lockout_ends_after_the_cool_off(world, settings):
    client = APIClient()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _login(client, "lead_clerk", "guess")
    with time_machine.travel(timezone.now() + settings.AXES_COOLOFF_TIME + timedelta(minutes=1)):
        assert _login(client, "lead_clerk").status_code == 200


def test_login_attempts_are_throttled(world, monkeypatch):
    monkeypatch.setattr(ScopedRateThrottle, "THROTTLE_RATES", {"login": "3/min"})
    client = APIClient()
    statuses = [_login(client, "lead_clerk").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = _login(client, "lead_clerk")
    assert response.json()["error"]["code"] == "throttled"
    assert int(response["Retry-After"]) > 0


def test_session_writes_need_the_csrf_token(world):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(world.supervisor)
    response = client.post(f"/api/v1/tasks/{world.task.pk}/urge/", {}, format="json")
    assert response.status_code == 403
    assert response.json()["error"]["code"] == "csrf_failed"
    assert client.get("/api/v1/me/").status_code == 200
