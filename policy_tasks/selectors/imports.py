"""What importing a text would do, read without writing anything.

`document_import(dry_run=True)` answers the same question by doing the import and
rolling it back: exact, but it takes write locks and its queries grow with the
document (several per unit, task and milestone). This reads what the import would
compare against in a fixed number of queries (the existing document; its areas, its
tasks and their milestones; every written unit name at once) and replays the
import's rules in memory. tests/imports/test_preview.py holds both to the same
answers, so a rule changed in services/imports.py must be changed here as well.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef

from accounts.models import Unit, UnitAlias
from accounts.names import normalise_unit_name
from policy_tasks.models import (
    Area,
    CompletionRequest,
    ExtensionRequest,
    Milestone,
    MilestoneValue,
    PolicyDocument,
    Task,
    UrgeNotice,
)
from policy_tasks.parsing import ParsedDocument, ParsedTask
from policy_tasks.services.imports import DUPLICATE_CLAUSE, MISSING_CLAUSE, SUMMARY_FIELDS, read_upload

NEW, CHANGED, UNCHANGED = "new", "changed", "unchanged"
# The id of an area the import would create: equal to no existing task's area.
_NEW_AREA = object()


@dataclass
class UnitPreview:
    """One unit as the document writes it, and what the import would make of it."""

    name: str
    aliases: list[str]
    kind: str
    unit: Unit | None = None  # the existing unit it resolves to
    mapped: bool = False  # the admin chose `unit` through unit_mapping
    same_as: str | None = None  # another unit of this document that the import creates first
    new_aliases: list[str] = field(default_factory=list)  # written names recorded as aliases

    @property
    def is_new(self) -> bool:
        return self.unit is None and self.same_as is None

    @property
    def target_name(self) -> str:
        if self.unit is not None:
            return self.unit.name
        return self.same_as or self.name


@dataclass
class TaskPreview:
    parsed: ParsedTask
    status: str  # NEW | CHANGED | UNCHANGED
    changes: list[str] = field(default_factory=list)  # "text", "area"
    milestones_created: int = 0
    milestones_removed: int = 0
    milestones_kept: int = 0  # wording gone from the text, kept because it has history
    duplicate: bool = False


@dataclass
class ImportPreview:
    parsed: ParsedDocument
    existing: PolicyDocument | None
    changed: bool = True
    units: list[UnitPreview] = field(default_factory=list)
    tasks: list[TaskPreview] = field(default_factory=list)
    tasks_missing: list[int] = field(default_factory=list)
    missing_titles: dict[int, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # the import would refuse the text

    @property
    def created(self) -> bool:
        return self.existing is None

    @property
    def new_units(self) -> list[str]:
        return [u.name for u in self.units if u.is_new]

    @property
    def matched_units(self) -> list[str]:
        return [u.name for u in self.units if not u.is_new]

    def _count(self, status: str) -> int:
        return sum(1 for t in self.tasks if t.status == status)

    @property
    def tasks_created(self) -> int:
        return self._count(NEW)

    @property
    def tasks_updated(self) -> int:
        return self._count(CHANGED)

    @property
    def tasks_unchanged(self) -> int:
        return self._count(UNCHANGED)

    @property
    def milestones_created(self) -> int:
        return sum(t.milestones_created for t in self.tasks)

    @property
    def milestones_removed(self) -> int:
        return sum(t.milestones_removed for t in self.tasks)

    @property
    def duplicates(self) -> list[int]:
        return sorted({t.parsed.number for t in self.tasks if t.duplicate})

    def summary(self) -> dict[str, Any]:
        """The same keys and values as ImportResult.summary() for the same input."""
        return {key: getattr(self, key) for key in SUMMARY_FIELDS}


def document_preview(
    *,
    text: str | None = None,
    data: bytes | None = None,
    filename: str = "document.txt",
    corrections: dict | None = None,
    year: int | None = None,
    unit_mapping: dict[str, Unit] | None = None,
) -> ImportPreview:
    """What `document_import` would do with this file: three queries for a new document, six for
    a new version of one (however long either is). Raises ParseError like the import."""
    parsed = read_upload(text=text, data=data, filename=filename, year=year, corrections=corrections)
    text = parsed.source_text
    existing = (
        PolicyDocument.objects.filter(doc_number=parsed.doc_number)
        .only("pk", "doc_number", "title", "year", "sha256", "version")
        .first()
    )
    preview = ImportPreview(parsed=parsed, existing=existing)
    preview.errors = _duplicate_errors(parsed)
    if existing is not None and existing.sha256 == hashlib.sha256(text.encode()).hexdigest():
        # The import stops here too: nothing is resolved, compared or written.
        preview.changed = False
        preview.tasks = [TaskPreview(parsed=t, status=UNCHANGED) for t in parsed.tasks]
        return preview
    preview.units = _resolve_units(parsed, unit_mapping or {})
    _compare_tasks(preview, existing)
    return preview


def _duplicate_errors(parsed: ParsedDocument) -> list[str]:
    # document_import refuses the whole text at the first repeated number, in these words.
    seen: set[int] = set()
    errors = []
    for task in parsed.tasks:
        if task.number in seen:
            errors.append(DUPLICATE_CLAUSE.format(number=task.number, line=task.line))
        seen.add(task.number)
    return errors


def _resolve_units(parsed: ParsedDocument, mapping: dict[str, Unit]) -> list[UnitPreview]:
    """The import's unit loop, in its order: a mapping wins, then a name or alias already known
    (including one this import adds for an earlier unit), else a new unit; then every written
    name that resolves to nothing becomes an alias of the unit."""
    keys = {normalise_unit_name(n) for ref in parsed.units for n in (ref.name, *ref.aliases)}
    by_name: dict[str, Unit | str] = {u.normalised_name: u for u in Unit.objects.filter(normalised_name__in=keys)}
    by_alias: dict[str, Unit | str] = {
        a.normalised_alias: a.unit for a in UnitAlias.objects.filter(normalised_alias__in=keys).select_related("unit")
    }

    def resolve(name: str) -> Unit | str | None:
        # A str stands for a unit this import creates, by its name.
        key = normalise_unit_name(name)
        return by_name.get(key) or by_alias.get(key)

    previews = []
    for ref in parsed.units:
        written = [ref.name, *ref.aliases]
        preview = UnitPreview(name=ref.name, aliases=list(ref.aliases), kind=ref.kind)
        target: Unit | str | None = next((mapping[n] for n in written if n in mapping), None)
        preview.mapped = target is not None
        if target is None:
            target = next((t for n in written if (t := resolve(n)) is not None), None)
        if target is None:
            target = ref.name
            by_name[normalise_unit_name(ref.name)] = target
        elif isinstance(target, str):
            preview.same_as = target
        if isinstance(target, Unit):
            preview.unit = target
        for name in written:
            if resolve(name) is None:
                by_alias[normalise_unit_name(name)] = target
                preview.new_aliases.append(name)
        previews.append(preview)
    return previews


def _compare_tasks(preview: ImportPreview, existing: PolicyDocument | None) -> None:
    parsed = preview.parsed
    seen: set[int] = set()
    if existing is None:
        area_ids: dict[int, int] = {}
        current: dict[int, tuple[int, str, str, int | None]] = {}
        milestones: dict[int, dict[str, bool]] = {}
    else:
        area_ids = dict(Area.objects.filter(document=existing).values_list("number", "pk"))
        current = {
            number: (pk, title, text, area_id)
            for pk, number, title, text, area_id in Task.objects.filter(document=existing).values_list(
                "pk", "number", "title", "text", "area_id"
            )
        }
        milestones = _removable_milestones(existing)
    parsed_areas = {a.number for a in parsed.areas}
    for pt in parsed.tasks:
        row = TaskPreview(parsed=pt, status=NEW, duplicate=pt.number in seen)
        seen.add(pt.number)
        preview.tasks.append(row)
        # The import writes every parsed area first (an area it has not seen gets a new id, which
        # no existing task can have); a task naming an area the text does not have gets none.
        area_id: object = None
        if pt.area is not None and pt.area in parsed_areas:
            area_id = area_ids.get(pt.area, _NEW_AREA)
        old = current.get(pt.number)
        kept: dict[str, bool] = {}
        if old is not None:
            task_id, _, text, old_area = old
            row.changes = [
                name for name, same in (("text", text == pt.text), ("area", old_area == area_id)) if not same
            ]
            if not row.changes:
                row.status = UNCHANGED
                continue
            row.status = CHANGED
            kept = milestones.get(task_id, {})
        wanted = {pm.text for pm in pt.milestones}
        row.milestones_created = sum(1 for pm in pt.milestones if pm.text not in kept)
        gone = [removable for text, removable in kept.items() if text not in wanted]
        row.milestones_removed = sum(gone)
        row.milestones_kept = len(gone) - row.milestones_removed
    preview.tasks_missing = sorted(set(current) - seen)
    preview.missing_titles = {n: current[n][1] for n in preview.tasks_missing}
    # Same words as the import's warning: the task stays, with its reports and audit trail.
    preview.warnings = [MISSING_CLAUSE.format(number=n) for n in preview.tasks_missing]


def _removable_milestones(document: PolicyDocument) -> dict[int, dict[str, bool]]:
    """task id -> {milestone text: may be deleted}, one query.

    Keyed by text in the import's order, so of two milestones with the same words the last one
    counts, as in the import. A milestone with any history (not open, a completion or extension
    request, a reported value, an urge) is never deleted."""
    on = OuterRef("pk")
    rows = (
        Milestone.objects.filter(task__document=document)
        .annotate(
            asked=Exists(CompletionRequest.objects.filter(milestone=on)),
            extended=Exists(ExtensionRequest.objects.filter(milestone=on)),
            reported=Exists(MilestoneValue.objects.filter(milestone=on)),
            urged=Exists(UrgeNotice.objects.filter(milestone=on)),
        )
        .order_by("task_id", "position")
        .values_list("task_id", "text", "status", "asked", "extended", "reported", "urged")
    )
    found: dict[int, dict[str, bool]] = {}
    for task_id, text, status, *history in rows:
        found.setdefault(task_id, {})[text] = status == Milestone.Status.OPEN and not any(history)
    return found
