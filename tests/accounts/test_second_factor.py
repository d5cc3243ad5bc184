"""The second factor at sign-in, through the login pages, the admin and the token endpoint."""

from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from rest_framework.test import APIClient

from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import RequestMeta, audit_verify
from policy_tasks.services.signin import enrolment_device, second_factor_enrol
from tests.accounts.conftest import PASSWORD, code_for, sign_in, wrong_code
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _enrolled(user, clock_stand) -> tuple[TOTPDevice, list[str]]:
    device = enrolment_device(user)
    done = second_factor_enrol(user=user, code=code_for(device), meta=RequestMeta())
    assert done is not None
    # The next code must come from a later time step than the one just used (no replay).
    clock_stand.shift(31)
    return done


def _actions(user) -> list[str]:
    return list(
        AuditEvent.objects.filter(object_type="accounts.user", object_id=str(user.pk)).values_list("action", flat=True)
    )


def test_an_admin_without_a_second_factor_reaches_neither_the_admin_nor_the_console(
    world, staff_admin, mfa_on, clock_stand
):
    client = Client()
    response = sign_in(client, "root_admin", next_url="/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/login/enrol/"
    for path in ("/admin/", "/supervision/", "/milestones/"):
        assert client.get(path).status_code == 302, path
    assert client.get("/api/v1/tasks/").status_code == 401

    page = client.get("/login/enrol/")
    assert page.status_code == 200
    body = page.content.decode()
    assert "<svg" in body and "otpauth://totp/" in body
    device = TOTPDevice.objects.get(user=staff_admin, confirmed=False)

    refused = client.post("/login/enrol/", {"code": wrong_code(device)})
    assert refused.status_code == 400
    assert "验证码不正确" in refused.content.decode()
    assert client.get("/supervision/").status_code == 302

    clock_stand.shift(2)  # django-otp makes a second try wait a moment after a failure
    shown = client.post("/login/enrol/", {"code": code_for(device)})
    assert shown.status_code == 200
    codes = re.findall(r"<li><code>([a-z0-9]+)</code></li>", shown.content.decode())
    assert len(codes) == 10
    assert "只显示这一次" in shown.content.decode()
    assert client.get("/admin/").status_code == 200
    assert client.get("/supervision/").status_code == 200
    assert _actions(staff_admin) == ["auth.otp_failed", "auth.mfa_enrolled", "auth.login"]
    assert audit_verify() is None


def test_a_supervisor_signed_in_without_the_second_factor_is_signed_out(world, mfa_on):
    # A session from before the requirement (or from any path around the login page) ends.
    client = Client()
    client.force_login(world.supervisor)
    response = client.get("/supervision/")
    assert response.status_code == 302
    assert response["Location"].startswith("/login/")
    assert client.get("/supervision/").status_code == 302


def test_a_clerk_is_not_required_to_enrol_but_may(world, mfa_on, clock_stand):
    client = Client()
    assert sign_in(client, "lead_clerk")["Location"] == "/"
    assert client.get("/workbench/").status_code == 200
    page = client.get("/login/enrol/")
    assert page.status_code == 200 and "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=world.lead_clerk, confirmed=False)
    assert client.post("/login/enrol/", {"code": code_for(device)}).status_code == 200
    assert TOTPDevice.objects.get(user=world.lead_clerk).confirmed
    # From now on the clerk's own sign-in asks for the code.
    client.logout()
    assert sign_in(Client(), "lead_clerk")["Location"] == "/login/verify/"


def test_the_right_code_lets_the_admin_in_and_a_wrong_one_does_not(world, staff_admin, mfa_on, clock_stand):
    device, _ = _enrolled(staff_admin, clock_stand)
    client = Client()
    response = sign_in(client, "root_admin", next_url="/admin/")
    assert response["Location"] == "/login/verify/"
    assert client.get("/admin/").status_code == 302

    refused = client.post("/login/verify/", {"code": wrong_code(device)})
    assert refused.status_code == 400
    assert "验证码不正确" in refused.content.decode()
    assert client.get("/supervision/").status_code == 302

    clock_stand.shift(2)
    accepted = client.post("/login/verify/", {"code": code_for(device)})
    assert accepted.status_code == 302
    assert accepted["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get("/supervision/").status_code == 200
    login = AuditEvent.objects.filter(action="auth.login", object_id=str(staff_admin.pk)).last()
    assert login.after == {"method": "password+totp"}
    assert "auth.otp_failed" in _actions(staff_admin)


def test_the_same_code_is_not_accepted_twice(world, staff_admin, mfa_on, clock_stand):
    device, _ = _enrolled(staff_admin, clock_stand)
    code = code_for(device)
    first = Client()
    sign_in(first, "root_admin")
    assert first.post("/login/verify/", {"code": code}).status_code == 302
    second = Client()
    sign_in(second, "root_admin")
    assert second.post("/login/verify/", {"code": code}).status_code == 400


def test_a_recovery_code_works_once(world, staff_admin, mfa_on, clock_stand):
    _, codes = _enrolled(staff_admin, clock_stand)
    client = Client()
    sign_in(client, "root_admin")
    assert client.post("/login/verify/", {"code": codes[0].upper()}).status_code == 302
    assert client.get("/supervision/").status_code == 200
    assert AuditEvent.objects.filter(action="auth.login").last().after == {"method": "password+recovery_code"}

    clock_stand.shift(60)
    again = Client()
    sign_in(again, "root_admin")
    assert again.post("/login/verify/", {"code": codes[0]}).status_code == 400
    assert again.get("/supervision/").status_code == 302
    clock_stand.shift(60)
    assert again.post("/login/verify/", {"code": codes[1]}).status_code == 302
    assert StaticDevice.objects.get(user=staff_admin).token_set.count() == 8


def test_the_code_step_expires(world, staff_admin, mfa_on, clock_stand):
    device, _ = _enrolled(staff_admin, clock_stand)
    client = Client()
    sign_in(client, "root_admin")
    clock_stand.shift(6 * 60)
    response = client.post("/login/verify/", {"code": code_for(device)})
    assert response.status_code == 302
    assert response["Location"] == "/login/"
    assert client.get("/supervision/").status_code == 302


def test_reset_mfa_command_removes_the_devices_ends_the_session_and_is_on_the_chain(
    world, staff_admin, mfa_on, clock_stand
):
    device, _ = _enrolled(staff_admin, clock_stand)
    client = Client()
    sign_in(client, "root_admin")
    client.post("/login/verify/", {"code": code_for(device)})
    assert client.get("/supervision/").status_code == 200

    call_command("reset_mfa", "root_admin", "--reason", "手机丢失")
    assert not TOTPDevice.objects.filter(user=staff_admin).exists()
    assert not StaticDevice.objects.filter(user=staff_admin).exists()
    event = AuditEvent.objects.filter(action="auth.mfa_reset").get()
    assert (event.object_id, event.actor_role, event.reason) == (str(staff_admin.pk), "system", "手机丢失")
    assert len(event.before["devices"]) == 2
    assert audit_verify() is None
    # The session verified by the removed device is over; the next sign-in enrols again.
    assert client.get("/supervision/").status_code == 302
    assert sign_in(Client(), "root_admin")["Location"] == "/login/enrol/"


def test_an_admin_resets_a_users_second_factor_in_the_admin_and_it_is_on_the_chain(world, clock_stand):
    superuser = UserFactory(username="superuser", is_staff=True, is_superuser=True)
    _enrolled(world.supervisor, clock_stand)
    client = Client()
    client.force_login(superuser)
    response = client.post(
        "/admin/accounts/user/",
        {"action": "reset_second_factor", "_selected_action": [world.supervisor.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=world.supervisor).exists()
    event = AuditEvent.objects.get(action="auth.mfa_reset")
    assert (event.actor_id, event.object_id) == (superuser.pk, str(world.supervisor.pk))
    assert audit_verify() is None


def test_the_admin_login_form_is_not_a_way_around_the_second_factor(world, staff_admin, mfa_on):
    response = Client().get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/admin/"


def test_device_secrets_are_not_in_the_admin(world):
    superuser = UserFactory(username="superuser", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(superuser)
    assert client.get("/admin/otp_totp/totpdevice/").status_code == 404


class TestTokenSignIn:
    URL = "/api/v1/auth/token/"

    def _post(self, **data):
        return APIClient().post(self.URL, {"username": "root_admin", "password": PASSWORD, **data}, format="json")

    def test_an_enrolled_user_must_send_the_code(self, world, staff_admin, mfa_on, clock_stand):
        device, _ = _enrolled(staff_admin, clock_stand)
        missing = self._post()
        assert missing.status_code == 401
        assert missing.json()["error"]["code"] == "otp_required"
        assert "双因素认证" in missing.json()["error"]["message"]
        wrong = self._post(otp=wrong_code(device))
        assert wrong.status_code == 401
        assert wrong.json()["error"] == {"code": "otp_invalid", "message": "验证码不正确或已使用", "fields": {}}
        clock_stand.shift(2)
        right = self._post(otp=code_for(device))
        assert right.status_code == 200 and right.json()["token"]
        assert AuditEvent.objects.filter(action="auth.login").last().after == {"method": "token+otp"}

    def test_a_privileged_user_without_a_device_is_sent_to_the_web(self, world, staff_admin, mfa_on):
        response = self._post()
        assert response.status_code == 403
        assert response.json()["error"]["code"] == "sign_in_incomplete"
        assert "设置双因素认证" in response.json()["error"]["message"]

    def test_a_clerk_without_a_device_signs_in_with_the_password(self, world, mfa_on):
        response = APIClient().post(self.URL, {"username": "lead_clerk", "password": PASSWORD}, format="json")
        assert response.status_code == 200


def test_failed_sign_ins_and_the_lockout_are_on_the_chain(world, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "lead_clerk", "guess")
    sign_in(client, "nobody", "guess")
    actions = list(AuditEvent.objects.values_list("action", "object_id"))
    assert actions.count(("auth.login_failed", str(world.lead_clerk.pk))) == settings.AXES_FAILURE_LIMIT
    assert ("auth.locked_out", str(world.lead_clerk.pk)) in actions
    assert ("auth.login_failed", "nobody") in actions
    assert audit_verify() is None


def test_unlock_user_lifts_the_lockout_and_is_on_the_chain(world, settings):
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "lead_clerk", "guess")
    assert sign_in(client, "lead_clerk").status_code == 429
    call_command("unlock_user", "lead_clerk", "--reason", "本人电话确认")
    assert sign_in(client, "lead_clerk")["Location"] == "/"
    event = AuditEvent.objects.get(action="auth.unlocked")
    assert (event.object_id, event.reason, event.after) == (
        str(world.lead_clerk.pk),
        "本人电话确认",
        {"attempts_removed": 1},
    )
    assert audit_verify() is None


def test_every_page_offers_enrolment_and_the_password_change(world):
    client = Client()
    client.force_login(world.lead_clerk)
    body = client.get("/workbench/").content.decode()
    assert 'href="/login/enrol/"' in body and 'href="/account/password/"' in body
    assert "您已启用双因素认证" not in client.get("/login/enrol/").content.decode()


def test_with_the_second_factor_the_api_works_by_session_and_by_token(world, mfa_on, clock_stand):
    device, _ = _enrolled(world.supervisor, clock_stand)
    browser = Client()
    sign_in(browser, "supervisor")
    assert browser.get("/api/v1/tasks/").status_code == 401
    browser.post("/login/verify/", {"code": code_for(device)})
    assert browser.get("/api/v1/tasks/").status_code == 200

    clock_stand.shift(31)
    issued = APIClient().post(
        "/api/v1/auth/token/", {"username": "supervisor", "password": PASSWORD, "otp": code_for(device)}, format="json"
    )
    assert issued.status_code == 200
    script = APIClient()
    script.credentials(HTTP_AUTHORIZATION=f"Bearer {issued.json()['token']}")
    assert script.get("/api/v1/tasks/").status_code == 200
