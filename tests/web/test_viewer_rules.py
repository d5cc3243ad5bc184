"""The page's Viewer reads the same rules as the permission table: one answer for each user.

A page decides what to show from the roles it already loaded (`web.access.Viewer`); the service
behind it asks `permissions.can`. For every kind of user, and one whose grant was revoked, the two agree.
"""

from __future__ import annotations

import pytest
from django.utils import timezone

from accounts.models import RoleGrant
from policy_tasks.permissions import can
from policy_tasks.web.access import Viewer

pytestmark = pytest.mark.django_db

PEOPLE = ("lead_clerk", "lead_head", "co_clerk", "other_clerk", "supervisor", "leader", "admin")


@pytest.mark.parametrize("who", PEOPLE)
def test_the_import_link_is_shown_to_whoever_may_import(world, who):
    user = getattr(world, who)
    assert Viewer.of(user).can_import == can(user, "document.import")


def test_a_revoked_supervisor_may_neither_import_nor_see_the_link(world):
    RoleGrant.objects.filter(user=world.supervisor).update(revoked_at=timezone.now())
    user = type(world.supervisor).objects.get(pk=world.supervisor.pk)
    assert not can(user, "document.import")
    assert not Viewer.of(user).can_import
