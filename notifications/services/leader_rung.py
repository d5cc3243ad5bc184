"""The last rung of escalation: the leader who instructed a task (issue 16).

A task registered from a leader's instruction (policy_tasks TaskSource with a leader
account) escalates, after the unit's clerks, its head and the supervisors, to that leader.
The rung rides on the ladders the admin already keeps (`top_rung`): when the last overdue
rule fires for a milestone of such a task, or for an urge notice (督办单) of it that a unit
has not answered by its reply date, the leader gets a ledger row of that rule too.

Its own small query, with the scan's anti-join (candidates.not_in_ledger) narrowed to the leader's
rows, so the scan's queries
(candidates.py, scan_write.py) stay as they are: the supervisors' rows of the same rule do not hide
the leader's, and a repeated tick finds nothing. It runs after the scan has read its
candidates, because the scan's anti-join, not narrowed, ignores the recipient:
a leader's row inserted first would hide the supervisors'. The scan writes the rows built here
with scan_write.write_rows (ON CONFLICT DO NOTHING on the ledger's key), like every other reminder.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from django.db.models import Exists, OuterRef

from notifications.models import Delivery, ReminderRule, Subject
from notifications.services.candidates import URGE_LOOKBACK_DAYS, not_in_ledger
from notifications.services.firing import last_anchor_fired, occurrence
from notifications.services.recipients import RecipientIndex
from notifications.services.remindable import open_milestones
from notifications.services.scan_plan import first_attempt_at
from policy_tasks.models import UrgeNotice, UrgeRecipient, in_force_q

LEADER = "task__source__leader_id"


def top_rung(subject: str = Subject.MILESTONE, rules: list[ReminderRule] | None = None) -> ReminderRule | None:
    """The rule that escalates last: the leader hears with it.

    Milestones: the overdue rule that notifies supervisors with the largest offset (the
    default `milestone_escalation`). Urge notices: the rule after the reply date with the
    largest offset (a late reply), if the admin keeps one.
    """
    if rules is None:
        rules = list(ReminderRule.objects.filter(is_active=True, subject_type=subject))
    ladder = [
        r
        for r in rules
        if r.subject_type == subject
        and r.is_active
        and r.anchor == ReminderRule.Anchor.DUE
        and r.offset_workdays > 0
        and (r.notify_supervisors or subject != Subject.MILESTONE)
    ]
    return max(ladder, key=lambda r: (r.offset_workdays, r.pk), default=None)


# (subject id, task id, due date, leader's user id)
_Hit = tuple[int, int, date, int]


def leader_milestone_hits(today: date) -> tuple[ReminderRule | None, list[_Hit]]:
    """(rule, [(milestone, task, due date, leader)]) the milestone top rung owes the leaders."""
    rule = top_rung(Subject.MILESTONE)
    if rule is None:
        return None, []
    hits = (
        open_milestones()
        .filter(
            due_date__lte=last_anchor_fired(rule.offset_workdays, today),
            task__source__leader__isnull=False,
            task__source__leader__is_active=True,
        )
        .filter(not_in_ledger(Subject.MILESTONE, rule, today, recipient_field=LEADER))
        .values_list("pk", "task_id", "due_date", LEADER)
    )
    return rule, list(hits)


def leader_urge_hits(today: date) -> tuple[ReminderRule | None, list[_Hit]]:
    """(rule, [(notice, task, reply date, leader)]) for urge notices a unit has not replied to in time."""
    rule = top_rung(Subject.URGE)
    if rule is None:
        return None, []
    unanswered = UrgeRecipient.objects.filter(notice=OuterRef("pk"), replied_at=None)
    hits = (
        UrgeNotice.objects.filter(
            issued_at__date__gte=today - timedelta(days=URGE_LOOKBACK_DAYS),
            reply_due__lte=last_anchor_fired(rule.offset_workdays, today),
            task__source__leader__isnull=False,
            task__source__leader__is_active=True,
        )
        .filter(in_force_q("task__"))
        .filter(Exists(unanswered))
        .filter(not_in_ledger(Subject.URGE, rule, today, due_field="reply_due", recipient_field=LEADER))
        .order_by()
        .values_list("pk", "task_id", "reply_due", LEADER)
    )
    return rule, list(hits)


def leader_rows(today: date, now: datetime, created: datetime) -> list[Delivery]:
    """The leaders' ledger rows the top rungs owe today and the ledger does not have yet."""
    found = [(Subject.MILESTONE, *leader_milestone_hits(today)), (Subject.URGE, *leader_urge_hits(today))]
    users = {hit[3] for _, _, hits in found for hit in hits}
    if not users:
        return []
    index = RecipientIndex.of_people(users)
    rows = []
    for subject, rule, hits in found:
        if rule is None:  # no top rung: no hits either
            continue
        for pk, task_id, due, user_id in hits:
            fired = occurrence(rule, due, today)
            if fired is None:
                continue
            prefs = index.prefs_of(user_id)
            for channel in index.channels(user_id):
                rows.append(
                    Delivery(
                        subject_type=subject,
                        subject_id=pk,
                        subject_ref=0,
                        task_id=task_id,
                        rule=rule,
                        due_date=due,
                        occurrence=fired[0],
                        fire_date=fired[1],
                        recipient_id=user_id,
                        channel=channel,
                        next_attempt_at=first_attempt_at(now, channel, prefs),
                        created_at=created,
                    )
                )
    return rows
