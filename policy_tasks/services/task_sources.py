"""Creating a task by hand from its source: 批示件, 会议议定事项, 建议提案, 交办事项 (issue 16).

A source task is an ordinary Task of its kind's container document for the year
(`批示〔2026〕`, created on first use), so everything that keys off Task and PolicyDocument
(units, milestones, reports, 销号, extensions, urges, lights, ledger, reminders, audit)
works unchanged. Its number `批示〔2026〕12号` is the next serial of (kind, year): the
container row is locked (SELECT … FOR UPDATE) while the serial is read and taken, and the
unique (kind, year, serial) constraint makes a duplicate impossible, not just unlikely.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.db.models import Max, QuerySet

from accounts.models import RoleGrant, Unit, User
from duban.lib import clock
from policy_tasks.errors import ServiceError
from policy_tasks.models import AuditAction, Milestone, PolicyDocument, SourceKind, Task, TaskSource, TaskUnit
from policy_tasks.models.task_sources import NUMBER_PREFIX
from policy_tasks.permissions import require
from policy_tasks.services.actors import office_role
from policy_tasks.services.audit import Actor, RequestMeta, actor_for, audit_record
from policy_tasks.services.periods import document_generate_periods
from policy_tasks.services.recurring import RecurringRule, recurring_start, rule_validate

TITLE_LENGTH = 60


@dataclass
class SourceTaskInput:
    """What the form (or one row of an .xlsx list) says about a task to create."""

    kind: str
    content: str
    lead_units: list[Unit]
    due_date: date
    co_units: list[Unit] = field(default_factory=list)
    title: str = ""
    leader: User | None = None
    leader_name: str = ""
    instructed_on: date | None = None
    instruction: str = ""
    meeting_name: str = ""
    meeting_on: date | None = None
    proposal_kind: str = ""
    proposal_number: str = ""
    proposer: str = ""
    # An optional recurring obligation (每月10日前报送进展): services/recurring.py.
    recur_text: str = ""
    recur_cadence: str = ""
    recur_day: int | None = None
    recur_workday: int | None = None
    recur_until: date | None = None

    def recurring_rule(self) -> RecurringRule | None:
        """The obligation, if one was given; it ends with the task's deadline unless told otherwise."""
        if not self.recur_text.strip():
            return None
        until = self.recur_until or self.due_date
        return RecurringRule(
            text=self.recur_text.strip(),
            cadence=self.recur_cadence,
            until=until,
            day=self.recur_day,
            workday=self.recur_workday,
        )


def source_number(kind: str, year: int, serial: int) -> str:
    return f"{NUMBER_PREFIX[SourceKind(kind)]}〔{year}〕{serial}号"


def container_number(kind: str, year: int) -> str:
    return f"{NUMBER_PREFIX[SourceKind(kind)]}〔{year}〕"


def leader_users() -> QuerySet[User]:
    """Accounts that may be named as the instructing leader: active, holding the leader role now."""
    grants = RoleGrant.objects.active().filter(role=RoleGrant.Role.LEADER)
    return User.objects.filter(is_active=True, pk__in=grants.values("user_id")).order_by("display_name", "username")


def _container(kind: str, year: int, actor: Actor) -> PolicyDocument:
    """The (kind, year) container, created on first use and locked for the serial."""
    number = container_number(kind, year)
    label = SourceKind(kind).label
    document, created = PolicyDocument.objects.get_or_create(
        doc_number=number,
        defaults={
            "kind": kind,
            "title": f"{year}年{label}",
            "year": year,
            "issued_on": date(year, 1, 1),
            "default_due": date(year, 12, 31),
            "source_text": "",
            "sha256": "",
        },
    )
    if document.kind != kind:
        raise ServiceError(f"文号 {number} 已被其他文件使用", field="kind")
    if created:
        audit_record(
            actor=actor,
            action=AuditAction.TASK_SOURCE_CONTAINER,
            obj=document,
            after={"kind": kind, "year": year, "doc_number": number},
            document=document,
        )
        document_generate_periods(document=document, actor=actor)
    # Serialises the serials of this container: a second creation waits here until the first commits.
    return PolicyDocument.objects.select_for_update().get(pk=document.pk)


def _title(data: SourceTaskInput) -> str:
    text = (data.title or data.content).strip().splitlines()[0] if (data.title or data.content).strip() else ""
    return text[:TITLE_LENGTH]


def task_source_create(*, user: User, data: SourceTaskInput, meta: RequestMeta | None = None) -> TaskSource:
    """Create the task, its units, its milestone and its source row; number it; audit it."""
    # The office that imports documents registers instructions too: supervisors and admins.
    require(user, "document.import")
    _validate(data)
    actor = actor_for(user, role=office_role(user), meta=meta)
    year = clock.today().year
    with transaction.atomic():
        document = _container(data.kind, year, actor)
        last = TaskSource.objects.filter(kind=data.kind, year=year).aggregate(n=Max("serial"))["n"] or 0
        serial = last + 1
        number = source_number(data.kind, year, serial)
        leader_display = str(data.leader) if data.leader is not None else data.leader_name.strip()
        task = Task.objects.create(
            document=document,
            number=serial,
            title=f"{number} {_title(data)}",
            text=data.content.strip(),
            leaders=[leader_display] if leader_display else [],
        )
        units = _units(data)
        TaskUnit.objects.bulk_create(
            TaskUnit(task=task, unit=unit, role=role, position=i) for i, (unit, role) in enumerate(units)
        )
        text = f"{data.due_date.year}年{data.due_date.month}月{data.due_date.day}日前办结"
        milestone = Milestone.objects.create(
            document=document,
            task=task,
            text=text,
            end=len(text),
            kind=Milestone.Kind.DEADLINE,
            time_expression=text,
            due_date=data.due_date,
            original_due_date=data.due_date,
        )
        try:
            with transaction.atomic():
                source = TaskSource.objects.create(
                    task=task,
                    kind=data.kind,
                    year=year,
                    serial=serial,
                    number=number,
                    leader=data.leader,
                    leader_name="" if data.leader is not None else data.leader_name.strip(),
                    instructed_on=data.instructed_on,
                    instruction=data.instruction.strip(),
                    meeting_name=data.meeting_name.strip(),
                    meeting_on=data.meeting_on,
                    proposal_kind=data.proposal_kind,
                    proposal_number=data.proposal_number.strip(),
                    proposer=data.proposer.strip(),
                    created_by=user if getattr(user, "is_authenticated", False) else None,
                    created_at=clock.now(),
                )
        except IntegrityError as exc:
            # Only reachable if the lock above were bypassed; the constraint still holds.
            raise ServiceError("编号冲突，请重试", field="kind") from exc
        rule = data.recurring_rule()
        audit_record(
            actor=actor,
            action=AuditAction.TASK_SOURCE_CREATE,
            obj=task,
            after={
                "number": number,
                "kind": data.kind,
                "title": task.title,
                "text": task.text,
                "leader": data.leader.pk if data.leader is not None else None,
                "leader_name": leader_display,
                "instructed_on": data.instructed_on,
                "instruction": source.instruction,
                "meeting": source.meeting_name,
                "meeting_on": data.meeting_on,
                "proposal": [source.proposal_kind, source.proposal_number, source.proposer],
                "units": [[unit.name, role] for unit, role in units],
                "milestone": {"id": milestone.pk, "text": text, "due_date": data.due_date},
                "recurring": rule.phrase() if rule else None,
            },
            document=document,
            task=task,
        )
        if rule is not None:
            # After the task's own event, so the trail reads: registered, then its first occurrences.
            recurring_start(task=task, rule=rule, actor=actor)
    return source


def _units(data: SourceTaskInput) -> list[tuple[Unit, str]]:
    seen: set[int] = set()
    result: list[tuple[Unit, str]] = []
    for unit in data.lead_units:
        if unit.pk not in seen:
            seen.add(unit.pk)
            result.append((unit, TaskUnit.Role.LEAD))
    for unit in data.co_units:
        if unit.pk not in seen:
            seen.add(unit.pk)
            result.append((unit, TaskUnit.Role.CO))
    return result


def _validate(data: SourceTaskInput) -> None:
    if data.kind not in SourceKind.values:
        raise ServiceError("来源类别无效", field="kind")
    if not data.content.strip():
        raise ServiceError("请填写事项内容", field="content")
    if not data.lead_units:
        raise ServiceError("请至少选择一个牵头单位", field="lead_units")
    if data.due_date is None:
        raise ServiceError("请填写完成时限", field="due_date")
    if data.leader is not None and not leader_users().filter(pk=data.leader.pk).exists():
        raise ServiceError("所选领导没有区领导角色", field="leader")
    rule = data.recurring_rule()
    if rule is not None:
        rule_validate(rule, today=clock.today())
