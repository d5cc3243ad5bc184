"""Who a user is, asked in one place (predicates and scoping build on these).

Inside `request_memo()` (accounts.middleware wraps every request in one) a user's active
roles and memberships are read once each: one page asks them many times over, through
several permission checks and the page's `Viewer` (policy_tasks/web/access.py), and each
answer used to be a query of its own. Outside a request (Celery tasks, commands, services
called directly) every question reads the database afresh, so a role granted or revoked
there is seen at once.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

from accounts.models import Membership, MembershipQuerySet, RoleGrant, User
from duban.lib.sql import column, fetch, table

T = TypeVar("T")


def active_grant_sql(alias: str | None = None) -> str:
    """RoleGrant.objects.active() in SQL, for the statements that read grants by hand."""
    return f"{column(RoleGrant, 'revoked_at', alias)} IS NULL"


_ROLES_SQL = (
    f"SELECT {column(RoleGrant, 'role')} FROM {table(RoleGrant)}"
    f" WHERE {column(RoleGrant, 'user')} = %s AND {active_grant_sql()}"
)
_memo: ContextVar[dict | None] = ContextVar("duban_request_memo", default=None)


@contextmanager
def request_memo() -> Iterator[None]:
    """Remember answers keyed by `remembered` until the block ends (one request)."""
    token = _memo.set({})
    try:
        yield
    finally:
        _memo.reset(token)


def remembered(key: Hashable, compute: Callable[[], T]) -> T:
    """compute(), once per key inside `request_memo()`; every time outside it."""
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def remember(key: Hashable, value: object) -> None:
    """Record an answer read elsewhere (with the token, say) for the rest of the request."""
    memo = _memo.get()
    if memo is not None:
        memo[key] = value


def remember_roles(user: User, roles: Iterable[str]) -> None:
    remember(("roles", user.pk), frozenset(roles))


def active_roles(user: User) -> frozenset[str]:
    """The roles the user holds now (grants not revoked); empty for anonymous users."""
    if not user.is_authenticated:
        return frozenset()
    return remembered(("roles", user.pk), lambda: frozenset(role for (role,) in fetch(_ROLES_SQL, [user.pk])))


def has_role(user: User, role: str) -> bool:
    if not user.is_authenticated:
        return False
    if role == RoleGrant.Role.ADMIN and user.is_superuser:
        return True
    return role in active_roles(user)


def is_supervisor(user: User) -> bool:
    return has_role(user, RoleGrant.Role.SUPERVISOR)


def is_leader(user: User) -> bool:
    return has_role(user, RoleGrant.Role.LEADER)


def is_admin(user: User) -> bool:
    return has_role(user, RoleGrant.Role.ADMIN)


def memberships(user: User) -> tuple[Membership, ...]:
    """The user's memberships of active units, each with its unit, by unit name."""
    if not user.is_authenticated:
        return ()
    return remembered(
        ("memberships", user.pk),
        lambda: tuple(acting_memberships(user).select_related("unit").order_by("unit__name")),
    )


def acting_memberships(user: User) -> MembershipQuerySet:
    """The memberships a user acts through: those of active units (`MembershipQuerySet.acting`)."""
    return all_memberships(user).acting()


def all_memberships(user: User) -> MembershipQuerySet:
    """Every unit the user is a member of, switched off or not: the rule of separation of duties
    (services.milestones.refuse_own_work), not of what the user may see or do. A supervisor does
    not decide on work their own unit answered for; the work was done while the unit acted, and
    switching the unit off (a merger, say) does not make its former member impartial about it.
    So refusal reads every membership, while visibility reads only `acting_memberships`."""
    return Membership.objects.filter(user=user)


def unit_ids(user: User, *, role: str | None = None) -> set[int]:
    return {m.unit_id for m in memberships(user) if not role or m.role == role}
