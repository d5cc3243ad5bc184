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
from dataclasses import dataclass
from typing import Any

from django.db import transaction

from accounts.models import Unit, User
from duban.lib import clock
from policy_tasks.models import AuditAction, DocumentVersion, Milestone, PolicyDocument
from policy_tasks.parsing import ParsedDocument
from policy_tasks.permissions import require
from policy_tasks.services.actors import office_role
from policy_tasks.services.audit import SYSTEM, Actor, AuditEntry, RequestMeta, actor_for, audit_record_many
from policy_tasks.services.import_read import changes_nothing, read_upload, refuse_duplicate_clauses, text_digest
from policy_tasks.services.import_result import ImportResult
from policy_tasks.services.import_tasks import old_milestones, write_tasks
from policy_tasks.services.import_writes import (
    WITHDRAWN_REASON as WITHDRAWN_REASON,  # re-exported: where the tests and callers read it
)
from policy_tasks.services.import_writes import MilestoneWrites, resolve_units, write_areas
from policy_tasks.services.periods import missing_periods, write_periods


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
    refuse_duplicate_clauses(parsed)
    result = ImportResult(parsed=parsed, dry_run=dry_run)
    digest = text_digest(text)
    existing = PolicyDocument.objects.filter(doc_number=parsed.doc_number).first()
    if changes_nothing(existing, parsed):
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
            actor = actor_for(user, role=office_role(user), meta=meta) if user is not None else SYSTEM
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
            # Reporting periods follow the document's dates; existing ones are kept. Their event
            # closes the import's batch, as it followed the batch when recorded on its own.
            periods, periods_event = missing_periods(result.document, actor, new_document=result.created)
            write_periods(periods)
            audit_record_many([*result.events, document_event, *([periods_event] if periods_event else [])])
            if dry_run:
                raise _DryRunRollback
    except _DryRunRollback:
        pass
    return result


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
    units = resolve_units(parsed, mapping, result.new_units, result.matched_units, result.events)
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
    areas = write_areas(document, parsed, units, history, milestones, new_document=existing is None)
    write_tasks(document, parsed, units, areas, history, result, actor, milestones)
    milestones.flush()
    result.version.summary = result.summary()
    result.version.save(update_fields=["summary"])
