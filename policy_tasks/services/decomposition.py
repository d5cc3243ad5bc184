"""分解: a supervisor splits a task, or one unit's share of it (各乡镇街道 on clause 35), into
sub-tasks for the share's member units (the townships whose `Unit.parent` is the group).

A sub-task is an ordinary Task with `parent` set, led by the member unit, with one milestone
of its own (its target and deadline). Everything that reads tasks through their units and
milestones (reports owed, lights, the overdue ledger, the scoreboard, reminders) therefore
treats it as any other task, and the township is accountable for its own part.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from django.db import transaction

from accounts.models import Unit, User
from policy_tasks import permissions
from policy_tasks.errors import Forbidden, InvalidState, ServiceError
from policy_tasks.models import AuditAction, Milestone, Task, TaskUnit
from policy_tasks.services.actors import supervisor_actor
from policy_tasks.services.audit import RequestMeta, audit_record
from policy_tasks.services.dates import require_in_window


@dataclass(frozen=True)
class SubTaskSpec:
    """One member unit's part: what it must do, an optional number to reach, by when."""

    unit: Unit
    target: str
    due_date: date | None  # None only as entered: refused by task_decompose
    target_value: Decimal | str | None = None
    target_unit: str = ""


def members_of(unit: Unit) -> list[Unit]:
    """The member units of a group (the townships of 各乡镇街道), as the admin keeps them."""
    return list(Unit.objects.filter(parent=unit, is_active=True).order_by("name"))


def deadline_bound(task: Task, milestone: Milestone | None) -> date | None:
    """The latest date a sub-task may be due: the parent milestone's deadline, else the
    document's default (the seed: every measure runs to the end of 2023)."""
    if milestone is not None and milestone.due_date is not None:
        return milestone.due_date
    return task.document.default_due


def _clean_value(value: Decimal | str | None) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        number = Decimal(str(value).strip())
    except InvalidOperation as exc:
        raise ServiceError("目标值须为数字", field="target_value") from exc
    if not number.is_finite() or number < 0:
        raise ServiceError("目标值须为不小于0的数字", field="target_value")
    return number


def _check_spec(
    spec: SubTaskSpec, *, members: set[int], bound: date | None, taken: set[int]
) -> tuple[str, Decimal | None]:
    name = spec.unit.name
    if spec.unit.pk not in members:
        raise ServiceError(f"{name}不是该单位的成员单位", field="unit")
    if spec.unit.pk in taken:
        raise InvalidState(f"{name}已有该任务的分解任务", code="already_split")
    target = (spec.target or "").strip()
    if not target:
        raise ServiceError(f"请填写{name}的目标任务", field="target")
    if spec.due_date is None:
        raise ServiceError(f"请填写{name}的完成时限", field="due_date")
    require_in_window(spec.due_date, field="due_date")
    if bound is not None and spec.due_date > bound:
        raise ServiceError(
            f"{name}的完成时限（{spec.due_date:%Y-%m-%d}）不得晚于上级任务的完成时限（{bound:%Y-%m-%d}）",
            field="due_date",
            code="after_parent_deadline",
        )
    return target, _clean_value(spec.target_value)


@transaction.atomic
def task_decompose(
    *,
    user: User,
    task: Task,
    share_unit: Unit,
    specs: list[SubTaskSpec],
    milestone: Milestone | None = None,
    meta: RequestMeta | None = None,
) -> list[Task]:
    """Split `share_unit`'s share of `task` into sub-tasks for its member units, all or none."""
    task = Task.objects.select_for_update().select_related("document").get(pk=task.pk)
    permissions.require(user, "task.view", task)
    # The 督查室 owns the plan's breakdown (as it owns the import review): docs/decisions.md.
    if not permissions.is_scoped_supervisor(user, task):
        raise Forbidden("只有督查员可以分解任务")
    if task.parent_id is not None:
        raise InvalidState("分解任务不能再分解")
    if task.status != Task.Status.OPEN:
        raise InvalidState("任务不在办理中，不能分解")
    if not TaskUnit.objects.filter(task=task, unit=share_unit).exists():
        raise ServiceError("该单位不是本任务的责任单位", field="share_unit")
    if milestone is not None and (milestone.task_id != task.pk or not milestone.is_live):
        raise ServiceError("所选节点不属于本任务或已办结", field="milestone")
    if not specs:
        raise ServiceError("请至少为一个成员单位填写分解任务", field="units")
    members = {u.pk for u in members_of(share_unit)}
    if not members:
        raise ServiceError(f"{share_unit.name}没有成员单位，请先在管理后台维护", field="share_unit")

    existing = list(task.sub_tasks.in_force())
    taken = set(TaskUnit.objects.filter(task__in=existing, role=TaskUnit.Role.LEAD).values_list("unit_id", flat=True))
    bound = deadline_bound(task, milestone)
    sequence = task.sub_tasks.count()
    created: list[tuple[Task, Unit, str, Decimal | None]] = []
    for spec in specs:
        target, value = _check_spec(spec, members=members, bound=bound, taken=taken)
        taken.add(spec.unit.pk)
        sequence += 1
        sub = Task.objects.create(
            document=task.document,
            area=task.area,
            number=task.number,
            label=f"{task.ref}-{sequence}",
            title=f"{task.title}（{spec.unit.name}）",
            text=target,
            leaders=task.leaders,
            parent=task,
            parent_milestone=milestone,
        )
        TaskUnit.objects.create(task=sub, unit=spec.unit, role=TaskUnit.Role.LEAD, position=0)
        Milestone.objects.create(
            document=task.document,
            task=sub,
            text=target,
            end=len(target),
            kind=Milestone.Kind.TARGET if value is not None else Milestone.Kind.DEADLINE,
            due_date=spec.due_date,
            original_due_date=spec.due_date,
            target_value=value,
            target_unit=(spec.target_unit or "").strip()[:32],
        )
        created.append((sub, spec.unit, target, value))

    audit_record(
        actor=supervisor_actor(user, meta=meta),
        action=AuditAction.TASK_DECOMPOSE,
        obj=task,
        document=task.document,
        task=task,
        after={
            "share_unit": share_unit.pk,
            "milestone": milestone.pk if milestone else None,
            "sub_tasks": [
                {
                    "task": sub.pk,
                    "label": sub.label,
                    "unit": unit.pk,
                    "target": target,
                    "target_value": str(value) if value is not None else None,
                    "due_date": spec.due_date,  # set: _check_spec refused an empty one
                }
                for (sub, unit, target, value), spec in zip(created, specs, strict=True)
            ],
        },
    )
    return [sub for sub, *_ in created]
