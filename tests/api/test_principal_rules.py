"""The token's principal statement reads the same roles and scopes as accounts.roles and permissions.

An API request learns who is calling from one statement (`api/authentication._PRINCIPAL_SQL`:
the token, its user, the user's grants in force and a supervisor's scopes); pages and services
ask `accounts.roles` and `permissions.supervision_scopes`. For every kind of user, a revoked
grant and a grant revoked and given again among them, the two answers are the same.
"""

from __future__ import annotations

import pytest
from django.test import RequestFactory
from django.utils import timezone
from knox.models import AuthToken

from accounts import roles
from accounts.models import RoleGrant
from policy_tasks.api.authentication import TokenOrBearerAuthentication
from policy_tasks.permissions import supervision_scopes

pytestmark = pytest.mark.django_db


def _answers(user):
    return roles.active_roles(user), supervision_scopes(user)


def _through_the_token(user):
    _, key = AuthToken.objects.create(user=user)
    request = RequestFactory().get("/api/v1/tasks/", HTTP_AUTHORIZATION=f"Token {key}")
    with roles.request_memo():
        found, _token = TokenOrBearerAuthentication().authenticate(request)
        assert found.pk == user.pk
        return _answers(found)


def _read_afresh(user):
    with roles.request_memo():
        return _answers(type(user).objects.get(pk=user.pk))


@pytest.mark.parametrize(
    "who", ["admin", "leader", "supervisor", "by_document", "by_area", "by_second", "lead_clerk", "other_clerk"]
)
def test_the_principal_statement_and_the_role_reads_agree(paged, who):
    user = getattr(paged, who)
    assert _through_the_token(user) == _read_afresh(user)


def test_a_revoked_grant_counts_nowhere_and_a_new_one_everywhere(paged):
    user = paged.by_area
    RoleGrant.objects.filter(user=user).update(revoked_at=timezone.now())
    assert _through_the_token(user) == _read_afresh(user) == (frozenset(), None)
    RoleGrant.objects.create(user=user, role=RoleGrant.Role.LEADER)
    assert _through_the_token(user) == _read_afresh(user) == (frozenset({"leader"}), None)
    assert RoleGrant.objects.active().filter(user=user).count() == 1
