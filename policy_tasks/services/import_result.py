"""What an import did (or, dry run, would do): the counts the preview and the audit trail report."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from policy_tasks.models import DocumentVersion, PolicyDocument
from policy_tasks.parsing import ParsedDocument
from policy_tasks.services.audit import AuditEntry
from policy_tasks.services.import_plan import ClausePlan


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
    # The audit events of the units (first) and the tasks, written with the document's in one
    # batch at the end: one lock, one read of the chain's last hash, one INSERT.
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
