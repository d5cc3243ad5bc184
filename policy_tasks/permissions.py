"""Who may do what to a task: the one table (docs/permissions.md) and queryset scoping.

Predicates are `rules` predicates over (user, task). Services call `require(...)`,
which raises NotFound when the task is outside what the user may see (so its
existence is not revealed) and Forbidden when it is visible but the action is not
theirs. Selectors call `visible_tasks(user)` so lists never include what a
detail view would hide.
"""

from __future__ import annotations

from collections.abc import Iterable

import rules
from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts import roles
from accounts.models import Membership, RoleGrant, Unit, User
from duban.lib.sql import SQLParam, column, fetch, table
from policy_tasks import scopes as scope_rule
from policy_tasks.errors import Forbidden, NotFound
from policy_tasks.models import AreaUnit, PolicyDocument, SupervisionScope, Task, TaskUnit
from policy_tasks.scopes import Scope


def _memberships(user: User, task: Task) -> list[tuple[int, str, str]]:
    """(unit_id, task role lead/co, member role clerk/head) for the user's units on the task."""
    if not user.is_authenticated:
        return []
    cache = getattr(task, "_perm_cache", None)
    if cache is None:
        cache = task._perm_cache = {}
    if user.pk not in cache:
        rows = (
            roles.acting_memberships(user)
            .filter(unit__task_units__task=task)
            .order_by("unit__task_units__position")
            .values_list("unit_id", "unit__task_units__role", "role")
        )
        cache[user.pk] = list(rows)
    return cache[user.pk]


_SCOPES_SQL = (
    f"SELECT {column(SupervisionScope, 'document', 's')}, {column(SupervisionScope, 'area', 's')}"
    f" FROM {table(SupervisionScope)} s JOIN {table(RoleGrant)} g"
    f" ON g.{column(RoleGrant, 'id')} = {column(SupervisionScope, 'grant', 's')}"
    f" WHERE g.{column(RoleGrant, 'user')} = %s AND {roles.active_grant_sql('g')}"
    f" AND g.{column(RoleGrant, 'role')} = '{RoleGrant.Role.SUPERVISOR.value}'"
)


def supervision_scopes(user: User) -> tuple[Scope, ...] | None:
    """None when the user is no supervisor; else the (document, area or None) pairs the
    grant is limited to, empty when it is not limited (everything)."""
    if not roles.is_supervisor(user):
        return None
    return roles.remembered(("supervision_scopes", user.pk), lambda: tuple(fetch(_SCOPES_SQL, [user.pk])))


def remember_scopes(user: User, scopes: Iterable[Scope]) -> None:
    """For the rest of the request: the scopes of the user's supervisor grant, read elsewhere."""
    roles.remember(("supervision_scopes", user.pk), tuple(scopes))


def _in_supervision_scope(user: User, task: Task) -> bool:
    scopes = supervision_scopes(user)
    return scopes is not None and scope_rule.covers(scopes, task.document_id, task.area_id)


# What a rule is asked about: a task, a document (document-level reads), a unit (its
# calendar), or nothing.
Target = Task | PolicyDocument | Unit | None


@rules.predicate
def is_admin(user: User, task: Target = None) -> bool:
    return roles.is_admin(user)


@rules.predicate
def is_supervisor(user: User, obj: Target = None) -> bool:
    """Any supervisor, whatever their scope: for system-wide actions such as importing."""
    return roles.is_supervisor(user)


@rules.predicate
def is_leader(user: User, task: Target = None) -> bool:
    return roles.is_leader(user)


@rules.predicate
def is_document_supervisor(user: User, document: PolicyDocument | None = None) -> bool:
    """A supervisor whose scope covers the document (any area of it): for document-level reads.
    Called with a PolicyDocument, so use `can`, not `require` (which checks task.view)."""
    if not user.is_authenticated:
        return False
    scopes = supervision_scopes(user)
    if scopes is None:
        return False
    # No document: a read across documents, whose rows are scoped to what the user sees.
    return not scopes or document is None or scope_rule.covers_document(scopes, document.pk)


@rules.predicate
def is_scoped_supervisor(user: User, task: Task) -> bool:
    return user.is_authenticated and _in_supervision_scope(user, task)


@rules.predicate
def is_member_of_task_unit(user: User, task: Task) -> bool:
    return bool(_memberships(user, task))


@rules.predicate
def is_member_of_unit(user: User, unit: Unit) -> bool:
    return user.is_authenticated and unit.pk in roles.unit_ids(user)


@rules.predicate
def is_head_of_lead_unit(user: User, task: Task) -> bool:
    return any(
        role == TaskUnit.Role.LEAD and member == Membership.Role.HEAD for _, role, member in _memberships(user, task)
    )


PERMISSIONS = rules.RuleSet()
PERMISSIONS.add_rule("task.view", is_member_of_task_unit | is_scoped_supervisor | is_leader | is_admin)
PERMISSIONS.add_rule("task.report", is_member_of_task_unit)
PERMISSIONS.add_rule("task.upload_evidence", is_member_of_task_unit)
PERMISSIONS.add_rule("milestone.request_completion", is_head_of_lead_unit)
PERMISSIONS.add_rule("milestone.request_extension", is_head_of_lead_unit)
PERMISSIONS.add_rule("milestone.verify", is_scoped_supervisor)
PERMISSIONS.add_rule("milestone.return", is_scoped_supervisor)
PERMISSIONS.add_rule("extension.decide", is_scoped_supervisor)
PERMISSIONS.add_rule("urge.issue", is_scoped_supervisor)
PERMISSIONS.add_rule("urge.reply", is_member_of_task_unit)
# Supervisors review and correct what the parser read (the 督查室 owns the plan's breakdown);
# a scope limits whose tasks they supervise, not which documents they may bring in.
PERMISSIONS.add_rule("document.import", is_admin | is_supervisor)
# Evidence is served to whoever may see its task.
PERMISSIONS.add_rule("evidence.download", is_member_of_task_unit | is_scoped_supervisor | is_leader | is_admin)
# The service narrows acknowledge/reply to members of the recipient unit itself.
PERMISSIONS.add_rule("urge.acknowledge", is_member_of_task_unit)
PERMISSIONS.add_rule("audit.read", is_scoped_supervisor | is_leader | is_admin)
# Checked on a document (published, so refusal is 403, not 404): can(user, "scoreboard.read", document).
PERMISSIONS.add_rule("scoreboard.read", is_document_supervisor | is_leader | is_admin)
PERMISSIONS.add_rule("account.manage", is_admin)
# The failed-delivery panel's retry: the supervision office's and the admin's.
PERMISSIONS.add_rule("delivery.retry", is_supervisor | is_admin)
# The failed-delivery panel lists everybody's, not only the tasks in the user's scope.
PERMISSIONS.add_rule("delivery.read_all", is_admin)
# A unit's deadline calendar: its members', and the offices' that see every unit's tasks.
PERMISSIONS.add_rule("calendar.follow_unit", is_member_of_unit | is_supervisor | is_leader | is_admin)


def can(user: User, action: str, obj: Target = None) -> bool:
    """`obj` is the task, the document for the document-level rules (scoreboard.read), or
    the unit for calendar.follow_unit."""
    return bool(PERMISSIONS.test_rule(action, user, obj))


def require(user: User, action: str, task: Task | None = None) -> None:
    """Raise NotFound if the task is invisible to the user, Forbidden if the action is not theirs."""
    if task is not None and not can(user, "task.view", task):
        raise NotFound("任务不存在或无权查看")
    if not can(user, action, task):
        raise Forbidden("无权执行此操作")


def acting_unit(user: User, task: Task, *, lead_only: bool = False) -> Unit | None:
    """The unit on whose behalf the user acts on this task (the lead unit first)."""
    rows = sorted(_memberships(user, task), key=lambda row: row[1] != TaskUnit.Role.LEAD)
    for unit_id, role, _ in rows:
        if not lead_only or role == TaskUnit.Role.LEAD:
            return Unit.objects.get(pk=unit_id)
    return None


def _member_q(user: User) -> Q:
    """Tasks one of the user's acting units leads or co-owns. EXISTS, not a join: a user in
    two units of one task must not see it twice."""
    units = roles.acting_memberships(user).values("unit_id")
    return Q(Exists(TaskUnit.objects.filter(task=OuterRef("pk"), unit_id__in=units)))


def sees_every_task(user: User) -> bool:
    """Whether visible_tasks leaves the tasks as they are (admins, leaders, supervisors not limited
    to a scope): a read over tasks can then skip the condition, a join of every task (issue 18)."""
    return user.is_authenticated and every_or_scopes(user)[0]


def every_or_scopes(user: User) -> tuple[bool, tuple[Scope, ...] | None]:
    """(sees every task, the supervisor's scopes): the roles asked in this order, each once."""
    if roles.is_admin(user) or roles.is_leader(user):
        return True, ()
    scopes = supervision_scopes(user)
    return scopes == (), scopes


def visible_area_targets(user: User) -> Q:
    """Area-wide targets (milestones of an area, no task) the user sees: admins, leaders and
    supervisors not limited to a scope every one, a scoped supervisor those of their scope, a
    member those of the areas one of their acting units leads (roles.acting_memberships, as
    `_member_q` for tasks). Over Milestone; the services ask it of one."""
    if not user.is_authenticated:
        return Q(pk__in=[])
    every, scopes = every_or_scopes(user)
    if every:
        return Q(task=None)
    units = roles.acting_memberships(user).values("unit_id")
    led = AreaUnit.objects.filter(unit_id__in=units).values("area_id")
    visible = Q(task=None, area__in=led)
    covered = scope_rule.covers_q(scopes or ())
    if covered is not None:
        visible |= Q(task=None) & covered
    return visible


def visible_tasks(user: User, queryset: QuerySet[Task] | None = None) -> QuerySet[Task]:
    qs = queryset if queryset is not None else Task.objects.all()
    if not user.is_authenticated:
        return qs.none()
    every, scopes = every_or_scopes(user)
    if every:
        return qs
    # A condition on the task row itself, not `pk IN (visible ids)`: a page of 50 in id order
    # then reads tasks in order until it has 50, instead of sorting every visible id first.
    visible = _member_q(user)
    covered = scope_rule.covers_q(scopes or ())
    if covered is not None:
        visible |= covered
    return qs.filter(visible)


_TASK_ID = f"{table(Task)}.{column(Task, 'id')}"
# _member_q written out: a task unit of the task whose unit is one the user acts through.
_MEMBER_SQL = (
    f"EXISTS (SELECT 1 FROM {table(TaskUnit)} tu WHERE {column(TaskUnit, 'task', 'tu')} = {_TASK_ID}"
    f" AND {column(TaskUnit, 'unit', 'tu')} IN (SELECT {column(Membership, 'unit', 'mb')}"
    f" FROM {table(Membership)} mb JOIN {table(Unit)} u ON u.{column(Unit, 'id')} = {column(Membership, 'unit', 'mb')}"
    f" WHERE u.{column(Unit, 'is_active')} AND {column(Membership, 'user', 'mb')} = %s))"
)


def visible_tasks_sql(user: User) -> tuple[str, list[SQLParam]] | None:
    """`visible_tasks(user)` as a condition on the task table named unaliased, with its
    parameters, as `duban.lib.sql.condition` gives for it: ("", []) when the user sees every
    task, None when none. For statements that read a page by hand: compiling the queryset's
    EXISTS took 1–3 ms a request, more than the page's statement (docs/performance.md, "API").
    The same roles and scopes decide; tests/notifications/test_scope_forms.py holds the two
    forms to the same rows."""
    if not user.is_authenticated:
        return None
    every, scopes = every_or_scopes(user)
    if every:
        return "", []
    sql, params = _MEMBER_SQL, list[SQLParam]([user.pk])
    covered = scope_rule.covers_condition(
        scopes or (), document=f"{table(Task)}.{column(Task, 'document')}", area=f"{table(Task)}.{column(Task, 'area')}"
    )
    if covered is not None:
        sql = f"{sql} OR {covered[0]}"
        params.extend(covered[1])
    return f"({sql})", params


def visible_task_parts(user: User) -> list[tuple[int | None, QuerySet[Task]]]:
    """`visible_tasks(user)` as disjoint parts that add up to it, each with the one document
    its tasks are all of (None: not one): for a supervisor limited by scopes, the tasks the
    scopes cover in each of their documents, then the tasks of the user's units outside them;
    for anyone else the one part. A list read in due-date order can then read each scope's
    document by an index on that document (selectors.ledger_list_rows), where the whole rule
    at once tests every row's task against the scope (docs/performance.md, "API")."""
    every, scopes = every_or_scopes(user) if user.is_authenticated else (False, None)
    if every or not scopes:
        return [(None, visible_tasks(user))]
    parts: list[tuple[int | None, QuerySet[Task]]] = []
    for document in sorted({document for document, _ in scopes}):
        # Never None: a document's scopes are not empty.
        covered = scope_rule.covers_q([scope for scope in scopes if scope[0] == document]) or Q()
        parts.append((document, Task.objects.filter(covered)))
    outside = scope_rule.covers_q(scopes) or Q()
    # `Exists(memberships)` first, uncorrelated: the database asks it once, and for a supervisor
    # of no unit (most) skips the part instead of testing every row's task for a unit of theirs.
    member = Task.objects.filter(Exists(roles.acting_memberships(user)), _member_q(user))
    parts.append((None, member.exclude(outside)))
    return parts
