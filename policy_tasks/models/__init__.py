from __future__ import annotations

from policy_tasks.models.audit import AuditEvent
from policy_tasks.models.audit_actions import AuditAction
from policy_tasks.models.calendar import CalendarDay
from policy_tasks.models.documents import Area, AreaUnit, PolicyDocument, ReportPeriod, SupervisionScope
from policy_tasks.models.exports import CalendarToken, ExportJob
from policy_tasks.models.report_versions import ReportVersion
from policy_tasks.models.task_sources import SourceKind, TaskSource
from policy_tasks.models.tasks import DONE_STATUSES, Milestone, Task, TaskUnit, in_force_q
from policy_tasks.models.versions import DocumentVersion
from policy_tasks.models.workflow import (
    CompletionRequest,
    Evidence,
    ExtensionRequest,
    LeadReport,
    MilestoneValue,
    ProgressReport,
    UrgeNotice,
    UrgeRecipient,
)

__all__ = [
    "DONE_STATUSES",
    "Area",
    "AreaUnit",
    "AuditAction",
    "AuditEvent",
    "CalendarDay",
    "CalendarToken",
    "CompletionRequest",
    "DocumentVersion",
    "Evidence",
    "ExportJob",
    "ExtensionRequest",
    "LeadReport",
    "Milestone",
    "MilestoneValue",
    "PolicyDocument",
    "ProgressReport",
    "ReportPeriod",
    "ReportVersion",
    "SourceKind",
    "SupervisionScope",
    "Task",
    "TaskSource",
    "TaskUnit",
    "UrgeNotice",
    "UrgeRecipient",
    "in_force_q",
]
