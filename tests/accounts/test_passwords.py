"""Password rules on the change page and the token endpoint, and expiry at sign-in."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from rest_framework.test import APIClient

from accounts.models import PasswordHistory
from duban.lib import clock
from policy_tasks.models import AuditEvent
from tests.accounts.conftest import PASSWORD, sign_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
GOOD = "Tiaozheng#2026xy"


def _change(client: Client, old: str, new: str):
    return client.post("/account/password/", {"old_password": old, "new_password1": new, "new_password2": new})


@pytest.fixture
def clerk_client(world):
    client = Client()
    client.force_login(world.lead_clerk)
    return client


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("Ab#12345", "密码长度太短"),
        ("tiaozhengwenjian2026", "至少 3 类"),
        ("TIAOZHENG-WENJIAN", "至少 3 类"),
        ("Lead_Clerk#2026", "密码不能包含用户名"),
        ("12345678901234", "至少 3 类"),
    ],
)
def test_each_rule_refuses_a_weak_password_on_the_change_page(world, clerk_client, password, message):
    response = _change(clerk_client, PASSWORD, password)
    assert response.status_code == 400
    assert message in response.content.decode()
    world.lead_clerk.refresh_from_db()
    assert world.lead_clerk.check_password(PASSWORD)


def test_the_issue_examples_are_refused(world):
    # zhangsan1 and duban2023 were accepted by Django's default rules.
    zhangsan = UserFactory(username="zhangsan")
    for weak in ("zhangsan1", "duban2023"):
        with pytest.raises(ValidationError):
            validate_password(weak, zhangsan)


def test_a_strong_password_is_accepted_recorded_and_audited(world, clerk_client):
    response = _change(clerk_client, PASSWORD, GOOD)
    assert response.status_code == 302
    assert PasswordHistory.objects.filter(user=world.lead_clerk).count() == 1
    event = AuditEvent.objects.get(action="auth.password_changed")
    assert event.object_id == str(world.lead_clerk.pk)
    # Still signed in on this page; the new password signs in elsewhere, the old one does not.
    assert clerk_client.get("/workbench/").status_code == 200
    assert sign_in(Client(), "lead_clerk", GOOD)["Location"] == "/"
    assert sign_in(Client(), "lead_clerk", PASSWORD).status_code == 200  # the form again, with an error


def test_none_of_the_last_five_passwords_may_come_back(world, clerk_client):
    passwords = [f"Tiaozheng#{n}xyzw" for n in range(6)]
    current = PASSWORD
    for new in passwords:
        assert _change(clerk_client, current, new).status_code == 302, new
        current = new
    for recent in passwords[1:]:
        response = _change(clerk_client, current, recent)
        assert response.status_code == 400, recent
        assert "不能使用最近 5 次用过的密码" in response.content.decode()
    # The sixth one back is old enough.
    assert _change(clerk_client, current, passwords[0]).status_code == 302


def test_an_expired_password_must_be_changed_before_signing_in(world, settings, clock_stand):
    settings.DUBAN_PASSWORD_MAX_AGE_DAYS = 90
    PasswordHistory.objects.create(
        user=world.lead_clerk, password=world.lead_clerk.password, created_at=clock.now() - timedelta(days=91)
    )
    client = Client()
    response = sign_in(client, "lead_clerk", next_url="/workbench/")
    assert response["Location"] == "/account/password/"
    assert client.get("/workbench/").status_code == 302
    page = client.get("/account/password/")
    assert "密码已超过有效期" in page.content.decode()

    refused = client.post("/account/password/", {"new_password1": PASSWORD, "new_password2": PASSWORD})
    assert refused.status_code == 400
    assert "不能使用最近" in refused.content.decode()
    done = client.post("/account/password/", {"new_password1": GOOD, "new_password2": GOOD})
    assert done.status_code == 302
    assert done["Location"] == "/workbench/"
    assert client.get("/workbench/").status_code == 200
    assert list(AuditEvent.objects.values_list("action", flat=True)) == ["auth.password_changed", "auth.login"]


def test_a_password_within_its_age_signs_in_directly(world, settings, clock_stand):
    settings.DUBAN_PASSWORD_MAX_AGE_DAYS = 90
    PasswordHistory.objects.create(
        user=world.lead_clerk, password=world.lead_clerk.password, created_at=clock.now() - timedelta(days=89)
    )
    assert sign_in(Client(), "lead_clerk")["Location"] == "/"


def test_an_expired_password_gets_no_api_token(world, settings, clock_stand):
    settings.DUBAN_PASSWORD_MAX_AGE_DAYS = 90
    PasswordHistory.objects.create(
        user=world.lead_clerk, password=world.lead_clerk.password, created_at=clock.now() - timedelta(days=91)
    )
    response = APIClient().post("/api/v1/auth/token/", {"username": "lead_clerk", "password": PASSWORD}, format="json")
    assert response.status_code == 403
    assert response.json()["error"] == {
        "code": "sign_in_incomplete",
        "message": "密码已过期，请先在网页上登录并修改密码",
        "fields": {},
    }


def test_the_change_page_needs_a_sign_in(world):
    response = Client().get("/account/password/")
    assert response.status_code == 302
    assert response["Location"] == "/login/"
