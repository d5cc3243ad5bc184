"""Importing a policy document: parsed text in, document/areas/units/tasks/milestones out.

One transaction: either everything of an import is written or nothing is. A dry
run does the same work and rolls it back, so its preview counts are exact.
Re-importing a corrected version keeps every clause whose text did not change
as it is (with its reports and closed milestones); changed clauses are updated
in place and keep the milestones whose wording survived.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import transaction

from accounts.models import Unit, UnitAlias
from policy_tasks.errors import ServiceError
from policy_tasks.models import Area, AreaUnit, Milestone, PolicyDocument, Task, TaskUnit
from policy_tasks.parsing import ParsedDocument, parse_document, parse_source
from policy_tasks.parsing.corrections import apply_corrections
from policy_tasks.parsing.sources import read_source
from policy_tasks.permissions import require
from policy_tasks.services.audit import SYSTEM, RequestMeta, actor_for, audit_record
from policy_tasks.services.periods import document_generate_periods


@dataclass
class ImportResult:
    parsed: ParsedDocument
    document: PolicyDocument | None = None
    created: bool = False
    changed: bool = True
    dry_run: bool = False
    new_units: list[str] = field(default_factory=list)
    matched_units: list[str] = field(default_factory=list)
    tasks_created: int = 0
    tasks_updated: int = 0
    tasks_unchanged: int = 0
    tasks_missing: list[int] = field(default_factory=list)
    milestones_created: int = 0
    milestones_removed: int = 0
    warnings: list[str] = field(default_factory=list)

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
)

# Shared with the preview (selectors/imports.py) so both say exactly the same thing.
DUPLICATE_CLAUSE = "条款序号 {number} 重复出现（第 {line} 行），请核对原文后再导入"
MISSING_CLAUSE = "条款 {number} 不在新版本中，已保留原任务"


class _DryRunRollback(Exception):
    pass


def document_import(
    *,
    text: str | None = None,
    data: bytes | None = None,
    filename: str = "document.txt",
    corrections: dict | None = None,
    user: Any = None,
    year: int | None = None,
    dry_run: bool = False,
    unit_mapping: dict[str, Unit] | None = None,
    meta: RequestMeta | None = None,
) -> ImportResult:
    """Parse and write a document. `user=None` means the system (commands, demo data).

    `unit_mapping` maps a name as written to an existing unit; the name then becomes
    one of that unit's aliases (how the review page corrects a new-unit guess).
    """
    if user is not None:
        require(user, "document.import")
    parsed = read_upload(text=text, data=data, filename=filename, year=year, corrections=corrections)
    text = parsed.source_text
    _refuse_duplicate_clauses(parsed)
    result = ImportResult(parsed=parsed, dry_run=dry_run)
    digest = hashlib.sha256(text.encode()).hexdigest()
    existing = PolicyDocument.objects.filter(doc_number=parsed.doc_number).first()
    if existing is not None and existing.sha256 == digest:
        result.document = existing
        result.changed = False
        result.tasks_unchanged = len(parsed.tasks)
        return result
    try:
        with transaction.atomic():
            _write(parsed, text, digest, existing, result, unit_mapping or {})
            actor = actor_for(user, role="admin", meta=meta) if user is not None else SYSTEM
            audit_record(
                actor=actor,
                action="document.import" if result.created else "document.reimport",
                obj=result.document,
                before=None if result.created else {"sha256": existing.sha256},
                after={"sha256": digest, **result.summary()},
                document=result.document,
            )
            # Reporting periods follow the document's dates; existing ones are kept.
            document_generate_periods(document=result.document, actor=actor)
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    return result


def read_upload(
    *,
    text: str | None = None,
    data: bytes | None = None,
    filename: str = "document.txt",
    year: int | None = None,
    corrections: dict | None = None,
) -> ParsedDocument:
    """The one way an import or a preview reads its input: a file's bytes, or text already decoded."""
    if data is not None:
        parsed = parse_source(read_source(data, filename), year=year)
    else:
        parsed = parse_document(text or "", year=year)
    return apply_corrections(parsed, corrections)


def _refuse_duplicate_clauses(parsed: ParsedDocument) -> None:
    seen: set[int] = set()
    for task in parsed.tasks:
        if task.number in seen:
            raise ServiceError(DUPLICATE_CLAUSE.format(number=task.number, line=task.line), field="text")
        seen.add(task.number)


def _write(parsed, text, digest, existing, result: ImportResult, mapping: dict[str, Unit]) -> None:
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
    areas = _write_areas(document, parsed, units)
    _write_tasks(document, parsed, units, areas, result)


def _resolve_units(parsed, result: ImportResult, mapping: dict[str, Unit]) -> dict[str, Unit]:
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


def _write_areas(document, parsed, units) -> dict[int, Area]:
    areas: dict[int, Area] = {}
    for pa in parsed.areas:
        area, _ = Area.objects.update_or_create(
            document=document, number=pa.number, defaults={"title": pa.title, "intro": pa.intro}
        )
        AreaUnit.objects.filter(area=area).delete()
        AreaUnit.objects.bulk_create(
            AreaUnit(area=area, unit=units[name], position=i) for i, name in enumerate(pa.lead_units)
        )
        _sync_milestones(document, pa.milestones, area=area)
        areas[pa.number] = area
    return areas


def _write_tasks(document, parsed, units, areas, result: ImportResult) -> None:
    current = {t.number: t for t in Task.objects.filter(document=document)}
    seen: set[int] = set()
    for pt in parsed.tasks:
        seen.add(pt.number)
        task = current.get(pt.number)
        area = areas.get(pt.area) if pt.area is not None else None
        if task is not None and task.text == pt.text and task.area_id == (area.pk if area else None):
            result.tasks_unchanged += 1
            continue
        if task is None:
            task = Task.objects.create(
                document=document, area=area, number=pt.number, title=pt.title, text=pt.text, leaders=pt.leaders
            )
            result.tasks_created += 1
        else:
            task.title, task.text, task.area, task.leaders = pt.title, pt.text, area, pt.leaders
            task.version += 1
            task.save()
            result.tasks_updated += 1
        TaskUnit.objects.filter(task=task).delete()
        rows = [(name, TaskUnit.Role.LEAD) for name in pt.lead_units]
        rows += [(name, TaskUnit.Role.CO) for name in pt.co_units if name not in pt.lead_units]
        TaskUnit.objects.bulk_create(
            TaskUnit(task=task, unit=units[name], role=role, position=i) for i, (name, role) in enumerate(rows)
        )
        created, removed = _sync_milestones(document, pt.milestones, task=task)
        result.milestones_created += created
        result.milestones_removed += removed
    result.tasks_missing = sorted(set(current) - seen)
    for number in result.tasks_missing:
        # Never dropped: its reports and audit events must stay attached to something.
        result.warnings.append(MISSING_CLAUSE.format(number=number))


def _has_history(milestone: Milestone) -> bool:
    return (
        milestone.status != Milestone.Status.OPEN
        or milestone.completion_requests.exists()
        or milestone.extension_requests.exists()
        or milestone.values.exists()
        or milestone.urges.exists()
    )


def _sync_milestones(document, parsed_milestones, *, task=None, area=None) -> tuple[int, int]:
    """Keep milestones whose wording survived (with their state), add new ones, drop the rest."""
    owner = {"task": task} if task is not None else {"area": area}
    existing = {m.text: m for m in Milestone.objects.filter(**owner)}
    created = removed = 0
    wanted: set[str] = set()
    for position, pm in enumerate(parsed_milestones):
        wanted.add(pm.text)
        kept = existing.get(pm.text)
        if kept is not None:
            if (kept.start, kept.end, kept.position) != (pm.start, pm.end, position):
                kept.start, kept.end, kept.position = pm.start, pm.end, position
                kept.save(update_fields=["start", "end", "position"])
            continue
        Milestone.objects.create(
            document=document,
            position=position,
            text=pm.text,
            start=pm.start,
            end=pm.end,
            kind=pm.kind,
            time_expression=pm.time_expression or "",
            due_date=pm.due_date,
            original_due_date=pm.due_date,
            target_value=None if pm.target_value is None else Decimal(str(pm.target_value)),
            target_unit=pm.target_unit or "",
            **owner,
        )
        created += 1
    for text, milestone in existing.items():
        if text not in wanted and not _has_history(milestone):
            milestone.delete()
            removed += 1
    return created, removed
