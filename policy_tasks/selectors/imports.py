"""What importing a text would do, read without writing anything.

`document_import(dry_run=True)` answers the same question by doing the import and
rolling it back: exact, but it takes write locks and its queries grow with the
document (several per unit, task and milestone). This reads what the import would
compare against in a fixed number of queries (the existing document; its areas, its
tasks and their milestones; every written unit name at once) and asks the import's own
rules about it, which are pure functions the import calls too: which clause is which task
and which milestone which row (services/import_plan.py), which unit each written name
becomes (services/import_units.py), and whether the text is refused or changes nothing
(services/import_read.py). tests/imports/test_preview.py holds both to the same answers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from accounts.models import Unit
from policy_tasks.models import Area, Milestone, PolicyDocument, Task
from policy_tasks.parsing import ParsedDocument, ParsedTask
from policy_tasks.services.import_plan import (
    CHANGED,
    NEW,
    UNCHANGED,
    WITHDRAWN,
    OldClause,
    OldMilestone,
    expand_milestones,
    plan_clauses,
    plan_milestones,
    sub_task_withdrawn_with_clause,
    withdrawn_with_clause,
)
from policy_tasks.services.import_read import (
    changes_nothing,
    duplicate_clauses,
    new_clauses,
    read_upload,
    repeated_clauses,
)
from policy_tasks.services.import_result import SUMMARY_FIELDS
from policy_tasks.services.import_tasks import MISSING_CLAUSE, old_milestones
from policy_tasks.services.import_units import UnitChoice, choose_units, known_units

__all__ = [
    "CHANGED",
    "NEW",
    "STATUS_LABELS",
    "UNCHANGED",
    "WITHDRAWN",
    "ImportPreview",
    "TaskPreview",
    "WithdrawnPreview",
    "document_preview",
]

# How pages name each clause's fate (with a CSS class for its tag), in one place.
STATUS_LABELS = {
    NEW: ("新增", "tag-ok"),
    CHANGED: ("修改", "tag-todo"),
    UNCHANGED: ("不变", ""),
    WITHDRAWN: ("撤销", "tag-late"),
}


@dataclass
class TaskPreview:
    """A clause of the new version. Withdrawn clauses are not rows here (they have no parsed
    clause): see ImportPreview.withdrawn."""

    parsed: ParsedTask
    status: str  # NEW | CHANGED | UNCHANGED
    changes: list[str] = field(default_factory=list)  # "text", "area"
    # The existing task it keeps (None for a new clause), and its number and label until now.
    old_task_id: int | None = None
    old_number: int | None = None
    old_label: str | None = None
    similarity: float = 0.0  # of the old and new text, 1.0 when identical
    revived: bool = False  # the task had been withdrawn by an earlier version
    milestones_created: int = 0
    milestones_removed: int = 0  # deleted: gone from the text and no history
    milestones_updated: int = 0  # the same row with a corrected wording (a changed target)
    milestones_withdrawn: int = 0  # gone from the text, with history: withdrawn (已作废)
    milestones_kept: int = 0  # gone from the text but kept because of their history (withdrawn or closed)
    duplicate: bool = False

    @property
    def renumbered(self) -> bool:
        return self.old_label is not None and self.old_label != (self.parsed.label or str(self.parsed.number))


@dataclass
class WithdrawnPreview:
    """An existing task the new version has no clause for: the import withdraws it (已撤销)."""

    task_id: int
    number: int
    label: str
    title: str
    milestones: int  # its and its sub-tasks' milestones still open, withdrawn with it (已作废)
    status: str = WITHDRAWN


@dataclass
class ImportPreview:
    parsed: ParsedDocument
    existing: PolicyDocument | None
    changed: bool = True
    units: list[UnitChoice] = field(default_factory=list)  # the import's own choice for each unit
    tasks: list[TaskPreview] = field(default_factory=list)
    withdrawn: list[WithdrawnPreview] = field(default_factory=list)
    tasks_missing: list[int] = field(default_factory=list)  # the withdrawn tasks' numbers
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
    def milestones_updated(self) -> int:
        return sum(t.milestones_updated for t in self.tasks)

    @property
    def milestones_withdrawn(self) -> int:
        return sum(t.milestones_withdrawn for t in self.tasks) + sum(w.milestones for w in self.withdrawn)

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
    corrections: dict[str, object] | None = None,
    year: int | None = None,
    unit_mapping: dict[str, Unit] | None = None,
    parsed: ParsedDocument | None = None,
) -> ImportPreview:
    """What `document_import` would do with this file: three queries for a new document, six for
    a new version of one (however long either is). Raises ParseError like the import. `parsed`:
    what `read_upload` made of the same file and corrections, when the caller has it already."""
    if parsed is None:
        parsed = read_upload(text=text, data=data, filename=filename, year=year, corrections=corrections)
    existing = (
        PolicyDocument.objects.filter(doc_number=parsed.doc_number)
        .only("pk", "doc_number", "title", "year", "sha256", "version")
        .first()
    )
    preview = ImportPreview(parsed=parsed, existing=existing)
    preview.errors = duplicate_clauses(parsed)
    if changes_nothing(existing, parsed):
        # The import stops here too: nothing is resolved, compared or written.
        preview.changed = False
        preview.tasks = [TaskPreview(parsed=t, status=UNCHANGED) for t in parsed.tasks]
        return preview
    preview.units = choose_units(parsed.units, unit_mapping or {}, known_units(parsed))
    _compare_tasks(preview, existing)
    return preview


def _compare_tasks(preview: ImportPreview, existing: PolicyDocument | None) -> None:
    """The import's plan (services/import_plan.py) on what the database holds, in three queries."""
    parsed = preview.parsed
    repeated = set(repeated_clauses(parsed))
    old: list[OldClause] = []
    titles: dict[int, str] = {}
    history: dict[tuple[str, int], list[OldMilestone]] = {}
    subs: dict[int, list[int]] = {}  # {clause: its sub-tasks a withdrawal of it withdraws}
    if existing is not None:
        area_numbers = dict(Area.objects.filter(document=existing).values_list("pk", "number"))
        rows = Task.objects.filter(document=existing).values_list(
            "pk", "number", "label", "title", "text", "area_id", "status", "parent_id"
        )
        for pk, number, label, title, text, area_id, status, parent in rows:
            if parent is not None:
                if sub_task_withdrawn_with_clause(status):
                    subs.setdefault(parent, []).append(pk)
                continue
            titles[pk] = title
            old.append(
                OldClause(
                    id=pk,
                    number=number,
                    label=label or str(number),
                    text=text,
                    area=area_numbers.get(area_id),
                    withdrawn=status == Task.Status.WITHDRAWN,
                )
            )
        history = old_milestones(Milestone.objects.filter(document=existing, task__isnull=False))
    plan = plan_clauses(old, new_clauses(parsed))
    for match in plan.matches:
        pt = parsed.tasks[match.new_index]
        row = TaskPreview(parsed=pt, status=match.status, duplicate=match.new_index in repeated)
        preview.tasks.append(row)
        if match.old is not None:
            row.old_task_id, row.old_number, row.old_label = match.old.id, match.old.number, match.old.label
            row.changes, row.similarity = list(match.changes), match.similarity
            row.revived = match.revived
        if match.status == UNCHANGED:
            continue
        before = history.get(("task", match.old.id), []) if match.old is not None else []
        keys = [key for _, _, key in expand_milestones(pt.milestones)]
        milestones = plan_milestones(before, keys)
        row.milestones_created = milestones.created
        row.milestones_removed = len(milestones.deleted)
        row.milestones_updated = milestones.updated(keys)
        row.milestones_withdrawn = len(milestones.withdrawn)
        row.milestones_kept = len(milestones.withdrawn) + len(milestones.kept_closed)
    for gone in plan.withdrawn:
        owners = [gone.id, *subs.get(gone.id, [])]
        live = [m for owner in owners for m in withdrawn_with_clause(history.get(("task", owner), []))]
        preview.withdrawn.append(
            WithdrawnPreview(
                task_id=gone.id, number=gone.number, label=gone.label, title=titles[gone.id], milestones=len(live)
            )
        )
    preview.tasks_missing = [w.number for w in preview.withdrawn]
    preview.missing_titles = {w.number: w.title for w in preview.withdrawn}
    # Same words as the import's warning: the task is withdrawn, with its reports and audit trail.
    preview.warnings = [MISSING_CLAUSE.format(label=w.label) for w in preview.withdrawn]
