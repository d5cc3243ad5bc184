"""Who an audit event names as acting: a member on behalf of their unit, or the supervision office."""

from __future__ import annotations

from accounts.models import Membership, Unit, User
from accounts.roles import is_admin
from policy_tasks.models import Task
from policy_tasks.permissions import acting_unit
from policy_tasks.services.audit import Actor, RequestMeta, actor_for

ADMIN_ROLE, SUPERVISOR_ROLE = "admin", "supervisor"


def member_role(user: User, unit: Unit | None) -> str:
    """clerk or head in `unit`; empty when the user is no member of it."""
    return Membership.objects.filter(user=user, unit=unit).values_list("role", flat=True).first() or ""


def unit_actor(user: User, unit: Unit | None, *, meta: RequestMeta | None) -> Actor:
    """A member acting for `unit`, named with their role in it."""
    return actor_for(user, unit=unit, role=member_role(user, unit), meta=meta)


def member_actor(user: User, task: Task, *, meta: RequestMeta | None, lead_only: bool = False) -> Actor:
    return unit_actor(user, acting_unit(user, task, lead_only=lead_only), meta=meta)


def supervisor_actor(user: User, *, meta: RequestMeta | None) -> Actor:
    return actor_for(user, role=SUPERVISOR_ROLE, meta=meta)


def office_role(user: User) -> str:
    """The role recorded for the supervision office's work that admins may do as well (imports,
    instructions, retrying failed reminders): admin first, as their reach is the wider one."""
    return ADMIN_ROLE if is_admin(user) else SUPERVISOR_ROLE
