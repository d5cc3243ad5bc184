"""Changes of accounts in the Django admin land on the audit chain (issue 14: a clerk made admin left no event)."""

from __future__ import annotations

import pytest
from django.forms import MultiWidget
from django.test import Client

from accounts.models import Membership, RoleGrant
from policy_tasks.models import AuditEvent
from policy_tasks.services.audit import audit_verify
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(world):
    superuser = UserFactory(username="superuser", is_staff=True, is_superuser=True)
    client = Client()
    client.force_login(superuser)
    client.superuser = superuser
    return client


def _put(data: dict, form, name: str) -> None:
    bound = form[name]
    value = bound.value()
    widget = bound.field.widget
    if isinstance(widget, MultiWidget):  # date and time in two inputs
        for i, part in enumerate(widget.decompress(value)):
            data[f"{bound.html_name}_{i}"] = "" if part is None else part
    elif isinstance(value, list):
        data[bound.html_name] = [str(v) for v in value]
    elif value is not None and value is not False:
        data[bound.html_name] = value


def _change_form_data(response) -> dict:
    """What the browser would send back from an admin change page, unchanged."""
    data = {}
    form = response.context["adminform"].form
    for name, field in form.fields.items():
        if not field.disabled and name != "password":
            _put(data, form, name)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        for name, value in formset.management_form.initial.items():
            data[f"{formset.prefix}-{name}"] = value
        for sub in formset.forms:
            for name in sub.fields:
                _put(data, sub, name)
    return data


def test_a_role_granted_on_the_user_page_is_on_the_chain(world, admin_client):
    url = f"/admin/accounts/user/{world.lead_clerk.pk}/change/"
    data = _change_form_data(admin_client.get(url))
    data.update(
        {"role_grants-TOTAL_FORMS": 1, "role_grants-0-role": "admin", "role_grants-0-user": world.lead_clerk.pk}
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    grant = RoleGrant.objects.get(user=world.lead_clerk, role="admin")
    event = AuditEvent.objects.get(action="account.role_grant_added")
    assert (event.actor_id, event.object_id) == (admin_client.superuser.pk, str(grant.pk))
    assert event.after["role"] == "admin" and event.after["user"] == world.lead_clerk.pk
    assert audit_verify() is None


def test_a_role_granted_and_revoked_on_the_role_page_is_on_the_chain(world, admin_client):
    no_scopes = {"scopes-TOTAL_FORMS": 0, "scopes-INITIAL_FORMS": 0}  # the page's 督查范围 rows, none
    response = admin_client.post(
        "/admin/accounts/rolegrant/add/",
        {"user": world.co_clerk.pk, "role": "supervisor", "revoked_at_0": "", "revoked_at_1": "", **no_scopes},
    )
    assert response.status_code == 302
    grant = RoleGrant.objects.get(user=world.co_clerk)
    response = admin_client.post(
        f"/admin/accounts/rolegrant/{grant.pk}/change/",
        {
            "user": world.co_clerk.pk,
            "role": "supervisor",
            "revoked_at_0": "2026-06-01",
            "revoked_at_1": "09:00:00",
            **no_scopes,
        },
    )
    assert response.status_code == 302
    events = list(AuditEvent.objects.filter(object_type="accounts.rolegrant").order_by("id"))
    assert [e.action for e in events] == ["account.role_grant_added", "account.role_grant_changed"]
    assert events[1].before == {"revoked_at": None}
    assert events[1].after["revoked_at"].startswith("2026-06-01T09:00:00")


def test_superuser_flag_and_membership_removal_are_on_the_chain(world, admin_client):
    url = f"/admin/accounts/user/{world.other_clerk.pk}/change/"
    data = _change_form_data(admin_client.get(url))
    data["is_superuser"] = "on"
    data["memberships-0-DELETE"] = "on"
    assert admin_client.post(url, data).status_code == 302
    assert not Membership.objects.filter(user=world.other_clerk).exists()
    actions = dict(AuditEvent.objects.values_list("action", "after"))
    assert actions["account.user_changed"]["is_superuser"] is True
    assert "account.membership_deleted" in actions
    assert audit_verify() is None
