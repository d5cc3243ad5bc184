"""An admin limits a supervisor to one document on the role grant's admin page: the supervisor
then sees that document's tasks only, and the change is on the audit chain."""

from __future__ import annotations

import pytest
from django.test import Client

from accounts.models import RoleGrant
from policy_tasks.models import AuditEvent, SupervisionScope
from policy_tasks.services.audit import audit_verify
from tests import factories as f
from tests.accounts.test_admin_audit import _change_form_data
from tests.api.conftest import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(world):
    client = Client()
    client.force_login(f.UserFactory(username="superuser", is_staff=True, is_superuser=True))
    return client


def _with_scope(admin_client, grant: RoleGrant, **row) -> tuple[str, dict]:
    url = f"/admin/accounts/rolegrant/{grant.pk}/change/"
    page = admin_client.get(url)
    assert page.status_code == 200
    assert "督查范围" in page.content.decode()
    data = _change_form_data(page)
    data.update({"scopes-TOTAL_FORMS": 1, "scopes-0-grant": grant.pk})
    data.update({f"scopes-0-{name}": value for name, value in row.items()})
    return url, data


def _task_ids(user) -> set[int]:
    response = client_for(user).get("/api/v1/tasks/")
    assert response.status_code == 200
    return {t["id"] for t in response.json()["results"]}


def test_a_scope_added_on_the_grant_limits_what_the_supervisor_sees(world, admin_client):
    elsewhere = f.TaskFactory(document=f.DocumentFactory(), number=1)
    grant = RoleGrant.objects.get(user=world.supervisor, role=RoleGrant.Role.SUPERVISOR)
    assert _task_ids(world.supervisor) == {world.task.pk, elsewhere.pk}

    url, data = _with_scope(admin_client, grant, document=world.document.pk)
    assert admin_client.post(url, data).status_code == 302

    assert SupervisionScope.objects.filter(grant=grant, document=world.document).exists()
    assert _task_ids(world.supervisor) == {world.task.pk}
    event = AuditEvent.objects.filter(action__startswith="account.supervision_scope").get()
    assert event.after["document"] == world.document.pk
    assert audit_verify() is None


def test_an_area_of_another_document_is_refused_next_to_the_field(world, admin_client):
    other_area = f.AreaFactory()
    grant = RoleGrant.objects.get(user=world.supervisor, role=RoleGrant.Role.SUPERVISOR)
    url, data = _with_scope(admin_client, grant, document=world.document.pk, area=other_area.pk)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert "所选领域不属于该政策文件" in response.content.decode()
    assert not SupervisionScope.objects.exists()
