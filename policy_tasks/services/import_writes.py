"""An import's writes in batches (services/imports.py decides them): units, areas, task units
and milestones each in a fixed number of statements, however many clauses the document has.

Written one row at a time, the seed's first import ran 243 statements for 55 clauses (more
under a command or a request, where every new unit and alias is also an audit event) and a
document twice as long ran twice as many; here it is the same count for both
(tests/imports/test_import_statements.py). What is written is unchanged: the same rows and the
same audit events in the same order, only gathered. bulk_create sends no signals, so the
`account.unit_added` and `account.unit_alias_added` events the signals would write are made
here (audit_signals.added_entries), in the order the one-by-one import created the rows, and
recorded first in the import's one batch of events.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from django.db.models import F, Model

from accounts.models import Unit, UnitAlias
from accounts.names import normalise_unit_name
from policy_tasks.audit_signals import added_entries
from policy_tasks.models import (
    Area,
    AreaUnit,
    CompletionRequest,
    DocumentVersion,
    ExtensionRequest,
    Milestone,
    PolicyDocument,
    Task,
    TaskUnit,
)
from policy_tasks.parsing import ParsedDocument, ParsedMilestone, ParsedTask
from policy_tasks.services.audit import AuditEntry
from policy_tasks.services.import_plan import OldMilestone, expand_milestones, plan_milestones
from policy_tasks.services.import_units import choose_units, known_units

# Written on requests left pending on a milestone the new version withdraws.
WITHDRAWN_REASON = "文件新版本已撤销该条款或节点"


def resolve_units(
    parsed: ParsedDocument,
    mapping: dict[str, Unit],
    new_names: list[str],
    matched_names: list[str],
    events: list[AuditEntry],
) -> dict[str, Unit]:
    """{name as written: unit} for the document's units, as services/import_units.py chooses
    them. Two reads and at most two inserts; the units' audit events go to `events`, which the
    import records with its own in one batch (they come first there, as they came first when
    recorded here)."""
    resolved: dict[str, Unit] = {}
    new: dict[str, Unit] = {}  # by name as written, for the later units that are the same
    units: list[Unit] = []
    aliases: list[UnitAlias] = []
    created: list[Model] = []  # in the order a row at a time would have created them
    for choice in choose_units(parsed.units, mapping, known_units(parsed)):
        if choice.is_new:
            # Unit.save() derives normalised_name; bulk_create does not call it.
            unit = Unit(name=choice.name, kind=choice.kind, normalised_name=normalise_unit_name(choice.name))
            new[choice.name] = unit
            units.append(unit)
            created.append(unit)
            new_names.append(choice.name)
        else:
            unit = choice.unit if choice.unit is not None else new[choice.target_name]
            matched_names.append(choice.name)
        for name in choice.new_aliases:
            alias = UnitAlias(unit=unit, alias=name, normalised_alias=normalise_unit_name(name))
            aliases.append(alias)
            created.append(alias)
        resolved[choice.name] = unit
    Unit.objects.bulk_create(units)
    UnitAlias.objects.bulk_create(aliases)  # each alias's unit now has its id
    events += added_entries(created)
    return resolved


@dataclass
class MilestoneWrites:
    """The milestone rows of every task and area of one import, planned one owner at a time
    (`sync`) and written together (`flush`)."""

    document: PolicyDocument
    version: DocumentVersion
    now: datetime
    kept: dict[int, Milestone]  # the document's existing rows, by id
    create: list[Milestone] = field(default_factory=list)
    update: list[Milestone] = field(default_factory=list)
    fields: set[str] = field(default_factory=set)
    delete: list[int] = field(default_factory=list)
    unspan: list[int] = field(default_factory=list)
    withdraw: list[int] = field(default_factory=list)

    def sync(
        self,
        parsed_milestones: list[ParsedMilestone],
        old: list[OldMilestone],
        *,
        task: Task | None = None,
        area: Area | None = None,
    ) -> dict[str, int]:
        """Plan one task's or area's milestones: keep matched rows (updating a corrected wording
        or date in place), create the new, delete/keep/withdraw the gone. Returns the counts."""
        owner: dict[str, Any] = {"task": task} if task is not None else {"area": area}
        rows = expand_milestones(parsed_milestones)
        keys = [key for _, _, key in rows]
        plan = plan_milestones(old, keys)
        # Counted as the preview counts them (a corrected wording, or back from withdrawn).
        counts = {"created": plan.created, "removed": len(plan.deleted), "updated": plan.updated(keys)}
        for (position, pm, key), match in zip(rows, plan.matches, strict=True):
            values = milestone_fields(pm, position, key.occurrence)
            if match is None:
                self.create.append(
                    Milestone(document=self.document, original_due_date=values["due_date"], **values, **owner)
                )
                continue
            m = self.kept[match.id]
            updates = _updates(m, pm, values)
            if any(getattr(m, name) != value for name, value in updates.items()):
                for name, value in updates.items():
                    setattr(m, name, value)
                self.update.append(m)
                self.fields.update(updates)
        self.delete += [m.id for m in plan.deleted]
        # Their wording is no longer in the clause: a span into the old text would mark other words.
        self.unspan += [m.id for m in (*plan.withdrawn, *plan.kept_closed)]
        self.withdraw += [m.id for m in plan.withdrawn]
        counts["withdrawn"] = len(plan.withdrawn)
        return counts

    def flush(self) -> None:
        """Every planned write, in at most seven statements (their owners are saved by now)."""
        Milestone.objects.bulk_create(self.create)
        if self.update:
            # Each row gets every field any row changed: the others are the values it was read with.
            Milestone.objects.bulk_update(self.update, sorted(self.fields))
        if self.delete:
            Milestone.objects.filter(pk__in=self.delete).delete()
        if self.unspan:
            Milestone.objects.filter(pk__in=self.unspan).update(start=0, end=0)
        withdraw_milestones(self.withdraw, self.version, self.now)


def _updates(m: Milestone, pm: ParsedMilestone, values: dict[str, Any]) -> dict[str, Any]:
    """What a kept row takes from the new version (its version raised if the change counts)."""
    changed = m.text != pm.text or m.status == Milestone.Status.WITHDRAWN
    updates = {name: values[name] for name in ("position", "start", "end")}
    if m.text != pm.text:
        updates.update({k: values[k] for k in ("text", "kind", "time_expression", "target_value", "target_unit")})
        updates.update(recurrence=values["recurrence"], occurrence=values["occurrence"])
    if values["due_date"] != m.original_due_date:
        # The document moved the deadline: it replaces the old one (and any extension of it).
        updates.update(due_date=values["due_date"], original_due_date=values["due_date"])
        changed = True
    if m.status == Milestone.Status.WITHDRAWN:
        updates.update(status=Milestone.Status.OPEN, withdrawn_at=None, withdrawn_in=None)
    if changed:
        updates["version"] = m.version + 1
    return updates


def milestone_fields(pm: ParsedMilestone, position: int, occurrence: int | None) -> dict[str, Any]:
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


def withdraw_milestones(ids: list[int], version: DocumentVersion, now: datetime) -> None:
    if not ids:
        return
    Milestone.objects.filter(pk__in=ids).update(
        status=Milestone.Status.WITHDRAWN, withdrawn_at=now, withdrawn_in=version, version=F("version") + 1
    )
    # A request waiting on work that is no longer asked for would wait for ever.
    CompletionRequest.objects.filter(milestone_id__in=ids, status=CompletionRequest.Status.PENDING).update(
        status=CompletionRequest.Status.RETURNED, decided_at=now, decision_reason=WITHDRAWN_REASON
    )
    ExtensionRequest.objects.filter(milestone_id__in=ids, status=ExtensionRequest.Status.PENDING).update(
        status=ExtensionRequest.Status.REFUSED, decided_at=now, decision_note=WITHDRAWN_REASON
    )


def write_areas(
    document: PolicyDocument,
    parsed: ParsedDocument,
    units: dict[str, Unit],
    history: dict[tuple[str, int], list[OldMilestone]],
    milestones: MilestoneWrites,
    *,
    new_document: bool = False,
) -> dict[int, Area]:
    """{number: area} of the document's areas, created or updated, with their lead units.
    `new_document`: created by this import, so it has no areas to read or links to delete."""
    existing = {} if new_document else {a.number: a for a in Area.objects.filter(document=document)}
    areas: dict[int, Area] = {}
    new: list[Area] = []
    changed: list[Area] = []
    for pa in parsed.areas:
        area = existing.get(pa.number)
        if area is None:
            area = Area(document=document, number=pa.number, title=pa.title, intro=pa.intro)
            new.append(area)
        elif (area.title, area.intro) != (pa.title, pa.intro):
            area.title, area.intro = pa.title, pa.intro
            changed.append(area)
        areas[pa.number] = area
    Area.objects.bulk_create(new)
    if changed:
        Area.objects.bulk_update(changed, ["title", "intro"])
    if existing:
        # Only an area read here has links; those just created have none yet.
        AreaUnit.objects.filter(area__in=[a.pk for a in areas.values()]).delete()
    AreaUnit.objects.bulk_create(
        AreaUnit(area=areas[pa.number], unit=units[name], position=i)
        for pa in parsed.areas
        for i, name in enumerate(pa.lead_units)
    )
    for pa in parsed.areas:
        area = areas[pa.number]
        milestones.sync(pa.milestones, history.get(("area", area.pk), []), area=area)
    return areas


def unit_rows(pt: ParsedTask) -> list[tuple[str, TaskUnit.Role]]:
    """(name as written, role) of a clause's units in position order: leads, then co-units."""
    rows = [(name, TaskUnit.Role.LEAD) for name in pt.lead_units]
    rows += [(name, TaskUnit.Role.CO) for name in pt.co_units if name not in pt.lead_units]
    return rows


def write_task_units(tasks: list[tuple[Task, ParsedTask]], units: dict[str, Unit], *, replace: list[int]) -> None:
    """The units of these tasks as their clauses name them; the old links of `replace` go first."""
    if replace:
        TaskUnit.objects.filter(task_id__in=replace).delete()
    TaskUnit.objects.bulk_create(
        TaskUnit(task=task, unit=units[name], role=role, position=i)
        for task, pt in tasks
        for i, (name, role) in enumerate(unit_rows(pt))
    )
