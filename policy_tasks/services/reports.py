"""Progress reports (进度填报): one current report per task, unit and period, every version kept.

The lead unit's report is the task's report; a co-responsible unit's report is its
contribution (is_lead False), which the lead sees beside its own. Filing again for
the same period makes a new version (version-checked): the ProgressReport row becomes
the new version, which is what the ledger, bulletin and scoreboard read, and a
ReportVersion row keeps each version as filed, so the earlier text stays visible
(issue 15: a second filing used to replace the first without a trace on the page).
`submitted_at` keeps the time of the first filing: whether a period was reported by
its deadline must not change when the text is later corrected; each version keeps
its own filing time.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F

from accounts.models import User
from duban.lib import clock
from policy_tasks import permissions
from policy_tasks.errors import InvalidState, ServiceError, StaleVersion
from policy_tasks.models import (
    AuditAction,
    Milestone,
    MilestoneValue,
    ProgressReport,
    ReportPeriod,
    ReportVersion,
    Task,
    TaskUnit,
)
from policy_tasks.services.actors import unit_actor
from policy_tasks.services.audit import RequestMeta, audit_record
from policy_tasks.services.lead_reports import refresh_lead_reports

_STALE = "该期填报已被他人修改,请刷新后重试"
# Actual values by milestone id: int keys from the page's form, str keys from JSON.
ValuesIn = Mapping[int, object] | Mapping[str, object]


def _clean_percent(percent: object) -> int:
    if isinstance(percent, bool) or not isinstance(percent, int):
        try:
            value = Decimal(str(percent))
        except InvalidOperation:
            raise ServiceError("完成百分比须为0到100之间的整数", field="percent") from None
        if value != value.to_integral_value():
            raise ServiceError("完成百分比须为0到100之间的整数", field="percent")
        percent = int(value)
    if not 0 <= percent <= 100:
        raise ServiceError("完成百分比须为0到100之间的整数", field="percent")
    return percent


def _clean_values(task: Task, values: ValuesIn | None) -> dict[Milestone, Decimal]:
    """Map each given milestone id to a Decimal, refusing milestones that are not this task's targets."""
    if not values:
        return {}
    try:
        ids = {int(key) for key in values}
    except (TypeError, ValueError):
        raise ServiceError("完成值须对应本任务的量化目标", field="values") from None
    milestones = {m.pk: m for m in Milestone.objects.filter(pk__in=ids, task=task)}
    cleaned: dict[Milestone, Decimal] = {}
    for key, raw in values.items():
        milestone = milestones.get(int(key))
        if milestone is None or milestone.target_value is None:
            raise ServiceError("完成值须对应本任务的量化目标", field="values")
        try:
            value = Decimal(str(raw))
        except InvalidOperation:
            raise ServiceError(f"“{milestone.text[:20]}”的完成值不是有效数字", field="values") from None
        if not value.is_finite():
            raise ServiceError(f"“{milestone.text[:20]}”的完成值不是有效数字", field="values")
        cleaned[milestone] = value
    return cleaned


def _snapshot(report: ProgressReport, values: dict[int, Decimal]) -> dict[str, Any]:
    return {
        "period": report.period_id,
        "is_lead": report.is_lead,
        "progress": report.progress,
        "problems": report.problems,
        "next_steps": report.next_steps,
        "percent": report.percent,
        "values": {str(k): v for k, v in sorted(values.items())},
        "version": report.version,
    }


def _current_values(report: ProgressReport) -> dict[int, Decimal]:
    return dict(MilestoneValue.objects.filter(report=report).values_list("milestone_id", "actual_value"))


@transaction.atomic
def task_report_progress(
    *,
    user: User,
    task: Task,
    period: ReportPeriod,
    progress: str,
    problems: str = "",
    next_steps: str = "",
    percent: int,
    values: ValuesIn | None = None,
    expected_version: int | None = None,
    meta: RequestMeta | None = None,
) -> ProgressReport:
    """File (or revise) the acting unit's report on `task` for `period`."""
    permissions.require(user, "task.report", task)
    unit = permissions.acting_unit(user, task)
    is_lead = TaskUnit.objects.filter(task=task, unit=unit, role=TaskUnit.Role.LEAD).exists()

    if task.status == Task.Status.CLOSED:
        raise InvalidState("任务已办结,无需再填报进度")
    if task.status == Task.Status.WITHDRAWN:
        raise InvalidState("该条款已在文件新版本中撤销,无需再填报进度")
    if period.document_id != task.document_id:
        raise ServiceError("填报周期不属于该任务所在文件", field="period")
    if period.starts_on > clock.today():
        raise ServiceError("该填报周期尚未开始", field="period")
    progress = (progress or "").strip()
    if not progress:
        raise ServiceError("请填写进展情况", field="progress")
    percent = _clean_percent(percent)
    cleaned = _clean_values(task, values)
    fields = {
        "progress": progress,
        "problems": (problems or "").strip(),
        "next_steps": (next_steps or "").strip(),
        "percent": percent,
    }

    created = False
    report = ProgressReport.objects.select_for_update().filter(task=task, unit=unit, period=period).first()
    if report is None:
        if expected_version is not None:
            # The caller believes it is revising a report that does not exist (yet).
            raise StaleVersion(_STALE)
        report = ProgressReport(
            task=task, unit=unit, period=period, is_lead=is_lead, author=user, submitted_at=clock.now(), **fields
        )
        try:
            # A savepoint, so a concurrent first filing for the same period fails
            # this call cleanly instead of breaking the caller's transaction.
            with transaction.atomic():
                report.save(force_insert=True)
            created = True
        except IntegrityError:
            # Another filing for the period committed first; this one is then its revision.
            report = ProgressReport.objects.select_for_update().filter(task=task, unit=unit, period=period).first()
            if report is None:
                raise StaleVersion(_STALE) from None
    if created:
        MilestoneValue.objects.bulk_create(
            [MilestoneValue(report=report, milestone=m, actual_value=v) for m, v in cleaned.items()]
        )
        before = None
        action = AuditAction.REPORT_FILE
    else:
        if expected_version is not None and expected_version != report.version:
            raise StaleVersion(_STALE)
        before = _snapshot(report, _current_values(report))
        updated = ProgressReport.objects.filter(pk=report.pk, version=report.version).update(
            author=user, is_lead=is_lead, version=F("version") + 1, **fields
        )
        if updated != 1:
            raise StaleVersion(_STALE)
        # An update sends no signal: the task's newest lead report (its percent, or whether it is
        # the lead's at all) is rewritten here.
        refresh_lead_reports([task.pk])
        for milestone, value in cleaned.items():
            MilestoneValue.objects.update_or_create(
                report=report, milestone=milestone, defaults={"actual_value": value}
            )
        report.refresh_from_db()
        action = AuditAction.REPORT_UPDATE

    current = _current_values(report)
    # The unique (report, version) constraint is the last word on concurrent revisions.
    ReportVersion.objects.create(
        report=report,
        version=report.version,
        author=user,
        filed_at=clock.now(),
        is_lead=report.is_lead,
        values={str(k): str(v) for k, v in sorted(current.items())},
        **fields,
    )
    audit_record(
        actor=unit_actor(user, unit, meta=meta),
        action=action,
        obj=report,
        before=before,
        after=_snapshot(report, current),
        document=task.document,
        task=task,
    )
    return report
