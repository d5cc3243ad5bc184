"""Every change of accounts, roles, memberships, reminder rules and preferences lands on the audit
chain, in the change's transaction, whether made in the admin, over the API or by a command
(issue 14: a clerk made admin in the Django admin left the chain unchanged)."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.forms import MultiWidget
from django.test import Client

from accounts.models import Membership, RoleGrant, User
from notifications.models import ReminderRule
from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import audit_verify
from tests.api.conftest import client_for
from tests.factories import UserFactory
from tests.notifications.conftest import ensure_default_rules

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(world):
    superuser = UserFactory(username="root", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(superuser)
    client.superuser = superuser
    return client


def _form_data(response) -> dict:
    """What the browser sends back from an admin change page when nothing is edited."""
    data = {}
    form = response.context["adminform"].form
    for name in form.fields:
        bound = form[name]
        value = bound.value()
        if isinstance(bound.field.widget, MultiWidget):
            for i, part in enumerate(bound.field.widget.decompress(value)):
                data[f"{bound.html_name}_{i}"] = "" if part is None else part
        elif value is not None and value is not False:
            data[bound.html_name] = value
    for inline in response.context["inline_admin_formsets"]:
        for name, value in inline.formset.management_form.initial.items():
            data[f"{inline.formset.prefix}-{name}"] = value
    return data


# The grant page's 督查范围 rows (a supervisor's scope), none.
NO_SCOPES = {"scopes-TOTAL_FORMS": 0, "scopes-INITIAL_FORMS": 0}


def _events(**filters) -> list[AuditEvent]:
    return list(AuditEvent.objects.filter(**filters).order_by("id"))


def test_admin_role_granted_to_a_clerk_in_the_admin_is_on_the_chain(world, admin_client):
    response = admin_client.post(
        "/admin/accounts/rolegrant/add/",
        {"user": world.lead_clerk.pk, "role": "admin", "revoked_at_0": "", "revoked_at_1": "", **NO_SCOPES},
    )
    assert response.status_code == 302
    grant = RoleGrant.objects.get(user=world.lead_clerk, role="admin")
    [event] = _events(action="account.role_grant_added")
    assert (event.actor_id, event.actor_role, event.object_id) == (admin_client.superuser.pk, "admin", str(grant.pk))
    assert event.after["role"] == "admin" and event.after["user"] == world.lead_clerk.pk
    assert event.reason.startswith("管理后台 POST /admin/accounts/rolegrant/add/")
    assert audit_verify() is None


def test_the_grant_and_its_event_commit_or_vanish_together(world, admin_client, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("audit store down")

    monkeypatch.setattr("policy_tasks.audit_signals.audit_record", broken)
    admin_client.raise_request_exception = True
    with pytest.raises(RuntimeError):
        admin_client.post("/admin/accounts/rolegrant/add/", {"user": world.lead_clerk.pk, "role": "admin", **NO_SCOPES})
    assert not RoleGrant.objects.filter(user=world.lead_clerk, role="admin").exists()


def test_membership_changed_and_removed_in_the_admin_is_on_the_chain(world, admin_client):
    membership = Membership.objects.get(user=world.lead_clerk)
    url = f"/admin/accounts/membership/{membership.pk}/change/"
    data = _form_data(admin_client.get(url)) | {"role": "head"}
    assert admin_client.post(url, data).status_code == 302
    [changed] = _events(action="account.membership_changed")
    assert (changed.before, changed.after) == ({"role": "clerk"}, {"role": "head"})
    response = admin_client.post(f"/admin/accounts/membership/{membership.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    [deleted] = _events(action="account.membership_deleted")
    assert deleted.before["user"] == world.lead_clerk.pk and deleted.object_id == str(membership.pk)
    assert audit_verify() is None


def test_reminder_rule_changed_in_the_admin_is_on_the_chain(world, admin_client):
    ensure_default_rules()  # an earlier transactional test in this process may have flushed them
    rule = ReminderRule.objects.filter(is_active=True).order_by("pk").first()
    url = f"/admin/notifications/reminderrule/{rule.pk}/change/"
    data = _form_data(admin_client.get(url))
    data.pop("is_active")
    data["offset_workdays"] = rule.offset_workdays - 1
    assert admin_client.post(url, data).status_code == 302
    [event] = _events(action="settings.reminder_rule_changed")
    assert event.before == {"is_active": True, "offset_workdays": rule.offset_workdays}
    assert event.after == {"is_active": False, "offset_workdays": rule.offset_workdays - 1}
    assert event.actor_id == admin_client.superuser.pk
    assert audit_verify() is None


def test_password_set_in_the_admin_is_a_flag_never_the_hash(world, admin_client):
    url = f"/admin/accounts/user/{world.co_clerk.pk}/password/"
    new = "Zhe-shi-xin-mima-2026"
    response = admin_client.post(url, {"password1": new, "password2": new, "usable_password": "true"})
    assert response.status_code == 302
    [event] = _events(action="account.user_changed", object_id=str(world.co_clerk.pk))
    assert event.after == {"password_changed": True}
    stored = User.objects.get(pk=world.co_clerk.pk).password
    assert not any(stored in json.dumps([e.before, e.after]) for e in AuditEvent.objects.all())


def test_createsuperuser_command_is_on_the_chain(world, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "Xin-guanliyuan-2026")
    call_command("createsuperuser", "--noinput", "--username", "ops", "--email", "ops@example.gov.cn")
    user = User.objects.get(username="ops")
    [event] = _events(action="account.user_added")
    assert (event.object_id, event.actor_id, event.actor_role) == (str(user.pk), None, "system")
    assert event.reason == "命令 manage.py createsuperuser"
    assert event.after["is_superuser"] is True and event.after["password_set"] is True
    assert user.password not in json.dumps(event.after)
    assert audit_verify() is None


def test_changes_made_in_manage_py_shell_are_on_the_chain(world):
    code = (
        "from django.contrib.auth.models import Group; from accounts.models import User, RoleGrant; "
        f"u = User.objects.get(pk={world.co_clerk.pk}); g = Group.objects.create(name='督查组'); "
        "g.user_set.add(u); u.groups.remove(g); RoleGrant.objects.create(user=u, role='leader')"
    )
    call_command("shell", command=code)
    events = _events()
    assert [e.action for e in events] == [
        "account.group_added",
        "account.group_changed",
        "account.user_changed",
        "account.role_grant_added",
    ]
    assert events[1].after == {"user_set": {"added": [world.co_clerk.pk]}}
    assert events[2].after == {"groups": {"removed": [int(events[0].object_id)]}}
    assert {e.reason for e in events} == {"命令 manage.py shell"}
    assert audit_verify() is None


def test_preferences_replaced_over_the_api_are_on_the_chain(world):
    body = {"channels": ["inbox"], "quiet_start": "22:00", "quiet_end": "08:00", "daily_digest": True}
    response = client_for(world.lead_clerk).put("/api/v1/me/notification-preferences/", body, format="json")
    assert response.status_code == 200
    added, changed = _events(object_type="notifications.notificationpreference")
    assert (added.action, changed.action) == (
        "settings.notification_preference_added",
        "settings.notification_preference_changed",
    )
    assert changed.actor_id == world.lead_clerk.pk
    assert (changed.before["email"], changed.after["email"]) == (True, False)
    assert changed.reason.startswith("页面或接口 PUT /api/v1/me/notification-preferences/")


def test_accounts_made_by_test_factories_without_an_entry_point_are_not_events(world):
    # The fixtures above created users, units, memberships and grants with no request or command.
    assert not AuditEvent.objects.exists()
