"""Importing a policy document: parsed text in, document/areas/units/tasks/milestones out.

One transaction: either everything of an import is written or nothing is. A dry
run does the same work and rolls it back, so its preview counts are exact.

Every import that changes something keeps the file as it arrived in a DocumentVersion
(bytes, text, the reviewer's corrections, what the import did). A re-import matches the
new version's clauses to the existing tasks by content and place (services/import_plan.py,
shared with the preview), never by number, so inserting a clause moves no history:
- unchanged clauses keep their task as it is (renumbered if the document's order moved);
- changed clauses are updated in place, with their reports, requests and urges; their
  milestones are matched the same way, so a corrected target keeps its row and history;
- new clauses become new tasks;
- clauses the new version no longer has are withdrawn (已撤销), never deleted: their
  milestones still open are withdrawn too (已作废) and leave reminders, the ledger, the
  lights and the scores. A milestone whose wording left a changed clause is deleted if it
  has no history, kept if it was closed, withdrawn otherwise.
The audit row of a re-import records the true before (the old text hash, version number
and each changed clause's old text) and after; each changed or withdrawn task gets its own.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.db.models import Exists, F, OuterRef, QuerySet

from accounts.models import Unit, User
from accounts.roles import is_admin
from duban.lib import clock
from policy_tasks.errors import ServiceError
from policy_tasks.models import (
    Area,
    AuditAction,
    CompletionRequest,
    DocumentVersion,
    ExtensionRequest,
    Milestone,
    MilestoneValue,
    PolicyDocument,
    Task,
    TaskUnit,
    UrgeNotice,
)
from policy_tasks.parsing import ParsedDocument, ParsedTask, parse_document, parse_source
from policy_tasks.parsing.corrections import apply_corrections
from policy_tasks.parsing.sources import read_source
from policy_tasks.permissions import require
from policy_tasks.services.audit import SYSTEM, Actor, AuditEntry, RequestMeta, actor_for, audit_record_many
from policy_tasks.services.import_plan import (
    UNCHANGED,
    ClausePlan,
    NewClause,
    OldClause,
    OldMilestone,
    plan_clauses,
)
from policy_tasks.services.import_writes import (
    WITHDRAWN_REASON as WITHDRAWN_REASON,  # re-exported: where the tests and callers read it
)
from policy_tasks.services.import_writes import (
    MilestoneWrites,
    resolve_units,
    unit_rows,
    write_areas,
    write_task_units,
)
from policy_tasks.services.periods import document_generate_periods


@dataclass
class ImportResult:
    parsed: ParsedDocument
    document: PolicyDocument | None = None
    version: DocumentVersion | None = None
    created: bool = False
    changed: bool = True
    dry_run: bool = False
    new_units: list[str] = field(default_factory=list)
    matched_units: list[str] = field(default_factory=list)
    tasks_created: int = 0
    tasks_updated: int = 0
    tasks_unchanged: int = 0
    tasks_missing: list[int] = field(default_factory=list)  # old numbers of the clauses withdrawn
    milestones_created: int = 0
    milestones_removed: int = 0
    milestones_updated: int = 0
    milestones_withdrawn: int = 0
    warnings: list[str] = field(default_factory=list)
    plan: ClausePlan | None = None
    # {task id: {number, label, text}} of the clauses changed or withdrawn, before and after.
    tasks_before: dict[str, dict[str, Any]] = field(default_factory=dict)
    tasks_after: dict[str, dict[str, Any]] = field(default_factory=dict)
    # The tasks' audit events, written with the document's in one batch at the end.
    events: list[AuditEntry] = field(default_factory=list)

    def summary(self) -> dict[str, Any]:
        return {key: getattr(self, key) for key in SUMMARY_FIELDS}


# What an import (or its preview) reports, in this order.
SUMMARY_FIELDS = (
    "created",
    "changed",
    "new_units",
    "tasks_created",
    "tasks_updated",
    "tasks_unchanged",
    "tasks_missing",
    "milestones_created",
    "milestones_removed",
    "milestones_updated",
    "milestones_withdrawn",
)

# Shared with the preview (selectors/imports.py) so both say exactly the same thing.
DUPLICATE_CLAUSE = "条款序号 {number} 重复出现（第 {line} 行），请核对原文后再导入"
MISSING_CLAUSE = "条款 {label} 不在新版本中，原任务将撤销（保留其办理记录）"
# Renumbering moves tasks through numbers no clause has (see _write_tasks).
_TEMPORARY_NUMBER = 16384


class _DryRunRollback(Exception):
    pass


@dataclass(frozen=True)
class _Source:
    data: bytes
    filename: str
    corrections: dict[str, Any]


def document_import(
    *,
    text: str | None = None,
    data: bytes | None = None,
    filename: str = "document.txt",
    corrections: dict[str, Any] | None = None,
    user: User | None = None,
    year: int | None = None,
    dry_run: bool = False,
    unit_mapping: dict[str, Unit] | None = None,
    meta: RequestMeta | None = None,
    parsed: ParsedDocument | None = None,
) -> ImportResult:
    """Parse and write a document. `user=None` means the system (commands, demo data).

    `unit_mapping` maps a name as written to an existing unit; the name then becomes
    one of that unit's aliases (how the review page corrects a new-unit guess). The file
    (`data`, or `text` kept as UTF-8 `document.txt`) is kept as the new DocumentVersion.
    `parsed` is what `read_upload` made of that same file with those corrections, when the
    caller has read it already (the review page): the document is then not parsed again.
    """
    if user is not None:
        require(user, "document.import")
    if parsed is None:
        parsed = read_upload(text=text, data=data, filename=filename, year=year, corrections=corrections)
    text = parsed.source_text
    _refuse_duplicate_clauses(parsed)
    result = ImportResult(parsed=parsed, dry_run=dry_run)
    digest = text_digest(text)
    existing = PolicyDocument.objects.filter(doc_number=parsed.doc_number).first()
    # The same text again changes nothing, unless a reviewer corrected what was read from it.
    if existing is not None and existing.sha256 == digest and not any(t.corrected for t in parsed.tasks):
        result.document = existing
        result.changed = False
        result.tasks_unchanged = len(parsed.tasks)
        return result
    source = _Source(
        data=data if data is not None else text.encode(),
        filename=filename if data is not None else "document.txt",
        corrections=corrections or {},
    )
    try:
        with transaction.atomic():
            actor = actor_for(user, role=_import_role(user), meta=meta) if user is not None else SYSTEM
            before = _document_state(existing) if existing is not None else None
            _write(parsed, text, digest, existing, result, unit_mapping or {}, source, actor)
            assert result.document is not None and result.version is not None, "_write sets both"
            document_event = AuditEntry(
                actor=actor,
                action=AuditAction.DOCUMENT_IMPORT if result.created else AuditAction.DOCUMENT_REIMPORT,
                obj=result.document,
                before=None if before is None else {**before, "tasks": result.tasks_before},
                after={**_version_state(result.version), "tasks": result.tasks_after, **result.summary()},
                document=result.document,
            )
            audit_record_many([*result.events, document_event])
            # Reporting periods follow the document's dates; existing ones are kept.
            document_generate_periods(document=result.document, actor=actor)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    return result


def _import_role(user: User) -> str:
    """The role the audit trail records for an import: admins and supervisors may both import."""
    return "admin" if is_admin(user) else "supervisor"


def text_digest(text: str) -> str:
    """PolicyDocument.sha256: the extracted text's hash (the same text from another file is no change)."""
    return hashlib.sha256(text.encode()).hexdigest()


def read_upload(
    *,
    text: str | None = None,
    data: bytes | None = None,
    filename: str = "document.txt",
    year: int | None = None,
    corrections: dict[str, Any] | None = None,
) -> ParsedDocument:
    """The one way an import or a preview reads its input: a file's bytes, or text already decoded."""
    # A plan that states no year at all is read in the current one, and says so for the review.
    assume = clock.today().year
    if data is not None:
        parsed = parse_source(read_source(data, filename), year=year, assume_year=assume)
    else:
        parsed = parse_document(text or "", year=year, assume_year=assume)
    return apply_corrections(parsed, corrections)


def _refuse_duplicate_clauses(parsed: ParsedDocument) -> None:
    seen: set[int] = set()
    for task in parsed.tasks:
        if task.number in seen:
            raise ServiceError(DUPLICATE_CLAUSE.format(number=task.number, line=task.line), field="text")
        seen.add(task.number)


def clause_label(pt: ParsedTask) -> str:
    return pt.label or str(pt.number)


def _document_state(document: PolicyDocument) -> dict[str, Any]:
    """The version a re-import replaces, read before anything is written."""
    current = document.versions.order_by("-number").only("sha256").first()
    return {
        "sha256": document.sha256,
        "version": document.version,
        "source_sha256": current.sha256 if current is not None else None,
    }


def _version_state(version: DocumentVersion) -> dict[str, Any]:
    return {"sha256": version.text_sha256, "version": version.number, "source_sha256": version.sha256}


def _write(
    parsed: ParsedDocument,
    text: str,
    digest: str,
    existing: PolicyDocument | None,
    result: ImportResult,
    mapping: dict[str, Unit],
    source: _Source,
    actor: Actor,
) -> None:
    units = resolve_units(parsed, mapping, result.new_units, result.matched_units)
    fields = {
        "title": parsed.title,
        "issued_on": parsed.issued_on,
        "year": parsed.year,
        "default_due": parsed.default_due,
        "source_text": text,
        "sha256": digest,
    }
    if existing is None:
        document = PolicyDocument.objects.create(doc_number=parsed.doc_number, **fields)
        result.created = True
    else:
        document = existing
        for key, value in fields.items():
            setattr(document, key, value)
        document.version += 1
        document.save()
    result.document = document
    user = actor.user if isinstance(actor.user, User) and actor.user.is_authenticated else None
    result.version = DocumentVersion.objects.create(
        document=document,
        number=document.version,
        filename=source.filename,
        source_kind=parsed.source_kind,
        source=source.data,
        size=len(source.data),
        sha256=hashlib.sha256(source.data).hexdigest(),
        text_sha256=digest,
        text=text,
        corrections=source.corrections,
        imported_by=user,
        created_at=clock.now(),
    )
    # A first import has no rows to compare with: two reads fewer.
    history = old_milestones(Milestone.objects.filter(document=document)) if existing is not None else {}
    kept = Milestone.objects.filter(document=document).in_bulk() if existing is not None else {}
    milestones = MilestoneWrites(document=document, version=result.version, now=clock.now(), kept=kept)
    areas = write_areas(document, parsed, units, history, milestones)
    _write_tasks(document, parsed, units, areas, history, result, actor, milestones)
    milestones.flush()
    result.version.summary = result.summary()
    result.version.save(update_fields=["summary"])


def new_clauses(parsed: ParsedDocument) -> list[NewClause]:
    """The parsed clauses as the plan compares them: text, and area number if the text has that area."""
    numbers = {a.number for a in parsed.areas}
    return [
        NewClause(text=pt.text, area=pt.area if pt.area in numbers else None, corrected=pt.corrected)
        for pt in parsed.tasks
    ]


def _write_tasks(
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
    for sub in Task.objects.filter(parent__in=[t.pk for t in gone]).exclude(
        status__in=(Task.Status.CLOSED, Task.Status.WITHDRAWN)
    ):
        if sub.parent_id is not None:  # filtered on parent above
            subs.setdefault(sub.parent_id, []).append(sub)
    live: dict[int, list[int]] = {}
    if subs:
        sub_ids = [sub.pk for group in subs.values() for sub in group]
        for pk, task_id in Milestone.objects.live().filter(task__in=sub_ids).order_by("pk").values_list("pk", "task"):
            live.setdefault(task_id, []).append(pk)
    for task in gone:
        was = {"status": task.status, "number": task.number, "label": task.ref, "text": task.text}
        task.status = Task.Status.WITHDRAWN
        ids = [m.id for m in history.get(("task", task.pk), []) if not m.closed and not m.withdrawn]
        milestones.withdraw += ids
        result.events.append(
            AuditEntry(
                actor=actor,
                action=AuditAction.TASK_WITHDRAW,
                obj=task,
                before=was,
                after={
                    "status": Task.Status.WITHDRAWN,
                    "document_version": version.number,
                    "milestones_withdrawn": ids,
                },
                document=document,
                task=task,
            )
        )
        count = len(ids)
        for sub in subs.get(task.pk, []):
            sub_ids = live.get(sub.pk, [])
            milestones.withdraw += sub_ids
            result.events.append(
                AuditEntry(
                    actor=actor,
                    action=AuditAction.TASK_WITHDRAW,
                    obj=sub,
                    before={"status": sub.status, "number": sub.number, "label": sub.ref},
                    after={
                        "status": Task.Status.WITHDRAWN,
                        "document_version": version.number,
                        "milestones_withdrawn": sub_ids,
                    },
                    reason=f"上级任务第{task.ref}条已在文件新版本中撤销",
                    document=document,
                    task=sub,
                )
            )
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
