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
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet

from accounts.models import Unit, UnitAlias, User
from accounts.roles import is_admin
from duban.lib import clock
from policy_tasks.errors import ServiceError
from policy_tasks.models import (
    Area,
    AreaUnit,
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
from policy_tasks.parsing import ParsedDocument, ParsedMilestone, ParsedTask, parse_document, parse_source
from policy_tasks.parsing.corrections import apply_corrections
from policy_tasks.parsing.sources import read_source
from policy_tasks.permissions import require
from policy_tasks.services.audit import SYSTEM, Actor, RequestMeta, actor_for, audit_record
from policy_tasks.services.import_plan import (
    UNCHANGED,
    ClausePlan,
    NewClause,
    OldClause,
    OldMilestone,
    expand_milestones,
    plan_clauses,
    plan_milestones,
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
# Written on requests left pending on a milestone the new version withdraws.
WITHDRAWN_REASON = "文件新版本已撤销该条款或节点"
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
) -> ImportResult:
    """Parse and write a document. `user=None` means the system (commands, demo data).

    `unit_mapping` maps a name as written to an existing unit; the name then becomes
    one of that unit's aliases (how the review page corrects a new-unit guess). The file
    (`data`, or `text` kept as UTF-8 `document.txt`) is kept as the new DocumentVersion.
    """
    if user is not None:
        require(user, "document.import")
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
            audit_record(
                actor=actor,
                action="document.import" if result.created else "document.reimport",
                obj=result.document,
                before=None if before is None else {**before, "tasks": result.tasks_before},
                after={**_version_state(result.version), "tasks": result.tasks_after, **result.summary()},
                document=result.document,
            )
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
    units = _resolve_units(parsed, result, mapping)
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
    history = old_milestones(Milestone.objects.filter(document=document))
    areas = _write_areas(document, parsed, units, history, result.version)
    _write_tasks(document, parsed, units, areas, history, result, actor)
    result.version.summary = result.summary()
    result.version.save(update_fields=["summary"])


def _resolve_units(parsed: ParsedDocument, result: ImportResult, mapping: dict[str, Unit]) -> dict[str, Unit]:
    resolved: dict[str, Unit] = {}
    for ref in parsed.units:
        written = [ref.name, *ref.aliases]
        unit = next((mapping[n] for n in written if n in mapping), None)
        if unit is None:
            unit = next((u for n in written if (u := Unit.objects.resolve(n)) is not None), None)
        if unit is None:
            unit = Unit.objects.create(name=ref.name, kind=ref.kind)
            result.new_units.append(ref.name)
        else:
            result.matched_units.append(ref.name)
        known = {unit.name, *unit.aliases.values_list("alias", flat=True)}
        for name in written:
            if name not in known and Unit.objects.resolve(name) is None:
                UnitAlias.objects.create(unit=unit, alias=name)
                known.add(name)
        resolved[ref.name] = unit
    return resolved


def _write_areas(
    document: PolicyDocument,
    parsed: ParsedDocument,
    units: dict[str, Unit],
    history: dict[tuple[str, int], list[OldMilestone]],
    version: DocumentVersion,
) -> dict[int, Area]:
    areas: dict[int, Area] = {}
    for pa in parsed.areas:
        area, _ = Area.objects.update_or_create(
            document=document, number=pa.number, defaults={"title": pa.title, "intro": pa.intro}
        )
        AreaUnit.objects.filter(area=area).delete()
        AreaUnit.objects.bulk_create(
            AreaUnit(area=area, unit=units[name], position=i) for i, name in enumerate(pa.lead_units)
        )
        _sync_milestones(document, pa.milestones, history.get(("area", area.pk), []), version, area=area)
        areas[pa.number] = area
    return areas


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
) -> None:
    tasks = {t.pk: t for t in Task.objects.clauses().filter(document=document)}
    area_numbers: dict[int | None, int] = dict(Area.objects.filter(document=document).values_list("pk", "number"))
    old = [
        OldClause(
            id=t.pk,
            number=t.number,
            label=t.ref,
            text=t.text,
            area=area_numbers.get(t.area_id),
            withdrawn=t.status == Task.Status.WITHDRAWN,
        )
        for t in tasks.values()
    ]
    plan = result.plan = plan_clauses(old, new_clauses(parsed))
    version, now = result.version, clock.now()
    assert version is not None, "_write made it first"
    before_doc, after_doc = result.tasks_before, result.tasks_after

    # 1. Withdraw first: a withdrawn task leaves the numbering (task_number_unique binds the
    #    clauses in force only), so its number is free for the new order.
    for gone in plan.withdrawn:
        task = tasks[gone.id]
        withdrawn = _withdraw_task(document, task, history.get(("task", task.pk), []), version, now, actor)
        result.milestones_withdrawn += withdrawn
        result.tasks_missing.append(task.number)
        result.warnings.append(MISSING_CLAUSE.format(label=task.ref))
        before_doc[str(task.pk)] = {"number": task.number, "label": task.ref, "text": task.text}
    # 2. Tasks whose number changes step aside to numbers no clause has, so that moving 1→2
    #    and 2→3 in either order never meets a number still taken. (A deferrable constraint
    #    would do on PostgreSQL but not on SQLite, and not as a partial index.)
    for match in plan.matches:
        pt = parsed.tasks[match.new_index]
        if match.old is not None and not match.old.withdrawn and match.old.number != pt.number:
            Task.objects.filter(pk=match.old.id).update(number=_TEMPORARY_NUMBER + match.new_index)
    # 3. Every clause of the new version, in order.
    for match in plan.matches:
        pt = parsed.tasks[match.new_index]
        area = areas.get(pt.area) if pt.area is not None else None
        label = clause_label(pt)
        if match.old is None:
            task = Task.objects.create(
                document=document,
                area=area,
                number=pt.number,
                label=label,
                title=pt.title,
                text=pt.text,
                leaders=pt.leaders,
            )
            result.tasks_created += 1
            _write_units(task, pt, units)
            counts = _sync_milestones(document, pt.milestones, [], version, task=task)
            result.milestones_created += counts["created"]
            continue
        task = tasks[match.old.id]
        if match.status == UNCHANGED:
            result.tasks_unchanged += 1
            if (task.number, task.label) != (pt.number, label) or match.old.number != pt.number:
                # Renumbered by a clause inserted or dropped before it: bookkeeping, not a change.
                Task.objects.filter(pk=task.pk).update(number=pt.number, label=label)
            continue
        was = _task_state(task)
        task.number, task.label, task.title, task.text = pt.number, label, pt.title, pt.text
        task.area, task.leaders = area, pt.leaders
        if task.status == Task.Status.WITHDRAWN:
            task.status, task.withdrawn_at, task.withdrawn_in = Task.Status.OPEN, None, None
        task.version += 1
        task.save()
        result.tasks_updated += 1
        _write_units(task, pt, units)
        counts = _sync_milestones(document, pt.milestones, history.get(("task", task.pk), []), version, task=task)
        result.milestones_created += counts["created"]
        result.milestones_removed += counts["removed"]
        result.milestones_updated += counts["updated"]
        result.milestones_withdrawn += counts["withdrawn"]
        now_state = _task_state(task)
        audit_record(
            actor=actor,
            action="task.reimport",
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
        before_doc[str(task.pk)] = {key: was[key] for key in ("number", "label", "text")}
        after_doc[str(task.pk)] = {key: now_state[key] for key in ("number", "label", "text")}


def _task_state(task: Task) -> dict[str, Any]:
    units = list(TaskUnit.objects.filter(task=task).order_by("position").values_list("unit__name", "role"))
    return {
        "number": task.number,
        "label": task.ref,
        "title": task.title,
        "text": task.text,
        "area": task.area_id,
        "status": task.status,
        "units": [[name, role] for name, role in units],
        "version": task.version,
    }


def _write_units(task: Task, pt: ParsedTask, units: dict[str, Unit]) -> None:
    TaskUnit.objects.filter(task=task).delete()
    rows = [(name, TaskUnit.Role.LEAD) for name in pt.lead_units]
    rows += [(name, TaskUnit.Role.CO) for name in pt.co_units if name not in pt.lead_units]
    TaskUnit.objects.bulk_create(
        TaskUnit(task=task, unit=units[name], role=role, position=i) for i, (name, role) in enumerate(rows)
    )


def _withdraw_task(
    document: PolicyDocument,
    task: Task,
    milestones: list[OldMilestone],
    version: DocumentVersion,
    now: datetime,
    actor: Actor,
) -> int:
    """撤销: the task and its milestones not closed leave everything that counts open work."""
    was = {"status": task.status, "number": task.number, "label": task.ref, "text": task.text}
    Task.objects.filter(pk=task.pk).update(
        status=Task.Status.WITHDRAWN, withdrawn_at=now, withdrawn_in=version, version=task.version + 1
    )
    task.status = Task.Status.WITHDRAWN
    ids = [m.id for m in milestones if not m.closed and not m.withdrawn]
    _withdraw_milestones(ids, version, now)
    audit_record(
        actor=actor,
        action="task.withdraw",
        obj=task,
        before=was,
        after={"status": Task.Status.WITHDRAWN, "document_version": version.number, "milestones_withdrawn": ids},
        document=document,
        task=task,
    )
    return len(ids) + _withdraw_sub_tasks(document, task, version, now, actor)


def _withdraw_sub_tasks(
    document: PolicyDocument, parent: Task, version: DocumentVersion, now: datetime, actor: Actor
) -> int:
    """A withdrawn clause's sub-tasks (分解任务) ask for nothing either: each is withdrawn with it."""
    count = 0
    for sub in Task.objects.filter(parent=parent).exclude(status__in=(Task.Status.CLOSED, Task.Status.WITHDRAWN)):
        ids = list(Milestone.objects.live().filter(task=sub).values_list("pk", flat=True))
        Task.objects.filter(pk=sub.pk).update(
            status=Task.Status.WITHDRAWN, withdrawn_at=now, withdrawn_in=version, version=sub.version + 1
        )
        _withdraw_milestones(ids, version, now)
        audit_record(
            actor=actor,
            action="task.withdraw",
            obj=sub,
            before={"status": sub.status, "number": sub.number, "label": sub.ref},
            after={"status": Task.Status.WITHDRAWN, "document_version": version.number, "milestones_withdrawn": ids},
            reason=f"上级任务第{parent.ref}条已在文件新版本中撤销",
            document=document,
            task=sub,
        )
        count += len(ids)
    return count


def _withdraw_milestones(ids: list[int], version: DocumentVersion, now: datetime) -> None:
    if not ids:
        return
    for m in Milestone.objects.filter(pk__in=ids).only("pk", "version"):
        Milestone.objects.filter(pk=m.pk).update(
            status=Milestone.Status.WITHDRAWN, withdrawn_at=now, withdrawn_in=version, version=m.version + 1
        )
    # A request waiting on work that is no longer asked for would wait for ever.
    CompletionRequest.objects.filter(milestone_id__in=ids, status=CompletionRequest.Status.PENDING).update(
        status=CompletionRequest.Status.RETURNED, decided_at=now, decision_reason=WITHDRAWN_REASON
    )
    ExtensionRequest.objects.filter(milestone_id__in=ids, status=ExtensionRequest.Status.PENDING).update(
        status=ExtensionRequest.Status.REFUSED, decided_at=now, decision_note=WITHDRAWN_REASON
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


def _milestone_fields(pm: ParsedMilestone, position: int, occurrence: int | None) -> dict[str, Any]:
    due = pm.occurrences[occurrence - 1] if occurrence else pm.due_date
    return {
        "position": position,
        "text": pm.text,
        "start": pm.start,
        "end": pm.end,
        "kind": Milestone.Kind.RECURRING if occurrence else pm.kind,
        "time_expression": pm.time_expression or "",
        "due_date": due,
        "target_value": None if pm.target_value is None else Decimal(str(pm.target_value)),
        "target_unit": pm.target_unit or "",
        "recurrence": pm.recurrence or "",
        "occurrence": occurrence,
    }


def _sync_milestones(
    document: PolicyDocument,
    parsed_milestones: Sequence[ParsedMilestone],
    old: list[OldMilestone],
    version: DocumentVersion,
    *,
    task: Task | None = None,
    area: Area | None = None,
) -> dict[str, int]:
    """Apply the milestone plan of one task or area: keep matched rows (updating a corrected
    wording or date in place), create the new, delete/keep/withdraw the gone."""
    owner: dict[str, Task | Area | None] = {"task": task} if task is not None else {"area": area}
    rows = expand_milestones(parsed_milestones)
    keys = [key for _, _, key in rows]
    plan = plan_milestones(old, keys)
    # Counted as the preview counts them (a corrected wording, or back from withdrawn).
    counts = {"created": plan.created, "removed": len(plan.deleted), "updated": plan.updated(keys), "withdrawn": 0}
    kept = Milestone.objects.in_bulk([m.id for m in plan.matches if m is not None])
    now = clock.now()
    for (position, pm, key), match in zip(rows, plan.matches, strict=True):
        fields = _milestone_fields(pm, position, key.occurrence)
        if match is None:
            Milestone.objects.create(document=document, original_due_date=fields["due_date"], **fields, **owner)
            continue
        m = kept[match.id]
        changed = m.text != pm.text or m.status == Milestone.Status.WITHDRAWN
        updates = {name: fields[name] for name in ("position", "start", "end")}
        if m.text != pm.text:
            updates.update({k: fields[k] for k in ("text", "kind", "time_expression", "target_value", "target_unit")})
            updates.update(recurrence=fields["recurrence"], occurrence=fields["occurrence"])
        if fields["due_date"] != m.original_due_date:
            # The document moved the deadline: it replaces the old one (and any extension of it).
            updates.update(due_date=fields["due_date"], original_due_date=fields["due_date"])
            changed = True
        if m.status == Milestone.Status.WITHDRAWN:
            updates.update(status=Milestone.Status.OPEN, withdrawn_at=None, withdrawn_in=None)
        if changed:
            updates["version"] = m.version + 1
        if any(getattr(m, name) != value for name, value in updates.items()):
            Milestone.objects.filter(pk=m.pk).update(**updates)
    Milestone.objects.filter(pk__in=[m.id for m in plan.deleted]).delete()
    # Their wording is no longer in the clause: a span into the old text would mark other words.
    Milestone.objects.filter(pk__in=[m.id for m in (*plan.withdrawn, *plan.kept_closed)]).update(start=0, end=0)
    _withdraw_milestones([m.id for m in plan.withdrawn], version, now)
    counts["withdrawn"] = len(plan.withdrawn)
    return counts
