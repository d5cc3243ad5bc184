"""No one verifies (销号) or grants an extension for their own unit's work, whatever roles they hold."""

from __future__ import annotations

from datetime import date

import pytest
import time_machine

from accounts.models import Membership, RoleGrant, Unit
from policy_tasks.errors import Forbidden
from policy_tasks.models import ExtensionRequest, Milestone
from policy_tasks.services.extensions import extension_grant, extension_request
from policy_tasks.services.milestones import milestone_verify
from tests import factories as f
from tests.api.conftest import client_for
from tests.web.builders import request_completion

pytestmark = pytest.mark.django_db


@pytest.fixture
def head_supervisor(world):
    """The lead unit's head, who also holds the supervisor role."""
    f.RoleGrantFactory(user=world.lead_head, role=RoleGrant.Role.SUPERVISOR)
    return world.lead_head


@pytest.fixture
def co_supervisor(world):
    user = f.UserFactory(username="co_supervisor")
    f.MembershipFactory(user=user, unit=world.co_unit, role=Membership.Role.CLERK)
    f.RoleGrantFactory(user=user, role=RoleGrant.Role.SUPERVISOR)
    return user


def test_a_supervisor_cannot_verify_their_own_units_completion(world, head_supervisor):
    request_completion(world, world.milestone)
    with pytest.raises(Forbidden, match="本单位"):
        milestone_verify(user=head_supervisor, milestone=world.milestone)
    world.milestone.refresh_from_db()
    assert world.milestone.status == Milestone.Status.REQUESTED
    # Another supervisor still can.
    milestone_verify(user=world.supervisor, milestone=world.milestone)


def test_a_co_unit_member_cannot_verify_either(world, co_supervisor):
    request_completion(world, world.milestone)
    with pytest.raises(Forbidden, match="本单位"):
        milestone_verify(user=co_supervisor, milestone=world.milestone)


def test_a_unit_switched_off_since_still_counts_as_own_work(world, co_supervisor):
    """Separation of duties reads every membership (roles.all_memberships): switching the unit
    off does not make its former member impartial about the work it answered for."""
    request_completion(world, world.milestone)
    Unit.objects.filter(pk=world.co_unit.pk).update(is_active=False)
    with pytest.raises(Forbidden, match="本单位"):
        milestone_verify(user=co_supervisor, milestone=world.milestone)


def test_the_api_refuses_own_unit_verification_with_403(world, head_supervisor):
    request_completion(world, world.milestone)
    client = client_for(head_supervisor)
    url = f"/api/v1/milestones/{world.milestone.pk}/"
    response = client.post(url + "verify/", {}, format="json", HTTP_IF_MATCH=client.get(url)["ETag"])
    assert response.status_code == 403
    assert "本单位" in response.json()["error"]["message"]
    world.milestone.refresh_from_db()
    assert world.milestone.status == Milestone.Status.REQUESTED


def test_the_console_refuses_own_unit_verification(client, world, head_supervisor):
    pending = request_completion(world, world.milestone)
    client.force_login(head_supervisor)
    response = client.post(
        f"/supervision/completions/{pending.pk}/", {"decision": "verify"}, headers={"HX-Request": "true"}
    )
    assert "本单位" in response.content.decode()
    world.milestone.refresh_from_db()
    assert world.milestone.status == Milestone.Status.REQUESTED


def test_a_supervisor_cannot_grant_their_own_units_extension(world, head_supervisor):
    world.milestone.due_date = date(2023, 11, 30)
    world.milestone.save()
    with time_machine.travel(date(2023, 11, 1), tick=False):
        asked = extension_request(
            user=world.lead_head, milestone=world.milestone, reason="设备到货延迟", proposed_date=date(2023, 12, 20)
        )
        response = client_for(head_supervisor).post(f"/api/v1/extension-requests/{asked.pk}/grant/", {}, format="json")
        assert response.status_code == 403
        assert "本单位" in response.json()["error"]["message"]
        with pytest.raises(Forbidden, match="本单位"):
            extension_grant(user=head_supervisor, request=asked)
        asked.refresh_from_db()
        assert asked.status == ExtensionRequest.Status.PENDING
        extension_grant(user=world.supervisor, request=asked)
