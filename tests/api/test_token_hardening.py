"""API tokens die with the password they were issued for, and a user holds a bounded number of them."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from django.core.management import call_command
from knox.models import AuthToken
from rest_framework.test import APIClient

from accounts.models import User

TOKEN_URL = "/api/v1/auth/token/"
PASSWORD = "pass-duban-123"  # tests/factories.py

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _clean_counters():
    cache.clear()  # login throttle
    yield
    cache.clear()


def _token(username: str = "lead_clerk", password: str = PASSWORD):
    return APIClient().post(TOKEN_URL, {"username": username, "password": password}, format="json")


def _me(token: str) -> int:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {token}")
    return client.get("/api/v1/me/").status_code


def test_a_password_changed_in_the_admin_revokes_the_users_tokens(world, client):
    token = _token().json()["token"]
    assert _me(token) == 200
    client.force_login(world.admin)
    world.admin.is_staff = world.admin.is_superuser = True
    world.admin.save()
    response = client.post(
        f"/admin/accounts/user/{world.lead_clerk.pk}/password/",
        {"password1": "Another-pass-2024!", "password2": "Another-pass-2024!", "usable_password": "true"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert _me(token) == 401
    assert not AuthToken.objects.filter(user=world.lead_clerk).exists()
    # The new password issues a token that works.
    assert _me(_token(password="Another-pass-2024!").json()["token"]) == 200


def test_a_password_changed_by_command_or_code_revokes_the_tokens(world, monkeypatch):
    first, second = _token().json()["token"], _token("co_clerk").json()["token"]
    user = User.objects.get(username="lead_clerk")
    user.set_password("Another-pass-2024!")
    user.save()
    assert _me(first) == 401
    assert _me(second) == 200  # only that user's tokens
    third = _token("co_clerk").json()["token"]
    monkeypatch.setattr("getpass.getpass", lambda *a, **k: "Third-pass-2024!")
    call_command("changepassword", "co_clerk", stdout=open("/dev/null", "w"))
    assert _me(second) == 401 and _me(third) == 401


def test_saving_a_user_without_a_new_password_keeps_the_tokens(world):
    token = _token().json()["token"]
    user = User.objects.get(username="lead_clerk")
    user.display_name = "张三"
    user.save()
    assert _me(token) == 200


def test_tokens_per_user_are_capped(world, settings):
    settings.REST_KNOX = {**settings.REST_KNOX, "TOKEN_LIMIT_PER_USER": 3}
    tokens = [_token().json()["token"] for _ in range(3)]
    refused = _token()
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "token_limit"
    assert "令牌" in refused.json()["error"]["message"]
    assert AuthToken.objects.filter(user=world.lead_clerk).count() == 3
    # Revoking one makes room again.
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {tokens[0]}")
    assert client.post("/api/v1/auth/logout/").status_code == 204
    assert _token().status_code == 200


def test_the_cap_has_a_default(settings):
    assert settings.REST_KNOX.get("TOKEN_LIMIT_PER_USER")
