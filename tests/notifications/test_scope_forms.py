"""A supervisor's scope is one rule (policy_tasks/scopes.py) asked in five places: who may see
a task or a milestone (permissions, as a predicate, a `Q`, that `Q` compiled into SQL and the
same rule written as SQL),
the scope rows in SQL (`covers_sql`), and who hears of a milestone (RecipientIndex in the
scan's Python path, the fan-out statement in its SQL path). Over a small world with every
kind of scope, all of them must give the same relation, and the one written out below.

The model knows scopes by document and by area of a document; "by unit" is a supervisor who
is also a member of a unit: they see and hear of that unit's tasks as its members do.
"""

from __future__ import annotations

from datetime import date

from accounts.models import Membership, RoleGrant, User
from duban.lib.sql import condition, fetch, table
from notifications.models import Delivery, ReminderRule, Subject
from notifications.services.scan import scan
from notifications.services.timing import as_of
from policy_tasks import permissions, scopes
from policy_tasks.api import scoping
from policy_tasks.errors import Forbidden, NotFound
from policy_tasks.models import Milestone, SupervisionScope, Task
from policy_tasks.services.milestones import require_on_milestone
from tests import factories as f

DUE = date(2023, 10, 31)  # a Tuesday: every milestone is due that day
SCANNED = date(2023, 11, 2)  # both rules (1 and 2 working days overdue) have fired

# Which subjects each supervisor's scope covers (t: a task's milestone, m: an area's target).
COVERED = {
    "unlimited": {"tA1", "tA2", "tA0", "tB1", "mA1", "mB1"},
    "document_a": {"tA1", "tA2", "tA0", "mA1"},
    "area_a1": {"tA1", "mA1"},
    "several": {"tA2", "tB1", "mB1"},
    "elsewhere": set(),
    "unit_and_area_a2": {"tA2"},
    "revoked": set(),
}
# What each person sees: the scope, and the tasks (or area targets) of their units.
VISIBLE = {
    **COVERED,
    "unit_and_area_a2": {"tA2", "tB1"},
    "clerk_l": {"tA1", "tA2", "tA0", "tB1"},
    "head_m": {"tB1"},
    "clerk_r": {"mA1"},
    "clerk_gone": set(),  # a member of a unit switched off, which no longer acts
}


def _person(name: str) -> User:
    return f.UserFactory(username=name)


def _supervisor(name: str, *limits: tuple) -> User:
    user = _person(name)
    grant = f.RoleGrantFactory(user=user, role=RoleGrant.Role.SUPERVISOR)
    for document, area in limits:
        SupervisionScope.objects.create(grant=grant, document=document, area=area)
    return user


def build_world() -> tuple[dict[str, User], dict[str, Milestone]]:
    doc_a, doc_b, doc_c = f.DocumentFactory(), f.DocumentFactory(), f.DocumentFactory()
    a1, a2, b1 = f.AreaFactory(document=doc_a), f.AreaFactory(document=doc_a), f.AreaFactory(document=doc_b)
    unit_l, unit_m, unit_r = (
        f.UnitFactory(name="区发改局"),
        f.UnitFactory(name="区财政局"),
        f.UnitFactory(name="区住建局"),
    )
    unit_gone = f.UnitFactory(name="区撤并局", is_active=False)
    a1.area_units.create(unit=unit_r, position=0)

    subjects: dict[str, Milestone] = {}
    for name, document, area, units in [
        ("tA1", doc_a, a1, [unit_l, unit_gone]),
        ("tA2", doc_a, a2, [unit_l]),
        ("tA0", doc_a, None, [unit_l]),
        ("tB1", doc_b, b1, [unit_m, unit_l]),
    ]:
        task = f.TaskFactory(document=document, area=area)
        for position, unit in enumerate(units):
            f.TaskUnitFactory(task=task, unit=unit, role="lead" if position == 0 else "co", position=position)
        subjects[name] = f.MilestoneFactory(task=task, due_date=DUE)
    for name, document, area in [("mA1", doc_a, a1), ("mB1", doc_b, b1)]:
        subjects[name] = Milestone.objects.create(
            document=document, area=area, text=f"{name}领域目标", kind="target", due_date=DUE
        )

    people = {
        "unlimited": _supervisor("unlimited"),
        "document_a": _supervisor("document_a", (doc_a, None)),
        "area_a1": _supervisor("area_a1", (doc_a, a1)),
        "several": _supervisor("several", (doc_a, a2), (doc_b, None)),
        "elsewhere": _supervisor("elsewhere", (doc_c, None)),
        "unit_and_area_a2": _supervisor("unit_and_area_a2", (doc_a, a2)),
        "revoked": _supervisor("revoked", (doc_a, None)),
        "clerk_l": _person("clerk_l"),
        "head_m": _person("head_m"),
        "clerk_r": _person("clerk_r"),
        "clerk_gone": _person("clerk_gone"),
    }
    RoleGrant.objects.filter(user=people["revoked"]).update(revoked_at=as_of(date(2023, 1, 2)))
    f.MembershipFactory(user=people["unit_and_area_a2"], unit=unit_m)
    f.MembershipFactory(user=people["clerk_l"], unit=unit_l)
    f.MembershipFactory(user=people["head_m"], unit=unit_m, role=Membership.Role.HEAD)
    f.MembershipFactory(user=people["clerk_r"], unit=unit_r)
    f.MembershipFactory(user=people["clerk_gone"], unit=unit_gone)
    return people, subjects


def _rules() -> tuple[ReminderRule, ReminderRule]:
    ReminderRule.objects.update(is_active=False)
    supervisors = ReminderRule.objects.create(
        code="scope_supervisors_only",
        name="逾期1个工作日(仅督查员)",
        subject_type="milestone",
        offset_workdays=1,
        units=ReminderRule.Units.NONE,
        notify_clerks=False,
        notify_supervisors=True,
    )
    everyone = ReminderRule.objects.create(
        code="scope_everyone",
        name="逾期2个工作日(全员及督查员)",
        subject_type="milestone",
        offset_workdays=2,
        units=ReminderRule.Units.LEAD_AND_CO,
        notify_clerks=True,
        notify_heads=True,
        notify_supervisors=True,
    )
    return supervisors, everyone


Relation = set[tuple[str, str]]


def _expected(table_: dict[str, set[str]]) -> Relation:
    return {(person, subject) for person, subjects in table_.items() for subject in subjects}


def _named(people: dict[str, User], subjects: dict[str, Milestone], pairs) -> Relation:
    """(user id, milestone id) pairs as (person, subject) names, for readable failures."""
    person = {u.pk: name for name, u in people.items()}
    subject = {m.pk: name for name, m in subjects.items()}
    return {(person[u], subject[m]) for u, m in pairs if u in person and m in subject}


def _covered_in_python(people, subjects) -> Relation:
    return {
        (p, s)
        for p, user in people.items()
        for s, m in subjects.items()
        if permissions.is_scoped_supervisor.test(user, m.task if m.task_id else m)
    }


def _covered_in_sql(people, subjects) -> Relation:
    """`covers_sql` over each supervisor's `scopes.rows`, joined to the milestones themselves."""
    rows = [
        row
        for user in people.values()
        if (limits := permissions.supervision_scopes(user)) is not None
        for row in scopes.rows(user.pk, limits)
    ]
    in_scope = scopes.covers_sql("s", document="m.document_id", area="COALESCE(m.area_id, t.area_id)")
    pairs = fetch(
        f"SELECT s.user_id, m.id FROM {table(Milestone)} m LEFT JOIN {table(Task)} t ON t.id = m.task_id"
        " JOIN unnest(%s::bigint[], %s::boolean[], %s::bigint[], %s::bigint[])"
        f" AS s (user_id, everything, document_id, area_id) ON {in_scope}",
        [list(column) for column in zip(*rows, strict=True)],
    )
    return _named(people, subjects, pairs)


def _visible_in_python(people, subjects) -> Relation:
    seen = set()
    for p, user in people.items():
        for s, m in subjects.items():
            try:
                require_on_milestone(user, "milestone.verify", m)
            except NotFound:
                continue
            except Forbidden:  # visible, the action not theirs
                pass
            seen.add((p, s))
    return seen


def _visible_by_q(people, subjects) -> Relation:
    seen = set()
    for p, user in people.items():
        tasks = set(permissions.visible_tasks(user).values_list("pk", flat=True))
        seen |= {(p, s) for s, m in subjects.items() if m.task_id in tasks}
        seen |= {(p, s) for s, m in subjects.items() if scoping.milestones(user).filter(pk=m.pk, task=None).exists()}
    return seen


def _visible_by_compiled_sql(people, subjects) -> Relation:
    """The `Q`s compiled into statements on their own tables, as the ledger's fast path does."""
    seen = set()
    for p, user in people.items():
        for queryset, of in [(permissions.visible_tasks(user), "task_id"), (scoping.milestones(user), "pk")]:
            found = condition(queryset)
            if found is None:
                continue
            where, params = found
            name = table(queryset.model)
            ids = {
                pk for (pk,) in fetch(f"SELECT {name}.id FROM {name}" + (f" WHERE {where}" if where else ""), params)
            }
            seen |= {(p, s) for s, m in subjects.items() if getattr(m, of) in ids}
    return seen


def _visible_by_written_sql(people, subjects) -> Relation:
    """`permissions.visible_tasks_sql`, the rule written as SQL for the task list's page."""
    seen = set()
    for p, user in people.items():
        found = permissions.visible_tasks_sql(user)
        if found is None:
            continue
        where, params = found
        name = table(Task)
        ids = {pk for (pk,) in fetch(f"SELECT {name}.id FROM {name}" + (f" WHERE {where}" if where else ""), params)}
        seen |= {(p, s) for s, m in subjects.items() if m.task_id in ids}
    return seen


def _reached(planned_or_rows, rule: ReminderRule, people, subjects) -> Relation:
    return _named(people, subjects, {(user, subject) for r, subject, user in planned_or_rows if r == rule.pk})


def test_every_form_of_the_scope_gives_the_same_relation(require_postgres):
    people, subjects = build_world()
    supervisors_only, everyone = _rules()
    moment = as_of(SCANNED).replace(hour=10)

    dry = scan(now=moment, dry_run=True)  # the Python path: RecipientIndex
    planned = {(p.candidate.rule.pk, p.candidate.subject_id, p.recipient_id) for p in dry.planned}
    done = scan(now=moment)  # the SQL path: the fan-out statement
    assert done.batches >= 1 and done.inserted
    inserted = set(
        Delivery.objects.filter(subject_type=Subject.MILESTONE).values_list("rule_id", "subject_id", "recipient_id")
    )

    covered = _expected(COVERED)
    assert _covered_in_python(people, subjects) == covered
    assert _covered_in_sql(people, subjects) == covered
    assert _reached(planned, supervisors_only, people, subjects) == covered
    assert _reached(inserted, supervisors_only, people, subjects) == covered

    visible = _expected(VISIBLE)
    assert _visible_in_python(people, subjects) == visible
    assert _visible_by_q(people, subjects) == visible
    assert _visible_by_compiled_sql(people, subjects) == visible
    tasks_only = {(p, s) for p, s in visible if s.startswith("t")}
    assert _visible_by_written_sql(people, subjects) == tasks_only
    assert _reached(planned, everyone, people, subjects) == visible
    assert _reached(inserted, everyone, people, subjects) == visible
