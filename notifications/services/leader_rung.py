"""The last rung of escalation: the leader who instructed a task (issue 16).

A task registered from a leader's instruction (policy_tasks TaskSource with a leader
account) escalates, after the unit's clerks, its head and the supervisors, to that leader.
The rung rides on the ladder the admin already keeps: the milestone rule that escalates to
supervisors (`notify_supervisors`, overdue) with the largest offset is the top rung, and when
it fires for a milestone of such a task the leader gets a ledger row of that rule too.

Its own small query with its own anti-join on the leader's rows, so the scan's queries
(scan.py, scan_sql.py) stay as they are: the supervisors' rows of the same rule do not hide
the leader's, and a repeated tick finds nothing. It runs after the scan has read its
candidates, because the scan's anti-join (candidates._not_in_ledger) ignores the recipient:
a leader's row inserted first would hide the supervisors'. Rows go in with the ledger's
unique key (ON CONFLICT DO NOTHING), like every other reminder.
"""

from __future__ import annotations

from datetime import date, datetime

from django.db.models import Exists, OuterRef

from accounts.models import User
from notifications.models import Delivery, NotificationPreference, ReminderRule, Subject
from notifications.services import workcal as workdays
from notifications.services.candidates import last_anchor_fired, occurrence, open_milestones
from notifications.services.recipients import RecipientIndex, prefs_from_row
from notifications.services.timing import deliverable_at, next_digest_at

DIGEST_CHANNELS = ("email", "sms")


def top_rung(rules: list[ReminderRule] | None = None) -> ReminderRule | None:
    """The milestone rule that escalates to supervisors last: the leader hears with it."""
    if rules is None:
        rules = list(ReminderRule.objects.filter(is_active=True, subject_type=Subject.MILESTONE))
    ladder = [
        r
        for r in rules
        if r.subject_type == Subject.MILESTONE and r.notify_supervisors and r.offset_workdays > 0 and r.is_active
    ]
    return max(ladder, key=lambda r: (r.offset_workdays, r.pk), default=None)


def leader_rows(today: date, now: datetime, created: datetime) -> list[Delivery]:
    """The leader's ledger rows the top rung owes today and the ledger does not have yet."""
    rule = top_rung()
    if rule is None:
        return []
    leader = "task__source__leader_id"
    sent = Delivery.objects.filter(
        subject_type=Subject.MILESTONE,
        subject_id=OuterRef("pk"),
        subject_ref=0,
        rule=rule,
        due_date=OuterRef("due_date"),
        recipient_id=OuterRef(leader),
    )
    if rule.repeat_every_workdays:
        sent = sent.filter(fire_date__gt=workdays.add_workdays(today, -rule.repeat_every_workdays))
    hits = list(
        open_milestones()
        .filter(
            due_date__lte=last_anchor_fired(rule.offset_workdays, today),
            task__source__leader__isnull=False,
            task__source__leader__is_active=True,
        )
        .filter(~Exists(sent))
        .values_list("pk", "task_id", "due_date", leader)
    )
    if not hits:
        return []
    index = _index({user_id for *_, user_id in hits})
    rows = []
    for pk, task_id, due, user_id in hits:
        fired = occurrence(rule, due, today)
        if fired is None:
            continue
        prefs = index.prefs_of(user_id)
        for channel in index.channels(user_id):
            at = next_digest_at(now) if prefs.digest and channel in DIGEST_CHANNELS else now
            rows.append(
                Delivery(
                    subject_type=Subject.MILESTONE,
                    subject_id=pk,
                    subject_ref=0,
                    task_id=task_id,
                    rule=rule,
                    due_date=due,
                    occurrence=fired[0],
                    fire_date=fired[1],
                    recipient_id=user_id,
                    channel=channel,
                    next_attempt_at=deliverable_at(at, channel=channel, quiet=prefs.quiet),
                    created_at=created,
                )
            )
    return rows


def escalate_to_leaders(today: date, now: datetime, created: datetime) -> int:
    """Insert the leader rung's rows; returns how many were offered (conflicts are skipped)."""
    rows = leader_rows(today, now, created)
    Delivery.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _index(user_ids: set[int]) -> RecipientIndex:
    """Contacts and preferences of the leaders only (the scan's index holds units' people)."""
    index = RecipientIndex()
    for row in NotificationPreference.objects.filter(user_id__in=user_ids):
        index.prefs[row.user_id] = prefs_from_row(row)
    contacts = User.objects.filter(pk__in=user_ids).values_list("pk", "email", "phone", "dingtalk_userid")
    for pk, email, phone, dingtalk_userid in contacts:
        index.contact[pk] = (email or "", phone or "")
        if dingtalk_userid:
            index.dingtalk_ids.add(pk)
    return index
