"""An import's clauses written as tasks: the plan's matches (services/import_plan.py) become tasks
created, updated in place, renumbered or withdrawn (with their sub-tasks), each change on the
audit trail. services/imports.py calls `write_tasks` inside the import's transaction."""

from __future__ import annotations

from typing import Any

from django.db.models import Exists, F, OuterRef, QuerySet

from accounts.models import Unit
from policy_tasks.models import (
    Area,
    AuditAction,
    CompletionRequest,
    ExtensionRequest,
    Milestone,
    MilestoneValue,
    PolicyDocument,
    Task,
    TaskUnit,
    UrgeNotice,
)
from policy_tasks.parsing import ParsedDocument, ParsedTask
from policy_tasks.services.audit import Actor, AuditEntry
from policy_tasks.services.import_plan import (
    UNCHANGED,
    OldClause,
    OldMilestone,
    plan_clauses,
    sub_task_withdrawn_with_clause,
    withdrawn_with_clause,
)
from policy_tasks.services.import_read import clause_label, new_clauses
from policy_tasks.services.import_result import ImportResult
from policy_tasks.services.import_writes import MilestoneWrites, unit_rows, write_task_units

# Shared with the preview (selectors/imports.py) so both say exactly the same thing.
MISSING_CLAUSE = "条款 {label} 不在新版本中，原任务将撤销（保留其办理记录）"
# Renumbering moves tasks through numbers no clause has (see write_tasks).
_TEMPORARY_NUMBER = 16384


def write_tasks(
    document: PolicyDocument,
    parsed: ParsedDocument,
    units: dict[str, Unit],
    areas: dict[int, Area],
    history: dict[tuple[str, int], list[OldMilestone]],
    result: ImportResult,
    actor: Actor,
    milestones: MilestoneWrites,
) -> None:
    tasks = {t.pk: t for t in Task.objects.clauses().filter(document=document)} if not result.created else {}
    area_numbers = dict(Area.objects.filter(document=document).values_list("pk", "number")) if tasks else {}
    old = [
        OldClause(
            id=t.pk,
            number=t.number,
            label=t.ref,
            text=t.text,
            area=area_numbers.get(t.area_id) if t.area_id is not None else None,
            withdrawn=t.status == Task.Status.WITHDRAWN,
        )
        for t in tasks.values()
    ]
    plan = result.plan = plan_clauses(old, new_clauses(parsed))
    version, now = result.version, milestones.now
    assert version is not None, "_write made it first"
    before_doc, after_doc = result.tasks_before, result.tasks_after
    changing = [m.old.id for m in plan.matches if m.old is not None and m.status != UNCHANGED]
    units_before = _unit_names(changing)
    events = result.events

    # 1. Withdraw first: a withdrawn task leaves the numbering (task_number_unique binds the
    #    clauses in force only), so its number is free for the new order.
    _withdraw_tasks(document, [tasks[gone.id] for gone in plan.withdrawn], history, result, actor, milestones)
    # 2. Tasks whose number changes step aside to numbers no clause has, so that moving 1→2
    #    and 2→3 in either order never meets a number still taken. (A deferrable constraint
    #    would do on PostgreSQL but not on SQLite, and not as a partial index.) One statement:
    #    every row it moves goes to a number no row has.
    aside = [
        Task(pk=match.old.id, number=_TEMPORARY_NUMBER + match.new_index)
        for match in plan.matches
        if match.old is not None
        and not match.old.withdrawn
        and match.old.number != parsed.tasks[match.new_index].number
    ]
    if aside:
        Task.objects.bulk_update(aside, ["number"])
    # 3. Every clause of the new version, in order; written together below.
    created: list[tuple[Task, ParsedTask]] = []
    renumbered: list[Task] = []
    changed: list[tuple[Task, ParsedTask]] = []
    for match in plan.matches:
        pt = parsed.tasks[match.new_index]
        area = areas.get(pt.area) if pt.area is not None else None
        label = clause_label(pt)
        if match.old is None:
            task = Task(
                document=document,
                area=area,
                number=pt.number,
                label=label,
                title=pt.title,
                text=pt.text,
                leaders=pt.leaders,
            )
            created.append((task, pt))
            result.tasks_created += 1
            counts = milestones.sync(pt.milestones, [], task=task)
            result.milestones_created += counts["created"]
            continue
        task = tasks[match.old.id]
        if match.status == UNCHANGED:
            result.tasks_unchanged += 1
            if (task.number, task.label) != (pt.number, label) or match.old.number != pt.number:
                # Renumbered by a clause inserted or dropped before it: bookkeeping, not a change.
                task.number, task.label = pt.number, label
                renumbered.append(task)
            continue
        was = _task_state(task, units_before.get(task.pk, []))
        task.number, task.label, task.title, task.text = pt.number, label, pt.title, pt.text
        task.area, task.leaders = area, pt.leaders
        if task.status == Task.Status.WITHDRAWN:
            task.status, task.withdrawn_at, task.withdrawn_in = Task.Status.OPEN, None, None
        task.version += 1
        task.updated_at = now  # save() would have (auto_now); bulk_update does not
        changed.append((task, pt))
        result.tasks_updated += 1
        counts = milestones.sync(pt.milestones, history.get(("task", task.pk), []), task=task)
        result.milestones_created += counts["created"]
        result.milestones_removed += counts["removed"]
        result.milestones_updated += counts["updated"]
        result.milestones_withdrawn += counts["withdrawn"]
        now_state = _task_state(task, [[units[name].name, role] for name, role in unit_rows(pt)])
        events.append(
            AuditEntry(
                actor=actor,
                action=AuditAction.TASK_REIMPORT,
                obj=task,
                before=was,
                after={
                    **now_state,
                    "document_version": version.number,
                    "similarity": round(match.similarity, 3),
                    "milestones": counts,
                },
                document=document,
                task=task,
            )
        )
        before_doc[str(task.pk)] = {key: was[key] for key in ("number", "label", "text")}
        after_doc[str(task.pk)] = {key: now_state[key] for key in ("number", "label", "text")}
    Task.objects.bulk_create([task for task, _ in created])
    if renumbered:
        Task.objects.bulk_update(renumbered, ["number", "label"])
    if changed:
        Task.objects.bulk_update([task for task, _ in changed], _CHANGED_FIELDS)
    write_task_units([*created, *changed], units, replace=[task.pk for task, _ in changed])


# What a changed clause rewrites of its task (task.save() wrote them all).
_CHANGED_FIELDS = [
    "number",
    "label",
    "title",
    "text",
    "area",
    "leaders",
    "status",
    "withdrawn_at",
    "withdrawn_in",
    "version",
    "updated_at",
]


def _unit_names(task_ids: list[int]) -> dict[int, list[list[str]]]:
    """{task id: [[unit name, role], …] in position order} of these tasks, in one query."""
    found: dict[int, list[list[str]]] = {}
    if not task_ids:
        return found
    rows = (
        TaskUnit.objects.filter(task_id__in=task_ids)
        .order_by("task_id", "position")
        .values_list("task_id", "unit__name", "role")
    )
    for task_id, name, role in rows:
        found.setdefault(task_id, []).append([name, role])
    return found


def _task_state(task: Task, units: list[list[str]]) -> dict[str, Any]:
    return {
        "number": task.number,
        "label": task.ref,
        "title": task.title,
        "text": task.text,
        "area": task.area_id,
        "status": task.status,
        "units": units,
        "version": task.version,
    }


def _withdraw_tasks(
    document: PolicyDocument,
    gone: list[Task],
    history: dict[tuple[str, int], list[OldMilestone]],
    result: ImportResult,
    actor: Actor,
    milestones: MilestoneWrites,
) -> None:
    """撤销: the tasks and their milestones not closed leave everything that counts open work;
    so do their sub-tasks (分解任务), which ask for nothing once their clause is gone."""
    if not gone:
        return
    version, now = result.version, milestones.now
    assert version is not None, "_write made it first"
    subs: dict[int, list[Task]] = {}
    for sub in Task.objects.filter(parent__in=[t.pk for t in gone]).order_by("pk"):
        if sub.parent_id is not None and sub_task_withdrawn_with_clause(sub.status):
            subs.setdefault(sub.parent_id, []).append(sub)

    def record(task: Task, before: dict[str, Any], ids: list[int], reason: str = "") -> None:
        milestones.withdraw += ids
        after = {"status": Task.Status.WITHDRAWN, "document_version": version.number, "milestones_withdrawn": ids}
        result.events.append(
            AuditEntry(
                actor=actor,
                action=AuditAction.TASK_WITHDRAW,
                obj=task,
                before=before,
                after=after,
                reason=reason,
                document=document,
                task=task,
            )
        )

    for task in gone:
        was = {"status": task.status, "number": task.number, "label": task.ref, "text": task.text}
        task.status = Task.Status.WITHDRAWN
        ids = [m.id for m in withdrawn_with_clause(history.get(("task", task.pk), []))]
        record(task, was, ids)
        count = len(ids)
        for sub in subs.get(task.pk, []):
            sub_ids = [m.id for m in withdrawn_with_clause(history.get(("task", sub.pk), []))]
            before = {"status": sub.status, "number": sub.number, "label": sub.ref}
            record(sub, before, sub_ids, reason=f"上级任务第{task.ref}条已在文件新版本中撤销")
            count += len(sub_ids)
        result.milestones_withdrawn += count
        result.tasks_missing.append(task.number)
        result.warnings.append(MISSING_CLAUSE.format(label=task.ref))
        result.tasks_before[str(task.pk)] = {"number": task.number, "label": task.ref, "text": task.text}
    withdrawn = [t.pk for t in gone] + [sub.pk for group in subs.values() for sub in group]
    Task.objects.filter(pk__in=withdrawn).update(
        status=Task.Status.WITHDRAWN, withdrawn_at=now, withdrawn_in=version, version=F("version") + 1
    )


def old_milestones(queryset: QuerySet[Milestone]) -> dict[tuple[str, int], list[OldMilestone]]:
    """{("task", id) | ("area", id): its milestones in position order, as the plan reads them}.

    One query. History is anything a milestone may not lose: not open, a completion or
    extension request, a reported value, an urge."""
    on = OuterRef("pk")
    rows = (
        queryset.annotate(
            asked=Exists(CompletionRequest.objects.filter(milestone=on)),
            extended=Exists(ExtensionRequest.objects.filter(milestone=on)),
            reported=Exists(MilestoneValue.objects.filter(milestone=on)),
            urged=Exists(UrgeNotice.objects.filter(milestone=on)),
        )
        .order_by("task_id", "area_id", "position", "occurrence", "pk")
        .values_list(
            "pk", "task_id", "area_id", "text", "occurrence", "status", "asked", "extended", "reported", "urged"
        )
    )
    found: dict[tuple[str, int], list[OldMilestone]] = {}
    for pk, task_id, area_id, text, occurrence, status, *history in rows:
        owner = ("task", task_id) if task_id is not None else ("area", area_id)
        found.setdefault(owner, []).append(
            OldMilestone(
                id=pk,
                text=text,
                occurrence=occurrence,
                status=status,
                has_history=status != Milestone.Status.OPEN or any(history),
            )
        )
    return found
