"""Who a user is, asked in one place (predicates and scoping build on these)."""

from __future__ import annotations

from accounts.models import Membership, RoleGrant, User


def has_role(user: User, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if role == RoleGrant.Role.ADMIN and user.is_superuser:
        return True
    return user.role_grants.filter(role=role, revoked_at=None).exists()


def is_supervisor(user: User) -> bool:
    return has_role(user, RoleGrant.Role.SUPERVISOR)


def is_leader(user: User) -> bool:
    return has_role(user, RoleGrant.Role.LEADER)


def is_admin(user: User) -> bool:
    return has_role(user, RoleGrant.Role.ADMIN)


def unit_ids(user: User, *, role: str | None = None) -> set[int]:
    if not user.is_authenticated:
        return set()
    qs = Membership.objects.filter(user=user, unit__is_active=True)
    if role:
        qs = qs.filter(role=role)
    return set(qs.values_list("unit_id", flat=True))
