"""Calendar feeds (.ics): every open milestone's due date, for phone and desktop calendars.

A feed lives behind a secret URL because calendar apps cannot log in. The secret
is shown once when created; the database keeps only its SHA-256, so a leaked
database backup does not leak working feed URLs. A revoked or unknown token is a
404, the same answer as a URL that never existed.

The owner's access is checked on every fetch, not only at creation: someone who
leaves a unit stops receiving its deadlines without anyone revoking anything.
Feeds contain clause milestones with a due date that are not closed (awaiting
review still counts as open: the deadline still binds), as all-day events with
a UID fixed per milestone, so an extension moves the event instead of adding one.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Prefetch, QuerySet
from icalendar import Alarm, Calendar, Event

from accounts.models import Unit, User
from duban.lib import clock
from policy_tasks.errors import Forbidden, InvalidState, NotFound
from policy_tasks.models import AuditAction, CalendarToken, Milestone, TaskUnit
from policy_tasks.permissions import can, visible_tasks
from policy_tasks.services.audit import RequestMeta, actor_for, audit_record

REMINDER_DAYS = (3, 1)
TOUCH_EVERY = timedelta(hours=1)


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _may_follow_unit(user: User, unit: Unit) -> bool:
    # A deactivated owner's tokens stop with their sign-in.
    return user.is_active and can(user, "calendar.follow_unit", unit)


def feed_milestones(*, user: User, unit: Unit | None = None) -> QuerySet[Milestone]:
    """Open, dated clause milestones the user may see (of `unit`'s tasks when given)."""
    tasks = visible_tasks(user)
    if unit is not None:
        tasks = tasks.filter(pk__in=TaskUnit.objects.filter(unit=unit).values("task_id"))
    return (
        Milestone.objects.live()
        .filter(task__in=tasks.values("pk"), due_date__isnull=False)
        .select_related("task", "document")
        .prefetch_related(
            Prefetch("task__task_units", queryset=TaskUnit.objects.select_related("unit").order_by("position"))
        )
        .order_by("due_date", "task__number", "position", "pk")
    )


def _description(m: Milestone) -> str:
    assert m.task is not None, "a feed lists clause milestones (feed_milestones)"
    units = list(m.task.task_units.all())
    lead = "、".join(tu.unit.name for tu in units if tu.role == TaskUnit.Role.LEAD)
    co = "、".join(tu.unit.name for tu in units if tu.role == TaskUnit.Role.CO)
    lines = [f"{m.document.doc_number} 第{m.task.ref}条 {m.task.title}", f"牵头单位：{lead}"]
    if co:
        lines.append(f"配合单位：{co}")
    due = f"完成时限：{m.due_date:%Y-%m-%d}"
    if m.original_due_date and m.original_due_date != m.due_date:
        due += f"（原定{m.original_due_date:%Y-%m-%d}，已延期）"
    lines += [due, f"状态：{m.get_status_display()}"]
    return "\n".join(lines)


def build_calendar(milestones: Iterable[Milestone], *, name: str) -> bytes:
    host = urlsplit(settings.SITE_URL).hostname or "duban.local"
    cal = Calendar()
    cal.add("prodid", "-//Duban//督办系统//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    cal.add("refresh-interval", timedelta(hours=6), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "PT6H")
    stamp = clock.now()
    for m in milestones:
        assert m.due_date is not None, "a feed lists dated milestones (feed_milestones)"
        event = Event()
        event.add("uid", f"milestone-{m.pk}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", m.due_date)
        event.add("dtend", m.due_date + timedelta(days=1))
        event.add("summary", m.text)
        event.add("description", _description(m))
        event.add("sequence", m.version)
        event.add("transp", "TRANSPARENT")
        event.add("categories", ["督办"])
        for days in REMINDER_DAYS:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"{days}天后到期：{m.text}")
            alarm.add("trigger", -timedelta(days=days))
            event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()


@transaction.atomic
def calendar_token_create(
    *, user: User, unit: Unit | None = None, label: str = "", meta: RequestMeta | None = None
) -> tuple[CalendarToken, str]:
    """A new feed token; returns it with the raw secret, which is never retrievable again."""
    if not user.is_authenticated:
        raise Forbidden("请先登录")
    if unit is not None and not _may_follow_unit(user, unit):
        raise NotFound("单位不存在或无权查看")
    raw = secrets.token_urlsafe(32)
    token = CalendarToken.objects.create(
        owner=user,
        unit=unit,
        label=(label or (f"{unit.name}的时限" if unit else "我的时限"))[:64],
        token_hash=hash_token(raw),
        created_at=clock.now(),
    )
    audit_record(
        actor=actor_for(user, unit=unit, meta=meta),
        action=AuditAction.CALENDAR_TOKEN_CREATE,
        obj=token,
        after={"unit": unit.pk if unit else None, "label": token.label},
    )
    return token, raw


@transaction.atomic
def calendar_token_revoke(*, user: User, token: CalendarToken, meta: RequestMeta | None = None) -> CalendarToken:
    """Revoke one of the user's own tokens (admins may revoke anyone's)."""
    # Another person's subscription is theirs to manage, or the account administrator's.
    if token.owner_id != user.pk and not can(user, "account.manage"):
        raise NotFound("订阅不存在")
    now = clock.now()
    if not CalendarToken.objects.filter(pk=token.pk, revoked_at=None).update(revoked_at=now):
        raise InvalidState("该订阅已撤销")
    token.revoked_at = now
    audit_record(
        actor=actor_for(user, unit=token.unit, meta=meta),
        action=AuditAction.CALENDAR_TOKEN_REVOKE,
        obj=token,
        before={"revoked_at": None},
        after={"revoked_at": now},
    )
    return token


def calendar_for_token(raw: str) -> tuple[bytes, CalendarToken]:
    """The feed a secret opens. NotFound for unknown or revoked tokens and lost access."""
    token = (
        CalendarToken.objects.filter(token_hash=hash_token(raw or ""), revoked_at=None)
        .select_related("owner", "unit")
        .first()
    )
    if token is None or not token.owner.is_active:
        raise NotFound("订阅不存在或已撤销")
    if token.unit is not None and not _may_follow_unit(token.owner, token.unit):
        raise NotFound("订阅不存在或已撤销")
    now = clock.now()
    # Bookkeeping only, at most hourly: a phone polling every few minutes must not write each time.
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        CalendarToken.objects.filter(pk=token.pk).update(last_used_at=now)
    name = f"督办：{token.unit.name}" if token.unit else f"督办：{token.owner}"
    return build_calendar(feed_milestones(user=token.owner, unit=token.unit), name=name), token
